//! The index lock: one indexer at a time per index; searches never take it.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// An exclusive lock on an index directory, released when dropped (or when the process dies,
/// since it is an OS file lock, so a killed run never leaves a stale lock behind).
#[derive(Debug)]
pub struct IndexLock {
    _file: File,
    path: PathBuf,
}

impl IndexLock {
    /// Takes the lock of the index at `root`, failing at once if another run holds it.
    ///
    /// # Errors
    /// [`Error::Locked`] when another process holds it; I/O errors otherwise.
    pub fn acquire(root: &Path) -> Result<IndexLock> {
        if root.exists() && !root.is_dir() {
            return Err(Error::Invalid(format!(
                "{} is a file, not an index folder: give --index a folder (it is created if missing)",
                root.display()
            )));
        }
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        let path = root.join("casefile.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(Error::Locked { path: root.to_path_buf() }),
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        // Record who holds it, for the humans who look.
        let _ = file.set_len(0);
        let _ = std::fs::write(&path, format!("{}\n", std::process::id()));
        Ok(IndexLock { _file: file, path })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
