//! Citations: where a hit's words come from, precisely enough to go back to them.

use serde::Serialize;

use crate::index::StoredPassage;

/// The source of a hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Article title.
    pub title: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Source file.
    pub path: String,
    /// URL.
    pub url: Option<String>,
    /// 1-based paragraph number in the article body.
    pub paragraph: usize,
    /// Byte range of the cited text in the article body.
    pub body_range: (usize, usize),
    /// Byte range of the cited text in the source file, when the file holds it verbatim.
    pub file_range: Option<(usize, usize)>,
    /// 1-based line of a JSON Lines record.
    pub line: Option<usize>,
}

impl Citation {
    /// The citation of `record`'s text: the passage, or for a quotation hit the quotation.
    pub fn of(record: &StoredPassage) -> Citation {
        let (start, end) = match record.quote.and_then(|i| record.quotes.get(i)) {
            Some(q) => (q.start, q.end),
            None => (record.passage.start, record.passage.end),
        };
        let a = &record.article;
        Citation {
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published.clone(),
            path: a.path.clone(),
            url: a.url.clone(),
            paragraph: record.passage.paragraph,
            body_range: (start, end),
            file_range: a.body_offset.map(|o| (o + start, o + end)),
            line: a.line,
        }
    }

    /// Where the text is: `path:line ¶N` or `path ¶N, bytes A-B`.
    pub fn location(&self) -> String {
        match (self.line, self.file_range) {
            (Some(line), _) => format!("{}:{} ¶{}", self.path, line, self.paragraph),
            (None, Some((a, b))) => format!("{} ¶{}, bytes {}-{}", self.path, self.paragraph, a, b),
            (None, None) => format!("{} ¶{}", self.path, self.paragraph),
        }
    }

    /// One line: `"Title", Source, 2024-11-18, path ¶3, bytes 120-388`.
    pub fn line_text(&self) -> String {
        let mut parts = vec![format!("\"{}\"", self.title)];
        parts.extend(self.source.clone());
        parts.extend(self.published.clone());
        parts.push(self.location());
        parts.join(", ")
    }
}
