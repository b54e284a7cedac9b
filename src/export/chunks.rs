//! NDJSON written in numbered chunk files of a bounded size, one engine request each.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Chunk files `{prefix}-00001.ndjson`, `{prefix}-00002.ndjson`, ... in a folder.
pub(super) struct Chunks {
    folder: PathBuf,
    prefix: &'static str,
    limit: usize,
    current: Option<(PathBuf, BufWriter<File>, usize)>,
    count: usize,
    bytes: u64,
}

impl Chunks {
    pub(super) fn new(folder: &Path, prefix: &'static str, limit: usize) -> Chunks {
        Chunks { folder: folder.to_path_buf(), prefix, limit, current: None, count: 0, bytes: 0 }
    }

    /// Appends `ndjson` (whole lines: one article's documents, which are never split between
    /// chunks), starting a new chunk when it would take the current one over the limit.
    pub(super) fn push(&mut self, ndjson: &str) -> Result<()> {
        if ndjson.is_empty() {
            return Ok(());
        }
        let full = self.current.as_ref().is_some_and(|(_, _, size)| size + ndjson.len() > self.limit);
        if full {
            self.close()?;
        }
        if self.current.is_none() {
            self.count += 1;
            let path = self.folder.join(format!("{}-{:05}.ndjson", self.prefix, self.count));
            let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
            self.current = Some((path, BufWriter::new(file), 0));
        }
        if let Some((path, writer, size)) = &mut self.current {
            writer.write_all(ndjson.as_bytes()).map_err(|e| Error::io(&*path, e))?;
            *size += ndjson.len();
            self.bytes += ndjson.len() as u64;
        }
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if let Some((path, mut writer, _)) = self.current.take() {
            writer.flush().map_err(|e| Error::io(&path, e))?;
            writer.get_ref().sync_all().map_err(|e| Error::io(&path, e))?;
        }
        Ok(())
    }

    /// Closes the last chunk; returns how many chunks and bytes were written.
    pub(super) fn finish(mut self) -> Result<(usize, u64)> {
        self.close()?;
        Ok((self.count, self.bytes))
    }
}
