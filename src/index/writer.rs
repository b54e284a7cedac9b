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
use crate::index::batch::{apply, orphaned, process, Annotator, Late, Outcome};
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

/// What annotates the run's articles: the full enricher (building its gazetteer and taxonomy
/// takes most of a no-op rerun's time, so it is built only once a file needs reading), or the
/// passage splitter alone without enrichment.
fn annotator_for(root: &IndexRoot, config: &Config, options: &IndexOptions) -> Result<Annotator> {
    annotator_built(root);
    Ok(if options.enrich {
        Annotator::Full(Box::new(Enricher::new(config)?))
    } else {
        Annotator::PassagesOnly(PassageSplitter::new(config.settings.passages.max_words))
    })
}

/// Records, for the tests, that a run into `root` built its annotator.
fn annotator_built(root: &IndexRoot) {
    #[cfg(test)]
    tests::annotator_built(root);
    #[cfg(not(test))]
    let _ = root;
}

/// An enricher being built on a thread of its own: an incremental run starts it when its plan
/// finds the first file to read, so that the rest of the walk and the ~70 ms of building the
/// gazetteer overlap (a run that reads 1% of 20,000 files took a third longer without). The
/// thread builds without rayon: it is none of the run's pool's, and with one indexing thread
/// that pool's only worker is the one walking, which would wait for it.
struct EarlyAnnotator(Option<std::thread::JoinHandle<Result<Annotator>>>);

impl EarlyAnnotator {
    /// Starts the build, once; on a failure to start a thread, the run builds it when needed.
    fn start(&mut self, config: &Config) {
        if self.0.is_none() {
            let config = config.clone();
            let thread = std::thread::Builder::new().name("casefile-enricher".into());
            let build = move || Ok(Annotator::Full(Box::new(Enricher::new_sequentially(&config)?)));
            self.0 = thread.spawn(build).ok();
        }
    }

    /// The annotator: the one started, else one built now.
    fn take(mut self, root: &IndexRoot, config: &Config, options: &IndexOptions) -> Result<Annotator> {
        match self.0.take() {
            Some(thread) => {
                annotator_built(root);
                thread
                    .join()
                    .map_err(|_| Error::Invalid("the thread building the enricher panicked".into()))?
            }
            None => annotator_for(root, config, options),
        }
    }
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
    // How many files the run reads, as far as the walk has found them, and whether that is all
    // of them (a rerun plans its files before reading any).
    let found = Arc::new(AtomicU64::new(0));
    let walk_ended = Arc::new(AtomicBool::new(!rebuild));
    let mut walker = None;
    // An incremental run starts building its annotator when the plan finds a file to read.
    let mut early = EarlyAnnotator(None);
    let mut plan_on_disk = None;
    let mut shadowing = Vec::new();
    let remaining: Box<dyn Iterator<Item = Result<Candidate>>> = if rebuild {
        // A rebuild starts from an empty manifest: no file is unchanged or gone, and nothing is
        // let go of. So its files go to reading as the walk finds them, from a thread of its own,
        // instead of after the whole walk: on 20,000 files the walk took 0.1 s with a core idle.
        let (send, receive) = crossbeam_channel::bounded(options.batch_files.max(1) * 2);
        let (roots, walk_options, found) = (roots.clone(), options.walk.clone(), Arc::clone(&found));
        let walked_all = Arc::clone(&walk_ended);
        let thread = std::thread::Builder::new().name("casefile-walk".into()).spawn(move || {
            let mut walked = RunSummary::default();
            stream(read::walk_lazily(&roots, &walk_options), &mut walked, |candidate| {
                found.fetch_add(1, Ordering::Relaxed);
                send.send(candidate).is_ok()
            });
            walked_all.store(true, Ordering::Release);
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
        // With one thread asked for, the run keeps to one core: the annotator waits for the plan.
        // Without enrichment there is no gazetteer to build early.
        let mut start = || {
            if options.threads != 1 && options.enrich {
                early.start(config)
            }
        };
        let Plan { mut candidates, gone, reclaimed, shadowing: planned } =
            plan(walk, base, &roots, root.path(), &mut summary, &mut holders, &mut let_go, &mut start)?;
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
    // the gazetteer). A rebuild builds it while its walk goes on.
    let annotator = match remaining.peek() {
        None => None,
        Some(_) => Some(early.take(root, config, options)?),
    };
    let mut commits = 0u64;
    let mut last_commit = Instant::now();
    let batch = options.batch_files.max(1);
    let mut taken = 0u64;
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
            let left = walk_ended
                .load(Ordering::Acquire)
                .then(|| found.load(Ordering::Relaxed).saturating_sub(taken));
            let size = batch_size(batch, left);
            let next: Vec<Candidate> =
                if stopping { Vec::new() } else { remaining.by_ref().take(size).collect::<Result<_>>()? };
            taken += next.len() as u64;
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
        let orphaned = orphaned(shadowing, &mut holders);
        // Built here only when a file must be read again: a no-op rerun builds no gazetteer.
        if !orphaned.is_empty() {
            let annotator = match annotator {
                Some(annotator) => annotator,
                None => annotator_for(root, config, options)?,
            };
            let run = Late { writer: &writer, fields: &open.fields, options, progress, roots: &roots };
            manifest.late = run.reclaim(orphaned, &annotator, &mut holders, &mut summary);
        }
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

/// The smallest batch [`batch_size`] makes near the end of a run.
const FINAL_BATCH: usize = 32;

/// How many files the next batch reads, `left` being how many the run has still to read when
/// that is known: `batch`, until fewer than two batches are left, then a quarter of what is left
/// (at least [`FINAL_BATCH`]). Once the last batch is enriched, tantivy's indexing thread is left
/// to index its documents alone, a core idle: with batches of 1,000 files that was 0.2 s of a
/// 4.2 s enriched run of 20,000 articles.
///
/// With batches of 1,000 files and 2,500 left, the batches are of 1,000, 375, 282, 211, 158,
/// 119, 89, 67, 50, 38, 32, 32, 32 and 32 files (the last holding the 15 left).
fn batch_size(batch: usize, left: Option<u64>) -> usize {
    match left {
        Some(left) if left < 2 * batch as u64 => (left as usize).div_ceil(4).max(FINAL_BATCH).min(batch),
        _ => batch,
    }
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
mod tests;
