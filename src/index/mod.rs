//! The index: a tantivy index of passages, its manifest, its lock, and the indexing run.
//!
//! An index lives in a root folder (default `.casefile/` in the current directory):
//!
//! ```text
//! .casefile/
//!   casefile.lock      held by the one indexer that may run (searches never take it)
//!   CURRENT            names the live generation; replaced by rename, so always whole
//!   gen-000001/        a tantivy index; its commit payload names its manifest
//!     manifest-<n>.json
//!   run-*.tmp          a run's working lists (its plan, the files it gave up, what it applied),
//!                      kept on disk so that a run's memory does not grow with the archive
//! ```
//!
//! `casefile index --full` (or a change of `index-config`) builds a new generation beside the
//! live one and switches `CURRENT` only when it is complete.

mod batch;
mod candidates;
mod commit;
pub mod document;
mod holders;
pub mod keys;
pub mod lock;
pub mod manifest;
pub mod merge;
pub mod record;
pub mod roots;
pub mod schema;
mod scratch;
pub mod stats;
pub mod stem;
pub mod view;
pub mod words;
pub mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;

use crate::config::Config;
use crate::error::{Error, Result};

pub use document::{ArticleRef, PassageActor, PassageQuote, PassageTopic, StoredPassage};
pub use manifest::{ContentHash, FileEntry, ManifestReader, ManifestWriter, Totals};
pub use schema::Fields;
pub use writer::{IndexOptions, Progress, RunSummary, SkippedFile};

/// The default index root, relative to the current directory.
pub const DEFAULT_ROOT: &str = ".casefile";

/// What each commit records beside the documents (tantivy's commit payload).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CommitPayload {
    /// File name of the manifest that matches this commit.
    pub manifest: String,
    /// The summary of the run that made the commit (the last one, when a run commits several
    /// times).
    pub last_run: Option<RunSummary>,
}

/// An index root folder.
#[derive(Debug, Clone)]
pub struct IndexRoot {
    root: PathBuf,
}

impl IndexRoot {
    /// The index root at `root`.
    pub fn new(root: impl Into<PathBuf>) -> IndexRoot {
        IndexRoot { root: root.into() }
    }

    /// The root folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The live generation's folder, if an index has been committed.
    pub fn current(&self) -> Option<PathBuf> {
        let name = std::fs::read_to_string(self.root.join("CURRENT")).ok()?;
        let dir = self.root.join(name.trim());
        dir.join("meta.json").exists().then_some(dir)
    }

    /// True when an index exists here.
    pub fn exists(&self) -> bool {
        self.current().is_some()
    }

    /// Makes `generation` (a folder name under the root) the live one, atomically.
    pub(crate) fn set_current(&self, generation: &str) -> Result<()> {
        let tmp = self.root.join("CURRENT.tmp");
        std::fs::write(&tmp, format!("{generation}\n")).map_err(|e| Error::io(&tmp, e))?;
        if let Ok(f) = std::fs::File::open(&tmp) {
            let _ = f.sync_all();
        }
        std::fs::rename(&tmp, self.root.join("CURRENT")).map_err(|e| Error::io(&self.root, e))
    }

    /// A fresh generation folder name that does not exist yet.
    pub(crate) fn next_generation(&self) -> String {
        let mut n = 1;
        loop {
            let name = format!("gen-{n:06}");
            if !self.root.join(&name).exists() {
                return name;
            }
            n += 1;
        }
    }

    /// Opens the live index for searching.
    ///
    /// # Errors
    /// [`Error::NoIndex`] when none exists; tantivy errors for a damaged index.
    pub fn open(&self, config: &Config) -> Result<OpenIndex> {
        let dir = self.current().ok_or_else(|| Error::NoIndex { path: self.root.clone() })?;
        OpenIndex::open(&dir, config)
    }
}

/// An opened tantivy index with its fields.
#[derive(Clone)]
pub struct OpenIndex {
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// Its folder.
    pub dir: PathBuf,
}

impl std::fmt::Debug for OpenIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenIndex").field("dir", &self.dir).finish()
    }
}

impl OpenIndex {
    /// Opens the tantivy index in `dir` and registers casefile's tokenizers.
    ///
    /// # Errors
    /// When the folder holds no readable casefile index.
    pub fn open(dir: &Path, config: &Config) -> Result<OpenIndex> {
        let index = Index::open_in_dir(dir)?;
        schema::register_tokenizers(&index, &config.settings.index)?;
        let fields = Fields::from_schema(&index.schema())?;
        Ok(OpenIndex { index, fields, dir: dir.to_path_buf() })
    }

    /// The payload of the last commit.
    pub fn payload(&self) -> Option<CommitPayload> {
        let metas = self.index.load_metas().ok()?;
        serde_json::from_str(metas.payload.as_deref()?).ok()
    }

    /// The file of the manifest matching the last commit (`None` for a new index).
    pub fn manifest_path(&self) -> Option<PathBuf> {
        self.payload().filter(|p| !p.manifest.is_empty()).map(|p| self.dir.join(p.manifest))
    }

    /// The manifest matching the last commit (empty for a new index), opened to be read line by
    /// line.
    ///
    /// # Errors
    /// When the manifest named by the commit cannot be read.
    pub fn manifest(&self) -> Result<ManifestReader> {
        match self.manifest_path() {
            Some(path) => ManifestReader::open(&path),
            None => Ok(ManifestReader::empty("")),
        }
    }
}
