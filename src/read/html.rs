//! HTML articles: metadata from the usual meta tags and the main text.

use std::path::Path;

use crate::read::{FileRead, SkipReason};

/// Reads an HTML page.
pub fn read(_path: &Path, _text: &str) -> FileRead {
    FileRead { skipped: Some(SkipReason::Malformed("HTML reading is not built yet".into())), ..FileRead::default() }
}
