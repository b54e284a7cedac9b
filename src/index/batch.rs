//! One file's part of an indexing run: read and annotate it ([`process`], in parallel), then apply
//! the result to the index, the manifest and the run's summary ([`apply`], in walk order).

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::enrich::{Annotations, Enricher, PassageSplitter};
use crate::index::candidates::Candidate;
use crate::index::document::documents;
use crate::index::holders::Holders;
use crate::index::manifest::{ContentHash, FileEntry};
use crate::index::schema::Fields;
use crate::index::writer::{IndexOptions, Progress, RunSummary, SkippedFile};
use crate::read::{self, Format, SkipReason};

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
    let bytes = match std::fs::read(c.path()) {
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
