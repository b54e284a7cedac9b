//! Rescoring: more expensive queries applied to the best candidates of the first pass.
//!
//! - The proximity boost of a plain multi-word query is a sloppy phrase query. Evaluated as a
//!   `Should` clause it reads the positions of every passage that matches any of the words, which
//!   at 200,000 articles was about 40% of such a query's time. Applied to the first pass's best
//!   candidates only, it costs a few seeks per candidate, and the candidates' scores are exactly
//!   what the `Should` clause gave them (the sum of the two scores).
//! - Titles and summaries are indexed with each article's lead passage only (repeated on every
//!   passage, their postings were a large part of the index and of every query's work). When an
//!   article's lead is among the first pass's candidates, the article's other passages among
//!   them get the lead's title and summary score added, so a title match still lifts the whole
//!   article. (An article whose lead is not among them has no title match worth a lift.)

use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query, Scorer};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SeekDangerResult, TERMINATED};

use crate::error::Result;
use crate::index::schema::LEAD_BIT;

/// How many of the first pass's candidates are rescored. Candidates below the window keep their
/// first-pass score; as rescoring only adds to scores, the window stays ahead of them.
pub const RESCORE_WINDOW: usize = 100;

/// A candidate (its index in the ranking) and the document where its extra score is read.
type Target = (usize, DocAddress);

/// A query whose score is added to the candidates'.
#[derive(Clone, Copy)]
pub enum Extra<'a> {
    /// Scored at the candidate itself.
    AtCandidate(&'a dyn Query),
    /// Scored at the lead passage of the candidate's article, when the lead is a candidate too
    /// (found through the segments' `article_key` columns, by segment ordinal), and added to
    /// the candidates that are not themselves the lead.
    AtLead(&'a dyn Query, &'a [Column<u64>]),
}

/// Adds each extra query's score to the first [`RESCORE_WINDOW`] entries of `ranked` that it
/// matches, then sorts them again, best first (ties by address, as tantivy orders them).
///
/// `ranked` must be sorted best first, as `TopDocs` returns it.
///
/// # Errors
/// tantivy errors building the queries' weights or scorers.
pub fn rescore(searcher: &Searcher, extras: &[Extra<'_>], ranked: &mut [(Score, DocAddress)]) -> Result<()> {
    let window = ranked.len().min(RESCORE_WINDOW);
    // Where each candidate's extra scores are read: (candidate, the document to score). Leads
    // are looked for among all the candidates; scores are added within the window.
    let plans: Vec<(&dyn Query, Vec<Target>)> = extras
        .iter()
        .map(|extra| match *extra {
            Extra::AtCandidate(query) => {
                (query, ranked[..window].iter().enumerate().map(|(i, (_, a))| (i, *a)).collect())
            }
            Extra::AtLead(query, article_keys) => (query, leads(article_keys, ranked, window)),
        })
        .collect();
    let ranked = &mut ranked[..window];
    for (query, targets) in plans {
        add_scores(searcher, query, targets, ranked)?;
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(())
}

/// For each of the first `window` candidates that is not a lead, its article's lead passage,
/// where that is among `ranked` too.
fn leads(article_keys: &[Column<u64>], ranked: &[(Score, DocAddress)], window: usize) -> Vec<Target> {
    let key = |address: &DocAddress| {
        article_keys.get(address.segment_ord as usize).and_then(|c| c.first(address.doc_id))
    };
    let keys: Vec<Option<u64>> = ranked.iter().map(|(_, address)| key(address)).collect();
    let lead_of: HashMap<u64, DocAddress> = keys
        .iter()
        .zip(ranked)
        .filter_map(|(k, (_, address))| k.filter(|k| k & LEAD_BIT != 0).map(|k| (k & !LEAD_BIT, *address)))
        .collect();
    keys.iter()
        .take(window)
        .enumerate()
        .filter_map(|(i, k)| {
            k.filter(|k| k & LEAD_BIT == 0).and_then(|k| lead_of.get(&k)).map(|lead| (i, *lead))
        })
        .collect()
}

/// Adds `query`'s score at each target document to its candidate in `ranked`.
fn add_scores(
    searcher: &Searcher,
    query: &dyn Query,
    mut targets: Vec<Target>,
    ranked: &mut [(Score, DocAddress)],
) -> Result<()> {
    if targets.is_empty() {
        return Ok(());
    }
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // Scorers only move forward: visit the targets segment by segment, in doc id order.
    targets.sort_unstable_by_key(|&(_, address)| address);
    let mut at = 0;
    while at < targets.len() {
        let segment = targets[at].1.segment_ord;
        let reader = searcher.segment_reader(segment);
        // The scorer is made at the first target (`scorer_danger`) and moved with `seek_danger`:
        // both ask whether the target itself matches, so a phrase scorer checks the positions of
        // that document only, where `scorer` and `seek` check every document holding all the
        // words up to the next match (15% of a multi-word query's time went there). No document
        // before `bound` can match; the scorer is valid again after each `Found`.
        let mut scorer: Option<Box<dyn Scorer>> = None;
        let mut bound: DocId = 0;
        while at < targets.len() && targets[at].1.segment_ord == segment {
            let doc: DocId = targets[at].1.doc_id;
            let mut score = None;
            if doc >= bound && bound != TERMINATED {
                let (found, current) = match scorer.take() {
                    Some(mut current) => (current.seek_danger(doc), current),
                    None => weight.scorer_danger(reader, doc, 1.0)?,
                };
                let current = scorer.insert(current);
                match found {
                    SeekDangerResult::Found => {
                        score = Some(current.score());
                        bound = doc + 1;
                    }
                    SeekDangerResult::SeekLowerBound(next) => bound = next,
                }
            }
            // Candidates of one article share its lead, so a target may repeat: each gets the
            // score (targets given to `seek_danger` must increase strictly).
            while at < targets.len() && targets[at].1 == DocAddress::new(segment, doc) {
                if let Some(score) = score {
                    ranked[targets[at].0].0 += score;
                }
                at += 1;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, QueryParser};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn rescoring_gives_the_scores_of_a_should_clause() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let bodies = [
            "opec opec, then prices prices, then oil oil",
            "in vienna on monday ministers said that oil prices at opec were a worry for markets",
            "prices of grain fell while oil output rose",
            "opec ministers met in vienna",
            "nothing to see here",
            "the price of oil and opec prices",
        ];
        for (i, body) in bodies.iter().enumerate() {
            writer.add_document(doc!(text => *body)).unwrap();
            if i == 2 {
                writer.commit().unwrap(); // two segments
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let parser = QueryParser::for_index(&index, vec![text]);
        let user = parser.parse_query("oil prices opec").unwrap();
        let near = || Box::new(BoostQuery::new(parser.parse_query("\"oil prices opec\"~3").unwrap(), 0.5));
        let combined = BooleanQuery::new(vec![
            (Occur::Must, user.box_clone()),
            (Occur::Should, near() as Box<dyn Query>),
        ]);
        let expected = searcher.search(&combined, &TopDocs::with_limit(10).order_by_score()).unwrap();
        let mut ranked = searcher.search(&user, &TopDocs::with_limit(10).order_by_score()).unwrap();
        let before: Vec<DocAddress> = ranked.iter().map(|(_, a)| *a).collect();
        rescore(&searcher, &[Extra::AtCandidate(&*near())], &mut ranked).unwrap();
        assert_ne!(before, ranked.iter().map(|(_, a)| *a).collect::<Vec<_>>(), "proximity changes the order");
        assert_eq!(expected.len(), ranked.len());
        for ((s1, a1), (s2, a2)) in expected.iter().zip(&ranked) {
            assert_eq!(a1, a2);
            assert!((s1 - s2).abs() < 1e-5, "{s1} vs {s2}");
        }
    }
}
