//! Topics: a taxonomy of weighted phrases, scored over any text.

use serde::Serialize;

use crate::config::Config;
use crate::error::Result;

/// A topic assigned to a text, with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// Stable id (`sanctions`).
    pub id: String,
    /// Human label ("Sanctions").
    pub label: String,
    /// Score; higher is stronger.
    pub score: f32,
}

/// Scores texts against the taxonomy of `topics.toml`.
#[derive(Debug)]
pub struct TopicClassifier {}

impl TopicClassifier {
    /// Builds the classifier.
    ///
    /// # Errors
    /// When `topics.toml` is malformed.
    pub fn from_config(_config: &Config) -> Result<TopicClassifier> {
        Ok(TopicClassifier {})
    }

    /// The topics of `text`, best first.
    pub fn score(&self, _text: &str) -> Vec<TopicScore> {
        Vec::new()
    }

    /// Whether `id` is a topic of the taxonomy.
    pub fn knows(&self, id: &str) -> bool {
        let _ = id;
        false
    }
}
