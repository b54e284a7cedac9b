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
//! * [`export`] writes the same passages as documents for Quickwit or OpenSearch, for archives
//!   beyond one machine.
//! * [`search`] answers queries with ranked passages and their citations.
//! * [`mod@print`] renders hits as text, JSON or Markdown.
//!
//! # Example: index a folder, then search it
//!
//! ```
//! use std::sync::atomic::AtomicBool;
//! use casefile::index::{self, IndexOptions, IndexRoot};
//! use casefile::search::{SearchRequest, Searcher};
//! use casefile::Config;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let archive = std::env::temp_dir().join(format!("casefile-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&archive)?;
//! std::fs::write(
//!     archive.join("seoul.md"),
//!     "---\ntitle: \"Warning in Seoul\"\npublished: 2025-01-06\n---\n\
//!      Antony Blinken said Moscow intends to share satellite technology with Pyongyang.\n",
//! )?;
//!
//! let config = Config::builtin();
//! let root = IndexRoot::new(archive.join(".casefile"));
//! let options = IndexOptions::new(vec![archive.clone()], &config);
//! let summary = index::writer::run(&root, &config, &options, &(), &AtomicBool::new(false))?;
//! assert_eq!(summary.articles, 1);
//!
//! let searcher = Searcher::new(root.open(&config)?, &config)?;
//! let request = SearchRequest { query: "satellite".into(), limit: 10, per_article: 2, ..Default::default() };
//! let results = searcher.search(&request, &|_| None)?;
//! let hit = &results.hits[0];
//! assert_eq!(hit.citation.title, "Warning in Seoul");
//! assert!(hit.record.actors.iter().any(|a| a.code.as_deref() == Some("PRK")));
//! println!("{}", hit.citation.line_text());
//! # std::fs::remove_dir_all(&archive)?;
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod article;
pub mod config;
pub mod enrich;
pub mod error;
pub mod export;
pub mod index;
pub mod print;
pub mod read;
pub mod search;

pub use article::{Article, BodyOrigin, Passage, Span};
pub use config::Config;
pub use enrich::{Annotations, Enricher};
pub use error::{Error, Result};
pub use index::{IndexOptions, IndexRoot, RunSummary};
pub use search::{Citation, Hit, SearchRequest, Searcher};
