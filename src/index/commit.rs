//! A run's commits: the manifest as of now, merged from the one the run started from and the
//! changes applied since, written beside the index and named by the commit's payload.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tantivy::IndexWriter;

use crate::error::Result;
use crate::index::batch::Applied;
use crate::index::manifest::{walk_order, ManifestReader, ManifestWriter, Roots, Totals};
use crate::index::scratch::ScratchList;
use crate::index::writer::RunSummary;
use crate::index::{CommitPayload, OpenIndex};

/// Commits what the writer holds, with the manifest as of now riding on the commit; returns what
/// the manifest holds.
pub(super) fn commit(
    writer: &mut IndexWriter,
    open: &OpenIndex,
    manifest: &mut ManifestState,
    summary: &RunSummary,
    commits: &mut u64,
    started: Instant,
) -> Result<Totals> {
    *commits += 1;
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let name = format!("manifest-{stamp}-{commits}.json");
    let totals = manifest.write(&open.dir.join(&name))?;
    let mut last_run = summary.clone();
    last_run.articles = totals.articles;
    last_run.passages = totals.passages;
    last_run.elapsed_ms = started.elapsed().as_millis() as u64;
    let payload = CommitPayload { manifest: name.clone(), last_run: Some(last_run) };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
    prepared.commit()?;
    // Older manifests are no longer named by any commit; the run's base is read at each commit
    // until the run ends (`remove_base`; a killed run leaves it to the next).
    let base = manifest.base.as_deref().and_then(Path::file_name);
    if let Ok(entries) = std::fs::read_dir(&open.dir) {
        for e in entries.flatten() {
            let file = e.file_name();
            let stale =
                file.to_string_lossy().starts_with("manifest-") && *file != *name && Some(&*file) != base;
            if stale {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(totals)
}

/// The manifest a run writes at each commit: the one it started from with the changes applied
/// so far, merged line by line.
pub(super) struct ManifestState {
    config: String,
    /// The roots the index knows, as of this run.
    pub(super) roots: Roots,
    /// The manifest the run started from (`None` when it builds a new index).
    base: Option<PathBuf>,
    /// Files gone from the walked roots.
    pub(super) gone: Option<ScratchList<String>>,
    /// Files given up to be read again, out of the manifest until they are.
    pub(super) reclaimed: Vec<String>,
    /// The files applied so far.
    pub(super) applied: ScratchList<Applied>,
    /// The files read again at the end of the run (few), in walk order.
    pub(super) late: Vec<Applied>,
}

/// A source of manifest lines in walk order: a path and its entry, `None` to leave it out.
type Lines<'a> = Box<dyn Iterator<Item = Result<Applied>> + 'a>;

impl ManifestState {
    pub(super) fn new(config: &str, base: Option<PathBuf>, scratch: &Path) -> Result<ManifestState> {
        let applied = ScratchList::create(scratch, "applied")?;
        Ok(ManifestState {
            config: config.to_string(),
            roots: Roots::new(),
            base,
            gone: None,
            reclaimed: Vec::new(),
            applied,
            late: Vec::new(),
        })
    }

    /// The manifest the run starts from.
    pub(super) fn base(&self) -> Result<ManifestReader> {
        match &self.base {
            Some(path) => ManifestReader::open(path),
            None => Ok(ManifestReader::empty(&self.config)),
        }
    }

    /// Removes the manifest the run started from, once the run's last commit names another.
    pub(super) fn remove_base(&mut self) {
        if let Some(base) = self.base.take() {
            let _ = std::fs::remove_file(base);
        }
    }

    /// Writes the manifest as of now to `path`: the base's files, less those gone or given up,
    /// with what was applied since.
    fn write(&mut self, path: &Path) -> Result<Totals> {
        let base = self.base()?.map(|line| line.map(|(key, entry)| (key, Some(entry))));
        let mut sources: Vec<Lines<'_>> = vec![Box::new(base)];
        if let Some(gone) = &mut self.gone {
            sources.push(Box::new(gone.read()?.map(|key| key.map(|key| (key, None)))));
        }
        sources.push(Box::new(self.reclaimed.iter().map(|key| Ok((key.clone(), None)))));
        sources.push(Box::new(self.applied.read()?));
        sources.push(Box::new(self.late.iter().cloned().map(Ok)));
        let mut out = ManifestWriter::create(path, &self.config, &self.roots)?;
        merge_lines(sources, &mut out)?;
        out.finish()
    }
}

/// Merges `sources`, each in walk order, into `out`: where several have a path, the last one's
/// line wins.
fn merge_lines(mut sources: Vec<Lines<'_>>, out: &mut ManifestWriter) -> Result<()> {
    let mut heads: Vec<Option<Applied>> =
        sources.iter_mut().map(|s| s.next().transpose()).collect::<Result<_>>()?;
    loop {
        let first = heads.iter().flatten().map(|(key, _)| key).min_by(|a, b| walk_order(a, b));
        let Some(first) = first.cloned() else { return Ok(()) };
        let mut line = None;
        for (head, source) in heads.iter_mut().zip(sources.iter_mut()) {
            if head.as_ref().is_some_and(|(key, _)| walk_order(key, &first).is_eq()) {
                line = head.take().and_then(|(_, entry)| entry);
                *head = source.next().transpose()?;
            }
        }
        if let Some(entry) = line {
            out.push(&first, &entry)?;
        }
    }
}
