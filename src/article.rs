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
        let title = first_line(&body).to_string();
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
