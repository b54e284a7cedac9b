//! The common language of the pipeline: [`Article`], [`Passage`] and [`Span`].
//!
//! Every offset in casefile is a UTF-8 byte offset into [`Article::body`]. The invariant
//! `&article.body[span.start..span.end] == span text` holds for every span any stage produces.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start <= end` is the caller's invariant.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where an article's body sits in the file it was read from, so a citation can name the file's
/// bytes and not only the body's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BodyOrigin {
    /// The body is the file's bytes `[offset, offset + body.len())`, verbatim (text and Markdown).
    Verbatim {
        /// Byte offset of the body's first byte in the file.
        offset: usize,
    },
    /// The body is a decoded string field of a JSON Lines record on the given 1-based line.
    JsonLine {
        /// 1-based line number in the file.
        line: usize,
    },
    /// The body was decoded or rebuilt (JSON string, HTML text, re-encoded legacy bytes): no file
    /// range holds it verbatim.
    Derived,
}

/// One news article as read from the archive, before any enrichment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable identifier: from the metadata, or derived from the path (and line or array index).
    pub id: String,
    /// Path of the file the article came from, as walked.
    pub path: PathBuf,
    /// Headline; from metadata, else the first line or key point of the body.
    pub title: String,
    /// Key points (a leading block of `- ` lines) or the metadata `summary`, joined by newlines.
    pub summary: Option<String>,
    /// Outlet name ("Agence France-Presse").
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date (the calendar date in the article's own time zone).
    pub published: Option<Date>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Dateline ("SEOUL").
    pub dateline: Option<String>,
    /// Language tag ("en").
    pub language: Option<String>,
    /// The article text every offset refers to.
    pub body: String,
    /// Where `body` sits in the source file.
    pub origin: BodyOrigin,
}

impl Article {
    /// Creates an article with the given id, path and body and no metadata; the title is taken
    /// from the body's first line.
    pub fn new(id: impl Into<String>, path: impl Into<PathBuf>, body: impl Into<String>) -> Article {
        let body = body.into();
        let title = title_from_body(&body);
        Article {
            id: id.into(),
            path: path.into(),
            title,
            summary: None,
            source: None,
            url: None,
            published: None,
            authors: Vec::new(),
            dateline: None,
            language: None,
            body,
            origin: BodyOrigin::Derived,
        }
    }

    /// The text of `span` in the body.
    ///
    /// Returns `""` when the span does not fall on character boundaries inside the body, so a
    /// malformed span can never panic a printer.
    pub fn text(&self, span: Span) -> &str {
        self.body.get(span.start..span.end).unwrap_or("")
    }

    /// The file bytes that hold `span` verbatim, when the body is a verbatim slice of its file.
    pub fn file_range(&self, span: Span) -> Option<Span> {
        match self.origin {
            BodyOrigin::Verbatim { offset } => Some(Span::new(offset + span.start, offset + span.end)),
            _ => None,
        }
    }
}

/// The longest title, in bytes, that an article takes from its body's first line, and that a hit
/// shows: a file of one long paragraph has a first line as long as itself, and every passage's
/// record carries its article's title (a 2 MB paragraph's 2,400 passages took 5 GB to index).
pub const MAX_TITLE_BYTES: usize = 300;

/// The title of an article without one: the body's [`first_line`], shortened to
/// [`MAX_TITLE_BYTES`] (see [`shorten_title`]).
///
/// ```
/// use casefile::article::title_from_body;
///
/// assert_eq!(title_from_body("# Blinken in Seoul\n\nMoscow intends to share ..."), "Blinken in Seoul");
/// ```
pub fn title_from_body(text: &str) -> String {
    shorten_title(first_line(text)).into_owned()
}

/// `title` cut at the last word boundary that leaves it, with a closing `…`, at most
/// [`MAX_TITLE_BYTES`] long; `title` itself when it is that short already.
pub fn shorten_title(title: &str) -> std::borrow::Cow<'_, str> {
    if title.len() <= MAX_TITLE_BYTES {
        return title.into();
    }
    let ellipsis = '…';
    let mut end = MAX_TITLE_BYTES - ellipsis.len_utf8();
    while !title.is_char_boundary(end) {
        end -= 1;
    }
    // At a space when there is one in the last quarter; else in the middle of a (very long) word.
    let cut = match title[..end].rfind(char::is_whitespace) {
        Some(space) if space >= end * 3 / 4 => space,
        _ => end,
    };
    format!("{}{ellipsis}", title[..cut].trim_end()).into()
}

/// The first non-empty line of `text`, trimmed, without a leading `- ` or `# ` marker.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.trim_start_matches(['-', '#', '*', ' ']).trim())
        .unwrap_or("")
}

/// A passage: the unit that search ranks and cites.
///
/// Passages are paragraphs of the body; a long paragraph is split at sentence boundaries. Passages
/// never overlap and appear in body order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// 0-based position of the passage in the article.
    pub index: usize,
    /// 1-based number of the paragraph the passage belongs to.
    pub paragraph: usize,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte in the body.
    pub end: usize,
}

impl Passage {
    /// The passage's byte range in the body.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_a_long_first_line_is_cut_at_a_word() {
        let sentence = "Blinken said in Seoul that Moscow intends to share satellite technology. ";
        let body = sentence.repeat(30_000);
        let title = title_from_body(&body);
        assert!(title.len() <= MAX_TITLE_BYTES && title.len() > MAX_TITLE_BYTES * 3 / 4, "{}", title.len());
        assert!(title.ends_with('…') && body.starts_with(title.trim_end_matches('…')), "{title}");
        assert!(!title.trim_end_matches('…').ends_with(' '));
        assert_eq!(Article::new("a", "a.txt", body).title, title);
        // A word longer than the limit is cut inside, on a character boundary.
        let word = "é".repeat(400);
        let cut = shorten_title(&word);
        assert!(cut.len() <= MAX_TITLE_BYTES && cut.starts_with("éé") && cut.ends_with('…'), "{cut}");
        // Short titles are left alone.
        assert_eq!(shorten_title("Blinken in Seoul"), "Blinken in Seoul");
        assert_eq!(title_from_body("\n- Key point\nBody"), "Key point");
    }
}
