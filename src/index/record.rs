//! Reading back the record stored with a passage document.

use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::{Fields, StoredPassage};

/// The stored record of the document at `address`, with its passage's text, `None` for a
/// document without one. The text is the stored `text` value, or for indexes built before
/// document layout 9 (which do not store `text`) the record's own.
///
/// # Errors
/// tantivy errors reading the document; [`Error::Invalid`] for a record that does not parse.
pub fn read(searcher: &Searcher, fields: &Fields, address: DocAddress) -> Result<Option<StoredPassage>> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let Some(json) = doc.get_first(fields.record).and_then(json_of) else {
        return Ok(None);
    };
    let mut record: StoredPassage = serde_json::from_slice(json).map_err(|e| {
        Error::Invalid(format!("damaged record in the index ({e}); rebuild with `casefile index --full`"))
    })?;
    if let Some(text) = doc.get_first(fields.text).and_then(|v| v.as_str()) {
        record.text = text.to_string();
    }
    restore_quotes(&mut record)?;
    Ok(Some(record))
}

/// Puts back the text of the quotations whose record leaves it to the passage's text.
fn restore_quotes(record: &mut StoredPassage) -> Result<()> {
    let from = record.passage.start;
    for quote in record.quotes.iter_mut().filter(|q| q.text.is_empty()) {
        let text = quote
            .start
            .checked_sub(from)
            .zip(quote.end.checked_sub(from))
            .and_then(|(start, end)| record.text.get(start..end))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "damaged record in the index (a quotation at bytes {}-{} outside its passage); rebuild with `casefile index --full`",
                    quote.start, quote.end
                ))
            })?;
        quote.text = text.to_string();
    }
    Ok(())
}

/// The JSON of a stored record: a text value, or the bytes value of indexes built before
/// document layout 8, which searches still read until the next `casefile index` rebuilds them.
fn json_of<'a>(value: impl Value<'a>) -> Option<&'a [u8]> {
    let bytes = value.as_bytes();
    value.as_str().map(str::as_bytes).or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Passage};
    use crate::index::document::article_ref;
    use crate::index::PassageQuote;
    use tantivy::schema::OwnedValue;

    fn stored(passage: (usize, usize), text: &str, quotes: &[(&str, usize, usize)]) -> StoredPassage {
        StoredPassage {
            article: article_ref(&Article::new("a", "a.txt", "x")),
            passage: Passage { index: 1, paragraph: 2, start: passage.0, end: passage.1 },
            text: text.to_string(),
            actors: Vec::new(),
            quotes: quotes
                .iter()
                .map(|&(text, start, end)| PassageQuote { text: text.into(), speaker: None, start, end })
                .collect(),
            topics: Vec::new(),
            quote: None,
        }
    }

    #[test]
    fn quotations_left_to_the_passage_text_are_put_back() {
        // A passage at body bytes 100..140; the second quotation runs on into the next passage,
        // so its record keeps its words.
        let text = "\"We will respond,\" she said. \"And then";
        let mut record = stored((100, 140), text, &[("", 101, 116), ("And then we wait.", 130, 160)]);
        restore_quotes(&mut record).unwrap();
        assert_eq!(record.quotes[0].text, "We will respond");
        assert_eq!(record.quotes[1].text, "And then we wait.");
        let mut damaged = stored((100, 140), text, &[("", 90, 116)]);
        let err = restore_quotes(&mut damaged).unwrap_err().to_string();
        assert!(err.contains("rebuild with `casefile index --full`"), "{err}");
    }

    #[test]
    fn records_of_either_layout_are_read() {
        let json = r#"{"a":1}"#;
        assert_eq!(json_of(&OwnedValue::Str(json.into())), Some(json.as_bytes()));
        assert_eq!(json_of(&OwnedValue::Bytes(json.as_bytes().to_vec())), Some(json.as_bytes()));
        assert_eq!(json_of(&OwnedValue::U64(1)), None);
    }
}
