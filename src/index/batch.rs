//! One file's part of an indexing run: read and annotate it ([`process`], in parallel), then apply
//! the result to the index and the run's summary ([`apply`], in walk order), giving the file's new
//! manifest line. [`Late`] reads again, at the end of a run, the copies of ids their holders let go.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::enrich::{Annotations, Enricher, PassageSplitter};
use crate::index::candidates::{source_of, Candidate, Shadowing};
use crate::index::document::documents;
use crate::index::holders::Holders;
use crate::index::manifest::{walk_order, ContentHash, FileEntry};
use crate::index::schema::Fields;
use crate::index::writer::{IndexOptions, Progress, RunSummary, SkippedFile};
use crate::read::{self, Format, SkipReason, WalkRoot};

/// What a run does to each article: enrich it, or only split it into passages.
pub(super) enum Annotator {
    /// Passages, actors, dates, quotes and topics.
    Full(Box<Enricher>),
    /// Passages only (`--no-enrich`).
    PassagesOnly(PassageSplitter),
}

impl Annotator {
    pub(super) fn annotate(&self, article: &crate::article::Article) -> Annotations {
        match self {
            Annotator::Full(enricher) => enricher.enrich(article),
            Annotator::PassagesOnly(splitter) => {
                Annotations { passages: splitter.split(&article.body), ..Annotations::default() }
            }
        }
    }
}

/// What reading one candidate produced.
pub(super) enum Outcome {
    Unchanged { mtime_ns: i128 },
    Skipped(SkipReason),
    Read { hash: ContentHash, read: read::FileRead, docs: Vec<(String, Vec<TantivyDocument>, u64)> },
}

/// Reads `c` and builds its documents (on a rayon thread: nothing here touches the run's state).
pub(super) fn process(
    c: &Candidate,
    fields: &Fields,
    annotator: &Annotator,
    options: &IndexOptions,
) -> Outcome {
    if c.size > options.read.max_file_size {
        return Outcome::Skipped(SkipReason::TooLarge(c.size));
    }
    let bytes = match std::fs::read(c.source()) {
        Ok(b) => b,
        Err(e) => return Outcome::Skipped(SkipReason::Unreadable(e.to_string())),
    };
    let hash = ContentHash::of(&bytes);
    if c.previous.as_ref().is_some_and(|previous| previous.hash == hash) {
        return Outcome::Unchanged { mtime_ns: c.mtime_ns };
    }
    let Some(format) = Format::of(c.path()) else {
        return Outcome::Skipped(SkipReason::Unsupported);
    };
    guarded(|| {
        let read = read::read_bytes(c.path(), &bytes, format);
        if let Some(reason) = read.skipped.clone() {
            return Outcome::Skipped(reason);
        }
        let docs = read
            .articles
            .iter()
            .map(|article| {
                let ann = annotator.annotate(article);
                (article.id.clone(), documents(fields, article, &ann), ann.passages.len() as u64)
            })
            .collect();
        Outcome::Read { hash, read, docs }
    })
}

/// Runs `build`, turning a panic into a skipped file. A bug that panics on one file's content
/// costs that file only, not the run: it is skipped and reported like any other bad file (with
/// the reason `internal_error`), and the run's other files are indexed.
fn guarded(build: impl FnOnce() -> Outcome) -> Outcome {
    std::panic::catch_unwind(AssertUnwindSafe(build))
        .unwrap_or_else(|panic| Outcome::Skipped(SkipReason::Internal(crate::error::panic_message(&*panic))))
}

/// What a file is in the manifest after a run applied it: its entry, or `None` when the manifest
/// no longer holds it.
pub(super) type Applied = (String, Option<FileEntry>);

/// Applies what reading `c` produced: its old articles deleted and the new ones added (in the same
/// commit), duplicate ids caught, the summary brought up to date. Returns the file's new manifest
/// line, its path moved out of `c` rather than copied.
pub(super) fn apply(
    c: Candidate,
    outcome: Outcome,
    holders: &mut Holders,
    summary: &mut RunSummary,
    writer: &IndexWriter,
    fields: &Fields,
    progress: &dyn Progress,
) -> Applied {
    // Deleted here, in the batch that re-adds the file's articles, and so in the same commit.
    let let_go = |old: &FileEntry, holders: &mut Holders| {
        for id in old.ids.iter() {
            writer.delete_term(Term::from_field_text(fields.id, id));
            holders.let_go(id);
        }
    };
    match outcome {
        Outcome::Unchanged { mtime_ns } => {
            summary.unchanged += 1;
            progress.advance(1, 0);
            let entry = c.previous.map(|e| FileEntry { mtime_ns, size: c.size, ..e });
            (c.key, entry)
        }
        Outcome::Skipped(reason) => {
            // A file that turned bad no longer vouches for what it held.
            if let Some(old) = &c.previous {
                let_go(old, holders);
            }
            summary.skip(c.path(), reason);
            progress.advance(1, 0);
            (c.key, None)
        }
        Outcome::Read { hash, read, docs } => {
            if let Some(old) = &c.previous {
                let_go(old, holders);
            }
            for p in read.problems {
                summary.problems.push(SkippedFile {
                    path: c.key.clone(),
                    reason: if p.line.is_some() { "bad_record".into() } else { "decoding".into() },
                    message: p.message,
                    line: p.line,
                });
            }
            let mut ids = Vec::new();
            let mut shadowed = Vec::new();
            let mut passages = 0;
            let mut this_file: HashSet<String> = HashSet::new();
            let path: Arc<str> = Arc::from(c.key.as_str());
            for (id, article_docs, n) in docs {
                let owner = holders.holder(&id, &c.key);
                let held_elsewhere = owner.is_some();
                if held_elsewhere || !this_file.insert(id.clone()) {
                    let other = owner.unwrap_or_else(|| c.key.clone());
                    summary.problems.push(SkippedFile {
                        path: c.key.clone(),
                        reason: "duplicate_id".into(),
                        message: format!(
                            "article id `{id}` is already indexed from {other}; this copy is skipped"
                        ),
                        line: None,
                    });
                    if held_elsewhere {
                        shadowed.push(id);
                    }
                    continue;
                }
                // No delete is needed here: the file's previous articles were deleted above, and
                // an id held by another file was skipped as a duplicate. (A delete per added
                // article would make the first build of a large archive apply hundreds of
                // thousands of useless deletes at each commit.)
                for doc in article_docs {
                    // add_document only fails when the writer's threads have died, which the
                    // commit that follows reports. (Documents go one by one rather than as one
                    // group per article: tantivy's queue holds 10,000 operations, and groups of
                    // ten documents made it hold ten times the documents.)
                    let _ = writer.add_document(doc);
                }
                holders.hold(&id, &path);
                ids.push(id);
                passages += n;
            }
            summary.articles_written += ids.len() as u64;
            progress.advance(1, ids.len() as u64);
            if c.previous.is_some() || c.reclaim {
                summary.updated += 1;
            } else {
                summary.added += 1;
            }
            let entry = FileEntry {
                size: c.size,
                mtime_ns: c.mtime_ns,
                hash,
                ids: ids.into_boxed_slice(),
                passages,
                shadowed: shadowed.into_boxed_slice(),
            };
            (c.key, Some(entry))
        }
    }
}

/// What reading files again at the end of a run needs.
pub(super) struct Late<'a> {
    pub(super) writer: &'a IndexWriter,
    pub(super) fields: &'a Fields,
    pub(super) options: &'a IndexOptions,
    pub(super) progress: &'a dyn Progress,
    /// The run's roots, to read a file of a root given under another name where it was given.
    pub(super) roots: &'a [WalkRoot],
}

/// The files of `shadowing` holding a copy of an id whose holder let go of it during the run
/// (a changed file that dropped it, a file that turned bad): the ones [`Late::reclaim`] reads
/// again. Most runs have none, and then need no annotator at the end.
pub(super) fn orphaned(shadowing: Vec<Shadowing>, holders: &mut Holders) -> Vec<Shadowing> {
    shadowing
        .into_iter()
        .filter(|s| {
            s.entry.shadowed.iter().any(|id| holders.was_let_go(id) && holders.holder(id, &s.key).is_none())
        })
        .collect()
}

impl Late<'_> {
    /// Reads again, in walk order, the `orphaned` files (see [`orphaned`]), so that the first of
    /// them holds each orphaned id as in a clean build. Returns their new manifest lines.
    pub(super) fn reclaim(
        &self,
        mut orphaned: Vec<Shadowing>,
        annotator: &Annotator,
        holders: &mut Holders,
        summary: &mut RunSummary,
    ) -> Vec<Applied> {
        orphaned.sort_by(|a, b| walk_order(&a.key, &b.key));
        let mut files = Vec::with_capacity(orphaned.len());
        for Shadowing { key, entry, unchanged } in orphaned {
            // What the file holds goes, to be read again with the orphaned id.
            for id in entry.ids.iter() {
                self.writer.delete_term(Term::from_field_text(self.fields.id, id));
                holders.let_go(id);
            }
            // A walked file was counted unchanged, and is updated now; a file applied earlier
            // in the run was counted then.
            if unchanged {
                summary.unchanged -= 1;
                summary.updated += 1;
            }
            files.push(Candidate {
                source: source_of(&key, self.roots),
                key,
                size: entry.size,
                mtime_ns: entry.mtime_ns,
                previous: None,
                reclaim: true,
            });
        }
        let outcomes: Vec<Outcome> =
            files.par_iter().map(|c| process(c, self.fields, annotator, self.options)).collect();
        let counted = (summary.added, summary.updated);
        let applied = files
            .into_iter()
            .zip(outcomes)
            .map(|(c, outcome)| apply(c, outcome, holders, summary, self.writer, self.fields, self.progress))
            .collect();
        (summary.added, summary.updated) = counted;
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_skips_the_file_with_its_message() {
        let outcome = guarded(|| panic!("index out of bounds: the len is 3 but the index is 3"));
        let Outcome::Skipped(reason) = outcome else { panic!("the file is not skipped") };
        assert_eq!(reason.key(), "internal_error");
        assert!(reason.to_string().contains("the len is 3"), "{reason}");
        let code = 7;
        let Outcome::Skipped(reason) = guarded(|| panic!("code {code}")) else { panic!("not skipped") };
        assert!(reason.to_string().contains("code 7"), "{reason}");
        assert!(matches!(guarded(|| Outcome::Unchanged { mtime_ns: 1 }), Outcome::Unchanged { mtime_ns: 1 }));
    }
}
