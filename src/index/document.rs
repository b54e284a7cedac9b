//! From an enriched article to tantivy documents, and the record stored with each.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tantivy::TantivyDocument;

use crate::article::{shorten_title, Article, BodyOrigin, Passage};
use crate::enrich::Annotations;
use crate::index::keys::KeyList;
use crate::index::schema::{article_key, tantivy_date, Fields, KIND_PASSAGE, LEAD_BIT};
use crate::index::view::{passage_views, prominent_keys};

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
    /// The quoted words. (A record leaves them out where its passage's stored text holds them,
    /// and [`crate::index::record::read`] puts them back.)
    #[serde(default)]
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

/// Everything stored with a passage document: what a hit shows, with no need for the source files
/// at query time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPassage {
    /// The article.
    pub article: ArticleRef,
    /// The passage's place in the body.
    pub passage: Passage,
    /// The passage text, exactly `body[passage.start..passage.end]`. (Since document layout 9
    /// the index stores it in the `text` field rather than in the record's JSON, and
    /// [`crate::index::record::read`] puts it here.)
    #[serde(default)]
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
    /// For quotation hits: which of `quotes` the hit is (set by search, never stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

/// A passage's record as [`documents`] writes it: the fields of [`StoredPassage`] in its order,
/// borrowed, with the article's metadata serialized once for all of its passages (it was a third
/// of the time of writing the records), and without the passage's text where the index stores
/// it in `text`. Reads back as a [`StoredPassage`] (see [`crate::index::record::read`]).
#[derive(Serialize)]
struct RecordOut<'a> {
    article: &'a RawValue,
    passage: &'a Passage,
    /// Only for an index that does not store `text` (built before document layout 9).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    actors: &'a [PassageActor],
    quotes: QuotesOut<'a>,
    topics: &'a [PassageTopic],
}

/// A passage's quotations as its record holds them: without the text of those that end inside a
/// passage whose text the index stores (a seventh of a news article's bytes is quotation, and
/// the record repeated it).
struct QuotesOut<'a> {
    quotes: &'a [PassageQuote],
    /// The passage's end when its text is stored, else `None` (every text is written).
    derivable_until: Option<usize>,
}

/// One quotation of [`QuotesOut`].
#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    speaker: &'a Option<String>,
    start: usize,
    end: usize,
}

impl Serialize for QuotesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.quotes.iter().map(|q| QuoteOut {
            text: match self.derivable_until {
                Some(end) if q.end <= end => None,
                _ => Some(&q.text),
            },
            speaker: &q.speaker,
            start: q.start,
            end: q.end,
        }))
    }
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
        // A title given in the metadata may be as long as a body: records show it shortened.
        title: shorten_title(&article.title).into_owned(),
        source: article.source.clone(),
        url: article.url.clone(),
        published: article.published.map(|d| d.to_string()),
        path: article.path.to_string_lossy().into_owned(),
        line,
        body_offset,
    }
}

/// Bytes a document takes for a number or date value (tantivy writes 8, the buffer rounded up).
const NUMBER_BYTES: usize = 9;

/// Bytes a document takes for the text values `values`: each with its length before it, in at
/// most 5 bytes.
fn value_bytes<'a>(values: impl IntoIterator<Item = &'a str>) -> usize {
    values.into_iter().map(|v| v.len() + 5).sum()
}

/// The `kind` keys of a passage that holds a quotation, as one value (see [`KeyList`]).
/// (`KIND_PASSAGE`, the separator, `KIND_QUOTE`: a test checks it.)
const KIND_PASSAGE_AND_QUOTE: &str = "passage\u{1f}quote";

/// Builds the documents of one article: one per passage, holding its quotations.
pub fn documents(fields: &Fields, article: &Article, ann: &Annotations) -> Vec<TantivyDocument> {
    let meta = article_ref(article);
    // The article's prominent actors go on every passage; the others only on the passages that
    // name them (below). Most actors are named once, in passing, and repeating every one on
    // every passage made their postings a large part of the index.
    let prominent = prominent_keys(ann);
    // Each document is made at its full size and written once: grown value by value (a clone of
    // the article's fields, then the text and the record), its buffer was copied three or four
    // times over, a tenth of the time of building documents.
    let article_fields = |doc: &mut TantivyDocument| {
        doc.add_text(fields.id, &article.id);
        doc.add_text(fields.path, &meta.path);
        if let Some(source) = &article.source {
            doc.add_text(fields.source, source);
        }
        if let Some(date) = article.published {
            doc.add_date(fields.published, tantivy_date(date));
        }
    };
    // A key field's keys go in as one value (see `crate::index::keys`): the article's own start
    // every passage's list.
    let mut article_actors = KeyList::default();
    for key in &prominent {
        article_actors.push(key);
    }
    let mut article_topics = KeyList::default();
    for t in &ann.topics {
        article_topics.push(&t.id);
    }
    let (mut actors, mut topics, mut mentioned) =
        (KeyList::default(), KeyList::default(), KeyList::default());
    let article_bytes = value_bytes([article.id.as_str(), &meta.path])
        + value_bytes(article.source.as_deref())
        + 2 * NUMBER_BYTES;

    // `ArticleRef` holds only strings and numbers, which always serialize; were it ever to fail,
    // the record would read back as damaged, as an unserializable record did before.
    let article_json = serde_json::value::to_raw_value(&meta);
    let article_json: &RawValue = article_json.as_deref().unwrap_or(RawValue::NULL);
    let key = article_key(&article.id);
    let mut docs = Vec::with_capacity(ann.passages.len());
    let mut record = Vec::new();
    for (i, view) in passage_views(article, ann).enumerate() {
        let text = (!fields.text_stored).then_some(view.text);
        let out = RecordOut {
            article: article_json,
            passage: view.passage,
            text,
            actors: &view.actors,
            quotes: QuotesOut {
                quotes: &view.quotes,
                derivable_until: fields.text_stored.then_some(view.passage.end),
            },
            topics: &view.topics,
        };
        record.clear();
        // serde_json writes UTF-8; were it ever to fail, the record is left empty.
        let record = match serde_json::to_writer(&mut record, &out) {
            Ok(()) => std::str::from_utf8(&record).unwrap_or_default(),
            Err(_) => "",
        };
        let lead = i == 0;
        actors.copy_from(&article_actors);
        view.named_keys.iter().for_each(|key| actors.push(key));
        topics.copy_from(&article_topics);
        view.topics.iter().for_each(|t| topics.push(&t.id));
        mentioned.clear();
        view.mentioned.iter().for_each(|key| mentioned.push(key));
        let kind = if view.quotes.is_empty() { KIND_PASSAGE } else { KIND_PASSAGE_AND_QUOTE };
        let bytes = article_bytes
            + value_bytes([view.text, record, kind, actors.as_str(), topics.as_str(), mentioned.as_str()])
            + value_bytes(view.quotes.iter().filter_map(|q| q.speaker.as_deref()))
            + value_bytes(view.quotes.iter().map(|q| q.text.as_str()))
            + if lead {
                value_bytes([article.title.as_str()]) + value_bytes(article.summary.as_deref())
            } else {
                0
            };
        let mut doc = TantivyDocument::with_capacity(bytes);
        article_fields(&mut doc);
        doc.add_u64(fields.article_key, if lead { key | LEAD_BIT } else { key });
        // The title and summary are indexed with the lead passage only. Search adds the lead's
        // title and summary scores to the article's other passages among its best candidates
        // (see `search::rescore`), so a title match still lifts the whole article, without
        // repeating the title's postings on every passage.
        if lead {
            doc.add_text(fields.title, &article.title);
            if let Some(summary) = &article.summary {
                doc.add_text(fields.summary, summary);
            }
        }
        for (field, keys) in
            [(fields.actor, &actors), (fields.topic, &topics), (fields.mentioned, &mentioned)]
        {
            if !keys.is_empty() {
                doc.add_text(field, keys.as_str());
            }
        }
        for s in view.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
            doc.add_text(fields.speaker, s);
        }
        // Quotations are searched in their passage's document: each is a value of `quote`
        // (tantivy leaves a gap between values, so a phrase never spans two quotations), and
        // `kind: quote` marks the passages that hold one. Search picks out the quotations.
        doc.add_text(fields.kind, kind);
        for q in &view.quotes {
            doc.add_text(fields.quote, &q.text);
        }
        doc.add_text(fields.text, view.text);
        doc.add_text(fields.record, record);
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::enrich::Enricher;
    use crate::index::keys::SEPARATOR;
    use crate::index::schema::{build_schema, KIND_QUOTE};
    use tantivy::schema::Value;

    /// The keys of a key field of `doc`, as the key tokenizer splits them.
    pub(crate) fn keys(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
        let values = doc.get_all(field).filter_map(|v| v.as_str());
        values.flat_map(|v| v.split(SEPARATOR)).map(str::to_string).collect()
    }

    fn actor_keys(fields: &Fields, doc: &TantivyDocument) -> Vec<String> {
        keys(doc, fields.actor)
    }

    #[test]
    fn a_passage_with_a_quotation_is_of_both_kinds() {
        assert_eq!(KIND_PASSAGE_AND_QUOTE, format!("{KIND_PASSAGE}{SEPARATOR}{KIND_QUOTE}"));
    }

    #[test]
    fn every_key_of_a_passage_is_a_term_of_the_index() {
        let body = "Officials in Tokyo met on Monday, 4 November 2024.\n\n\
                    Russia said the sanctions had failed.\n\n\
                    Moscow will reply next week, Russia added.";
        let mut article = Article::new("a5", "a5.txt", body);
        article.title = "Talks stall".into();
        article.published = Some(jiff::civil::date(2024, 11, 8));
        let config = Config::builtin();
        let ann = Enricher::new(&config).unwrap().enrich(&article);
        let index = tantivy::Index::create_in_ram(build_schema());
        crate::index::schema::register_tokenizers(&index, &config.settings.index).unwrap();
        let fields = Fields::from_schema(&index.schema()).unwrap();
        let docs = documents(&fields, &article, &ann);
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for doc in docs.clone() {
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let mut checked = 0;
        for field in [fields.actor, fields.topic, fields.mentioned, fields.kind] {
            let in_docs = docs.iter().map(|d| keys(d, field));
            let counts = in_docs.flatten().fold(std::collections::BTreeMap::new(), |mut n, key| {
                *n.entry(key.to_lowercase()).or_insert(0u64) += 1;
                n
            });
            // Each key is one term, found in as many documents as hold it.
            for (key, count) in counts {
                let term = tantivy::Term::from_field_text(field, &key);
                assert_eq!(searcher.doc_freq(&term).unwrap(), count, "{key}");
                checked += 1;
            }
        }
        assert!(checked >= 8, "actors, topics, dates and kinds: {checked}");
        // No term holds a separator: the lists were split.
        let most = docs.iter().map(|d| keys(d, fields.actor)).max_by_key(Vec::len).unwrap_or_default();
        assert!(most.len() >= 2, "{most:?}");
        let joined = most.join(&SEPARATOR.to_string()).to_lowercase();
        assert_eq!(searcher.doc_freq(&tantivy::Term::from_field_text(fields.actor, &joined)).unwrap(), 0);
    }

    #[test]
    fn prominent_actors_go_on_every_passage_others_on_theirs() {
        let body = "Officials in Tokyo met on Monday.\n\n\
                    Russia said the talks had failed.\n\n\
                    Moscow will reply next week, Russia added.";
        let mut article = Article::new("a1", "a1.txt", body);
        article.title = "Talks stall".into();
        let config = Config::builtin();
        let ann = Enricher::new(&config).unwrap().enrich(&article);
        let fields = Fields::from_schema(&build_schema()).unwrap();
        let docs = documents(&fields, &article, &ann);
        assert_eq!(docs.len(), 3);
        for doc in &docs {
            assert!(actor_keys(&fields, doc).contains(&"RUS".to_string()), "Russia is named three times");
        }
        assert!(actor_keys(&fields, &docs[0]).contains(&"JPN".to_string()));
        assert!(
            !actor_keys(&fields, &docs[1]).contains(&"JPN".to_string()),
            "Tokyo is named once, in passage 1"
        );
    }

    #[test]
    fn records_are_the_stored_passages_serialized_whole() {
        let body = "Moscow intends to share \"advanced space and satellite technology\" with Pyongyang, \
                    Antony Blinken said on Monday.\n\nNothing was signed.";
        let mut article = Article::new("a4", "dir/a4.txt", body);
        article.title = "Blinken warns".into();
        article.published = Some(jiff::civil::date(2025, 1, 6));
        let config = Config::builtin();
        let ann = Enricher::new(&config).unwrap().enrich(&article);
        let fields = Fields::from_schema(&build_schema()).unwrap();
        let docs = documents(&fields, &article, &ann);
        let record = docs[0].get_first(fields.record).and_then(|v| v.as_str()).unwrap();
        let stored: StoredPassage = serde_json::from_str(record).unwrap();
        assert_eq!(stored.article, article_ref(&article));
        assert_eq!(stored.quotes.len(), 1);
        assert!(!stored.actors.is_empty() && !stored.topics.is_empty());
        // The text is stored in `text`, not in the record.
        assert!(fields.text_stored && stored.text.is_empty(), "{record}");
        let text = docs[0].get_first(fields.text).and_then(|v| v.as_str()).unwrap();
        assert_eq!(text, &body[stored.passage.start..stored.passage.end]);
        // Nor the quotation's words, which the passage's text holds.
        assert!(stored.quotes[0].text.is_empty() && !record.contains("advanced space"), "{record}");
        // The same bytes as serializing the whole `StoredPassage` without those texts.
        let whole = serde_json::to_string(&stored)
            .unwrap()
            .replace(",\"text\":\"\"", "")
            .replace("{\"text\":\"\",", "{");
        assert_eq!(record, whole);
        // An index built before layout 9 (no stored `text`) keeps the text in the record.
        let old = Fields { text_stored: false, ..fields };
        let docs = documents(&old, &article, &ann);
        let record = docs[0].get_first(fields.record).and_then(|v| v.as_str()).unwrap();
        let stored: StoredPassage = serde_json::from_str(record).unwrap();
        assert_eq!(stored.text, text);
        assert_eq!(stored.quotes[0].text, "advanced space and satellite technology");
    }

    #[test]
    fn the_title_and_the_lead_mark_go_on_the_lead_passage_only() {
        let body =
            "Officials met on Monday.\n\n\"We will talk again,\" the envoy said.\n\nNothing was signed.";
        let mut article = Article::new("a2", "a2.txt", body);
        article.title = "Talks stall".into();
        let config = Config::builtin();
        let ann = Enricher::new(&config).unwrap().enrich(&article);
        assert_eq!(ann.quotes.len(), 1);
        let fields = Fields::from_schema(&build_schema()).unwrap();
        let docs = documents(&fields, &article, &ann);
        let key = |d: &TantivyDocument| d.get_first(fields.article_key).and_then(|v| v.as_u64()).unwrap();
        let titled: Vec<bool> = docs.iter().map(|d| d.get_first(fields.title).is_some()).collect();
        let leads: Vec<bool> = docs.iter().map(|d| key(d) & LEAD_BIT != 0).collect();
        // Passage 0, passage 1 (holding the quotation), passage 2.
        assert_eq!(titled, [true, false, false]);
        assert_eq!(leads, [true, false, false]);
        let kinds = |d: &TantivyDocument| keys(d, fields.kind);
        assert_eq!(kinds(&docs[1]), [KIND_PASSAGE, KIND_QUOTE], "the quotation marks its passage");
        assert_eq!(kinds(&docs[2]), [KIND_PASSAGE]);
        let quoted: Vec<&str> = docs[1].get_all(fields.quote).filter_map(|v| v.as_str()).collect();
        assert_eq!(quoted, ["We will talk again,"]);
        assert!(docs.iter().all(|d| key(d) & !LEAD_BIT == article_key("a2")), "one article");
        assert_ne!(article_key("a2"), article_key("a3"));
    }
}
