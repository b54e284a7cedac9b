//! Listing the files of an archive with walkdir.

use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use crate::read::SkipReason;

/// How the archive is walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (off by default; loops are detected and reported).
    pub follow_links: bool,
}

/// One entry found by [`walk`].
#[derive(Debug, Clone)]
pub enum Walked {
    /// A regular file.
    File {
        /// Its name: its path as reached from the walked root, under the root's
        /// [`WalkRoot::name`].
        path: PathBuf,
        /// Where it is read: `path` itself, unless its root was given under another name.
        source: PathBuf,
        /// Size in bytes.
        size: u64,
        /// Modification time, where the platform has one.
        modified: Option<SystemTime>,
    },
    /// Something that could not be walked.
    Skipped {
        /// The path involved, named as [`Walked::File::path`] is.
        path: PathBuf,
        /// Why.
        reason: SkipReason,
    },
}

/// A root of a walk: where it is on disk, and the name its files are given.
///
/// The name is the path as given, unless an index knew the same folder under another name
/// (`/srv/corpus` given for what was first indexed as `corpus`): then the files are read under
/// the given path and named under the known one, so that one file has one name in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkRoot {
    /// The root's name: its files are named `name/…` (`…` alone when the name is `.`).
    pub name: PathBuf,
    /// Where the root is read, relative to the current directory or absolute.
    pub path: PathBuf,
    /// Folders under `path` (as `path/…`) that the walk passes over: they are walked as roots of
    /// their own, under other names.
    pub skip: Vec<PathBuf>,
}

impl WalkRoot {
    /// A root named as it is given.
    pub fn as_given(path: impl Into<PathBuf>) -> WalkRoot {
        let path = path.into();
        WalkRoot::named(path.clone(), path)
    }

    /// A root read at `path` and named `name`.
    pub fn named(name: impl Into<PathBuf>, path: impl Into<PathBuf>) -> WalkRoot {
        WalkRoot { name: name.into(), path: path.into(), skip: Vec::new() }
    }

    /// The name of `walked`, a path the walk of this root reached (`path/…`): `name/…`.
    fn name_of(&self, walked: PathBuf) -> PathBuf {
        match walked.strip_prefix(&self.path) {
            Ok(rest) => name_under(&self.name, rest),
            Err(_) => walked,
        }
    }
}

/// The name of `rest`, a path inside the root named `name`: `name/rest`, `name` itself for an
/// empty `rest`, and `rest` alone under `.` (walking `.` yields `./asia/a.md`, named `asia/a.md`
/// as the walk of `asia` names it, so that citations are clean and one file has one name).
pub fn name_under(name: &Path, rest: &Path) -> PathBuf {
    if rest.as_os_str().is_empty() {
        name.to_path_buf()
    } else if name == Path::new(".") {
        rest.to_path_buf()
    } else {
        name.join(rest)
    }
}

/// Lists the files under `roots` (a root may itself be a file), sorted by path so runs are
/// deterministic. Hidden files and folders (names starting with `.`) are passed over.
pub fn walk(roots: &[PathBuf], options: &WalkOptions) -> Vec<Walked> {
    let roots: Vec<WalkRoot> = roots.iter().cloned().map(WalkRoot::as_given).collect();
    walk_lazily(&roots, options).collect()
}

/// [`walk`] one entry at a time: the walk holds the folders it is in, never the whole list, so
/// an indexing run can compare an archive of any size with its manifest in constant memory.
///
/// Entries come in [`Path`] order of their names (component by component, each folder's names
/// sorted by byte): the walks of the roots are merged. Pass roots through [`walk_roots`] so that
/// no file is reached twice.
pub fn walk_lazily<'a>(roots: &'a [WalkRoot], options: &'a WalkOptions) -> impl Iterator<Item = Walked> + 'a {
    let mut walks: Vec<_> = roots.iter().map(|root| walk_root(root, options).peekable()).collect();
    std::iter::from_fn(move || {
        let next = walks
            .iter_mut()
            .enumerate()
            .filter_map(|(i, walk)| Some((i, walk.peek()?.name())))
            .min_by(|a, b| a.1.cmp(b.1))?
            .0;
        walks[next].next()
    })
}

/// The walk of one root, in [`Path`] order of the names it gives.
fn walk_root<'a>(root: &'a WalkRoot, options: &'a WalkOptions) -> impl Iterator<Item = Walked> + 'a {
    walkdir::WalkDir::new(&root.path)
        .follow_links(options.follow_links)
        // By name, as `sort_by_file_name` sorts, but reading the name as the path's bytes after
        // its last separator: `Path::file_name` parses the path's components on every one of
        // the n log n comparisons, which was a fifth of the walk.
        .sort_by(|a, b| last_component(a.path()).cmp(last_component(b.path())))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(is_hidden(e.path()) || root.skip.iter().any(|s| s == e.path())))
        .filter_map(move |entry| walked(root, entry, options))
}

/// The bytes of `path` after its last separator: its file name, for the paths walkdir gives
/// (a folder joined with a name; no trailing separator, no `.` or `..` at the end).
fn last_component(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let after = bytes.iter().rposition(|&b| std::path::is_separator(b as char)).map_or(0, |i| i + 1);
    &bytes[after..]
}

impl Walked {
    /// The path of the file or of what was skipped.
    pub fn name(&self) -> &Path {
        match self {
            Walked::File { path, .. } | Walked::Skipped { path, .. } => path,
        }
    }
}

/// The roots to walk, without repeats and without roots another one holds: walked by
/// [`walk_lazily`], they reach every file once.
///
/// Names are expected as [`normalize_root`] leaves them. A root holds the roots named inside its
/// name (`.` holds every name that starts with a name: `corpus`, not `../wire` or `/srv`),
/// except those under the folders it skips.
pub fn walk_roots(roots: Vec<WalkRoot>) -> Vec<WalkRoot> {
    let mut sorted = roots;
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.dedup_by(|later, kept| later.name == kept.name);
    let dot = sorted.iter().position(|root| root.name == Path::new(".")).map(|i| sorted.remove(i));
    let mut out: Vec<WalkRoot> = Vec::with_capacity(sorted.len() + 1);
    // The kept roots whose names hold the current one's, outermost first: sorted by name, a
    // root's name comes right after those of the roots holding it.
    let mut enclosing: Vec<usize> = Vec::new();
    for root in sorted {
        while enclosing.last().is_some_and(|&i| !root.name.starts_with(&out[i].name)) {
            enclosing.pop();
        }
        let held = dot.iter().chain(enclosing.iter().map(|&i| &out[i])).any(|holder| holds(holder, &root));
        if !held {
            enclosing.push(out.len());
            out.push(root);
        }
    }
    out.extend(dot);
    out
}

/// True when the walk of `holder` reaches the files of `root`.
fn holds(holder: &WalkRoot, root: &WalkRoot) -> bool {
    let inside = if holder.name == Path::new(".") {
        starts_with_name(&root.name)
    } else {
        root.name.starts_with(&holder.name)
    };
    inside && !holder.skip.iter().any(|skipped| root.path.starts_with(skipped))
}

/// True for a relative path whose first component is a name (`corpus/a.md`, not `../a.md`):
/// the paths the walk of `.` reaches.
pub fn starts_with_name(path: &Path) -> bool {
    matches!(path.components().find(|c| *c != Component::CurDir), Some(Component::Normal(_)))
}

/// `root` as an index names it: without `.` components, repeated or trailing separators
/// (`./corpus`, `corpus/` and `corpus` are all `corpus`); canonical when a `..` follows a named
/// component (when it exists: a missing root is reported by the walk as it was given).
///
/// Compared by components, `a/../b` would count as inside `a`, and its files (`a/../b/x`) would
/// not sort after `a`'s: it is replaced by its canonical path. Roots are otherwise kept as given
/// (relative roots stay relative).
pub fn normalize_root(root: &Path) -> PathBuf {
    let mut named = false;
    for component in root.components() {
        match component {
            Component::Normal(_) => named = true,
            Component::ParentDir if named => {
                return std::fs::canonicalize(root).unwrap_or_else(|_| root.into())
            }
            _ => {}
        }
    }
    let kept: PathBuf = root.components().filter(|c| *c != Component::CurDir).collect();
    if kept.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        kept
    }
}

fn walked(
    root: &WalkRoot,
    entry: walkdir::Result<walkdir::DirEntry>,
    options: &WalkOptions,
) -> Option<Walked> {
    match entry {
        Ok(e) if e.file_type().is_file() => {
            let meta = e.metadata().ok();
            let source = e.into_path();
            Some(Walked::File {
                size: meta.as_ref().map_or(0, |m| m.len()),
                modified: meta.and_then(|m| m.modified().ok()),
                path: root.name_of(source.clone()),
                source,
            })
        }
        Ok(e) if e.path_is_symlink() && !options.follow_links => {
            Some(Walked::Skipped { path: root.name_of(e.into_path()), reason: SkipReason::Symlink })
        }
        Ok(_) => None,
        Err(err) => {
            let path = root.name_of(err.path().map_or_else(|| root.path.clone(), Path::to_path_buf));
            let reason = if err.loop_ancestor().is_some() {
                SkipReason::SymlinkLoop
            } else {
                SkipReason::Unreadable(err.io_error().map_or_else(|| err.to_string(), |e| e.to_string()))
            };
            Some(Walked::Skipped { path, reason })
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    last_component(path).starts_with(b".")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roots to walk for `given`, each named as given.
    fn walk_roots(given: &[PathBuf]) -> Vec<PathBuf> {
        let named = given.iter().map(|p| WalkRoot::as_given(normalize_root(p))).collect();
        super::walk_roots(named).into_iter().map(|root| root.name).collect()
    }

    fn files(roots: &[PathBuf]) -> Vec<String> {
        let roots: Vec<WalkRoot> = roots.iter().cloned().map(WalkRoot::as_given).collect();
        walk_lazily(&roots, &WalkOptions::default())
            .filter_map(|w| match w {
                Walked::File { path, .. } => Some(path.to_string_lossy().into_owned()),
                Walked::Skipped { .. } => None,
            })
            .collect()
    }

    #[test]
    fn last_component_is_the_file_name() {
        for p in ["a", "dir/a.txt", "/abs/dir/Ärger-2.md", "x/y/z", "dir/.hidden", "a b/c d"] {
            let path = Path::new(p);
            let name = path.file_name().map(|n| n.as_encoded_bytes());
            assert_eq!(Some(last_component(path)), name, "{p}");
        }
    }

    #[test]
    fn the_walk_of_its_roots_comes_in_path_order_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        for file in ["a/b.md", "a/b-c.md", "a-b/c.md", "a.txt", "ab/x.md", "a/.hidden.md"] {
            let path = base.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        // Given out of order, repeated, and one inside another.
        let roots = walk_roots(&[
            base.join("ab"),
            base.join("a"),
            base.join("a-b"),
            base.join("a"),
            base.join("a/b.md"),
        ]);
        assert_eq!(roots, [base.join("a"), base.join("a-b"), base.join("ab")]);
        let walked = files(&roots);
        let rel: Vec<&str> =
            walked.iter().map(|p| p.strip_prefix(&*base.to_string_lossy()).unwrap()).collect();
        assert_eq!(rel, ["/a/b-c.md", "/a/b.md", "/a-b/c.md", "/ab/x.md"]);
        let mut sorted = walked.clone();
        sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(walked, sorted);
        // The whole folder: `a/` before `a-b/`, though `-` sorts before `/` as bytes.
        let all = files(&walk_roots(&[base.to_path_buf()]));
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(all, sorted);
        assert_eq!(all.len(), 5);
        let mut bytes = all.clone();
        bytes.sort();
        assert_ne!(all, bytes, "the byte order of whole paths differs here, which is the point");
    }

    #[test]
    fn a_root_that_steps_back_up_is_walked_not_taken_for_a_subfolder() {
        let dir = tempfile::tempdir().unwrap();
        // Canonical, so that `b` and the canonical form of `a/../b` are one path.
        let base = &std::fs::canonicalize(dir.path()).unwrap();
        for file in ["a/x.md", "b/y.md"] {
            let path = base.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let roots = walk_roots(&[base.join("a"), base.join("a/../b")]);
        let walked = files(&roots);
        assert_eq!(walked.len(), 2, "{walked:?}");
        assert!(walked.iter().any(|p| p.ends_with("y.md")), "b's file is walked: {walked:?}");
        let mut sorted = walked.clone();
        sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(walked, sorted, "still in Path order");
        // The same folder named twice, once with a step back, is walked once.
        let twice = walk_roots(&[base.join("b"), base.join("a/../b")]);
        assert_eq!(files(&twice).len(), 1, "{twice:?}");
    }

    #[test]
    fn one_folder_is_walked_under_one_name() {
        let roots = |given: &[&str]| walk_roots(&given.iter().map(PathBuf::from).collect::<Vec<_>>());
        assert_eq!(roots(&["./corpus"]), [PathBuf::from("corpus")]);
        assert_eq!(roots(&["corpus/", "./corpus/./asia", "corpus//"]), [PathBuf::from("corpus")]);
        assert_eq!(roots(&["./"]), [PathBuf::from(".")]);
        assert_eq!(roots(&["corpus", ".", "./other/x.md"]), [PathBuf::from(".")], "`.` holds them");
        // `.` is walked after the roots it does not hold, in the Path order of what it yields.
        assert_eq!(
            roots(&[".", "/srv/news", "../wire"]),
            [PathBuf::from("/srv/news"), PathBuf::from("../wire"), PathBuf::from(".")]
        );
        assert!(starts_with_name(Path::new("./corpus/a.md")) && !starts_with_name(Path::new("../a.md")));
        assert!(!starts_with_name(Path::new("/srv/a.md")) && !starts_with_name(Path::new(".")));
        assert_eq!(roots(&["/srv/./news/"]), [PathBuf::from("/srv/news")]);
        assert_eq!(roots(&["../news"]), [PathBuf::from("../news")], "a leading step up stays relative");
    }

    #[test]
    fn a_root_given_under_another_name_is_read_where_given_and_named_as_known() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        std::fs::create_dir_all(base.join("corpus/asia")).unwrap();
        std::fs::write(base.join("corpus/asia/a.md"), "x").unwrap();
        std::fs::write(base.join("corpus/b.md"), "x").unwrap();
        let mut root = WalkRoot::named("corpus", base.join("corpus"));
        let walked = |root: &WalkRoot| -> Vec<(PathBuf, PathBuf)> {
            walk_lazily(std::slice::from_ref(root), &WalkOptions::default())
                .filter_map(|w| match w {
                    Walked::File { path, source, .. } => Some((path, source)),
                    Walked::Skipped { .. } => None,
                })
                .collect()
        };
        assert_eq!(
            walked(&root),
            [
                (PathBuf::from("corpus/asia/a.md"), base.join("corpus/asia/a.md")),
                (PathBuf::from("corpus/b.md"), base.join("corpus/b.md")),
            ]
        );
        root.skip.push(base.join("corpus/asia"));
        assert_eq!(walked(&root), [(PathBuf::from("corpus/b.md"), base.join("corpus/b.md"))]);
        // A file given as a root is named as the root is.
        let file = WalkRoot::named("corpus/b.md", base.join("corpus/b.md"));
        assert_eq!(file.name_of(base.join("corpus/b.md")), PathBuf::from("corpus/b.md"));
        let mut dot = WalkRoot::named(".", base);
        assert_eq!(dot.name_of(base.join("corpus/b.md")), PathBuf::from("corpus/b.md"));

        // `.` without the folder it skips, which is a root of its own (known as `asia` when it
        // was indexed from `corpus/`): both are walked, merged in the order of the names.
        std::fs::write(base.join("z.md"), "x").unwrap();
        dot.skip.push(base.join("corpus/asia"));
        let asia = WalkRoot::named("asia", base.join("corpus/asia"));
        let roots = super::walk_roots(vec![
            dot.clone(),
            asia.clone(),
            WalkRoot::named("corpus/b.md", base.join("corpus/b.md")),
        ]);
        assert_eq!(roots, [asia, dot]);
        let names: Vec<PathBuf> =
            walk_lazily(&roots, &WalkOptions::default()).map(|w| w.name().to_path_buf()).collect();
        assert_eq!(names, [Path::new("asia/a.md"), Path::new("corpus/b.md"), Path::new("z.md")]);
    }
}
