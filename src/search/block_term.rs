//! A term query that scores its matches a block of postings at a time.
//!
//! A single-word search scores every passage holding the word, and each score reads the
//! passage's field norm (its length). One document per passage makes the field-norm table of
//! a 200,000-article index 1.8 MB per field, read at scattered places: when other searches have
//! pushed it out of the processor's caches, tantivy's term scorer, which reads one norm per
//! document between decoding postings and scoring, waits on each read in turn, and those waits
//! were most of such a search's time. [`BlockTerm`] reads the norms of a whole block of postings
//! (128 documents) before scoring any of them: the reads do not depend on one another, so the
//! processor overlaps their misses. The scores are tantivy's own: the same BM25 weight, the same
//! norms and frequencies.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, BoostQuery, EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term};

/// A [`TermQuery`] whose [`Weight::for_each`] (the way a collector goes through every match)
/// scores a block of postings at a time; its scorer, count and explanation are the term query's.
#[derive(Debug, Clone)]
pub struct BlockTerm {
    inner: TermQuery,
    /// Multiplies the scores, as a [`BoostQuery`] around the term query would.
    boost: Score,
}

impl BlockTerm {
    /// Wraps `query` when it is a [`TermQuery`]; returns it unchanged otherwise.
    pub fn wrap(query: Box<dyn Query>) -> Box<dyn Query> {
        match query.downcast_ref::<TermQuery>() {
            Some(term) => Box::new(BlockTerm::boosted(term.clone(), 1.0)),
            None => query,
        }
    }

    /// `query` with its scores multiplied by `boost` (a field's boost: `title:summit`).
    pub fn boosted(query: TermQuery, boost: Score) -> BlockTerm {
        BlockTerm { inner: query, boost }
    }
}

impl Query for BlockTerm {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = if self.boost == 1.0 {
            self.inner.weight(enable_scoring)?
        } else {
            BoostQuery::new(Box::new(self.inner.clone()), self.boost).weight(enable_scoring)?
        };
        let term = self.inner.term().clone();
        // As `TermQuery::specialized_weight` computes it and a boost scales it, so that the
        // scores are the same.
        let bm25 = match enable_scoring {
            EnableScoring::Enabled { statistics_provider, .. } => Some(
                Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(&term))?.boost_by(self.boost),
            ),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(BlockTermWeight { inner, term, bm25 }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct BlockTermWeight {
    inner: Box<dyn Weight>,
    term: Term,
    /// `None` without scoring: then the term query's own ways serve.
    bm25: Option<Bm25Weight>,
}

impl Weight for BlockTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        let Some(bm25) = &self.bm25 else {
            return self.inner.for_each(reader, callback);
        };
        let field = self.term.field();
        let inverted = reader.inverted_index(field)?;
        let Some(info) = inverted.get_term_info(&self.term)? else {
            return Ok(());
        };
        let mut postings = inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?;
        let norms = match reader.fieldnorms_readers().get_field(field)? {
            Some(norms) => norms,
            None => FieldNormReader::constant(reader.max_doc(), 1),
        };
        score_blocks(&mut postings, &norms, bm25, callback);
        Ok(())
    }
}

/// Calls `callback` with each document of `postings` and its score, a block at a time.
fn score_blocks(
    postings: &mut BlockSegmentPostings,
    norms: &FieldNormReader,
    bm25: &Bm25Weight,
    callback: &mut dyn FnMut(DocId, Score),
) {
    let mut ids = [0u8; 128];
    loop {
        let docs = postings.docs();
        if docs.is_empty() {
            return;
        }
        // Every norm of the block first: independent reads, whose cache misses overlap.
        for (id, &doc) in ids.iter_mut().zip(docs) {
            *id = norms.fieldnorm_id(doc);
        }
        let freqs = postings.freqs();
        if freqs.len() == docs.len() {
            for ((&doc, &freq), &id) in docs.iter().zip(freqs).zip(&ids) {
                callback(doc, bm25.score(id, freq));
            }
        } else {
            // A field indexed without frequencies: each match counts once, as tantivy scores it.
            for (&doc, &id) in docs.iter().zip(&ids) {
                callback(doc, bm25.score(id, 1));
            }
        }
        postings.advance();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STRING, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    /// Every (document, score) that `query`'s weight gives `for_each`, over every segment.
    fn matches(index: &Index, query: &dyn Query) -> Vec<(u32, DocId, Score)> {
        let searcher = index.reader().unwrap().searcher();
        let weight = query.weight(EnableScoring::enabled_from_searcher(&searcher)).unwrap();
        let mut out = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            weight.for_each(reader, &mut |doc, score| out.push((ord as u32, doc, score))).unwrap();
        }
        out
    }

    #[test]
    fn blocks_score_every_match_as_the_term_query_does() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let key = schema.add_text_field("key", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Several blocks of postings, with lengths and frequencies that vary, in two segments.
        for segment in 0..2 {
            for i in 0..700u32 {
                let words = "sanctions ".repeat((i % 3 + 1) as usize) + &"talks ".repeat((i % 17) as usize);
                let body = if i % 5 == 0 { "nothing here".to_string() } else { words };
                writer.add_document(doc!(text => body, key => format!("k{}", i % 2))).unwrap();
            }
            if segment == 0 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        for term in [Term::from_field_text(text, "sanctions"), Term::from_field_text(key, "k1")] {
            let plain = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            let blocks = BlockTerm::wrap(Box::new(plain.clone()));
            let expected = matches(&index, &plain);
            assert!(expected.len() > 500, "{}", expected.len());
            assert_eq!(matches(&index, &*blocks), expected);
            // With a boost, as tantivy's boost query scores it.
            let boosted = BoostQuery::new(Box::new(plain.clone()), 1.7);
            assert_eq!(matches(&index, &BlockTerm::boosted(plain, 1.7)), matches(&index, &boosted));
        }
        let absent = BlockTerm::wrap(Box::new(TermQuery::new(
            Term::from_field_text(text, "absent"),
            IndexRecordOption::WithFreqs,
        )));
        assert!(matches(&index, &*absent).is_empty());
    }
}
