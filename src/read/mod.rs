//! Reading the archive: files to [`Article`]s.
//!
//! [`walk()`] lists the files under the given paths; [`read_file`] turns one file into its
//! articles, choosing the format by extension. Nothing here knows of enrichment or indexes.
//! A file that cannot be read is never an error of the run: it becomes a [`SkipReason`] with a
//! one-line reason, and a partly broken file (a JSON Lines file with bad lines) yields its good
//! articles plus a [`Problem`] per bad part.

pub mod dateline;
pub mod decode;
pub mod front_matter;
pub mod html;
pub mod json;
pub mod nesting;
pub mod walk;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Article;

pub use walk::{
    name_under, normalize_root, starts_with_name, walk, walk_lazily, walk_roots, WalkOptions, WalkRoot,
    Walked,
};

/// The formats casefile reads, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `.txt`, `.md`, `.markdown`: optional YAML front matter, then the body.
    Text,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.html`, `.htm`.
    Html,
}

impl Format {
    /// The format of `path` by its extension, if casefile reads it.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format of content that has no file name (standard input), by its first character:
    /// `{` JSON Lines, `[` JSON, `<` HTML, anything else text with optional front matter.
    ///
    /// ```
    /// use casefile::read::Format;
    /// assert_eq!(Format::sniff(b"  {\"title\": \"x\"}\n"), Format::JsonLines);
    /// assert_eq!(Format::sniff(b"---\ntitle: x\n---\nBody."), Format::Text);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Format {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::JsonLines,
            Some(b'[') => Format::Json,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Why a file was skipped as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "detail")]
pub enum SkipReason {
    /// Its extension is not a format casefile reads.
    Unsupported,
    /// A documentation file of the archive (`README`, `LICENSE`, `CHANGELOG`), not an article.
    Documentation,
    /// It is empty (or only white space).
    Empty,
    /// It is larger than the size limit.
    TooLarge(u64),
    /// It looks binary (NUL bytes) despite a text extension.
    Binary,
    /// It could not be read (permissions, vanished during the run, ...).
    Unreadable(String),
    /// Its content could not be parsed at all (malformed front matter, JSON).
    Malformed(String),
    /// Its path is not valid UTF-8.
    NonUtf8Path,
    /// A symbolic-link loop.
    SymlinkLoop,
    /// A symbolic link, not followed without `--follow`.
    Symlink,
    /// casefile itself failed on it (a bug: the panic's message). The rest of the run goes on.
    Internal(String),
}

impl SkipReason {
    /// A short stable key for counting skips by reason (`unsupported`, `too_large`, ...).
    pub fn key(&self) -> &'static str {
        match self {
            SkipReason::Unsupported => "unsupported",
            SkipReason::Documentation => "documentation",
            SkipReason::Empty => "empty",
            SkipReason::TooLarge(_) => "too_large",
            SkipReason::Binary => "binary",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Malformed(_) => "malformed",
            SkipReason::NonUtf8Path => "non_utf8_path",
            SkipReason::SymlinkLoop => "symlink_loop",
            SkipReason::Symlink => "symlink",
            SkipReason::Internal(_) => "internal_error",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unsupported => {
                write!(f, "not a format casefile reads (.txt .md .jsonl .ndjson .json .html .htm)")
            }
            SkipReason::Documentation => write!(f, "documentation file of the archive, not an article"),
            SkipReason::Empty => write!(f, "empty file"),
            SkipReason::TooLarge(n) => {
                write!(f, "file of {n} bytes is over the size limit (raise it with --max-file-size)")
            }
            SkipReason::Binary => write!(f, "binary content (NUL bytes) in a text file"),
            SkipReason::Unreadable(e) => write!(f, "cannot be read: {e}"),
            SkipReason::Malformed(e) => write!(f, "malformed: {e}"),
            SkipReason::NonUtf8Path => write!(f, "path is not valid UTF-8"),
            SkipReason::SymlinkLoop => write!(f, "symbolic link loop"),
            SkipReason::Symlink => write!(f, "symbolic link, not followed (use --follow)"),
            SkipReason::Internal(e) => {
                write!(f, "casefile failed on this file ({e}); this is a bug, please report it with the file")
            }
        }
    }
}

/// A problem with part of a file that was otherwise read (a broken JSON Lines record, invalid
/// UTF-8 bytes that were replaced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, in one line.
    pub message: String,
}

/// What reading one file produced.
#[derive(Debug, Clone, Default)]
pub struct FileRead {
    /// The articles the file holds.
    pub articles: Vec<Article>,
    /// Problems with parts of the file that did not stop the rest from being read.
    pub problems: Vec<Problem>,
    /// Set when the file was skipped as a whole.
    pub skipped: Option<SkipReason>,
}

impl FileRead {
    fn skip(reason: SkipReason) -> FileRead {
        FileRead { skipped: Some(reason), ..FileRead::default() }
    }
}

/// How files are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { max_file_size: 64 << 20 }
    }
}

/// Reads one file into its articles. Never fails: problems become [`FileRead::skipped`] or
/// [`FileRead::problems`].
pub fn read_file(path: &Path, options: &ReadOptions) -> FileRead {
    let Some(format) = Format::of(path) else {
        return FileRead::skip(SkipReason::Unsupported);
    };
    if is_documentation(path) {
        return FileRead::skip(SkipReason::Documentation);
    }
    if path.to_str().is_none() {
        return FileRead::skip(SkipReason::NonUtf8Path);
    }
    match std::fs::metadata(path) {
        Ok(m) if m.len() > options.max_file_size => return FileRead::skip(SkipReason::TooLarge(m.len())),
        Ok(_) => {}
        Err(e) => return FileRead::skip(SkipReason::Unreadable(e.to_string())),
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return FileRead::skip(SkipReason::Unreadable(e.to_string())),
    };
    read_bytes(path, &bytes, format)
}

/// Parses the bytes of a file of the given format (the part of [`read_file`] after I/O).
pub fn read_bytes(path: &Path, bytes: &[u8], format: Format) -> FileRead {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return FileRead::skip(SkipReason::Empty);
    }
    // UTF-16 text is half NUL bytes: only its byte order mark tells it from binary data.
    let utf16 = decode::utf16_bom(bytes).is_some();
    if !utf16 && memchr::memchr(0, bytes).is_some() {
        return FileRead::skip(SkipReason::Binary);
    }
    let decoded = decode::decode(bytes);
    if utf16 && decoded.text.trim().is_empty() {
        return FileRead::skip(SkipReason::Empty);
    }
    let mut problems = Vec::new();
    if let Some(note) = &decoded.note {
        problems.push(Problem { line: None, message: note.clone() });
    }
    let mut read = match format {
        Format::Text => front_matter::read(path, &decoded.text, decoded.verbatim),
        Format::JsonLines => json::read_lines(path, &decoded.text),
        Format::Json => json::read_document(path, &decoded.text),
        Format::Html => html::read(path, &decoded.text),
    };
    problems.append(&mut read.problems);
    read.problems = problems;
    for article in &mut read.articles {
        dateline::fill(article);
    }
    read
}

/// True for the documentation files an archive folder commonly carries (`README.md`,
/// `LICENSE.txt`, `CHANGELOG.md`): they describe the archive and are not articles.
pub fn is_documentation(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    ["readme", "license", "licence", "changelog", "contributing"]
        .contains(&stem.to_ascii_lowercase().as_str())
}

/// An article id derived from a path: the path without its extension, `/`-separated, without
/// leading `.`, `..` or root components (`../archive/2024/a.txt` gives `archive/2024/a`).
pub fn id_from_path(path: &Path) -> String {
    use std::path::Component;
    let p: PathBuf = path.with_extension("");
    let parts: Vec<String> = p
        .components()
        .skip_while(|c| {
            matches!(c, Component::CurDir | Component::ParentDir | Component::RootDir | Component::Prefix(_))
        })
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_paths_drop_relative_prefixes() {
        assert_eq!(id_from_path(Path::new("../shared/seed/a.txt")), "shared/seed/a");
        assert_eq!(id_from_path(Path::new("./corpus/asia/b.md")), "corpus/asia/b");
        assert_eq!(id_from_path(Path::new("/srv/news/c.jsonl")), "srv/news/c");
    }

    #[test]
    fn documentation_files_are_not_articles() {
        assert!(is_documentation(Path::new("corpus/README.md")));
        assert!(!is_documentation(Path::new("corpus/readers-digest.md")));
        let r = read_file(Path::new("corpus/README.md"), &ReadOptions::default());
        assert_eq!(r.skipped, Some(SkipReason::Documentation));
    }

    #[test]
    fn binary_and_empty_files_are_skipped() {
        let p = Path::new("x.txt");
        assert_eq!(read_bytes(p, b"abc\0def", Format::Text).skipped, Some(SkipReason::Binary));
        assert_eq!(read_bytes(p, b"  \n ", Format::Text).skipped, Some(SkipReason::Empty));
        let latin = read_bytes(p, b"Caf\xe9 au lait.", Format::Text);
        assert_eq!(latin.articles[0].body, "Caf\u{e9} au lait.");
        assert_eq!(latin.problems.len(), 1);
    }

    #[test]
    fn utf16_files_with_a_byte_order_mark_are_read() {
        let utf16 = |text: &str| -> Vec<u8> {
            [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
        };
        let p = Path::new("x.md");
        let read = read_bytes(p, &utf16("---\ntitle: \"Talks\"\n---\nEnvoys met in Doha."), Format::Text);
        assert_eq!(read.skipped, None);
        assert_eq!(
            (read.articles[0].title.as_str(), read.articles[0].body.as_str()),
            ("Talks", "Envoys met in Doha.")
        );
        assert!(read.problems.is_empty());
        assert_eq!(read_bytes(p, &utf16(" \r\n"), Format::Text).skipped, Some(SkipReason::Empty));
        assert_eq!(
            read_bytes(p, b"a\0b\0", Format::Text).skipped,
            Some(SkipReason::Binary),
            "no mark: binary"
        );
    }
}
