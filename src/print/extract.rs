//! The `casefile extract` record: one JSON object per article, the contract the evaluation tools
//! read.

use serde::Serialize;

use crate::article::{Article, Passage};
use crate::enrich::{Actor, Annotations, DateMention, Quote, TopicScore};

/// One article with everything enrichment found, as `casefile extract` prints it.
#[derive(Debug, Serialize)]
pub struct ExtractRecord<'a> {
    /// The file the article came from.
    pub path: String,
    /// Article id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Outlet.
    pub source: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The text every offset refers to.
    pub body: &'a str,
    /// Key points or summary.
    pub summary: Option<&'a str>,
    /// Passages as byte ranges of `body`.
    pub passages: &'a [Passage],
    /// Actors with mentions.
    pub actors: &'a [Actor],
    /// Date mentions.
    pub dates: &'a [DateMention],
    /// Quotations.
    pub quotes: &'a [Quote],
    /// Article topics.
    pub topics: &'a [TopicScore],
}

impl<'a> ExtractRecord<'a> {
    /// The record of `article` and its `annotations`.
    pub fn new(article: &'a Article, annotations: &'a Annotations) -> ExtractRecord<'a> {
        ExtractRecord {
            path: article.path.to_string_lossy().into_owned(),
            id: &article.id,
            title: &article.title,
            source: article.source.as_deref(),
            url: article.url.as_deref(),
            published: article.published.map(|d| d.to_string()),
            body: &article.body,
            summary: article.summary.as_deref(),
            passages: &annotations.passages,
            actors: &annotations.actors,
            dates: &annotations.dates,
            quotes: &annotations.quotes,
            topics: &annotations.topics,
        }
    }

    /// The record as one line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
