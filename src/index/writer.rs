//! The indexing run: walk, compare with the manifest, read and enrich what changed in parallel,
//! write documents, commit in batches with the manifest riding on each commit.

use std::collections::{BTreeMap, HashSet};
use std::iter::Peekable;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexWriter, TantivyError, Term};

use crate::config::Config;
use crate::enrich::{Enricher, PassageSplitter};
use crate::error::{Error, Result};
use crate::index::batch::{apply, process, Annotator, Late, Outcome};
use crate::index::candidates::{in_walk_order, plan, stream, Candidate, Plan, Shadowing};
use crate::index::commit::{commit, ManifestState};
use crate::index::holders::Holders;
use crate::index::lock::IndexLock;
use crate::index::manifest::FileEntry;
use crate::index::merge::{compaction, BoundedMergePolicy};
use crate::index::roots::name_roots;
use crate::index::schema::{build_schema, register_tokenizers, Fields};
use crate::index::{CommitPayload, IndexRoot, OpenIndex};
use crate::read::{self, ReadOptions, SkipReason, WalkOptions};

/// How an indexing run behaves.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Files and folders to index.
    pub paths: Vec<PathBuf>,
    /// Rebuild from scratch into a new generation, swapped in when complete.
    pub full: bool,
    /// tantivy writer memory budget in MB.
    pub memory_mb: usize,
    /// Threads for reading, enrichment and tantivy's indexing (0: one per core).
    pub threads: usize,
    /// Enrich articles (actors, dates, quotes, topics); off indexes passages only.
    pub enrich: bool,
    /// Walking options.
    pub walk: WalkOptions,
    /// Reading options.
    pub read: ReadOptions,
    /// Files read and enriched in parallel per batch.
    pub batch_files: usize,
    /// Commit after a batch once this long has passed since the last commit (and always at the
    /// end). Commits are not free (the manifest is rewritten), so this bounds both the work a
    /// crash loses and the cost of committing.
    pub commit_interval: Duration,
}

impl IndexOptions {
    /// Defaults from `config` for the given paths.
    pub fn new(paths: Vec<PathBuf>, config: &Config) -> IndexOptions {
        IndexOptions {
            paths,
            full: false,
            memory_mb: config.settings.index.memory_mb,
            threads: 0,
            enrich: true,
            walk: WalkOptions::default(),
            read: ReadOptions { max_file_size: config.settings.read.max_file_mb << 20 },
            batch_files: 1_000,
            commit_interval: Duration::from_secs(10),
        }
    }
}

/// A file skipped (or partly read) with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedFile {
    /// The file.
    pub path: String,
    /// Short stable reason key (`unsupported`, `empty`, `malformed`, `bad_line`, `duplicate_id`, ...).
    pub reason: String,
    /// One-line explanation.
    pub message: String,
    /// 1-based line, for problems inside a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Index root.
    pub index: String,
    /// New files indexed.
    pub added: u64,
    /// Changed files re-indexed.
    pub updated: u64,
    /// Files gone from the walked paths, removed from the index.
    pub removed: u64,
    /// Files unchanged since the last run.
    pub unchanged: u64,
    /// Files skipped as a whole.
    pub skipped: Vec<SkippedFile>,
    /// Skipped files counted by reason.
    pub skipped_by_reason: BTreeMap<String, u64>,
    /// Roots given under another name than the index knows the folder by (as given -> name):
    /// their files keep the names they have in the index (see [`crate::index::roots`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub renamed_roots: BTreeMap<String, String>,
    /// Problems inside files that were otherwise indexed (bad JSON Lines records, duplicate ids,
    /// re-decoded bytes).
    pub problems: Vec<SkippedFile>,
    /// Articles in the index after the run.
    pub articles: u64,
    /// Passages in the index after the run.
    pub passages: u64,
    /// Articles written by this run.
    pub articles_written: u64,
    /// Wall-clock time of the run in milliseconds.
    pub elapsed_ms: u64,
    /// Whether this run rebuilt the index from scratch.
    pub full: bool,
    /// Whether the run was stopped by a signal before finishing (what was committed is kept).
    pub interrupted: bool,
    /// When the run finished (RFC 3339).
    pub finished: String,
}

/// Receives progress from a run (a progress bar, or nothing).
pub trait Progress: Sync {
    /// The run will look at `files` files.
    fn start(&self, _files: u64) {}
    /// `files` more files were handled, producing `articles` articles.
    fn advance(&self, _files: u64, _articles: u64) {}
    /// The run is committing.
    fn committing(&self) {}
}

impl Progress for () {}

impl RunSummary {
    /// Records that `path` was skipped as a whole.
    pub(crate) fn skip(&mut self, path: &Path, reason: SkipReason) {
        *self.skipped_by_reason.entry(reason.key().to_string()).or_default() += 1;
        self.skipped.push(SkippedFile {
            path: path.to_string_lossy().into_owned(),
            reason: reason.key().to_string(),
            message: reason.to_string(),
            line: None,
        });
    }
}

/// tantivy's smallest writer budget per indexing thread, in MB.
const MIN_MEMORY_MB_PER_THREAD: usize = 15;

/// tantivy's largest number of indexing threads (as `Index::writer` bounds it).
const MAX_INDEXING_THREADS: usize = 8;

/// How many indexing threads tantivy gets in a run of `options.threads` threads (0: one per
/// core).
///
/// Without enrichment tantivy does most of the work, so it gets every thread. With enrichment,
/// reading and enriching (on rayon's threads) take about half of a run's CPU, and tantivy gets
/// half the threads, rounded up: on two cores, one indexing thread spent 9% less CPU than two
/// (one segment's tables in the caches instead of two), and the run took 1-2% less time (20,000
/// articles; see BENCHMARKS.md, session 16). tantivy needs 15 MB of the budget per thread, so a
/// small budget gets fewer threads rather than an error.
fn indexing_threads(options: &IndexOptions) -> usize {
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let threads = if options.enrich { threads.div_ceil(2) } else { threads };
    threads.min(MAX_INDEXING_THREADS).min(options.memory_mb / MIN_MEMORY_MB_PER_THREAD).max(1)
}

/// The version of what [`crate::index::document::documents`] puts in the index; an index built
/// with another is rebuilt.
const DOCUMENT_LAYOUT: u32 = 9;

/// Runs an indexing pass over `options.paths` into the index at `root`.
///
/// Takes the index lock for the whole run. `stop` is polled between batches: when set, the batch
/// in flight is committed and the run ends with `interrupted: true`.
///
/// # Errors
/// [`Error::Locked`] when another run holds the index; I/O and tantivy errors that stop the run
/// (the index then stays at its last commit).
pub fn run(
    root: &IndexRoot,
    config: &Config,
    options: &IndexOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<RunSummary> {
    if options.threads == 0 {
        return run_in_pool(root, config, options, progress, stop);
    }
    // `threads` bounds reading and enrichment (rayon) as well as tantivy's indexing threads.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::Invalid(format!("cannot start {} indexing threads: {e}", options.threads)))?;
    pool.install(|| run_in_pool(root, config, options, progress, stop))
}

fn run_in_pool(
    root: &IndexRoot,
    config: &Config,
    options: &IndexOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<RunSummary> {
    let started = Instant::now();
    let _lock = IndexLock::acquire(root.path())?;
    // Enriched and plain indexes hold different documents: switching rebuilds. So does a new
    // document layout.
    let fingerprint = format!(
        "{}-layout{DOCUMENT_LAYOUT}{}",
        config.fingerprint(),
        if options.enrich { "" } else { "-passages-only" }
    );

    let existing = match root.current() {
        Some(dir) => Some(OpenIndex::open(&dir, config)?),
        None => None,
    };
    let existing_manifest = match &existing {
        Some(open) => Some(open.manifest()?),
        None => None,
    };
    let rebuild = options.full || existing_manifest.as_ref().is_none_or(|m| m.config() != fingerprint);
    // A rebuild keeps the names the index knew its folders by.
    let mut known_roots = existing_manifest.as_ref().map(|m| m.roots().clone()).unwrap_or_default();
    let (open, mut manifest, new_generation) = if rebuild {
        let generation = root.next_generation();
        let dir = root.path().join(&generation);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let settings = tantivy::IndexSettings {
            docstore_blocksize: config.settings.index.store_block_kb.max(1) << 10,
            // Each indexing thread compresses its own blocks. A thread per segment for it, fed
            // block by block, made 60,000 context switches in a 20,000-article run on two cores
            // (1,500 without) and the run 5-10% slower.
            docstore_compress_dedicated_thread: false,
            ..Default::default()
        };
        let index = Index::builder().schema(build_schema()).settings(settings).create_in_dir(&dir)?;
        register_tokenizers(&index, &config.settings.index)?;
        let fields = Fields::from_schema(&index.schema())?;
        let open = OpenIndex { index, fields, dir };
        let manifest = ManifestState::new(&fingerprint, None, root.path())?;
        if existing.is_none() {
            // Nothing to protect: the first build goes live at once (empty), so a killed first
            // run resumes from its last commit instead of starting over.
            remove_stale_generations(root, Some(&generation));
            let mut writer: IndexWriter = open_writer(|| open.index.writer(15 << 20))?;
            let mut manifest = manifest;
            commit(&mut writer, &open, &mut manifest, &RunSummary::default(), &mut 0, started)?;
            root.set_current(&generation)?;
            (open, manifest, None)
        } else {
            (open, manifest, Some(generation))
        }
    } else {
        let open = existing.clone().ok_or_else(|| Error::NoIndex { path: root.path().to_path_buf() })?;
        let manifest = ManifestState::new(&fingerprint, open.manifest_path(), root.path())?;
        (open, manifest, None)
    };
    drop(existing_manifest);

    let mut summary =
        RunSummary { index: root.path().display().to_string(), full: rebuild, ..RunSummary::default() };
    let memory = options.memory_mb.max(MIN_MEMORY_MB_PER_THREAD) << 20;
    // The segments the run started with: compaction leaves them alone (see `compact`).
    let older: HashSet<SegmentId> = open.index.searchable_segment_ids()?.into_iter().collect();
    let threads = indexing_threads(options);
    let mut writer: IndexWriter = open_writer(|| open.index.writer_with_num_threads(threads, memory))?;
    writer.set_merge_policy(Box::new(BoundedMergePolicy::new(config.settings.index.max_merge_docs)));

    // The walk merged with the manifest, one file of each at a time; the files to read go to a
    // plan on disk. Gone files' articles are deleted now, in the run's first commit.
    let mut holders = Holders::new(&open.index, open.fields, !rebuild)?;
    let (named, renamed) = name_roots(&options.paths, &mut known_roots);
    manifest.roots = known_roots;
    summary.renamed_roots = renamed
        .into_iter()
        .map(|r| (r.given.to_string_lossy().into_owned(), r.name.to_string_lossy().into_owned()))
        .collect();
    let roots = read::walk_roots(named);
    let unchanged_before = summary.unchanged;
    // How many files the run reads, as far as the walk has found them.
    let found = Arc::new(AtomicU64::new(0));
    let mut walker = None;
    let mut plan_on_disk = None;
    let mut shadowing = Vec::new();
    let remaining: Box<dyn Iterator<Item = Result<Candidate>>> = if rebuild {
        // A rebuild starts from an empty manifest: no file is unchanged or gone, and nothing is
        // let go of. So its files go to reading as the walk finds them, from a thread of its own,
        // instead of after the whole walk: on 20,000 files the walk took 0.1 s with a core idle.
        let (send, receive) = crossbeam_channel::bounded(options.batch_files.max(1) * 2);
        let (roots, walk_options, found) = (roots.clone(), options.walk.clone(), Arc::clone(&found));
        let thread = std::thread::Builder::new().name("casefile-walk".into()).spawn(move || {
            let mut walked = RunSummary::default();
            stream(read::walk_lazily(&roots, &walk_options), &mut walked, |candidate| {
                found.fetch_add(1, Ordering::Relaxed);
                send.send(candidate).is_ok()
            });
            walked
        });
        walker = Some(thread.map_err(|e| Error::Invalid(format!("cannot start the walk's thread: {e}")))?);
        Box::new(receive.into_iter())
    } else {
        // The walk merged with the manifest, one file of each at a time; the files to read go to
        // a plan on disk. Gone files' articles are deleted now, in the run's first commit.
        let base = manifest.base()?;
        let fields = &open.fields;
        let mut let_go = |entry: &FileEntry, holders: &mut Holders| {
            for id in entry.ids.iter() {
                writer.delete_term(Term::from_field_text(fields.id, id));
                holders.let_go(id);
            }
        };
        let walk = read::walk_lazily(&roots, &options.walk);
        let Plan { mut candidates, gone, reclaimed, shadowing: planned } =
            plan(walk, base, &roots, root.path(), &mut summary, &mut holders, &mut let_go)?;
        manifest.gone = Some(gone);
        manifest.reclaimed = reclaimed.iter().map(|c| c.key.clone()).collect();
        shadowing = planned;
        found.store(candidates.len() + reclaimed.len() as u64, Ordering::Relaxed);
        let remaining = in_walk_order(candidates.read()?, reclaimed);
        plan_on_disk = Some(candidates);
        Box::new(remaining)
    };
    let mut remaining: Peekable<_> = remaining.peekable();
    progress.start(found.load(Ordering::Relaxed) + unchanged_before);
    progress.advance(unchanged_before, 0);

    // Built only when there is something to read (a no-op rerun skips the ~100 ms of building
    // the gazetteer), and without enrichment the gazetteer and taxonomy are not built at all. A
    // rebuild builds it while its walk goes on.
    let annotator = match (remaining.peek().is_none(), options.enrich) {
        (true, _) => None,
        (false, true) => Some(Annotator::Full(Box::new(Enricher::new(config)?))),
        (false, false) => {
            Some(Annotator::PassagesOnly(PassageSplitter::new(config.settings.passages.max_words)))
        }
    };
    let mut commits = 0u64;
    let mut last_commit = Instant::now();
    let batch = options.batch_files.max(1);
    if annotator.is_none() {
        commit(&mut writer, &open, &mut manifest, &summary, &mut commits, started)?;
        holders.committed();
    }
    // Batch N+1 is read and enriched (on rayon's threads) while batch N's documents go to the
    // writer, so reading and indexing overlap instead of taking turns.
    let mut pending: Option<(Vec<Candidate>, Vec<Outcome>)> = None;
    if let Some(annotator) = &annotator {
        loop {
            let stopping = stop.load(Ordering::SeqCst);
            let next: Vec<Candidate> =
                if stopping { Vec::new() } else { remaining.by_ref().take(batch).collect::<Result<_>>()? };
            progress.start(found.load(Ordering::Relaxed) + unchanged_before);
            if next.is_empty() && pending.is_none() {
                // A stop that came before the first batch (during the walk) still interrupts.
                summary.interrupted = stopping && remaining.peek().is_some();
                break;
            }
            let applying = pending.take();
            let applied = applying.is_some();
            let (read, changes) = rayon::join(
                || {
                    (!next.is_empty()).then(|| {
                        let outcomes: Vec<Outcome> =
                            next.par_iter().map(|c| process(c, &open.fields, annotator, options)).collect();
                        (next, outcomes)
                    })
                },
                || {
                    let Some((batch, outcomes)) = applying else { return Vec::new() };
                    let (h, s) = (&mut holders, &mut summary);
                    let applied = batch.into_iter().zip(outcomes);
                    applied
                        .map(|(c, outcome)| apply(c, outcome, h, s, &writer, &open.fields, progress))
                        .collect()
                },
            );
            for change in changes {
                if let (key, Some(entry)) = &change {
                    if !entry.shadowed.is_empty() {
                        shadowing.push(Shadowing {
                            key: key.clone(),
                            entry: entry.clone(),
                            unchanged: false,
                        });
                    }
                }
                manifest.applied.push(&change)?;
            }
            pending = read;
            if applied && (stopping || last_commit.elapsed() >= options.commit_interval) {
                progress.committing();
                commit(&mut writer, &open, &mut manifest, &summary, &mut commits, started)?;
                holders.committed();
                last_commit = Instant::now();
            }
            if stopping && pending.is_none() {
                summary.interrupted = remaining.peek().is_some();
                break;
            }
        }
    }
    drop(remaining);
    drop(plan_on_disk);
    if let Some(walker) = walker {
        // Its receiver is gone, so the walk has ended or ends at its next file.
        let walked = walker
            .join()
            .map_err(|_| Error::Invalid("the walk's thread failed; please report this".into()))?;
        summary.skipped.splice(0..0, walked.skipped);
        for (reason, count) in walked.skipped_by_reason {
            *summary.skipped_by_reason.entry(reason).or_default() += count;
        }
    }
    if !summary.interrupted {
        let annotator = match annotator {
            Some(annotator) => annotator,
            None if options.enrich => Annotator::Full(Box::new(Enricher::new(config)?)),
            None => Annotator::PassagesOnly(PassageSplitter::new(config.settings.passages.max_words)),
        };
        let run = Late {
            writer: &writer,
            fields: &open.fields,
            annotator: &annotator,
            options,
            progress,
            roots: &roots,
        };
        manifest.late = run.reclaim(shadowing, &mut holders, &mut summary);
    }
    // The final summary rides on one last commit, so `casefile stats` can show it.
    summary.elapsed_ms = started.elapsed().as_millis() as u64;
    summary.finished = jiff::Timestamp::now().to_string();
    let totals = commit(&mut writer, &open, &mut manifest, &summary, &mut commits, started)?;
    summary.articles = totals.articles;
    summary.passages = totals.passages;
    manifest.remove_base();
    writer.wait_merging_threads()?;
    if !summary.interrupted && !stop.load(Ordering::SeqCst) {
        if let Some(elapsed_ms) =
            compact(&open, &older, config.settings.index.compact_max_docs, stop, started)?
        {
            summary.elapsed_ms = elapsed_ms;
        }
    }

    if let Some(generation) = new_generation {
        if summary.interrupted {
            // A rebuild that did not finish never replaces the live index.
            let _ = std::fs::remove_dir_all(root.path().join(&generation));
            return Err(Error::Interrupted(
                "the rebuild was stopped before it finished; the previous index is unchanged".into(),
            ));
        }
        root.set_current(&generation)?;
        remove_stale_generations(root, Some(&generation));
    }
    Ok(summary)
}

/// How many segments more than the fewest that could hold them a compaction leaves. One: a
/// 20,000-article build (two segments, one per indexing thread) is not merged, where the merge
/// cost a quarter of a plain run for a tenth off its queries; a 200,000-article build goes from
/// ten segments to five.
const COMPACTION_SLACK: usize = 1;

/// Merges the segments this run wrote (those not in `older`) as [`compaction`] plans them, one
/// merge at a time: a merge holds the segments it reads in memory, and merges side by side would
/// add up. The segments an update started with are left alone, so that a small update does not
/// rewrite large segments; its own small segments are merged over time by the log policy. Each
/// merge is saved as it ends (tantivy replaces the segments in the index's metadata), so a run
/// stopped or killed meanwhile leaves a whole index.
///
/// When it merged, the run's summary in the last commit gets the run's time with the compaction
/// (`casefile stats` shows it), which is returned.
fn compact(
    open: &OpenIndex,
    older: &HashSet<SegmentId>,
    max_docs: u32,
    stop: &AtomicBool,
    started: Instant,
) -> Result<Option<u64>> {
    let metas = open.index.searchable_segment_metas()?;
    let segments: Vec<(SegmentId, u32)> =
        metas.iter().filter(|m| !older.contains(&m.id())).map(|m| (m.id(), m.max_doc())).collect();
    // tantivy deletes a merged segment's files only when no `SegmentMeta` of it is left: holding
    // these through the merges left every merged segment on disk (a 200,000-article index
    // took 1.4 GB where its live segments take 0.8).
    drop(metas);
    let merges = compaction(&segments, max_docs, COMPACTION_SLACK);
    if merges.is_empty() {
        return Ok(None);
    }
    let mut writer: IndexWriter =
        open_writer(|| open.index.writer_with_num_threads(1, MIN_MEMORY_MB_PER_THREAD << 20))?;
    writer.set_merge_policy(Box::new(NoMergePolicy));
    for group in &merges {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        writer.merge(group).wait()?;
    }
    let elapsed_ms = started.elapsed().as_millis() as u64;
    let payload = open.index.load_metas()?.payload;
    if let Some(mut payload) = payload.and_then(|p| serde_json::from_str::<CommitPayload>(&p).ok()) {
        if let Some(last_run) = &mut payload.last_run {
            last_run.elapsed_ms = elapsed_ms;
        }
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
        prepared.commit()?;
    }
    writer.wait_merging_threads()?;
    Ok(Some(elapsed_ms))
}

/// Opens a tantivy writer with `make`, trying again for a moment while tantivy's writer lock is
/// busy. casefile's own lock keeps other indexers out, and a run opens its writers one after
/// another; but the lock of the writer it just closed can stay held for a moment by a child
/// process that another thread of the same process forked before the lock file was closed (the
/// test harness runs tests that start processes beside tests that index).
fn open_writer(make: impl Fn() -> tantivy::Result<IndexWriter>) -> tantivy::Result<IndexWriter> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match make() {
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            made => return made,
        }
    }
}

/// Removes generation folders that are not live: leftovers of a rebuild that was killed, or the
/// generation a finished rebuild replaced.
fn remove_stale_generations(root: &IndexRoot, live: Option<&str>) {
    let current = root.current();
    let Ok(entries) = std::fs::read_dir(root.path()) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_live = live == Some(name.as_str()) || current.as_deref() == Some(e.path().as_path());
        if name.starts_with("gen-") && !is_live {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_lock_held_for_a_moment_is_waited_for() {
        let index = Index::create_in_ram(build_schema());
        let held: IndexWriter = index.writer_with_num_threads(1, 15 << 20).unwrap();
        let busy = index.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15 << 20);
        assert!(matches!(busy, Err(TantivyError::LockFailure(LockError::LockBusy, _))));
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(held);
        });
        assert!(open_writer(|| index.writer_with_num_threads(1, 15 << 20)).is_ok());
        release.join().unwrap();
    }

    #[test]
    fn enrichment_leaves_tantivy_half_the_threads() {
        let mut options = IndexOptions::new(Vec::new(), &Config::builtin());
        let threads = |options: &mut IndexOptions, threads: usize, enrich: bool, memory_mb: usize| {
            (options.threads, options.enrich, options.memory_mb) = (threads, enrich, memory_mb);
            indexing_threads(options)
        };
        assert_eq!(threads(&mut options, 2, false, 256), 2);
        assert_eq!(threads(&mut options, 2, true, 256), 1);
        assert_eq!(threads(&mut options, 1, true, 256), 1);
        assert_eq!(threads(&mut options, 5, true, 256), 3);
        assert_eq!(threads(&mut options, 32, false, 256), 8, "tantivy's bound");
        assert_eq!(threads(&mut options, 4, false, 40), 2, "15 MB each");
        assert_eq!(threads(&mut options, 4, false, 10), 1);
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        assert_eq!(threads(&mut options, 0, false, 1024), cores.min(8));
    }

    /// The file counts a run reports to its progress bar.
    #[derive(Default)]
    struct Counted {
        length: AtomicU64,
        done: AtomicU64,
    }

    impl Progress for Counted {
        fn start(&self, files: u64) {
            self.length.fetch_max(files, Ordering::SeqCst);
        }
        fn advance(&self, files: u64, _articles: u64) {
            self.done.fetch_add(files, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_rebuild_reads_as_it_walks_and_reports_the_walk_s_files_and_skips_in_walk_order() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        // Skipped while walking: b.jpg (unsupported). Skipped while reading: a.md and d.md (empty).
        for (file, text) in [("a.md", ""), ("b.jpg", "x"), ("c.md", "Talks resumed.\n"), ("d.md", "")] {
            std::fs::write(archive.join(file), text).unwrap();
        }
        for n in 0..7 {
            std::fs::write(archive.join(format!("e{n}.md")), format!("Talks on item {n} resumed.\n"))
                .unwrap();
        }
        let config = Config::builtin();
        let mut options = IndexOptions::new(vec![archive.clone()], &config);
        (options.enrich, options.batch_files) = (false, 2);
        let root = IndexRoot::new(dir.path().join("index"));
        let progress = Counted::default();
        let summary = run(&root, &config, &options, &progress, &AtomicBool::new(false)).unwrap();
        assert_eq!((summary.added, summary.articles, docs(&root)), (8, 8, 8));
        assert_eq!(progress.length.load(Ordering::SeqCst), 10, "every file the walk found");
        assert_eq!(progress.done.load(Ordering::SeqCst), 10);
        let skipped: Vec<_> =
            summary.skipped.iter().map(|s| (s.path.rsplit('/').next().unwrap(), s.reason.as_str())).collect();
        assert_eq!(skipped, [("b.jpg", "unsupported"), ("a.md", "empty"), ("d.md", "empty")]);
        assert_eq!(summary.skipped_by_reason.get("unsupported"), Some(&1));
        assert_eq!(summary.skipped_by_reason.get("empty"), Some(&2));
        // The next run compares with the manifest: nothing to read.
        let again = run(&root, &config, &options, &progress, &AtomicBool::new(false)).unwrap();
        assert_eq!((again.added, again.unchanged, again.articles), (0, 8, 8));
    }

    /// Indexes `archive` (passages only) and returns the duplicate-id messages, by file name.
    fn duplicates(root: &IndexRoot, archive: &Path) -> (RunSummary, Vec<(String, String)>) {
        let summary = index(root, &[archive.to_path_buf()]);
        let name = |p: &str| Path::new(p).file_name().unwrap().to_string_lossy().into_owned();
        let found = summary
            .problems
            .iter()
            .filter(|p| p.reason == "duplicate_id")
            .map(|p| (name(&p.path), p.message.replace(&archive.display().to_string(), "")))
            .collect();
        (summary, found)
    }

    /// Indexes `paths` (passages only).
    fn index(root: &IndexRoot, paths: &[PathBuf]) -> RunSummary {
        let config = Config::builtin();
        let mut options = IndexOptions::new(paths.to_vec(), &config);
        options.enrich = false;
        run(root, &config, &options, &(), &AtomicBool::new(false)).unwrap()
    }

    /// The live index at `root`.
    fn live(root: &IndexRoot) -> OpenIndex {
        root.open(&Config::builtin()).unwrap()
    }

    /// The live index's manifest: each file with its entry.
    fn held(root: &IndexRoot) -> Vec<(String, FileEntry)> {
        live(root).manifest().unwrap().collect::<Result<_>>().unwrap()
    }

    /// The live index's documents.
    fn docs(root: &IndexRoot) -> u64 {
        live(root).index.reader().unwrap().searcher().num_docs()
    }

    #[test]
    fn a_run_over_some_roots_keeps_the_files_of_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        let article = |id: &str| format!("---\nid: \"{id}\"\n---\nTalks on {id} resumed.\n");
        for (file, id) in [("a/1.md", "one"), ("a/2.md", "two"), ("a-b/3.md", "three"), ("a.md", "four")] {
            let path = archive.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, article(id)).unwrap();
        }
        let root = IndexRoot::new(dir.path().join("index"));
        let (a, ab, all) = (archive.join("a"), archive.join("a-b"), archive.clone());
        let first = index(&root, &[ab.clone(), a.clone(), a.join("1.md")]);
        assert_eq!((first.added, first.articles), (3, 3), "each file once, whatever the roots' order");

        std::fs::remove_file(a.join("2.md")).unwrap();
        std::fs::write(a.join("0.md"), article("zero")).unwrap();
        let second = index(&root, std::slice::from_ref(&a));
        assert_eq!((second.added, second.removed, second.unchanged, second.articles), (1, 1, 1, 3));

        let manifests = |root: &IndexRoot| {
            let dir = root.current().unwrap();
            std::fs::read_dir(dir)
                .unwrap()
                .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("manifest-"))
                .count()
        };
        assert_eq!(manifests(&root), 1, "the manifest the run started from is gone with it");
        let third = index(&root, std::slice::from_ref(&all));
        assert_eq!((third.added, third.removed, third.unchanged, third.articles), (1, 0, 3, 4));
        let clean = index(&IndexRoot::new(dir.path().join("clean")), &[all]);
        let files = |root: &IndexRoot| held(root).into_iter().map(|(k, e)| (k, e.ids)).collect::<Vec<_>>();
        assert_eq!(files(&root), files(&IndexRoot::new(dir.path().join("clean"))));
        assert_eq!(clean.articles, 4);
    }

    /// `archive/a.md` and `archive/asia/b.md` in `dir`, and `alias`, a symbolic link to `archive`.
    #[cfg(unix)]
    fn archive_and_alias(dir: &Path) -> (PathBuf, PathBuf) {
        let archive = dir.join("archive");
        std::fs::create_dir_all(archive.join("asia")).unwrap();
        std::fs::write(archive.join("a.md"), "Talks resumed in Doha.\n").unwrap();
        std::fs::write(archive.join("asia/b.md"), "A truce held in Sanaa.\n").unwrap();
        let alias = dir.join("alias");
        std::os::unix::fs::symlink(&archive, &alias).unwrap();
        (archive, alias)
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_given_under_another_name_is_updated_under_its_first() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, alias) = archive_and_alias(dir.path());
        let root = IndexRoot::new(dir.path().join("index"));
        let first = index(&root, std::slice::from_ref(&archive));
        assert_eq!((first.added, first.articles), (2, 2));

        std::fs::write(archive.join("a.md"), "Talks resumed in Muscat.\n").unwrap();
        let second = index(&root, std::slice::from_ref(&alias));
        assert_eq!((second.added, second.updated, second.unchanged, second.articles), (0, 1, 1, 2));
        let name = archive.to_string_lossy().into_owned();
        assert_eq!(second.renamed_roots[&alias.to_string_lossy().into_owned()], name);
        let keys: Vec<String> = held(&root).into_iter().map(|(key, _)| key).collect();
        assert_eq!(keys, [format!("{name}/a.md"), format!("{name}/asia/b.md")]);

        // A folder inside it, under the other name, too: a file gone from it is removed.
        std::fs::remove_file(archive.join("asia/b.md")).unwrap();
        let third = index(&root, &[alias.join("asia")]);
        assert_eq!((third.removed, third.articles), (1, 1));
        assert_eq!(docs(&root), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_holding_one_known_under_another_name_leaves_its_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, alias) = archive_and_alias(dir.path());
        let root = IndexRoot::new(dir.path().join("index"));
        let first = index(&root, &[alias.join("asia")]);
        assert_eq!((first.added, first.articles), (1, 1));

        let second = index(&root, std::slice::from_ref(&archive));
        assert_eq!((second.added, second.unchanged, second.removed, second.articles), (1, 1, 0, 2));
        let keys: Vec<String> = held(&root).into_iter().map(|(key, _)| key).collect();
        let (archive, alias) = (archive.to_string_lossy(), alias.to_string_lossy());
        assert_eq!(keys, [format!("{alias}/asia/b.md"), format!("{archive}/a.md")]);
        assert_eq!(docs(&root), 2);
    }

    #[test]
    fn a_copy_takes_over_an_id_its_holder_drops_as_in_a_clean_build() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let write = |file: &str, id: &str, body: &str| {
            std::fs::write(archive.join(file), format!("---\nid: \"{id}\"\n---\n{body}\n")).unwrap()
        };
        let root = IndexRoot::new(dir.path().join("index"));
        write("a.md", "same", "Talks resumed in Doha.");
        write("c.md", "late", "A truce held in Sanaa.");
        duplicates(&root, &archive);
        // Copies come later: b.md before its id's holder in walk order, d.md after.
        write("b.md", "late", "A truce held in Sanaa.");
        write("d.md", "same", "Talks resumed in Doha.");
        let (second, found) = duplicates(&root, &archive);
        assert_eq!((second.articles, found.len()), (2, 2));

        // The holders change and drop the ids; b.md changes too, before c.md lets go of its id.
        write("a.md", "other", "Talks stalled in Doha.");
        write("b.md", "late", "A truce held in Sanaa, officials said.");
        write("c.md", "else", "A truce broke in Sanaa.");
        let (third, _) = duplicates(&root, &archive);
        assert_eq!(third.articles, 4, "other, late (b.md), else, same (d.md)");
        assert_eq!((third.added, third.updated, third.unchanged), (0, 4, 0));
        let clean = IndexRoot::new(dir.path().join("clean"));
        let (clean_summary, found) = duplicates(&clean, &archive);
        assert_eq!((clean_summary.articles, found.len()), (4, 0));
        let files = |root: &IndexRoot| {
            let lines: Vec<_> = held(root).into_iter().map(|(k, e)| (k, e.ids, e.shadowed)).collect();
            (lines, docs(root))
        };
        assert_eq!(files(&root), files(&clean));
    }

    #[test]
    fn a_changed_file_replaces_its_passages_whatever_the_case_of_its_id() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let root = IndexRoot::new(dir.path().join("index"));
        let file = archive.join("wire.md");
        let article = |body: &str| format!("---\nid: \"AFP_ENG_19970401.0092\"\n---\n{body}\n");
        std::fs::write(&file, article("Talks resumed in Doha.\n\nThe envoys met twice.")).unwrap();
        duplicates(&root, &archive);
        std::fs::write(&file, article("Talks collapsed in Doha.")).unwrap();
        let (summary, _) = duplicates(&root, &archive);
        assert_eq!((summary.updated, summary.articles, summary.passages), (1, 1, 1));
        assert_eq!(
            docs(&root),
            1,
            "the two passages of the first version are deleted, not left beside the new one"
        );
    }

    #[test]
    fn an_id_indexed_twice_is_reported_with_the_file_holding_it() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let root = IndexRoot::new(dir.path().join("index"));
        let article = |id: &str| format!("---\nid: \"{id}\"\n---\nTalks on {id} resumed in Doha.\n");
        std::fs::write(archive.join("a.md"), article("same")).unwrap();
        std::fs::write(
            archive.join("c.jsonl"),
            "{\"id\":\"j\",\"body\":\"A truce held.\"}\n{\"id\":\"j\",\"body\":\"A truce broke.\"}\n",
        )
        .unwrap();
        let (summary, found) = duplicates(&root, &archive);
        assert_eq!(summary.articles, 2);
        assert_eq!(
            found,
            [(
                "c.jsonl".to_string(),
                "article id `j` is already indexed from /c.jsonl; this copy is skipped".to_string()
            )]
        );

        // A later run knows the owners of what earlier runs indexed.
        std::fs::write(archive.join("b.md"), article("same")).unwrap();
        let (summary, found) = duplicates(&root, &archive);
        assert_eq!((summary.added, summary.unchanged, summary.articles), (1, 2, 2));
        assert_eq!(
            found,
            [(
                "b.md".to_string(),
                "article id `same` is already indexed from /a.md; this copy is skipped".to_string()
            )]
        );

        // A file re-read with new ids gives up its old ones.
        std::fs::write(archive.join("a.md"), article("other")).unwrap();
        std::fs::write(archive.join("d.md"), article("same")).unwrap();
        let (summary, found) = duplicates(&root, &archive);
        assert_eq!((summary.added, summary.updated, summary.articles), (1, 1, 3));
        assert!(found.is_empty(), "{found:?}");

        // Nothing changed: nothing read, nothing reported.
        let (summary, found) = duplicates(&root, &archive);
        assert_eq!((summary.unchanged, summary.articles), (4, 3));
        assert!(found.is_empty(), "{found:?}");

        // The holder deleted: the copy b.md kept is read again and indexed, and the index holds
        // what a clean build of the same files holds.
        std::fs::remove_file(archive.join("d.md")).unwrap();
        let (summary, found) = duplicates(&root, &archive);
        assert_eq!((summary.removed, summary.updated, summary.articles), (1, 1, 3));
        assert!(found.is_empty(), "{found:?}");
        let clean = IndexRoot::new(dir.path().join("clean"));
        let (clean_summary, _) = duplicates(&clean, &archive);
        assert_eq!(clean_summary.articles, 3);
        let ids = |root: &IndexRoot| held(root).into_iter().map(|(k, e)| (k, e.ids)).collect::<Vec<_>>();
        assert_eq!(ids(&root), ids(&clean));
        assert_eq!(docs(&root), docs(&clean), "the same documents, none left from the deleted file");
    }

    #[test]
    fn a_run_ends_with_few_segments_and_an_update_rewrites_only_small_ones() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(&archive).unwrap();
        let article =
            |n: usize| format!("---\nid: \"a{n}\"\n---\nEnvoys met in Doha for round {n} of talks.\n");
        for n in 0..6 {
            std::fs::write(archive.join(format!("{n}.md")), article(n)).unwrap();
        }
        // A commit after every file: one segment per file, before compaction.
        let run_with = |root: &IndexRoot, compact_max_docs: u32| {
            let mut config = Config::builtin();
            config.settings.index.compact_max_docs = compact_max_docs;
            let mut options = IndexOptions::new(vec![archive.clone()], &config);
            options.enrich = false;
            options.threads = 1;
            options.batch_files = 1;
            options.commit_interval = Duration::ZERO;
            run(root, &config, &options, &(), &AtomicBool::new(false)).unwrap()
        };
        let segment_docs = |root: &IndexRoot| -> Vec<u32> {
            let mut docs: Vec<u32> =
                live(root).index.searchable_segment_metas().unwrap().iter().map(|m| m.num_docs()).collect();
            docs.sort();
            docs
        };
        let plain = IndexRoot::new(dir.path().join("plain"));
        run_with(&plain, 0);
        assert!(segment_docs(&plain).len() >= 5, "{:?}", segment_docs(&plain));
        let compacted = IndexRoot::new(dir.path().join("compacted"));
        let summary = run_with(&compacted, 1_000);
        assert_eq!(segment_docs(&compacted), [1, 5], "one segment more than the fewest");
        let stores = |root: &IndexRoot| -> usize {
            let files = std::fs::read_dir(&live(root).dir).unwrap().flatten();
            files.filter(|f| f.path().extension().is_some_and(|e| e == "store")).count()
        };
        assert_eq!(stores(&compacted), 2, "the merged segments' files are deleted");
        let payload = live(&compacted).index.load_metas().unwrap().payload.unwrap();
        let payload: CommitPayload = serde_json::from_str(&payload).unwrap();
        let recorded = payload.last_run.unwrap();
        assert_eq!(recorded.elapsed_ms, summary.elapsed_ms, "the run's time includes its compaction");
        assert_eq!((recorded.articles, recorded.added), (6, 6), "the rest of the summary is kept");
        assert_eq!((summary.articles, summary.passages), (6, 6));
        assert_eq!(held(&compacted), held(&plain));
        // An update compacts what it wrote, not the segments it started with.
        std::fs::write(archive.join("6.md"), article(6)).unwrap();
        run_with(&compacted, 1_000);
        assert_eq!(segment_docs(&compacted), [1, 1, 5], "the older segments are not rewritten");
        for n in 7..10 {
            std::fs::write(archive.join(format!("{n}.md")), article(n)).unwrap();
        }
        run_with(&compacted, 1_000);
        assert_eq!(segment_docs(&compacted), [1, 1, 1, 2, 5], "its own three segments, as two");
        assert_eq!(stores(&compacted), 5);
    }
}
