//! The files an indexing run must read, and which file holds each article id.
//!
//! [`sort_walk`] sorts the walked files into unchanged ones and [`Candidate`]s; [`Owners`] catches an article id
//! that a second file also holds (the copy is skipped and recorded as `shadowed` in the
//! manifest), and [`reclaim_shadowed`] reads such a copy again once the file holding the id is
//! gone.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::index::manifest::{ContentHash, Manifest};
use crate::index::writer::{Progress, RunSummary};
use crate::read::{self, Format, SkipReason, Walked};

/// A file the run must read.
pub(crate) struct Candidate {
    /// Its path, which is UTF-8 (other paths are skipped before they become candidates), and so
    /// also its key in the manifest.
    pub(crate) key: String,
    pub(crate) size: u64,
    pub(crate) mtime_ns: i128,
    /// The content hash the manifest holds for this path, if any.
    pub(crate) previous_hash: Option<ContentHash>,
    /// Read again, unchanged, because a file holding one of its duplicate ids let go of it.
    pub(crate) reclaim: bool,
}

impl Candidate {
    /// The file to read.
    pub(crate) fn path(&self) -> &Path {
        Path::new(&self.key)
    }
}

/// Which file holds each article id the index holds, to catch an id indexed twice.
#[derive(Default)]
pub(crate) struct Owners {
    /// Each file's path is allocated once and shared by all its ids: one JSON Lines file can hold
    /// thousands of articles.
    by_id: HashMap<Box<str>, Arc<str>>,
}

impl Owners {
    /// The owners of the ids `manifest` holds.
    pub(crate) fn of(manifest: &Manifest) -> Owners {
        let ids = manifest.files.values().map(|entry| entry.ids.len()).sum();
        let mut by_id = HashMap::with_capacity(ids);
        for (path, entry) in &manifest.files {
            let path: Arc<str> = Arc::from(path.as_str());
            for id in &entry.ids {
                by_id.insert(Box::from(id.as_str()), Arc::clone(&path));
            }
        }
        Owners { by_id }
    }

    /// The path of the file holding `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|path| &**path)
    }

    /// Records that the file at `path` holds `id`.
    pub(crate) fn insert(&mut self, id: &str, path: &Arc<str>) {
        self.by_id.insert(Box::from(id), Arc::clone(path));
    }

    /// Records that no file holds `id` any more.
    pub(crate) fn remove(&mut self, id: &str) {
        self.by_id.remove(id);
    }
}

/// Sorts the walk's files against `manifest`: unchanged ones (same size and modification time)
/// are counted in `summary`; new and changed ones become the returned candidates, in walk order;
/// skipped ones are recorded. Also returns the manifest's files under the walked `roots` that the
/// walk did not reach: they are gone.
///
/// The walked list is consumed as it is sorted (each path dropped, or moved into a candidate).
pub(crate) fn sort_walk(
    walked: Vec<Walked>,
    manifest: &Manifest,
    roots: &[PathBuf],
    summary: &mut RunSummary,
    progress: &dyn Progress,
) -> (Vec<Candidate>, Vec<String>) {
    // The manifest's keys the walk reached, borrowed from the manifest rather than copied: those
    // under a walked root that it did not reach are gone.
    let mut reached: HashSet<&str> = HashSet::with_capacity(manifest.files.len());
    let mut candidates = Vec::new();
    for entry in walked {
        match entry {
            Walked::Skipped { path, reason } => summary.skip(&path, reason),
            Walked::File { path, size, modified } => {
                let key = match path.into_os_string().into_string() {
                    Ok(key) => key,
                    Err(path) => {
                        summary.skip(Path::new(&path), SkipReason::NonUtf8Path);
                        continue;
                    }
                };
                let path = Path::new(&key);
                if Format::of(path).is_none() || read::is_documentation(path) {
                    let reason = if Format::of(path).is_none() {
                        SkipReason::Unsupported
                    } else {
                        SkipReason::Documentation
                    };
                    summary.skip(path, reason);
                    progress.advance(1, 0);
                    continue;
                }
                let mtime_ns = modified.map_or(0, nanos);
                let held = manifest.files.get_key_value(&key);
                if let Some((held_key, _)) = held {
                    reached.insert(held_key.as_str());
                }
                match held.map(|(_, entry)| entry) {
                    Some(e) if e.size == size && e.mtime_ns == mtime_ns && mtime_ns != 0 => {
                        summary.unchanged += 1;
                        progress.advance(1, 0);
                    }
                    entry => {
                        let previous_hash = entry.map(|e| e.hash);
                        candidates.push(Candidate { key, size, mtime_ns, previous_hash, reclaim: false })
                    }
                }
            }
        }
    }

    // Files gone from the walked paths.
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|k| !reached.contains(k.as_str()) && roots.iter().any(|r| under(k, r)))
        .cloned()
        .collect();
    (candidates, gone)
}

/// Nanoseconds since the epoch (negative before it).
fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// True when the manifest path `key` lies under the walked root `root`.
fn under(key: &str, root: &Path) -> bool {
    let root = root.to_string_lossy();
    let root = root.trim_end_matches('/');
    key == root || key.strip_prefix(root).is_some_and(|rest| rest.starts_with('/'))
}

/// Files holding a duplicate of an id in `released` (the ids of gone files) are read again in
/// this run, in walk order with the other candidates, so that the first of them to read the id
/// holds it, as in a clean build. Returns the reclaimed files' own ids, to be deleted before
/// anything is added (their entries leave the manifest, so should the run stop, the next run
/// reads them as new files rather than trusting a stale entry).
pub(crate) fn reclaim_shadowed(
    manifest: &mut Manifest,
    candidates: &mut Vec<Candidate>,
    released: &HashSet<String>,
) -> HashSet<String> {
    let mut ids = HashSet::new();
    if released.is_empty() {
        return ids;
    }
    let reading: HashSet<&str> = candidates.iter().map(|c| c.key.as_str()).collect();
    let reclaim: Vec<String> = manifest
        .files
        .iter()
        .filter(|(key, _)| !reading.contains(key.as_str()))
        .filter(|(_, entry)| entry.shadowed.iter().any(|id| released.contains(id)))
        .map(|(key, _)| key.clone())
        .collect();
    drop(reading);
    if reclaim.is_empty() {
        return ids;
    }
    for key in reclaim {
        if let Some(entry) = manifest.files.remove(&key) {
            ids.extend(entry.ids.into_vec());
            candidates.push(Candidate {
                key,
                size: entry.size,
                mtime_ns: entry.mtime_ns,
                previous_hash: None,
                reclaim: true,
            });
        }
    }
    // The walk yields paths in order; keep the candidates so, reclaimed ones among them.
    candidates.sort_by(|a, b| a.key.cmp(&b.key));
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::manifest::FileEntry;

    fn entry(ids: &[&str]) -> FileEntry {
        FileEntry {
            size: 1,
            mtime_ns: 1,
            hash: ContentHash::of(b""),
            ids: ids.iter().map(|id| id.to_string()).collect(),
            passages: ids.len() as u64,
            shadowed: Box::default(),
        }
    }

    #[test]
    fn owners_name_the_file_holding_each_id() {
        let mut manifest = Manifest::default();
        manifest.files.insert("/a.jsonl".into(), entry(&["x", "y"]));
        manifest.files.insert("/b.md".into(), entry(&["z"]));
        manifest.files.insert("/empty.md".into(), entry(&[]));
        let mut owners = Owners::of(&manifest);
        assert_eq!(
            (owners.get("x"), owners.get("y"), owners.get("z")),
            (Some("/a.jsonl"), Some("/a.jsonl"), Some("/b.md"))
        );
        assert_eq!(owners.get("w"), None);
        assert!(Arc::ptr_eq(&owners.by_id["x"], &owners.by_id["y"]), "one path per file");
        owners.remove("x");
        assert_eq!(owners.get("x"), None);
        let path: Arc<str> = Arc::from("/c.md");
        owners.insert("x", &path);
        owners.insert("z", &path);
        assert_eq!((owners.get("x"), owners.get("z")), (Some("/c.md"), Some("/c.md")));
    }
}
