//! JSON and JSON Lines articles, and the metadata keys every format shares.

use std::path::Path;

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::article::{title_from_body, Article, BodyOrigin};
use crate::read::{id_from_path, FileRead, Problem, SkipReason};

/// Keys that may hold the body, in order of preference.
const BODY_KEYS: &[&str] = &["body", "text", "content"];

/// Reads a JSON Lines file: one article object per line. A broken line becomes a [`Problem`]
/// with its line number; the other lines are still read.
pub fn read_lines(path: &Path, text: &str) -> FileRead {
    let mut read = FileRead::default();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(|v| article_from_value(path, v, &format!("{}#L{number}", id_from_path(path))));
        match result {
            Ok(mut article) => {
                article.origin = BodyOrigin::JsonLine { line: number };
                read.articles.push(article);
            }
            Err(message) => read.problems.push(Problem { line: Some(number), message }),
        }
    }
    if read.articles.is_empty() && !read.problems.is_empty() {
        // One reason for the whole file: a feed of a thousand records of the wrong shape is one
        // mistake, not a thousand lines of stderr.
        let problems = std::mem::take(&mut read.problems);
        let first = &problems[0];
        read.skipped = Some(SkipReason::Malformed(format!(
            "no readable line of {} (line {}: {})",
            problems.len(),
            first.line.unwrap_or(0),
            first.message
        )));
    }
    read
}

/// Reads a JSON file holding one article object or an array of them.
pub fn read_document(path: &Path, text: &str) -> FileRead {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return FileRead {
                skipped: Some(SkipReason::Malformed(format!("invalid JSON: {e}"))),
                ..FileRead::default()
            }
        }
    };
    let base = id_from_path(path);
    let mut read = FileRead::default();
    match value {
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                match article_from_value(path, item, &format!("{base}#{i}")) {
                    Ok(a) => read.articles.push(a),
                    Err(message) => read
                        .problems
                        .push(Problem { line: None, message: format!("array item {i}: {message}") }),
                }
            }
            if read.articles.is_empty() && !read.problems.is_empty() {
                let problems = std::mem::take(&mut read.problems);
                read.skipped = Some(SkipReason::Malformed(format!(
                    "no readable item of {} ({})",
                    problems.len(),
                    problems[0].message
                )));
            }
        }
        other => match article_from_value(path, other, &base) {
            Ok(a) => read.articles.push(a),
            Err(message) => read.skipped = Some(SkipReason::Malformed(message)),
        },
    }
    read
}

fn article_from_value(path: &Path, value: Value, default_id: &str) -> Result<Article, String> {
    let Value::Object(fields) = value else {
        return Err("expected a JSON object with a \"body\"".to_string());
    };
    let body = BODY_KEYS
        .iter()
        .find_map(|k| fields.get(*k).and_then(Value::as_str))
        .ok_or("no \"body\" (or \"text\", \"content\") string")?;
    let body = body.trim();
    if body.is_empty() {
        return Err("empty body".to_string());
    }
    let mut article = Article::new(default_id, path, body);
    article.title.clear();
    apply_fields(&mut article, &fields)?;
    if article.title.is_empty() {
        article.title = title_from_body(&article.body);
    }
    Ok(article)
}

/// Applies the shared metadata keys (`id`, `title`, `summary`, `source`, `url`, `published`,
/// `author`/`authors`, `dateline`, `language`) to `article`. Unknown keys are ignored.
///
/// # Errors
/// A one-line message for a value that cannot be used (an unparsable `published`); the other
/// keys are still applied.
pub fn apply_fields(article: &mut Article, fields: &Map<String, Value>) -> Result<(), String> {
    let text = |key: &str| fields.get(key).and_then(scalar).filter(|s| !s.is_empty());
    if let Some(id) = text("id") {
        article.id = id;
    }
    if let Some(title) = text("title") {
        article.title = title;
    }
    if let Some(summary) = text("summary") {
        article.summary = Some(summary);
    }
    article.source = text("source").or(article.source.take());
    article.url = text("url").or(article.url.take());
    article.dateline = text("dateline").or(article.dateline.take());
    article.language = text("language").or(article.language.take());
    for key in ["authors", "author"] {
        match fields.get(key) {
            Some(Value::Array(items)) => article.authors = items.iter().filter_map(scalar).collect(),
            Some(v) => article.authors.extend(scalar(v)),
            None => continue,
        }
        break;
    }
    if let Some(published) = text("published") {
        match parse_date(&published) {
            Some(date) => article.published = Some(date),
            None => {
                return Err(format!(
                    "`published: {published}` is not a date (YYYY-MM-DD) or RFC 3339 date-time; ignored"
                ))
            }
        }
    }
    Ok(())
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses a publication date: `YYYY-MM-DD`, or an RFC 3339 / ISO 8601 date-time whose calendar
/// date (in its own offset) is taken.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let head = text.get(..10)?;
    let rest = &text[10..];
    if rest.starts_with(['T', 't', ' ']) {
        return head.parse::<Date>().ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_keep_good_lines() {
        let text = "{\"id\":\"a\",\"title\":\"A\",\"body\":\"First.\"}\nnot json\n{\"text\":\"Second.\"}\n";
        let r = read_lines(Path::new("f.jsonl"), text);
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, Some(2));
        assert_eq!(r.articles[1].id, "f#L3");
        assert_eq!(r.articles[1].origin, BodyOrigin::JsonLine { line: 3 });
    }

    #[test]
    fn json_array_and_dates() {
        let text = r#"[{"id":"x","body":"B","published":"2023-09-13T08:00:00Z"},{"body":"C","published":"2024-01-02"}]"#;
        let r = read_document(Path::new("f.json"), text);
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].published.unwrap().to_string(), "2023-09-13");
        assert_eq!(r.articles[1].id, "f#1");
    }

    #[test]
    fn a_file_with_no_readable_record_is_one_skip_not_a_problem_per_record() {
        let lines = "{\"quote\":\"a\"}\n".repeat(500);
        let r = read_lines(Path::new("gold.jsonl"), &lines);
        assert!(r.articles.is_empty() && r.problems.is_empty(), "{:?}", r.problems.len());
        let reason = r.skipped.expect("skipped").to_string();
        assert!(reason.contains("no readable line of 500 (line 1: no \"body\""), "{reason}");

        let array = format!("[{}]", vec!["{\"q\":1}"; 40].join(","));
        let r = read_document(Path::new("gold.json"), &array);
        assert!(r.articles.is_empty() && r.problems.is_empty());
        let reason = r.skipped.expect("skipped").to_string();
        assert!(reason.contains("no readable item of 40 (array item 0: no \"body\""), "{reason}");
    }
}
