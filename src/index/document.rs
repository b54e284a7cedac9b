//! From an enriched article to tantivy documents, and the record stored with each.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;

use crate::article::{Article, BodyOrigin, Passage};
use crate::enrich::{ActorKind, Annotations};
use crate::index::schema::{tantivy_date, Fields, KIND_PASSAGE, KIND_QUOTE};

/// The article metadata a hit shows and cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// File the article came from.
    pub path: String,
    /// 1-based line of a JSON Lines record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// File offset of the body's first byte, when the file holds the body verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_offset: Option<usize>,
}

/// An actor mentioned in a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageActor {
    /// Canonical name.
    pub name: String,
    /// `country`, `person` or `organization`.
    pub kind: String,
    /// Alpha-3 code (countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Role on the publication date (persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A quotation inside a passage, offsets relative to the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageQuote {
    /// The quoted words.
    pub text: String,
    /// Speaker, where attributed.
    pub speaker: Option<String>,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte in the body.
    pub end: usize,
}

/// A topic with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageTopic {
    /// Topic id.
    pub id: String,
    /// Topic label.
    pub label: String,
    /// Score.
    pub score: f32,
}

/// Everything stored with a passage (or quotation) document: what a hit shows, with no need for
/// the source files at query time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPassage {
    /// The article.
    pub article: ArticleRef,
    /// The passage's place in the body.
    pub passage: Passage,
    /// The passage text, exactly `body[passage.start..passage.end]`.
    pub text: String,
    /// Actors mentioned in the passage.
    #[serde(default)]
    pub actors: Vec<PassageActor>,
    /// Quotations inside the passage.
    #[serde(default)]
    pub quotes: Vec<PassageQuote>,
    /// The passage's topics.
    #[serde(default)]
    pub topics: Vec<PassageTopic>,
    /// For quotation documents: which of `quotes` this document is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

/// The article's metadata as a hit shows it.
pub fn article_ref(article: &Article) -> ArticleRef {
    let (line, body_offset) = match article.origin {
        BodyOrigin::Verbatim { offset } => (None, Some(offset)),
        BodyOrigin::JsonLine { line } => (Some(line), None),
        BodyOrigin::Derived => (None, None),
    };
    ArticleRef {
        id: article.id.clone(),
        title: article.title.clone(),
        source: article.source.clone(),
        url: article.url.clone(),
        published: article.published.map(|d| d.to_string()),
        path: article.path.to_string_lossy().into_owned(),
        line,
        body_offset,
    }
}

/// Builds the documents of one article: one per passage and one per quotation.
pub fn documents(fields: &Fields, article: &Article, ann: &Annotations) -> Vec<TantivyDocument> {
    let meta = article_ref(article);
    let mut article_doc = TantivyDocument::default();
    article_doc.add_text(fields.id, &article.id);
    article_doc.add_text(fields.path, &meta.path);
    if let Some(source) = &article.source {
        article_doc.add_text(fields.source, source);
    }
    if let Some(date) = article.published {
        article_doc.add_date(fields.published, tantivy_date(date));
    }
    let mut actor_keys: Vec<String> = ann.actors.iter().map(|a| a.key()).collect();
    actor_keys.sort();
    actor_keys.dedup();
    for key in &actor_keys {
        article_doc.add_text(fields.actor, key);
    }
    for t in &ann.topics {
        article_doc.add_text(fields.topic, &t.id);
    }

    let mut docs = Vec::with_capacity(ann.passages.len() + ann.quotes.len());
    for (i, passage) in ann.passages.iter().enumerate() {
        let span = passage.span();
        let text = article.text(span);
        let mut doc = article_doc.clone();
        // The title and summary are indexed with every passage: a title match lifts the whole
        // article, and the passage text then decides which of its passages comes first.
        doc.add_text(fields.title, &article.title);
        if let Some(summary) = &article.summary {
            doc.add_text(fields.summary, summary);
        }
        let topics: Vec<PassageTopic> = ann
            .passage_topics
            .get(i)
            .into_iter()
            .flatten()
            .map(|t| PassageTopic { id: t.id.clone(), label: t.label.clone(), score: t.score })
            .collect();
        for t in &topics {
            doc.add_text(fields.topic, &t.id);
        }
        for d in ann.dates.iter().filter(|d| span.start <= d.start && d.end <= span.end) {
            if let Some(v) = &d.value {
                doc.add_text(fields.mentioned, v);
            }
        }
        let quotes: Vec<PassageQuote> = ann
            .quotes
            .iter()
            .filter(|q| span.start <= q.start && q.start < span.end)
            .map(|q| PassageQuote {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                start: q.start,
                end: q.end,
            })
            .collect();
        for q in &quotes {
            if let Some(s) = &q.speaker {
                doc.add_text(fields.speaker, s);
            }
        }
        let actors = ann
            .actors
            .iter()
            .filter(|a| {
                a.mentions.iter().any(|m| m.field.is_none() && span.start <= m.start && m.end <= span.end)
            })
            .map(|a| PassageActor {
                name: a.name.clone(),
                kind: a.kind.as_str().to_string(),
                code: a.code.clone(),
                role: if a.kind == ActorKind::Person { a.role.clone() } else { None },
            })
            .collect();
        let mut stored = StoredPassage {
            article: meta.clone(),
            passage: *passage,
            text: text.to_string(),
            actors,
            quotes,
            topics,
            quote: None,
        };
        doc.add_text(fields.kind, KIND_PASSAGE);
        doc.add_text(fields.text, text);
        doc.add_bytes(fields.record, &serde_json::to_vec(&stored).unwrap_or_default());
        docs.push(doc);

        for qi in 0..stored.quotes.len() {
            let q = &stored.quotes[qi];
            let mut qdoc = article_doc.clone();
            qdoc.add_text(fields.kind, KIND_QUOTE);
            qdoc.add_text(fields.text, &q.text);
            if let Some(s) = &q.speaker {
                qdoc.add_text(fields.speaker, s);
            }
            for t in &stored.topics {
                qdoc.add_text(fields.topic, &t.id);
            }
            stored.quote = Some(qi);
            qdoc.add_bytes(fields.record, &serde_json::to_vec(&stored).unwrap_or_default());
            docs.push(qdoc);
        }
    }
    docs
}
