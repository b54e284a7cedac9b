//! Direct quotations and their speakers.

use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::enrich::actors::Actor;
use crate::error::Result;

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// First byte of the quoted words (inside the marks).
    pub start: usize,
    /// One past the last byte of the quoted words.
    pub end: usize,
    /// Exactly `body[start..end]`, without the quotation marks.
    pub text: String,
    /// Canonical name of the speaker (a known actor's name where possible).
    pub speaker: Option<String>,
    /// First byte of the speaker's mention that attributes the quote.
    pub speaker_start: Option<usize>,
    /// One past the last byte of that mention.
    pub speaker_end: Option<usize>,
}

/// Finds quotations and attributes them.
#[derive(Debug)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// Builds the extractor from `speech-verbs.txt`.
    ///
    /// # Errors
    /// When the file is malformed.
    pub fn from_config(_config: &Config) -> Result<QuoteExtractor> {
        Ok(QuoteExtractor {})
    }

    /// All quotations of `article`, in order; `actors` names the speakers.
    pub fn extract(&self, _article: &Article, _actors: &[Actor]) -> Vec<Quote> {
        Vec::new()
    }
}
