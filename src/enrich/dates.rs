//! Mentioned dates, resolved against the publication date.

use jiff::civil::Date;
use serde::Serialize;

use crate::config::Config;
use crate::error::Result;

/// A date mentioned in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Exactly `body[start..end]`.
    pub text: String,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www` or `YYYY-Qn`; `None` when it cannot be resolved.
    pub value: Option<String>,
}

/// Finds and resolves date expressions.
#[derive(Debug)]
pub struct DateExtractor {}

impl DateExtractor {
    /// Builds the extractor.
    ///
    /// # Errors
    /// Never at present; the signature leaves room for configurable vocabularies.
    pub fn from_config(_config: &Config) -> Result<DateExtractor> {
        Ok(DateExtractor {})
    }

    /// All date mentions in `body`, in order, resolved against `published`.
    pub fn extract(&self, _body: &str, _published: Option<Date>) -> Vec<DateMention> {
        Vec::new()
    }
}
