//! The files an indexing run must read: the walk merged with the manifest, line by line.
//!
//! Both come in walk order ([`walk_order`]), so [`plan`] compares them as a merge join, holding
//! one file of each at a time: unchanged files (same size and modification time) are counted,
//! new and changed ones written to the run's plan on disk, and files of the manifest under the
//! walked roots that the walk did not reach are gone. A file whose copy of an article id was
//! skipped because another file held it (`shadowed` in the manifest) is read again once that
//! file is gone, so that the copy takes its place as in a clean build.
//!
//! A run building an index from nothing has no manifest to compare with: [`stream`] hands it the
//! walk's files as the walk finds them, so that reading starts with the walk, not after it.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::holders::Holders;
use crate::index::manifest::{walk_order, FileEntry, ManifestReader};
use crate::index::scratch::ScratchList;
use crate::index::writer::RunSummary;
use crate::read::{self, Format, SkipReason, WalkRoot, Walked};

/// A file the run must read.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Candidate {
    /// Its path, which is UTF-8 (other paths are skipped before they become candidates), and so
    /// also its key in the manifest.
    pub(crate) key: String,
    /// Where the file is read, when its root was given under another name than its key's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source: Option<String>,
    pub(crate) size: u64,
    pub(crate) mtime_ns: i128,
    /// What the manifest holds for this path, if anything.
    pub(crate) previous: Option<FileEntry>,
    /// Read again, unchanged, because a file holding one of its duplicate ids let go of it.
    pub(crate) reclaim: bool,
}

impl Candidate {
    /// The file's name in the index.
    pub(crate) fn path(&self) -> &Path {
        Path::new(&self.key)
    }

    /// Where the file is read.
    pub(crate) fn source(&self) -> &Path {
        self.source.as_deref().map_or(self.path(), Path::new)
    }
}

/// What a run must do, found by [`plan`].
pub(crate) struct Plan {
    /// The new and changed files, in walk order, on disk.
    pub(crate) candidates: ScratchList<Candidate>,
    /// The manifest's files that are gone, in walk order, on disk.
    pub(crate) gone: ScratchList<String>,
    /// Files read again to take over an id a gone file held, in walk order (few: they need a
    /// duplicate id in the archive).
    pub(crate) reclaimed: Vec<Candidate>,
    /// The other files holding shadowed ids that the plan does not read: should the file holding
    /// such an id let go of it during the run, they are read again at its end.
    pub(crate) shadowing: Vec<Shadowing>,
}

/// The files of a plan, `planned` and `reclaimed`, in walk order.
pub(crate) fn in_walk_order(
    planned: impl Iterator<Item = Result<Candidate>>,
    reclaimed: Vec<Candidate>,
) -> impl Iterator<Item = Result<Candidate>> {
    let mut planned = planned.peekable();
    let mut reclaimed = reclaimed.into_iter().peekable();
    std::iter::from_fn(move || {
        let take_reclaimed = match (planned.peek(), reclaimed.peek()) {
            (Some(Ok(p)), Some(r)) => walk_order(&r.key, &p.key).is_lt(),
            (None, Some(_)) => true,
            _ => false,
        };
        if take_reclaimed {
            reclaimed.next().map(Ok)
        } else {
            planned.next()
        }
    })
}

/// A file that holds a copy of an article id another file holds (its entry's `shadowed`), met
/// while planning and not read by the plan.
pub(crate) struct Shadowing {
    pub(crate) key: String,
    pub(crate) entry: FileEntry,
    /// Counted as unchanged in the run's summary (it was walked).
    pub(crate) unchanged: bool,
}

/// The manifest's files the walk passed by.
struct Passed<'a> {
    roots: &'a [WalkRoot],
    gone: ScratchList<String>,
    removed: u64,
    /// Files holding shadowed ids that this run does not read anyway.
    shadowing: Vec<Shadowing>,
}

impl Passed<'_> {
    /// A manifest file the walk did not reach: gone when under a walked root, else kept as it is.
    fn pass(
        &mut self,
        key: String,
        entry: FileEntry,
        holders: &mut Holders,
        let_go: &mut dyn FnMut(&FileEntry, &mut Holders),
    ) -> Result<()> {
        if self.roots.iter().any(|root| under(&key, &root.name)) {
            let_go(&entry, holders);
            self.removed += 1;
            self.gone.push(&key)
        } else {
            self.keep(key, entry, false);
            Ok(())
        }
    }

    /// A manifest file that stays as it is.
    fn keep(&mut self, key: String, entry: FileEntry, unchanged: bool) {
        if !entry.shadowed.is_empty() {
            self.shadowing.push(Shadowing { key, entry, unchanged });
        }
    }
}

/// Merges the `walk` of `roots` (in walk order: see [`read::walk_roots`]) with the manifest the
/// run starts from.
///
/// Skipped files are recorded in `summary`, unchanged ones counted. Each gone file, and each file
/// read again to reclaim an id, is handed to `let_go` (which deletes its articles) before this
/// returns, so that whichever file reads an id first in this run holds it, as in a clean build.
/// `first_to_read` is called once, as soon as a file to read is found (the run starts building
/// its annotator then, while the walk goes on), and never when there is none.
///
/// # Errors
/// When the manifest cannot be read, the working lists cannot be written, or the walk is not in
/// walk order.
#[allow(clippy::too_many_arguments)] // two callbacks into the run, each needed mid-walk
pub(crate) fn plan(
    walk: impl Iterator<Item = Walked>,
    base: ManifestReader,
    roots: &[WalkRoot],
    scratch: &Path,
    summary: &mut RunSummary,
    holders: &mut Holders,
    let_go: &mut dyn FnMut(&FileEntry, &mut Holders),
    first_to_read: &mut dyn FnMut(),
) -> Result<Plan> {
    let mut candidates = ScratchList::create(scratch, "plan")?;
    let gone = ScratchList::create(scratch, "gone")?;
    let mut passed = Passed { roots, gone, removed: 0, shadowing: Vec::new() };
    let mut base = base.peekable();
    let mut admission = Admission::default();
    for walked in walk {
        let Some(WalkedFile { key, source, size, mtime_ns }) = admission.admit(walked, summary)? else {
            continue;
        };
        // The manifest's files before this one were passed by; this one may be among them.
        let previous = loop {
            if let Some(Err(_)) = base.peek() {
                if let Some(Err(e)) = base.next() {
                    return Err(e);
                }
            }
            match base.peek() {
                Some(Ok((held, _))) if walk_order(held, &key).is_lt() => {
                    if let Some(Ok((held, entry))) = base.next() {
                        passed.pass(held, entry, holders, let_go)?;
                    }
                }
                Some(Ok((held, _))) if walk_order(held, &key).is_eq() => {
                    break base.next().and_then(Result::ok).map(|(_, entry)| entry);
                }
                _ => break None,
            }
        };
        match previous {
            Some(e) if e.size == size && e.mtime_ns == mtime_ns && mtime_ns != 0 => {
                summary.unchanged += 1;
                passed.keep(key, e, true);
            }
            previous => {
                if candidates.is_empty() {
                    first_to_read();
                }
                candidates.push(&Candidate { key, source, size, mtime_ns, previous, reclaim: false })?
            }
        }
    }
    for held in base {
        let (held, entry) = held?;
        passed.pass(held, entry, holders, let_go)?;
    }
    let Passed { gone, removed, shadowing, .. } = passed;
    summary.removed += removed;

    // A file whose copy of an id was skipped reads it now that the file holding it is gone. It
    // gives up what it held before anything is added; its entry leaves the manifest until it is
    // read, so that should the run stop, the next run reads it as a new file.
    let (reclaim, shadowing): (Vec<Shadowing>, Vec<Shadowing>) =
        shadowing.into_iter().partition(|s| s.entry.shadowed.iter().any(|id| holders.was_let_go(id)));
    let mut reclaimed = Vec::with_capacity(reclaim.len());
    if candidates.is_empty() && !reclaim.is_empty() {
        first_to_read();
    }
    for Shadowing { key, entry, unchanged } in reclaim {
        let_go(&entry, holders);
        summary.unchanged -= u64::from(unchanged);
        reclaimed.push(Candidate {
            source: source_of(&key, roots),
            key,
            size: entry.size,
            mtime_ns: entry.mtime_ns,
            previous: None,
            reclaim: true,
        });
    }
    Ok(Plan { candidates, gone, reclaimed, shadowing })
}

/// A walked file that may hold articles.
struct WalkedFile {
    key: String,
    source: Option<String>,
    size: u64,
    mtime_ns: i128,
}

impl WalkedFile {
    /// The file as one the index does not hold.
    fn new_candidate(self) -> Candidate {
        let WalkedFile { key, source, size, mtime_ns } = self;
        Candidate { key, source, size, mtime_ns, previous: None, reclaim: false }
    }
}

/// Sorts the walk's entries: the files that may hold articles go on, the others are recorded as
/// skipped, and the walk is checked to come in walk order.
#[derive(Default)]
struct Admission {
    last: Option<String>,
}

impl Admission {
    /// `walked` as a file to compare with the manifest, or `None` when it is skipped.
    fn admit(&mut self, walked: Walked, summary: &mut RunSummary) -> Result<Option<WalkedFile>> {
        let (path, source, size, modified) = match walked {
            Walked::Skipped { path, reason } => {
                summary.skip(&path, reason);
                return Ok(None);
            }
            Walked::File { path, source, size, modified } => (path, source, size, modified),
        };
        let source = (source != path).then_some(source);
        let (key, source) = match (path.into_os_string().into_string(), source.map(PathBuf::into_os_string)) {
            (Ok(key), None) => (key, None),
            (Ok(key), Some(source)) => match source.into_string() {
                Ok(source) => (key, Some(source)),
                Err(source) => {
                    summary.skip(Path::new(&source), SkipReason::NonUtf8Path);
                    return Ok(None);
                }
            },
            (Err(path), _) => {
                summary.skip(Path::new(&path), SkipReason::NonUtf8Path);
                return Ok(None);
            }
        };
        let path = Path::new(&key);
        if Format::of(path).is_none() {
            summary.skip(path, SkipReason::Unsupported);
            return Ok(None);
        }
        if read::is_documentation(path) {
            summary.skip(path, SkipReason::Documentation);
            return Ok(None);
        }
        if self.last.as_deref().is_some_and(|last| walk_order(last, &key).is_ge()) {
            return Err(Error::Invalid(format!("the walk reached {key} out of order; please report this")));
        }
        self.last = Some(key.clone());
        Ok(Some(WalkedFile { key, source, size, mtime_ns: modified.map_or(0, nanos) }))
    }
}

/// Hands every file of the `walk` that may hold articles to `send` as a new file, in walk order,
/// as the walk reaches it: the plan of a run that starts from an empty index, where no file is
/// unchanged or gone. Skipped files are recorded in `summary`.
///
/// Stops at the first error, which it sends, or when `send` returns `false` (its receiver has
/// gone).
pub(crate) fn stream(
    walk: impl Iterator<Item = Walked>,
    summary: &mut RunSummary,
    mut send: impl FnMut(Result<Candidate>) -> bool,
) {
    let mut admission = Admission::default();
    for walked in walk {
        match admission.admit(walked, summary) {
            Ok(None) => {}
            Ok(Some(file)) => {
                if !send(Ok(file.new_candidate())) {
                    return;
                }
            }
            Err(e) => {
                send(Err(e));
                return;
            }
        }
    }
}

/// Where the file named `key` is read when it lies under a root given under another name.
pub(crate) fn source_of(key: &str, roots: &[WalkRoot]) -> Option<String> {
    let root = roots.iter().find(|root| root.name != root.path && under(key, &root.name))?;
    let key = Path::new(key);
    let rest = if root.name == Path::new(".") { key } else { key.strip_prefix(&root.name).ok()? };
    root.path.join(rest).into_os_string().into_string().ok()
}

/// Nanoseconds since the epoch (negative before it).
fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// True when the manifest path `key` lies under the walked root `root` (which
/// [`read::walk_roots`] normalized). `.` components of the key are ignored: a manifest written
/// before roots were normalized names `./corpus/a.md` what is now walked as `corpus/a.md`, and
/// such a file must count as gone from `corpus`, not as belonging to another root.
fn under(key: &str, root: &Path) -> bool {
    use std::path::Component;
    let key = Path::new(key);
    let root: Vec<Component> = root.components().filter(|c| *c != Component::CurDir).collect();
    if root.is_empty() {
        return read::starts_with_name(key); // `.` holds `corpus/a.md`, not `../a.md` or `/srv/a.md`
    }
    let mut parts = key.components().filter(|c| *c != Component::CurDir);
    root.iter().all(|part| parts.next() == Some(*part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_under_a_root_by_components() {
        let root = Path::new("corpus");
        assert!(under("corpus/asia/a.md", root));
        assert!(under("corpus", root));
        assert!(under("./corpus/asia/a.md", root), "a manifest key written before roots were normalized");
        assert!(!under("corpus-b/a.md", root));
        assert!(!under("corpusa.md", root));
        assert!(!under("other/corpus/a.md", root));
        assert!(under("a.md", Path::new(".")) && under("./x/a.md", Path::new(".")));
        assert!(!under("/srv/a.md", Path::new(".")) && !under("../wire/a.md", Path::new(".")));
        assert!(under("/srv/news/a.md", Path::new("/srv/news")));
        assert!(!under("/srv/newsroom/a.md", Path::new("/srv/news")));
    }
}
