//! A run's working lists on disk: JSON Lines written once, in order, and read back from the start
//! as often as needed. They sit in the index root as `run-<name>.tmp`, which only the run holding
//! the lock touches; a killed run's leftovers are overwritten by the next.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// A list of `T`, appended to on disk.
pub(crate) struct ScratchList<T> {
    path: PathBuf,
    out: BufWriter<File>,
    len: u64,
    item: PhantomData<T>,
}

impl<T: Serialize + DeserializeOwned> ScratchList<T> {
    /// Starts the list `run-<name>.tmp` in `dir`, replacing any leftover.
    pub(crate) fn create(dir: &Path, name: &str) -> Result<ScratchList<T>> {
        let path = dir.join(format!("run-{name}.tmp"));
        let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
        Ok(ScratchList { path, out: BufWriter::with_capacity(1 << 16, file), len: 0, item: PhantomData })
    }

    /// Appends `item`.
    pub(crate) fn push(&mut self, item: &T) -> Result<()> {
        serde_json::to_writer(&mut self.out, item).map_err(|e| Error::Invalid(e.to_string()))?;
        self.out.write_all(b"\n").map_err(|e| Error::io(&self.path, e))?;
        self.len += 1;
        Ok(())
    }

    /// Items appended so far.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing has been appended.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Reads the list from the start (what was appended so far).
    pub(crate) fn read(&mut self) -> Result<impl Iterator<Item = Result<T>>> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))?;
        let file = File::open(&self.path).map_err(|e| Error::io(&self.path, e))?;
        let path = self.path.clone();
        Ok(BufReader::with_capacity(1 << 16, file).lines().map(move |line| {
            let line = line.map_err(|e| Error::io(&path, e))?;
            serde_json::from_str(&line)
                .map_err(|e| Error::Invalid(format!("{}: damaged working list ({e})", path.display())))
        }))
    }
}

impl<T> Drop for ScratchList<T> {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_back_what_was_pushed_as_often_as_asked_and_goes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut list: ScratchList<(String, Option<u64>)> = ScratchList::create(dir.path(), "test").unwrap();
        list.push(&("a\nb".to_string(), Some(1))).unwrap();
        let first: Vec<_> = list.read().unwrap().map(Result::unwrap).collect();
        assert_eq!(first, [("a\nb".to_string(), Some(1))]);
        list.push(&("c".to_string(), None)).unwrap();
        let second: Vec<_> = list.read().unwrap().map(Result::unwrap).collect();
        assert_eq!(second.len(), 2);
        assert_eq!(list.len(), 2);
        let path = dir.path().join("run-test.tmp");
        assert!(path.exists());
        drop(list);
        assert!(!path.exists());
    }
}
