//! The manifest: what the index holds, file by file, so a rerun does only the work that changed.
//!
//! A manifest is written to a new file (`manifest-<n>.json`) before each commit, and the commit's
//! payload names it: the index and the manifest it points to change together in one atomic
//! commit, and a crash between the two leaves the previous pair in force.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What the index holds of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Size in bytes when read.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when read (0 when unknown).
    pub mtime_ns: i128,
    /// BLAKE3 hash of the content, hex.
    pub hash: String,
    /// Ids of the articles the file produced and the index holds.
    pub ids: Vec<String>,
    /// Passages indexed for those articles.
    pub passages: u64,
}

/// The index's manifest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Fingerprint of the index-config the index was built with.
    pub config: String,
    /// Every file the index holds, by path.
    pub files: BTreeMap<String, FileEntry>,
}

impl Manifest {
    /// Reads a manifest file.
    ///
    /// # Errors
    /// When the file cannot be read or parsed.
    pub fn read(path: &Path) -> Result<Manifest> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            Error::Invalid(format!(
                "{}: corrupt manifest ({e}); rebuild with `casefile index --full`",
                path.display()
            ))
        })
    }

    /// Writes the manifest to `path` (fsynced), replacing nothing: the caller names a new file.
    ///
    /// # Errors
    /// On I/O errors.
    pub fn write(&self, path: &Path) -> Result<()> {
        use std::io::Write;
        let tmp = path.with_extension("tmp");
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        // Streamed: a manifest of a large archive is tens of MB, not worth holding twice.
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut out, self).map_err(|e| Error::Invalid(e.to_string()))?;
        out.flush().map_err(|e| Error::io(&tmp, e))?;
        let file = out.into_inner().map_err(|e| Error::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    }

    /// Number of articles held.
    pub fn articles(&self) -> u64 {
        self.files.values().map(|f| f.ids.len() as u64).sum()
    }

    /// Number of passages held.
    pub fn passages(&self) -> u64 {
        self.files.values().map(|f| f.passages).sum()
    }
}
