//! The manifest: what the index holds, file by file, so a rerun does only the work that changed.
//!
//! A manifest is written to a new file (`manifest-<n>.json`) before each commit, and the commit's
//! payload names it: the index and the manifest it points to change together in one atomic
//! commit, and a crash between the two leaves the previous pair in force.
//!
//! The file is JSON Lines: a header `{"format":2,"config":"…"}`, then one line per file,
//! `["path",{entry}]`, in walk order ([`walk_order`]). Both ways it is streamed, a line at a time
//! ([`ManifestReader`], [`ManifestWriter`]): an indexing run merges the walk with the manifest
//! instead of holding either, so its memory does not grow with the archive. (Manifests of format
//! 1, one JSON object, are still read: they are sorted in memory once, and rewritten as format 2
//! at the next commit.)

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// The manifest format this version writes.
pub const MANIFEST_FORMAT: u32 = 2;

/// What the index holds of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Size in bytes when read.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when read (0 when unknown).
    pub mtime_ns: i128,
    /// BLAKE3 hash of the content.
    pub hash: ContentHash,
    /// Ids of the articles the file produced and the index holds.
    pub ids: Box<[String]>,
    /// Passages indexed for those articles.
    pub passages: u64,
    /// Ids of articles in the file that were not indexed because another file holds them: when
    /// that file lets go of one (it is deleted), this file is read again.
    #[serde(default, skip_serializing_if = "<[String]>::is_empty")]
    pub shadowed: Box<[String]>,
}

/// The order of the files in a manifest, which is the order a walk reaches them: [`Path`]'s,
/// component by component (`a/b` before `a-b`, where the bytes of the whole string would put
/// `-` first).
pub fn walk_order(a: &str, b: &str) -> Ordering {
    Path::new(a).cmp(Path::new(b))
}

/// How many files, articles and passages a manifest holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Files.
    pub files: u64,
    /// Articles.
    pub articles: u64,
    /// Passages.
    pub passages: u64,
}

impl Totals {
    fn add(&mut self, entry: &FileEntry) {
        self.files += 1;
        self.articles += entry.ids.len() as u64;
        self.passages += entry.passages;
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    config: String,
    /// The folders (and files) indexed, by name, each with where it was when last indexed.
    #[serde(default, skip_serializing_if = "Roots::is_empty")]
    roots: Roots,
}

/// The roots an index knows, by name (as files under them are named in the manifest), each with
/// its canonical path when it was last indexed: see [`crate::index::roots`].
pub type Roots = BTreeMap<String, PathBuf>;

/// Format 1: the whole manifest as one JSON object.
#[derive(Deserialize)]
struct Format1 {
    config: String,
    files: BTreeMap<String, FileEntry>,
}

/// Reads a manifest one file at a time, in walk order.
pub struct ManifestReader {
    config: String,
    roots: Roots,
    path: PathBuf,
    lines: Lines,
    line: usize,
}

enum Lines {
    Empty,
    File(BufReader<std::fs::File>),
    Format1(std::vec::IntoIter<(String, FileEntry)>),
}

impl ManifestReader {
    /// Opens the manifest at `path` and reads its header.
    ///
    /// # Errors
    /// When the file cannot be read, or its header is not a manifest's.
    pub fn open(path: &Path) -> Result<ManifestReader> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let mut first = String::new();
        reader.read_line(&mut first).map_err(|e| Error::io(path, e))?;
        let path = path.to_path_buf();
        if let Ok(header) = serde_json::from_str::<Header>(&first) {
            if header.format != MANIFEST_FORMAT {
                return Err(Error::Invalid(format!(
                    "{}: manifest format {} is not one this casefile reads; rebuild with `casefile index --full`",
                    path.display(),
                    header.format
                )));
            }
            return Ok(ManifestReader {
                config: header.config,
                roots: header.roots,
                path,
                lines: Lines::File(reader),
                line: 1,
            });
        }
        let old: Format1 = serde_json::from_str(&first).map_err(|e| corrupt(&path, 1, &e))?;
        let mut files: Vec<(String, FileEntry)> = old.files.into_iter().collect();
        files.sort_by(|a, b| walk_order(&a.0, &b.0));
        Ok(ManifestReader {
            config: old.config,
            roots: Roots::new(),
            path,
            lines: Lines::Format1(files.into_iter()),
            line: 1,
        })
    }

    /// A manifest holding nothing, for an index built with `config`.
    pub fn empty(config: &str) -> ManifestReader {
        ManifestReader {
            config: config.to_string(),
            roots: Roots::new(),
            path: PathBuf::new(),
            lines: Lines::Empty,
            line: 0,
        }
    }

    /// The fingerprint of the index-config and layout the index was built with.
    pub fn config(&self) -> &str {
        &self.config
    }

    /// The roots the index knows (none in a manifest written before they were recorded).
    pub fn roots(&self) -> &Roots {
        &self.roots
    }

    /// Reads the rest of the manifest and counts what it holds.
    ///
    /// # Errors
    /// When a line cannot be read or parsed.
    pub fn totals(self) -> Result<Totals> {
        let mut totals = Totals::default();
        for file in self {
            totals.add(&file?.1);
        }
        Ok(totals)
    }
}

impl Iterator for ManifestReader {
    type Item = Result<(String, FileEntry)>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.lines {
            Lines::Empty => None,
            Lines::Format1(files) => files.next().map(Ok),
            Lines::File(reader) => {
                let mut line = String::new();
                self.line += 1;
                match reader.read_line(&mut line) {
                    Ok(0) => None,
                    Ok(_) => {
                        Some(serde_json::from_str(&line).map_err(|e| corrupt(&self.path, self.line, &e)))
                    }
                    Err(e) => Some(Err(Error::io(&self.path, e))),
                }
            }
        }
    }
}

fn corrupt(path: &Path, line: usize, e: &serde_json::Error) -> Error {
    Error::Invalid(format!(
        "{}: corrupt manifest (line {line}: {e}); rebuild with `casefile index --full`",
        path.display()
    ))
}

/// Writes a manifest one file at a time, in walk order; it takes its name only when finished.
pub struct ManifestWriter {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<std::fs::File>,
    totals: Totals,
}

impl ManifestWriter {
    /// Starts the manifest `path` (written as `path.tmp` until [`ManifestWriter::finish`]) of an
    /// index built with `config` from `roots`.
    ///
    /// # Errors
    /// On I/O errors.
    pub fn create(path: &Path, config: &str, roots: &Roots) -> Result<ManifestWriter> {
        let tmp = path.with_extension("tmp");
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let mut writer = ManifestWriter {
            path: path.to_path_buf(),
            tmp,
            out: BufWriter::with_capacity(1 << 16, file),
            totals: Totals::default(),
        };
        let header = Header { format: MANIFEST_FORMAT, config: config.to_string(), roots: roots.clone() };
        writer.line(&header)?;
        Ok(writer)
    }

    /// Adds the file at `path`; files must come in [`walk_order`].
    ///
    /// # Errors
    /// On I/O errors.
    pub fn push(&mut self, path: &str, entry: &FileEntry) -> Result<()> {
        self.totals.add(entry);
        self.line(&(path, entry))
    }

    fn line(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(|e| Error::Invalid(e.to_string()))?;
        self.out.write_all(b"\n").map_err(|e| Error::io(&self.tmp, e))
    }

    /// Flushes and fsyncs the manifest and gives it its name; returns what it holds.
    ///
    /// # Errors
    /// On I/O errors.
    pub fn finish(self) -> Result<Totals> {
        let ManifestWriter { path, tmp, out, totals } = self;
        let file = out.into_inner().map_err(|e| Error::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        Ok(totals)
    }
}

/// The BLAKE3 hash of a file's content.
///
/// Held as its 32 bytes where a hex `String` took 88 (64 on the heap, 24 beside), and written in
/// the manifest as the 64 lower-case hex digits it always was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash([u8; blake3::OUT_LEN]);

impl ContentHash {
    /// The hash of `content`.
    pub fn of(content: &[u8]) -> ContentHash {
        ContentHash(*blake3::hash(content).as_bytes())
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&blake3::Hash::from_bytes(self.0).to_hex())
    }
}

impl std::str::FromStr for ContentHash {
    type Err = blake3::HexError;

    /// Parses 64 hex digits.
    fn from_str(hex: &str) -> std::result::Result<ContentHash, blake3::HexError> {
        blake3::Hash::from_hex(hex).map(|hash| ContentHash(*hash.as_bytes()))
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&blake3::Hash::from_bytes(self.0).to_hex())
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<ContentHash, D::Error> {
        // A visitor rather than `<&str>::deserialize`: a manifest parsed from a reader hands out
        // strings it does not let us borrow.
        struct HexVisitor;
        impl de::Visitor<'_> for HexVisitor {
            type Value = ContentHash;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a BLAKE3 hash as 64 hex digits")
            }

            fn visit_str<E: de::Error>(self, hex: &str) -> std::result::Result<ContentHash, E> {
                hex.parse().map_err(|_| E::invalid_value(de::Unexpected::Str(hex), &self))
            }
        }
        deserializer.deserialize_str(HexVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELLO: &str = "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f";

    #[test]
    fn a_content_hash_is_the_blake3_hex_string_in_json() {
        let hash = ContentHash::of(b"hello");
        assert_eq!(hash.to_string(), blake3::hash(b"hello").to_hex().as_str());
        assert_eq!(hash.to_string(), HELLO);
        let json = serde_json::to_string(&hash).unwrap();
        assert_eq!(json, format!("\"{HELLO}\""));
        assert_eq!(serde_json::from_str::<ContentHash>(&json).unwrap(), hash);
        assert_eq!(serde_json::from_reader::<_, ContentHash>(json.as_bytes()).unwrap(), hash);
    }

    #[test]
    fn a_content_hash_that_is_not_64_hex_digits_is_refused() {
        for bad in ["\"\"", "\"abc\"", &format!("\"{}\"", &HELLO[..63]), &format!("\"{HELLO}0\""), "42"] {
            assert!(serde_json::from_str::<ContentHash>(bad).is_err(), "{bad}");
        }
        let not_hex = HELLO.replace('e', "g");
        assert!(not_hex.parse::<ContentHash>().is_err());
    }

    fn entry(size: u64, ids: &[&str]) -> FileEntry {
        FileEntry {
            size,
            mtime_ns: -5,
            hash: ContentHash::of(b"hello"),
            ids: ids.iter().map(|id| id.to_string()).collect(),
            passages: 3,
            shadowed: Box::default(),
        }
    }

    #[test]
    fn a_manifest_of_format_1_is_read_in_walk_order() {
        let before = format!(
            "{{\"config\":\"abc-layout2\",\"files\":{{\"/a-c.md\":{{\"size\":12,\"mtime_ns\":-5,\
             \"hash\":\"{HELLO}\",\"ids\":[\"x\",\"y\"],\"passages\":3}},\"/a/b.txt\":{{\"size\":0,\
             \"mtime_ns\":1795871575662849341,\"hash\":\"{HELLO}\",\"ids\":[],\"passages\":0}}}}}}"
        );
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("manifest-1-1.json");
        std::fs::write(&old, &before).unwrap();
        let reader = ManifestReader::open(&old).unwrap();
        assert_eq!(reader.config(), "abc-layout2");
        let files: Vec<(String, FileEntry)> = reader.map(Result::unwrap).collect();
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["/a/b.txt", "/a-c.md"], "walk order, not byte order");
        assert_eq!(files[1].1, entry(12, &["x", "y"]));
        let totals = ManifestReader::open(&old).unwrap().totals().unwrap();
        assert_eq!(totals, Totals { files: 2, articles: 2, passages: 3 });
    }

    #[test]
    fn a_manifest_reads_back_what_was_written_line_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest-2-1.json");
        let roots = Roots::from([("corpus".to_string(), PathBuf::from("/srv/corpus"))]);
        let mut writer = ManifestWriter::create(&path, "cfg", &roots).unwrap();
        let mut shadowing = entry(7, &["z"]);
        shadowing.shadowed = vec!["x".to_string()].into();
        writer.push("/a/b.txt", &entry(1, &["x", "y"])).unwrap();
        writer.push("/a-c.md", &shadowing).unwrap();
        assert!(!path.exists(), "named only when finished");
        assert_eq!(writer.finish().unwrap(), Totals { files: 2, articles: 3, passages: 6 });
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(
            text.starts_with(
                "{\"format\":2,\"config\":\"cfg\",\"roots\":{\"corpus\":\"/srv/corpus\"}}\n[\"/a/b.txt\",{\"size\":1,"
            ),
            "{text}"
        );
        let reader = ManifestReader::open(&path).unwrap();
        assert_eq!(reader.config(), "cfg");
        assert_eq!(reader.roots(), &roots);
        let files: Vec<(String, FileEntry)> = reader.map(Result::unwrap).collect();
        assert_eq!(
            files,
            [("/a/b.txt".to_string(), entry(1, &["x", "y"])), ("/a-c.md".to_string(), shadowing)]
        );
        assert_eq!(ManifestReader::empty("c").count(), 0);
    }

    #[test]
    fn walk_order_goes_by_path_component() {
        let mut paths = vec!["/a-b/c", "/a/b/c", "/a/b", "/a.txt", "/a/b-c", "/ab"];
        paths.sort_by(|a, b| walk_order(a, b));
        assert_eq!(paths, ["/a/b", "/a/b/c", "/a/b-c", "/a-b/c", "/a.txt", "/ab"]);
    }

    #[test]
    fn a_damaged_manifest_is_reported_as_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest-1-1.json");
        std::fs::write(&path, "{\"config\":\"x\",\"files\":{\"/a\":{\"size\":1,").unwrap();
        let err = ManifestReader::open(&path).err().unwrap().to_string();
        assert!(err.contains("corrupt manifest"), "{err}");
        std::fs::write(&path, "{\"format\":2,\"config\":\"x\"}\n[\"/a\",{\"size\":1}]\n").unwrap();
        let err = ManifestReader::open(&path).unwrap().next().unwrap().unwrap_err().to_string();
        assert!(err.contains("corrupt manifest (line 2"), "{err}");
        let err = ManifestReader::open(&dir.path().join("missing.json")).err().unwrap();
        assert!(matches!(err, Error::Io { .. }), "{err}");
    }
}
