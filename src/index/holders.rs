//! Which file holds an article id, to catch an id indexed twice, in memory that grows with what a
//! run changes rather than with the archive.
//!
//! The index itself answers for the files a run leaves alone: an id's live document names its
//! file. In memory are only the run's own doings: the ids it let go of (files gone, changed or
//! read again), the ids it added (16 bytes each), and the files of those added since the last
//! commit, which the index cannot show yet.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Index, IndexReader, ReloadPolicy, Searcher, Term, TERMINATED};

use crate::error::Result;
use crate::index::record;
use crate::index::schema::Fields;

/// A 128-bit key of an article id (BLAKE3): two ids sharing one would take some 10^19 ids.
fn key(id: &str) -> u128 {
    let mut first = [0u8; 16];
    first.copy_from_slice(&blake3::hash(id.as_bytes()).as_bytes()[..16]);
    u128::from_le_bytes(first)
}

/// The holders of article ids during one indexing run.
pub(crate) struct Holders {
    index: Index,
    fields: Fields,
    /// The index as the run found it (`None` when the run builds a new one).
    before: Option<Searcher>,
    /// Ids whose file let go of them in this run.
    let_go: HashSet<u128>,
    /// Ids this run added.
    added: HashSet<u128>,
    /// The files of the ids added since the last commit.
    recent: HashMap<u128, Arc<str>>,
    /// The index as of the run's last commit, opened when an id added before it needs its file.
    committed: Option<IndexReader>,
    reload: bool,
}

impl Holders {
    /// The holders for a run writing to `index`; `before` when the run keeps what it holds.
    pub(crate) fn new(index: &Index, fields: Fields, before: bool) -> Result<Holders> {
        let before = if before { Some(index.reader()?.searcher()) } else { None };
        Ok(Holders {
            index: index.clone(),
            fields,
            before,
            let_go: HashSet::new(),
            added: HashSet::new(),
            recent: HashMap::new(),
            committed: None,
            reload: false,
        })
    }

    /// The file other than `file` that holds `id`, if any.
    pub(crate) fn holder(&mut self, id: &str, file: &str) -> Option<String> {
        let key = key(id);
        let holder = if self.added.contains(&key) {
            match self.recent.get(&key) {
                Some(path) => Some(path.to_string()),
                None => {
                    Some(self.committed_holder(id).unwrap_or_else(|| "an earlier file of this run".into()))
                }
            }
        } else if self.let_go.contains(&key) {
            None
        } else {
            self.before.as_ref().and_then(|searcher| live_file(searcher, &self.fields, id))
        };
        holder.filter(|path| path != file)
    }

    /// Records that the file holding `id` let go of it.
    pub(crate) fn let_go(&mut self, id: &str) {
        self.let_go.insert(key(id));
    }

    /// True when some file of the index as the run found it held `id` and let go of it in this run.
    pub(crate) fn was_let_go(&self, id: &str) -> bool {
        self.let_go.contains(&key(id))
    }

    /// Records that `file` now holds `id`.
    pub(crate) fn hold(&mut self, id: &str, file: &Arc<str>) {
        let key = key(id);
        self.added.insert(key);
        self.recent.insert(key, Arc::clone(file));
    }

    /// The run committed: what it added is in the index now.
    pub(crate) fn committed(&mut self) {
        self.recent = HashMap::new();
        self.reload = true;
    }

    fn committed_holder(&mut self, id: &str) -> Option<String> {
        if self.committed.is_none() {
            self.committed = self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().ok();
            self.reload = false;
        }
        let reader = self.committed.as_ref()?;
        if std::mem::take(&mut self.reload) {
            reader.reload().ok()?;
        }
        live_file(&reader.searcher(), &self.fields, id)
    }
}

/// The file of the live document with article id `id`.
fn live_file(searcher: &Searcher, fields: &Fields, id: &str) -> Option<String> {
    let term = Term::from_field_text(fields.id, id);
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let inverted = segment.inverted_index(fields.id).ok()?;
        let Ok(Some(mut postings)) = inverted.read_postings(&term, IndexRecordOption::Basic) else {
            continue;
        };
        let alive = segment.alive_bitset();
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let address = DocAddress::new(ord as u32, doc);
                if let Ok(Some(record)) = record::read(searcher, fields, address) {
                    return Some(record.article.path);
                }
            }
            doc = postings.advance();
        }
    }
    None
}
