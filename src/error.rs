//! The library's error type: every error says which file (or setting) and why.

use std::path::PathBuf;

/// Errors of the casefile library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An `index-config` file is malformed.
    #[error("index-config {file}: {message}")]
    Config {
        /// The config file's name (`countries.tsv`).
        file: String,
        /// What is wrong, with the line number where there is one.
        message: String,
    },
    /// A query could not be parsed.
    #[error("invalid query: {0}")]
    Query(String),
    /// A command-line value (a date, a filter) is not valid.
    #[error("{0}")]
    Invalid(String),
    /// Another indexer holds the index's lock.
    #[error("index {} is locked by another casefile run (pid file: {}); wait for it to finish", path.display(), path.join("casefile.lock").display())]
    Locked {
        /// The index directory.
        path: PathBuf,
    },
    /// No index exists where one was expected.
    #[error("no casefile index at {}: run `casefile index` first", path.display())]
    NoIndex {
        /// The index directory.
        path: PathBuf,
    },
    /// The run was interrupted (SIGINT/SIGTERM).
    #[error("interrupted: {0}")]
    Interrupted(String),
    /// An error from tantivy.
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A config error for `file`.
    pub fn config(file: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Config { file: file.into(), message: message.into() }
    }
}

/// The message a panic was raised with (its payload, as `std::panic::catch_unwind` returns it).
/// casefile catches panics around each file it reads, so that a bug on one file's content
/// costs that file only; this names the bug in the report.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_string())
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
