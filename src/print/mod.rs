//! Printers: hits and records as text, JSON or Markdown. Printers know nothing of how hits were
//! found.

pub mod extract;
