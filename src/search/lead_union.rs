//! A word matched in the passage text or in its article's heading, without a three-way union.
//!
//! The query parser reads each word of a passage search over three fields: `text`, and the
//! `title` and `summary` that only lead passages hold. tantivy answers such a clause with a
//! buffered union of three scorers, which costs more per document than the text scorer alone,
//! and far more when an intersection seeks it (a filter, `+a +b`): at 200,000 articles the union
//! was a third of the time of single-word and filtered queries. The heading fields' matches are
//! few (lead passages only), so [`LeadUnion`] collects them per segment into a sorted list and
//! merges that list with the text scorer: the same documents, each with the same sum of scores.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

use crate::search::block_term::BlockTerm;

/// Matches what `main` or any of `leads` matches, scoring the sum of the scores of those that
/// match: a `Should` union whose `leads` match few documents.
#[derive(Debug)]
pub struct LeadUnion {
    main: Box<dyn Query>,
    leads: Vec<Box<dyn Query>>,
}

impl Clone for LeadUnion {
    fn clone(&self) -> LeadUnion {
        LeadUnion { main: self.main.box_clone(), leads: self.leads.iter().map(|q| q.box_clone()).collect() }
    }
}

/// Rewrites `query` so that each `Should` group of one clause on the `text` field and clauses on
/// the `heading` fields (as the query parser makes of a word or phrase over its default fields)
/// becomes a [`LeadUnion`]; everything else is kept as it is, unions of several words included.
pub fn rewrite(query: Box<dyn Query>, text: Field, heading: &[Field]) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else { return query };
    let mut leaves = Vec::new();
    if should_leaves(boolean, &mut leaves) {
        let on = |q: &dyn Query, allowed: &[Field]| {
            let mut fields: Vec<Field> = Vec::new();
            q.query_terms(&mut |term: &Term, _| fields.push(term.field()));
            !fields.is_empty() && fields.iter().all(|f| allowed.contains(f))
        };
        let (mut texts, leads): (Vec<_>, Vec<_>) = leaves.into_iter().partition(|q| on(q.as_ref(), &[text]));
        if texts.len() == 1 && !leads.is_empty() && leads.iter().all(|q| on(q.as_ref(), heading)) {
            return Box::new(LeadUnion { main: BlockTerm::wrap(texts.remove(0)), leads });
        }
        // Several words or phrases in one union: tantivy's own union of them all is faster than
        // one lead union around them (1.13-1.29x slower at 200,000 articles) or a union of lead
        // unions (1.4-1.6x).
        if texts.len() > 1 {
            return query;
        }
    }
    let rewritten = boolean
        .clauses()
        .iter()
        .map(|(occur, q)| (*occur, rewrite(q.box_clone(), text, heading)))
        .collect::<Vec<_>>();
    Box::new(BooleanQuery::with_minimum_required_clauses(
        rewritten,
        boolean.get_minimum_number_should_match(),
    ))
}

/// Collects the clauses of `query` and of the `Should` groups nested in it, when it is a union
/// (only `Should` clauses, any one of which is enough): the sum of the scores of its matching
/// leaves is its score. False (and `leaves` left partial) otherwise.
fn should_leaves(query: &BooleanQuery, leaves: &mut Vec<Box<dyn Query>>) -> bool {
    if query.get_minimum_number_should_match() > 1 {
        return false;
    }
    for (occur, clause) in query.clauses() {
        if *occur != Occur::Should {
            return false;
        }
        match clause.downcast_ref::<BooleanQuery>() {
            Some(group) => {
                if !should_leaves(group, leaves) {
                    return false;
                }
            }
            None => leaves.push(clause.box_clone()),
        }
    }
    true
}

impl Query for LeadUnion {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // The lead clauses as one union: its scorer gives each document once, in order, with the
        // sum of its clauses' scores.
        let leads: Box<dyn Query> = match self.leads.as_slice() {
            [one] => one.box_clone(),
            many => Box::new(BooleanQuery::union(many.iter().map(|q| q.box_clone()).collect())),
        };
        Ok(Box::new(LeadUnionWeight {
            main: self.main.weight(enable_scoring)?,
            leads: leads.weight(enable_scoring)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.main.query_terms(visitor);
        for lead in &self.leads {
            lead.query_terms(visitor);
        }
    }
}

struct LeadUnionWeight {
    main: Box<dyn Weight>,
    leads: Box<dyn Weight>,
}

impl LeadUnionWeight {
    /// The lead clauses' matches in the segment, by document, each with its summed score.
    fn lead_matches(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Vec<(DocId, Score)>> {
        let mut leads: Vec<(DocId, Score)> = Vec::new();
        let mut scorer = self.leads.scorer(reader, boost)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            leads.push((doc, scorer.score()));
            doc = scorer.advance();
        }
        Ok(leads)
    }
}

impl Weight for LeadUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let leads = self.lead_matches(reader, boost)?;
        Ok(Box::new(LeadUnionScorer::new(self.main.scorer(reader, boost)?, leads)))
    }

    /// The main weight's own `for_each` (tantivy's fastest way through its matches), with the
    /// lead matches slipped in by document.
    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        let leads = self.lead_matches(reader, 1.0)?;
        let mut next = 0;
        self.main.for_each(reader, &mut |doc, score| {
            while let Some(&(lead, lead_score)) = leads.get(next).filter(|&&(lead, _)| lead < doc) {
                callback(lead, lead_score);
                next += 1;
            }
            match leads.get(next) {
                Some(&(lead, lead_score)) if lead == doc => {
                    callback(doc, score + lead_score);
                    next += 1;
                }
                _ => callback(doc, score),
            }
        })?;
        for &(doc, score) in &leads[next..] {
            callback(doc, score);
        }
        Ok(())
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        Ok(Explanation::new("text or heading", scorer.score()))
    }
}

struct LeadUnionScorer {
    main: Box<dyn Scorer>,
    /// The lead clauses' matches in this segment, by document, each with its summed score.
    leads: Vec<(DocId, Score)>,
    /// The first of `leads` not passed yet.
    next: usize,
    doc: DocId,
}

impl LeadUnionScorer {
    fn new(main: Box<dyn Scorer>, leads: Vec<(DocId, Score)>) -> LeadUnionScorer {
        let mut scorer = LeadUnionScorer { main, leads, next: 0, doc: TERMINATED };
        scorer.doc = scorer.current();
        scorer
    }

    fn lead_doc(&self) -> DocId {
        self.leads.get(self.next).map_or(TERMINATED, |&(doc, _)| doc)
    }

    fn current(&self) -> DocId {
        self.main.doc().min(self.lead_doc())
    }
}

impl DocSet for LeadUnionScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.main.doc() == self.doc {
            self.main.advance();
        }
        if self.lead_doc() == self.doc {
            self.next += 1;
        }
        self.doc = self.current();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.main.doc() < target {
            self.main.seek(target);
        }
        if self.lead_doc() < target {
            self.next += self.leads[self.next..].partition_point(|&(doc, _)| doc < target);
        }
        self.doc = self.current();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.main.size_hint().saturating_add((self.leads.len() - self.next) as u32)
    }
}

impl Scorer for LeadUnionScorer {
    fn score(&mut self) -> Score {
        let mut score = 0.0;
        if self.main.doc() == self.doc {
            score += self.main.score();
        }
        if let Some(&(doc, lead)) = self.leads.get(self.next) {
            if doc == self.doc {
                score += lead;
            }
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, DocAddress, Index, IndexWriter};

    #[test]
    fn matches_and_scores_what_the_three_field_union_does() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let title = schema.add_text_field("title", TEXT);
        let summary = schema.add_text_field("summary", TEXT);
        let kind = schema.add_text_field("kind", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let bodies =
            ["oil prices rose", "talks on oil", "prices fell", "nuclear talks resumed", "iran nuclear deal"];
        let titles = ["Oil talks", "Nuclear deal", "Prices"];
        for i in 0..600 {
            let body = format!("{} {}", bodies[i % bodies.len()], i % 11);
            let mut d = doc!(text => body, kind => if i % 3 == 0 { "quote" } else { "passage" });
            // Leads (one passage in four) hold a title, some a summary.
            if i % 4 == 0 {
                d.add_text(title, titles[i % titles.len()]);
                if i % 8 == 0 {
                    d.add_text(summary, "sanctions and oil");
                }
            }
            writer.add_document(d).unwrap();
            if i % 200 == 199 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let mut parser = QueryParser::for_index(&index, vec![text, title, summary]);
        parser.set_field_boost(title, 2.0);
        parser.set_field_boost(summary, 1.5);
        let queries = [
            "oil",
            "oil prices",
            "\"oil prices\"",
            "+nuclear +talks",
            "nuclear -deal",
            "oil^2 sanctions",
            "(oil OR prices) AND kind:quote",
            "title:oil text:talks",
            "sanctions",
        ];
        for query in queries {
            let parsed = parser.parse_query(query).unwrap();
            let rewritten = rewrite(parsed.box_clone(), text, &[title, summary]);
            let top = |q: &dyn Query| {
                let (docs, n) =
                    searcher.search(q, &(TopDocs::with_limit(1_000).order_by_score(), Count)).unwrap();
                let mut docs: Vec<(DocAddress, Score)> = docs.into_iter().map(|(s, a)| (a, s)).collect();
                docs.sort_by_key(|(a, _)| *a);
                (docs, n)
            };
            let (expected, expected_n) = top(parsed.as_ref());
            let (got, n) = top(rewritten.as_ref());
            assert_eq!(n, expected_n, "{query}");
            assert!(expected_n > 0, "{query} matches something");
            assert_eq!(got.len(), expected.len(), "{query}");
            for ((a, s), (b, t)) in got.iter().zip(&expected) {
                assert_eq!(a, b, "{query}");
                assert!((s - t).abs() <= 1e-4 * t.abs().max(1.0), "{query}: {s} against {t}");
            }
        }
        for word in ["oil", "\"oil prices\""] {
            let rewritten = rewrite(parser.parse_query(word).unwrap(), text, &[title, summary]);
            assert!(rewritten.downcast_ref::<LeadUnion>().is_some(), "{word}: {rewritten:?}");
        }
        let words = rewrite(parser.parse_query("oil prices").unwrap(), text, &[title, summary]);
        assert!(format!("{words:?}").contains("BooleanQuery") && !format!("{words:?}").contains("LeadUnion"));
        // for_each (the first pass) gives what the scorer gives.
        let weight = rewrite(parser.parse_query("oil").unwrap(), text, &[title, summary])
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .unwrap();
        for segment in searcher.segment_readers() {
            let mut seen = Vec::new();
            weight.for_each(segment, &mut |doc, score| seen.push((doc, score))).unwrap();
            let mut scorer = weight.scorer(segment, 1.0).unwrap();
            let mut scored = Vec::new();
            while scorer.doc() != TERMINATED {
                scored.push((scorer.doc(), scorer.score()));
                scorer.advance();
            }
            assert_eq!(seen, scored);
        }
    }
}
