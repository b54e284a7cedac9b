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
    Ok(Some(record))
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
    use tantivy::schema::OwnedValue;

    #[test]
    fn records_of_either_layout_are_read() {
        let json = r#"{"a":1}"#;
        assert_eq!(json_of(&OwnedValue::Str(json.into())), Some(json.as_bytes()));
        assert_eq!(json_of(&OwnedValue::Bytes(json.as_bytes().to_vec())), Some(json.as_bytes()));
        assert_eq!(json_of(&OwnedValue::U64(1)), None);
    }
}
