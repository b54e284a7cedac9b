//! Reading back the record stored with a passage document.

use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::StoredPassage;

/// The stored record (`record_field`) of the document at `address`, `None` for a document without
/// one.
///
/// # Errors
/// tantivy errors reading the document; [`Error::Invalid`] for a record that does not parse.
pub fn read(searcher: &Searcher, record_field: Field, address: DocAddress) -> Result<Option<StoredPassage>> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let Some(json) = doc.get_first(record_field).and_then(|v| v.as_str()) else {
        return Ok(None);
    };
    serde_json::from_str(json).map(Some).map_err(|e| {
        Error::Invalid(format!("damaged record in the index ({e}); rebuild with `casefile index --full`"))
    })
}
