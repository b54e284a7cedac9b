//! Context: the passages around a hit, from its article, as `grep -C` shows the lines around a
//! match.
//!
//! Every passage document holds its article's id: the article's passages are found by it (in
//! whichever segments they are: indexing threads take an article's passages in turn), and those
//! next to the hit's, by their index in the article, are shown.

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Term};

use crate::article::Passage;
use crate::error::Result;
use crate::index::StoredPassage;

/// The passages before and after a hit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Up to the asked number of the article's passages before the hit's, in article order.
    pub before: Vec<Neighbour>,
    /// Up to the asked number of the article's passages after the hit's, in article order.
    pub after: Vec<Neighbour>,
}

/// A passage shown as context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbour {
    /// Its place in the article body.
    pub passage: Passage,
    /// Its text, exactly `body[passage.start..passage.end]`.
    pub text: String,
}

/// The `n` passages before and after `hit`, a passage of the article `article` (its id, held in
/// `id_field`), read with `record`.
///
/// # Errors
/// tantivy errors, and errors of `record`.
pub(crate) fn around(
    searcher: &tantivy::Searcher,
    id_field: Field,
    article: &str,
    hit: &Passage,
    n: usize,
    record: &dyn Fn(DocAddress) -> Result<Option<StoredPassage>>,
) -> Result<Context> {
    let passages = TermQuery::new(Term::from_field_text(id_field, article), IndexRecordOption::Basic);
    let wanted = hit.index.saturating_sub(n)..=hit.index.saturating_add(n);
    let mut near: Vec<Neighbour> = Vec::new();
    for address in searcher.search(&passages, &DocSetCollector)? {
        if let Some(r) = record(address)? {
            if wanted.contains(&r.passage.index) && r.passage.index != hit.index {
                near.push(Neighbour { passage: r.passage, text: r.text });
            }
        }
    }
    near.sort_by_key(|neighbour| neighbour.passage.index);
    let split = near.partition_point(|neighbour| neighbour.passage.index < hit.index);
    let after = near.split_off(split);
    Ok(Context { before: near, after })
}
