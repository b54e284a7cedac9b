//! casefile: full-text search over geopolitical reporting.
//!
//! The pipeline flows one way:
//!
//! ```text
//! files ──read──▶ Article ──enrich──▶ Annotations ──index──▶ tantivy ──search──▶ Hit ──print──▶ text | JSON | Markdown
//! ```
//!
//! * [`read`] walks an archive and parses text/Markdown (with front matter), JSON Lines, JSON and
//!   HTML into [`Article`]s.
//! * [`enrich`] splits articles into passages and finds actors, dates, quotes and topics.
//! * [`index`] stores articles and passages in tantivy.
//! * [`search`] answers queries with ranked passages and their citations.
//! * [`print`] renders hits as text, JSON or Markdown.
#![warn(missing_docs)]

pub mod article;
pub mod config;
pub mod enrich;
pub mod error;
pub mod index;
pub mod print;
pub mod read;
pub mod search;

pub use article::{Article, BodyOrigin, Passage, Span};
pub use config::Config;
pub use enrich::{Annotations, Enricher};
pub use error::{Error, Result};
