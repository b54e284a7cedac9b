//! Printers: hits as text, JSON or Markdown, and extract records. Printers know nothing of how
//! hits were found.

pub mod count;
pub mod extract;
pub mod json;
pub mod markdown;
pub mod text;

use crate::search::Hit;

/// `1 article`, `2 articles`: a count and its noun, plural unless the count is one.
pub fn counted(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Numbers the distinct articles of `hits` in order of first appearance: the citation number of
/// each hit, and the hits that introduce each number (for the source list).
pub fn citation_numbers(hits: &[Hit]) -> (Vec<usize>, Vec<&Hit>) {
    let mut sources: Vec<&Hit> = Vec::new();
    let numbers = hits
        .iter()
        .map(|h| match sources.iter().position(|s| s.record.article.id == h.record.article.id) {
            Some(i) => i + 1,
            None => {
                sources.push(h);
                sources.len()
            }
        })
        .collect();
    (numbers, sources)
}
