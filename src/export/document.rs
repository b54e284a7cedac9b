//! From an enriched article to the JSON documents a distributed engine indexes: one per passage,
//! flat, with the same filter values as casefile's own index and everything a citation needs.

use serde::Serialize;

use crate::article::Article;
use crate::enrich::Annotations;
use crate::index::view::{passage_views, prominent_keys};
use crate::index::{PassageActor, PassageQuote, PassageTopic};

/// One passage as exported: what [`super::FIELDS`] declares to the engine, in its order.
///
/// Exact-valued fields (`actor`, `topic`, `speaker`, `mentioned`) hold the values casefile's own
/// index filters on, so `actor:PRK`, `topic:sanctions` and `mentioned:2024-11` mean the same
/// thing in Quickwit or OpenSearch as in `casefile search`. `actors`, `quotes` and `topics` are
/// stored for display, not indexed.
#[derive(Debug, Clone, Serialize)]
pub struct ExportDocument<'a> {
    /// `{article id}#{passage}` ([`document_id`]): unique in an export, stable across exports of
    /// the same archive.
    pub id: String,
    /// The article's id.
    pub article: &'a str,
    /// The article's title.
    pub title: &'a str,
    /// The outlet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The article's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The publication date at midnight UTC, RFC 3339 (`2025-01-06T00:00:00Z`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The file the article came from.
    pub path: String,
    /// 1-based line of a JSON Lines record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 0-based position of the passage in the article.
    pub passage: usize,
    /// 1-based paragraph of the body.
    pub paragraph: usize,
    /// First byte of the passage in the body.
    pub start: usize,
    /// One past the passage's last byte in the body.
    pub end: usize,
    /// First byte of the passage in the file, when the file holds the body verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_start: Option<usize>,
    /// One past the passage's last byte in the file, when the file holds the body verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_end: Option<usize>,
    /// Whether this is the article's first passage.
    pub lead: bool,
    /// The passage's text, exactly `body[start..end]`.
    pub text: &'a str,
    /// The quotations that start in the passage, without their marks.
    pub quote: Vec<String>,
    /// Their speakers, each once.
    pub speaker: Vec<String>,
    /// Actor keys: alpha-3 codes of countries, canonical names of people and organisations. The
    /// article's prominent actors and those the passage names.
    pub actor: Vec<String>,
    /// Topic ids of the article and of the passage.
    pub topic: Vec<&'a str>,
    /// Date keys: each mentioned date's value with the month and year that hold it.
    pub mentioned: Vec<&'a str>,
    /// The actors the passage names, with kind, code and role (stored, not indexed).
    pub actors: Vec<PassageActor>,
    /// The quotations with speakers and body offsets (stored, not indexed).
    pub quotes: Vec<PassageQuote>,
    /// The passage's topics with labels and scores (stored, not indexed).
    pub topics: Vec<PassageTopic>,
}

/// OpenSearch refuses a document `_id` longer than this many bytes.
const MAX_ID_BYTES: usize = 512;

/// `{article id}#{passage}`; with the article id's BLAKE3 hash (hex) in its place when that
/// would be longer than an engine takes (an id made of a long path).
///
/// ```
/// use casefile::export::document_id;
/// assert_eq!(document_id("AFP_ENG_19970401.0092", 3), "AFP_ENG_19970401.0092#3");
/// assert_eq!(document_id(&"x".repeat(600), 0).len(), 64 + 2);
/// ```
pub fn document_id(article: &str, passage: usize) -> String {
    let id = format!("{article}#{passage}");
    if id.len() <= MAX_ID_BYTES {
        id
    } else {
        format!("{}#{passage}", blake3::hash(article.as_bytes()).to_hex())
    }
}

/// The exported documents of one enriched article, one per passage, in body order.
///
/// ```
/// use casefile::{Article, Config, Enricher};
/// use casefile::export::documents;
///
/// let config = Config::builtin();
/// let mut article = Article::new("seoul", "seoul.md", "Pyongyang will get satellite technology, Antony Blinken said.");
/// article.published = Some(jiff::civil::date(2025, 1, 6));
/// let annotations = Enricher::new(&config)?.enrich(&article);
/// let docs = documents(&article, &annotations);
/// assert_eq!(docs[0].id, "seoul#0");
/// assert!(docs[0].actor.iter().any(|key| key == "PRK"));
/// assert_eq!(docs[0].published.as_deref(), Some("2025-01-06T00:00:00Z"));
/// # Ok::<(), casefile::Error>(())
/// ```
pub fn documents<'a>(article: &'a Article, ann: &'a Annotations) -> Vec<ExportDocument<'a>> {
    let prominent = prominent_keys(ann);
    let path = article.path.to_string_lossy().into_owned();
    let published = article.published.map(|d| format!("{d}T00:00:00Z"));
    let line = match article.origin {
        crate::article::BodyOrigin::JsonLine { line } => Some(line),
        _ => None,
    };
    passage_views(article, ann)
        .map(|view| {
            let span = view.passage.span();
            let file = article.file_range(span);
            let mut actor: Vec<String> = prominent.iter().cloned().chain(view.named_keys).collect();
            actor.sort();
            actor.dedup();
            let mut topic: Vec<&str> = ann
                .topics
                .iter()
                .chain(ann.passage_topics.get(view.passage.index).into_iter().flatten())
                .map(|t| t.id.as_str())
                .collect();
            topic.sort_unstable();
            topic.dedup();
            let quote: Vec<String> = view.quotes.iter().map(|q| q.text.clone()).collect();
            let mut speaker: Vec<String> = Vec::new();
            for s in view.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
                if !speaker.contains(s) {
                    speaker.push(s.clone());
                }
            }
            ExportDocument {
                id: document_id(&article.id, view.passage.index),
                article: &article.id,
                title: &article.title,
                source: article.source.as_deref(),
                url: article.url.as_deref(),
                published: published.clone(),
                path: path.clone(),
                line,
                passage: view.passage.index,
                paragraph: view.passage.paragraph,
                start: span.start,
                end: span.end,
                file_start: file.map(|f| f.start),
                file_end: file.map(|f| f.end),
                lead: view.passage.index == 0,
                text: view.text,
                quote,
                speaker,
                actor,
                topic,
                mentioned: view.mentioned,
                actors: view.actors,
                quotes: view.quotes,
                topics: view.topics,
            }
        })
        .collect()
}
