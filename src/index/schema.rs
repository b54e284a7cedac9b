//! The tantivy schema: one document per passage, holding its quotations, with the article's
//! filter fields (id, source, date, prominent actors, topics) repeated on each so that filters
//! and citations need no join. The title and summary, which only score, are indexed with the
//! article's lead passage alone; `article_key` ties the other documents to it.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED,
};
use tantivy::tokenizer::{Language, LowerCaser, StopWordFilter, TextAnalyzer};
use tantivy::Index;

use crate::config::IndexSettings;
use crate::error::{Error, Result};
use crate::index::keys::KeyListTokenizer;
use crate::index::stem::CachedStemmer;
use crate::index::words::FoldedWords;

/// Tokenizer of prose fields (text, title, summary): words, lower-cased, ASCII-folded, stemmed.
pub const PROSE_TOKENIZER: &str = "casefile_prose";
/// Tokenizer of name fields (speaker): words, lower-cased, ASCII-folded, not stemmed.
pub const NAME_TOKENIZER: &str = "casefile_name";
/// Tokenizer of key fields (actor, topic, mentioned, kind, source, path): each key of the value,
/// lower-cased; a field's keys are joined into one value (see [`crate::index::keys`]).
pub const KEY_TOKENIZER: &str = "casefile_key";
/// Tokenizer of the article id: the whole value as it is (tantivy's built-in `raw`). Ids are
/// case-sensitive, and the indexer deletes an article by the exact term of its id: a lower-cased
/// term would never match `AFP_ENG_1997`, and a changed file would leave its old passages behind.
pub const ID_TOKENIZER: &str = "raw";

/// The `kind` of every passage document.
pub const KIND_PASSAGE: &str = "passage";
/// The second `kind` of a passage document that holds a quotation.
pub const KIND_QUOTE: &str = "quote";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `passage`, plus `quote` on passages that hold a quotation.
    pub kind: Field,
    /// Passage text, with positions for phrases.
    pub text: Field,
    /// The text of each quotation in the passage, one value each, with positions.
    pub quote: Field,
    /// Article title, indexed with the article's lead (first) passage only.
    pub title: Field,
    /// Article summary / key points, indexed with the lead passage only.
    pub summary: Field,
    /// The article a document belongs to, as a fast field: a 64-bit hash of the article id with
    /// [`LEAD_BIT`] set on the lead passage only (see [`article_key`]). Search uses it to
    /// lift the other passages of an article whose lead matches on its title.
    pub article_key: Field,
    /// Article id, exactly as written (case-sensitive: see [`ID_TOKENIZER`]).
    pub id: Field,
    /// Source file path (key).
    pub path: Field,
    /// Outlet (key: lower-cased whole value).
    pub source: Field,
    /// Publication date (fast, range-queryable).
    pub published: Field,
    /// Actor keys of the article (country codes, canonical names).
    pub actor: Field,
    /// Topic ids of the article and of the passage.
    pub topic: Field,
    /// Speakers of the quotations in the passage.
    pub speaker: Field,
    /// Values of the dates the passage mentions (`2024`, `2024-11`, `2024-11-18`).
    pub mentioned: Field,
    /// The stored record shown with a hit (JSON of [`crate::index::StoredPassage`]).
    pub record: Field,
    /// Whether `text` is stored, and the record leaves the passage's text out (document layout
    /// 9); indexes built before hold the text in the record.
    pub text_stored: bool,
}

impl Fields {
    /// Looks the fields up in `schema`.
    ///
    /// # Errors
    /// When the schema is not casefile's (an index of another program or version).
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema.get_field(name).map_err(|_| {
                Error::Invalid(format!(
                    "the index has no field `{name}`: it was not built by this casefile version; rebuild it with `casefile index --full`"
                ))
            })
        };
        Ok(Fields {
            kind: f("kind")?,
            text: f("text")?,
            quote: f("quote")?,
            title: f("title")?,
            summary: f("summary")?,
            article_key: f("article_key")?,
            id: f("id")?,
            path: f("path")?,
            source: f("source")?,
            published: f("published")?,
            actor: f("actor")?,
            topic: f("topic")?,
            speaker: f("speaker")?,
            mentioned: f("mentioned")?,
            record: f("record")?,
            text_stored: schema.get_field_entry(f("text")?).is_stored(),
        })
    }
}

fn text_options(tokenizer: &str, positions: bool) -> TextOptions {
    let record = if positions { IndexRecordOption::WithFreqsAndPositions } else { IndexRecordOption::Basic };
    TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record))
}

/// The bit of `article_key` set on an article's lead passage only.
pub const LEAD_BIT: u64 = 1;

/// The `article_key` of the documents of the article `id`: the first 8 bytes of the id's BLAKE3
/// hash (stable across builds and platforms), with [`LEAD_BIT`] clear (the lead passage's
/// document sets it).
pub fn article_key(id: &str) -> u64 {
    let hash = blake3::hash(id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(first) & !LEAD_BIT
}

/// Builds casefile's schema.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("kind", text_options(KEY_TOKENIZER, false));
    // Stored as it is, not inside the record's JSON: escaping it there and reading it back was
    // the largest part of writing and reading a record.
    b.add_text_field("text", text_options(PROSE_TOKENIZER, true).set_stored());
    b.add_text_field("quote", text_options(PROSE_TOKENIZER, true));
    b.add_text_field("title", text_options(PROSE_TOKENIZER, true));
    b.add_text_field("summary", text_options(PROSE_TOKENIZER, true));
    b.add_u64_field("article_key", FAST);
    b.add_text_field("id", text_options(ID_TOKENIZER, false));
    b.add_text_field("path", text_options(KEY_TOKENIZER, false));
    b.add_text_field("source", text_options(KEY_TOKENIZER, false));
    b.add_date_field(
        "published",
        DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field("actor", text_options(KEY_TOKENIZER, false));
    b.add_text_field("topic", text_options(KEY_TOKENIZER, false));
    b.add_text_field("speaker", text_options(NAME_TOKENIZER, true));
    b.add_text_field("mentioned", text_options(KEY_TOKENIZER, false));
    // Stored as text, not bytes: tantivy reads a stored bytes value one byte at a time, a text
    // value in one copy (a tenth of the time of a single-word search went to it).
    b.add_text_field("record", STORED);
    b.build()
}

/// Registers casefile's tokenizers on `index` (needed on every open: tokenizers are not stored).
///
/// # Errors
/// When `settings.stemmer` names no language tantivy stems.
pub fn register_tokenizers(index: &Index, settings: &IndexSettings) -> Result<()> {
    let language = stemmer_language(&settings.stemmer)?;
    // Each choice of filters is its own chain of static types, which the compiler inlines into
    // one loop: boxing every filter (`filter_dynamic`) cost a call through a pointer per filter
    // and word.
    let words = || TextAnalyzer::builder(FoldedWords::default());
    let stop_words = language.filter(|_| settings.stop_words).and_then(StopWordFilter::new);
    let prose = match (language, stop_words) {
        (Some(language), Some(stop_words)) => {
            words().filter(stop_words).filter(CachedStemmer::new(language)).build()
        }
        (Some(language), None) => words().filter(CachedStemmer::new(language)).build(),
        (None, _) => words().build(),
    };
    let tokenizers = index.tokenizers();
    tokenizers.register(PROSE_TOKENIZER, prose);
    tokenizers.register(NAME_TOKENIZER, TextAnalyzer::from(FoldedWords::default()));
    tokenizers.register(
        KEY_TOKENIZER,
        TextAnalyzer::builder(KeyListTokenizer::default()).filter(LowerCaser).build(),
    );
    Ok(())
}

/// The stemmer language named in `casefile.toml`, `None` for `none`.
///
/// # Errors
/// For a name tantivy has no stemmer for.
pub fn stemmer_language(name: &str) -> Result<Option<Language>> {
    use Language::*;
    let lang = match name.to_ascii_lowercase().as_str() {
        "none" | "" => return Ok(None),
        "arabic" => Arabic,
        "danish" => Danish,
        "dutch" => Dutch,
        "english" => English,
        "finnish" => Finnish,
        "french" => French,
        "german" => German,
        "greek" => Greek,
        "hungarian" => Hungarian,
        "italian" => Italian,
        "norwegian" => Norwegian,
        "portuguese" => Portuguese,
        "romanian" => Romanian,
        "russian" => Russian,
        "spanish" => Spanish,
        "swedish" => Swedish,
        "tamil" => Tamil,
        "turkish" => Turkish,
        other => {
            return Err(Error::config(
                "casefile.toml",
                format!("index.stemmer = \"{other}\" is not a language tantivy stems (english, french, german, ..., or none)"),
            ))
        }
    };
    Ok(Some(lang))
}

/// A date as tantivy stores it (midnight UTC of the civil date).
pub fn tantivy_date(date: jiff::civil::Date) -> tantivy::DateTime {
    let days = date.since(jiff::civil::date(1970, 1, 1)).map(|s| s.get_days()).unwrap_or(0);
    tantivy::DateTime::from_timestamp_secs(i64::from(days) * 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prose_analyzer_follows_the_settings() {
        let words = |stemmer: &str, stop_words: bool| {
            let index = Index::create_in_ram(build_schema());
            let mut settings = crate::config::Config::builtin().settings.index;
            settings.stemmer = stemmer.to_string();
            settings.stop_words = stop_words;
            register_tokenizers(&index, &settings).unwrap();
            let mut analyzer = index.tokenizers().get(PROSE_TOKENIZER).unwrap();
            let mut out = Vec::new();
            analyzer
                .token_stream("The Talks of Ministers in Montréal")
                .process(&mut |t| out.push(t.text.clone()));
            out
        };
        assert_eq!(words("english", false), ["the", "talk", "of", "minist", "in", "montreal"]);
        assert_eq!(words("english", true), ["talk", "minist", "montreal"]);
        assert_eq!(words("none", true), ["the", "talks", "of", "ministers", "in", "montreal"]);
    }

    #[test]
    fn dates_map_to_midnight_utc() {
        let d = tantivy_date(jiff::civil::date(2024, 11, 18));
        assert_eq!(d.into_timestamp_secs(), 1_731_888_000);
    }
}
