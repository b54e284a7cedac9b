//! Text and Markdown files: optional YAML front matter between `---` lines, then the body.

use std::path::Path;

use serde_json::{Map, Value};

use crate::article::{title_from_body, Article, BodyOrigin};
use crate::read::{id_from_path, json, FileRead, Problem, SkipReason};

/// Reads a text or Markdown file whose decoded content is `text`. `verbatim` is the file offset
/// of `text` when it is a verbatim slice of the file.
pub fn read(path: &Path, text: &str, verbatim: Option<usize>) -> FileRead {
    let (fields, body_start) = match split_front_matter(text) {
        Ok(Some((yaml, body_start))) => match parse_yaml(yaml) {
            Ok(fields) => (fields, body_start),
            Err(e) => return FileRead { skipped: Some(SkipReason::Malformed(e)), ..FileRead::default() },
        },
        Ok(None) => (Map::new(), 0),
        Err(e) => return FileRead { skipped: Some(SkipReason::Malformed(e)), ..FileRead::default() },
    };
    let rest = &text[body_start..];
    // A leading block of "- " lines is the article's key points.
    let (key_points, body_offset) = key_points(rest);
    let body_start = body_start + body_offset;
    let body = text[body_start..].trim_end();
    let lead = body.len() - body.trim_start().len();
    let body_start = body_start + lead;
    let body = &body[lead..];
    if body.is_empty() {
        return FileRead { skipped: Some(SkipReason::Empty), ..FileRead::default() };
    }

    let mut article = Article::new(id_from_path(path), path, body);
    article.origin = match verbatim {
        Some(offset) => BodyOrigin::Verbatim { offset: offset + body_start },
        None => BodyOrigin::Derived,
    };
    if !key_points.is_empty() {
        article.title = key_points[0].to_string();
        article.summary = Some(key_points.join("\n"));
    }
    let mut problems = Vec::new();
    if let Err(e) = json::apply_fields(&mut article, &fields) {
        problems.push(Problem { line: None, message: e });
    }
    if article.title.is_empty() {
        article.title = title_from_body(body);
    }
    FileRead { articles: vec![article], problems, skipped: None }
}

/// Finds a front-matter block. Returns the YAML text and the byte offset where the body starts,
/// `None` when the file has no front matter, or an error for an unterminated block.
fn split_front_matter(text: &str) -> Result<Option<(&str, usize)>, String> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Ok(None);
    }
    let mut offset = first_end + 1;
    while offset <= text.len() {
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[offset..line_end].trim_end();
        if line == "---" || line == "..." {
            let yaml = &text[first_end + 1..offset];
            return Ok(Some((yaml, (line_end + 1).min(text.len()))));
        }
        if line_end == text.len() {
            break;
        }
        offset = line_end + 1;
    }
    Err("front matter opened with `---` is never closed by a `---` line".to_string())
}

fn parse_yaml(yaml: &str) -> Result<Map<String, Value>, String> {
    if yaml.trim().is_empty() {
        return Ok(Map::new());
    }
    if let Some(fields) = simple_fields(yaml) {
        return Ok(fields);
    }
    if flow_depth_exceeds(yaml, MAX_FLOW_DEPTH) {
        return Err(format!(
            "front matter is not valid YAML: collections nested more than {MAX_FLOW_DEPTH} deep"
        ));
    }
    let value: Value = serde_norway::from_str(yaml)
        .map_err(|e| format!("front matter is not valid YAML: {}", e.to_string().replace('\n', " ")))?;
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err("front matter must be `key: value` lines".to_string()),
    }
}

/// The deepest nesting of YAML flow collections (`[…]`, `{…}`) that is handed to the YAML
/// parser: the parser's own limit, which it reports only after reading the whole of the nesting,
/// in time that grows with its square (40,000 brackets took 5 s, 100,000 half a minute).
const MAX_FLOW_DEPTH: usize = 128;

/// Whether `yaml` opens more than `limit` flow collections inside one another, counting the
/// brackets outside quoted scalars. (A bracket inside a plain scalar counts too: no real front
/// matter holds a hundred unmatched ones.)
fn flow_depth_exceeds(yaml: &str, limit: usize) -> bool {
    let (mut depth, mut quote, mut previous) = (0usize, None, b'\n');
    let bytes = yaml.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            // `\"` in a double-quoted scalar, `''` in a single-quoted one, do not close it.
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' if matches!(previous, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':') => {
                    quote = Some(b)
                }
                b'#' if matches!(previous, b' ' | b'\t' | b'\n') => {
                    i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = bytes.get(i).copied().unwrap_or(b'\n');
        i += 1;
    }
    false
}

/// The fields of front matter written only as `key: "value"` lines (the form the sample
/// archive, the generated corpora and the shared reporting use), without a YAML parser, which took
/// a twentieth of the time of indexing without enrichment. `None` for anything else (a value
/// that is not double-quoted, a backslash escape, a comment, a repeated key), which YAML reads.
/// A double-quoted YAML scalar without escapes is its characters as written, so both readings
/// agree wherever this one answers.
fn simple_fields(yaml: &str) -> Option<Map<String, Value>> {
    let mut fields = Map::new();
    for line in yaml.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        let value = value.trim_start().strip_prefix('"')?.strip_suffix('"')?;
        if !key_ok || value.contains(['"', '\\']) || value.chars().any(|c| c.is_control() && c != '\t') {
            return None;
        }
        if fields.insert(key.to_string(), Value::String(value.to_string())).is_some() {
            return None;
        }
    }
    Some(fields)
}

/// Leading `- ` lines (after optional blank lines) and the offset just past them.
fn key_points(text: &str) -> (Vec<&str>, usize) {
    let mut points = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(point) = trimmed.strip_prefix("- ") {
            points.push(point.trim());
        } else if !(trimmed.is_empty() && points.is_empty()) {
            break;
        }
        offset += line.len();
    }
    if points.is_empty() {
        (points, 0)
    } else {
        (points, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let text = "---\nid: \"a1\"\ntitle: \"T\"\npublished: 2024-11-04T09:30:00+09:00\nauthors: [A, B]\n---\n\nBody here.\n";
        let r = read(Path::new("x.txt"), text, Some(0));
        let a = &r.articles[0];
        assert_eq!(a.id, "a1");
        assert_eq!(a.title, "T");
        assert_eq!(a.published.unwrap().to_string(), "2024-11-04");
        assert_eq!(a.authors, ["A", "B"]);
        assert_eq!(a.body, "Body here.");
        let BodyOrigin::Verbatim { offset } = a.origin else { panic!() };
        assert_eq!(&text[offset..offset + a.body.len()], a.body);
    }

    #[test]
    fn key_points_become_summary_and_title() {
        let text = "- Point one.\n- Point two.\nThe body.\nMore.";
        let r = read(Path::new("dir/seed.txt"), text, Some(0));
        let a = &r.articles[0];
        assert_eq!(a.id, "dir/seed");
        assert_eq!(a.title, "Point one.");
        assert_eq!(a.summary.as_deref(), Some("Point one.\nPoint two."));
        assert_eq!(a.body, "The body.\nMore.");
    }

    #[test]
    fn flow_collections_nested_past_the_parsers_limit_are_refused_before_parsing() {
        let deep = |n: usize| format!("title: x\nz: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert!(!flow_depth_exceeds(&deep(MAX_FLOW_DEPTH), MAX_FLOW_DEPTH));
        assert!(flow_depth_exceeds(&deep(MAX_FLOW_DEPTH + 1), MAX_FLOW_DEPTH));
        // Brackets in quoted scalars and comments are not collections; an apostrophe inside a
        // plain scalar opens no quotation.
        let quoted = format!(
            "a: \"{}\"\nb: '{}'\n# {}\nc: Blinken's [{{x: [1]}}]\n",
            "[".repeat(300),
            "{".repeat(300),
            "[".repeat(300)
        );
        assert!(!flow_depth_exceeds(&quoted, 3));
        assert!(flow_depth_exceeds(&quoted, 2));
        let text = format!("---\n{}---\nBody.\n", deep(100_000));
        let (yaml, _) = split_front_matter(&text).unwrap().unwrap();
        let err = parse_yaml(yaml).unwrap_err();
        assert_eq!(err, "front matter is not valid YAML: collections nested more than 128 deep");
    }

    #[test]
    fn unclosed_front_matter_is_malformed() {
        let r = read(Path::new("x.md"), "---\ntitle: x\nbody", Some(0));
        assert!(matches!(r.skipped, Some(SkipReason::Malformed(_))));
    }

    #[test]
    fn quoted_lines_read_as_yaml_reads_them() {
        let cases = [
            "id: \"a1\"\ntitle: \"Blinken: Moscow's plan, 'space' \u{2014} and more  \"\nsource: \"Wire\"\n",
            "title: \"Tab\tinside\"\n\nurl: \"https://example.org/a?b=c#d\"\n",
            "key_2-b: \"\"\n",
        ];
        for yaml in cases {
            let fast = simple_fields(yaml).expect("simple lines");
            let full: Value = serde_norway::from_str(yaml).unwrap();
            assert_eq!(Value::Object(fast), full, "{yaml:?}");
        }
        // Anything else is left to YAML.
        for yaml in [
            "published: 2024-11-04\n",
            "title: \"a \\\"quoted\\\" word\"\n",
            "title: \"x\" # comment\n",
            "title: \"x\"\ntitle: \"y\"\n",
            "authors: [A, B]\n",
            "  title: \"x\"\n",
        ] {
            assert!(simple_fields(yaml).is_none(), "{yaml:?}");
        }
    }
}
