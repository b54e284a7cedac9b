//! Rescoring: a second, more expensive query applied to the best candidates of the first.
//!
//! The proximity boost of a plain multi-word query is a sloppy phrase query. Evaluated as a
//! `Should` clause it reads the positions of every passage that matches any of the words, which
//! at 200,000 articles was about 40% of such a query's time. Applied to the first pass's best
//! candidates only, it costs a few seeks per candidate, and the candidates' scores are exactly
//! what the `Should` clause gave them (the sum of the two scores).

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, TERMINATED};

use crate::error::Result;

/// How many of the first pass's candidates are rescored. Candidates below the window keep their
/// first-pass score; as rescoring only adds to scores, the window stays ahead of them.
pub const RESCORE_WINDOW: usize = 100;

/// Adds `extra`'s score to each of the first [`RESCORE_WINDOW`] entries of `ranked` that it
/// matches, then sorts them again, best first (ties by address, as tantivy orders them).
///
/// `ranked` must be sorted best first, as `TopDocs` returns it.
///
/// # Errors
/// tantivy errors building the query's weight or scorers.
pub fn rescore(searcher: &Searcher, extra: &dyn Query, ranked: &mut [(Score, DocAddress)]) -> Result<()> {
    let window = ranked.len().min(RESCORE_WINDOW);
    let ranked = &mut ranked[..window];
    let weight = extra.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // Scorers only move forward: visit the candidates segment by segment, in doc id order.
    let mut order: Vec<usize> = (0..window).collect();
    order.sort_unstable_by_key(|&i| ranked[i].1);
    let mut at = 0;
    while at < order.len() {
        let segment = ranked[order[at]].1.segment_ord;
        let mut scorer = weight.scorer(searcher.segment_reader(segment), 1.0)?;
        while at < order.len() && ranked[order[at]].1.segment_ord == segment {
            let i = order[at];
            let doc: DocId = ranked[i].1.doc_id;
            let mut current = scorer.doc();
            if current < doc && current != TERMINATED {
                current = scorer.seek(doc);
            }
            if current == doc {
                ranked[i].0 += scorer.score();
            }
            at += 1;
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
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
        rescore(&searcher, &*near(), &mut ranked).unwrap();
        assert_ne!(before, ranked.iter().map(|(_, a)| *a).collect::<Vec<_>>(), "proximity changes the order");
        assert_eq!(expected.len(), ranked.len());
        for ((s1, a1), (s2, a2)) in expected.iter().zip(&ranked) {
            assert_eq!(a1, a2);
            assert!((s1 - s2).abs() < 1e-5, "{s1} vs {s2}");
        }
    }
}
