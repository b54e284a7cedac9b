//! How segments are merged while indexing: tantivy's log-structured policy, with every merge
//! bounded in size.
//!
//! A merge reads the segments it merges through memory maps, and every page it touches counts in
//! the indexer's resident memory until the merge ends. Unbounded, the log policy's last merge of
//! a 200,000-article build read over a million documents at once and held about 350 MB of
//! segment files resident, so peak memory grew with the archive. With merges limited to
//! `max_docs` documents, that peak depends on the limit, not on the archive; the price is a few
//! more segments for a search to visit (a 200,000-article index has about ten).

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// tantivy's [`LogMergePolicy`], whose merges never produce a segment of more than `max_docs`
/// documents. Segments already above the limit are left alone.
#[derive(Debug)]
pub struct BoundedMergePolicy {
    log: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMergePolicy {
    /// A policy merging at most `max_docs` documents at a time (at least 2).
    pub fn new(max_docs: u32) -> BoundedMergePolicy {
        let max_docs = max_docs.max(2);
        let mut log = LogMergePolicy::default();
        log.set_max_docs_before_merge(max_docs as usize);
        BoundedMergePolicy { log, max_docs }
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        self.log
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|candidate| {
                let sized: Vec<(SegmentId, u32)> = candidate
                    .0
                    .iter()
                    .filter_map(|id| segments.iter().find(|s| s.id() == *id))
                    .map(|s| (s.id(), s.num_docs()))
                    .collect();
                pack(sized, self.max_docs)
            })
            .collect()
    }
}

/// Splits one merge into merges of at most `max_docs` documents each: segments smallest first,
/// each group filled while it fits; a group of one segment is no merge and is dropped.
fn pack(mut segments: Vec<(SegmentId, u32)>, max_docs: u32) -> Vec<MergeCandidate> {
    segments.sort_by_key(|&(_, docs)| docs);
    let mut merges = Vec::new();
    let mut group: Vec<SegmentId> = Vec::new();
    let mut total = 0u64;
    for (id, docs) in segments {
        if total + u64::from(docs) > u64::from(max_docs) {
            if group.len() > 1 {
                merges.push(MergeCandidate(std::mem::take(&mut group)));
            }
            group.clear();
            total = 0;
        }
        group.push(id);
        total += u64::from(docs);
    }
    if group.len() > 1 {
        merges.push(MergeCandidate(group));
    }
    merges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(merges: &[MergeCandidate], of: &[(SegmentId, u32)]) -> Vec<Vec<u32>> {
        merges
            .iter()
            .map(|m| m.0.iter().map(|id| of.iter().find(|(s, _)| s == id).map_or(0, |&(_, d)| d)).collect())
            .collect()
    }

    #[test]
    fn merges_are_split_under_the_limit() {
        let segments: Vec<(SegmentId, u32)> =
            [100, 100, 100, 100, 250, 50].iter().map(|&d| (SegmentId::generate_random(), d)).collect();
        let merges = pack(segments.clone(), 300);
        assert_eq!(sizes(&merges, &segments), vec![vec![50, 100, 100], vec![100, 100]]);
        for m in sizes(&merges, &segments) {
            assert!(m.iter().sum::<u32>() <= 300);
        }
    }

    #[test]
    fn segments_that_fit_nowhere_are_not_merged() {
        let segments: Vec<(SegmentId, u32)> =
            [200, 200, 200].iter().map(|&d| (SegmentId::generate_random(), d)).collect();
        assert!(pack(segments, 300).is_empty());
    }
}
