//! Naming the roots of a run as the index named them before.
//!
//! The manifest and citations name a file by the path its root was given as (`corpus/asia/a.md`
//! when `corpus` was indexed). One folder given under two names, `corpus` by an analyst in the
//! project folder and `/srv/news/corpus` by a scheduled job run from elsewhere, would be two sets
//! of files, every article in the index twice. So the manifest remembers where each root was
//! ([`Roots`]: its name and canonical path), and a run names each root it is given:
//!
//! - a name the index knows is kept (and where it is now recorded: a project folder that was
//!   moved is still the same index);
//! - a new name for a known folder, or for a folder inside one, takes the known name
//!   (`/srv/news/corpus/asia` is walked where it is and its files named `corpus/asia/…`);
//! - anything else is a new root, named as given.
//!
//! A folder holding a known root under another name (`/srv/news` given when its `corpus` is
//! known as `corpus`) is walked without it, and the known root is walked as a root of its own,
//! under its name.

use std::path::{Path, PathBuf};

use crate::index::manifest::Roots;
use crate::read::{name_under, normalize_root, WalkRoot};

/// A root of a run given under another name than the index knows it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The root as given.
    pub given: PathBuf,
    /// Its name in the index.
    pub name: PathBuf,
}

/// Names each of the `given` roots of a run against the roots the index `known`s (see the
/// module's documentation), recording the new ones and where the known ones are now in `known`.
/// Returns the roots to walk (pass them through [`crate::read::walk_roots`]) and those given
/// under another name than the index knows them by.
///
/// A root that does not exist keeps its name (the walk reports it); a root whose name is not
/// UTF-8 is not remembered (the manifest names only UTF-8 paths).
pub fn name_roots(given: &[PathBuf], known: &mut Roots) -> (Vec<WalkRoot>, Vec<Renamed>) {
    let mut roots = Vec::with_capacity(given.len());
    let mut renamed = Vec::new();
    for root in given {
        let path = normalize_root(root);
        let (Ok(at), Some(name)) = (std::fs::canonicalize(&path), path.to_str()) else {
            roots.push(WalkRoot::as_given(path));
            continue;
        };
        let root = if let Some(known_at) = known.get_mut(name) {
            known_at.clone_from(&at);
            WalkRoot::as_given(path)
        } else if let Some(name) = known_name(&at, known) {
            renamed.push(Renamed { given: path.clone(), name: name.clone() });
            WalkRoot::named(name, path)
        } else {
            known.insert(name.to_string(), at.clone());
            WalkRoot::as_given(path)
        };
        // Known folders inside it under names of their own are walked as roots of their own.
        let mut pending = vec![(root, at)];
        while let Some((mut root, at)) = pending.pop() {
            for (name, rest) in renamed_inside(&root.name, &at, known) {
                let path = root.path.join(&rest);
                root.skip.push(path.clone());
                renamed.push(Renamed { given: path.clone(), name: name.clone() });
                pending.push((WalkRoot::named(name, path), at.join(rest)));
            }
            roots.push(root);
        }
    }
    (roots, renamed)
}

/// The name of the folder at the canonical path `at` under the deepest known root holding it.
fn known_name(at: &Path, known: &Roots) -> Option<PathBuf> {
    let (name, rest) = known
        .iter()
        .filter_map(|(name, known_at)| Some((name, at.strip_prefix(known_at).ok()?)))
        .min_by_key(|(_, rest)| rest.components().count())?;
    Some(name_under(Path::new(name), rest))
}

/// The known roots strictly inside the folder named `name` at the canonical path `at` whose
/// names are not the ones the walk of that folder would give them: each name, and where the
/// root is relative to `at`. Those inside another of them are left to the walk of that one.
fn renamed_inside(name: &Path, at: &Path, known: &Roots) -> Vec<(PathBuf, PathBuf)> {
    let mut inside: Vec<(PathBuf, PathBuf)> = known
        .iter()
        .filter_map(|(inner, inner_at)| {
            let rest = inner_at.strip_prefix(at).ok().filter(|rest| !rest.as_os_str().is_empty())?;
            (name_under(name, rest) != Path::new(inner)).then(|| (PathBuf::from(inner), rest.to_path_buf()))
        })
        .collect();
    // Sorted by place, a folder comes right after the one holding it.
    inside.sort_by(|a, b| a.1.cmp(&b.1));
    inside.dedup_by(|later, kept| later.1.starts_with(&kept.1));
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_folder_given_under_another_name_takes_its_known_name() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(base.join("corpus/asia")).unwrap();
        std::fs::create_dir_all(base.join("other")).unwrap();
        let mut known = Roots::from([("corpus".to_string(), base.join("corpus"))]);

        let given = [base.join("corpus"), base.join("./corpus/asia/"), base.join("other")];
        let (roots, renamed) = name_roots(&given, &mut known);
        let names: Vec<&Path> = roots.iter().map(|r| r.name.as_path()).collect();
        assert_eq!(names, [Path::new("corpus"), Path::new("corpus/asia"), base.join("other").as_path()]);
        assert_eq!(roots[1].path, base.join("corpus/asia"), "read where it was given");
        assert_eq!(renamed.len(), 2);
        assert_eq!(known.len(), 2, "the new folder is remembered: {known:?}");
        assert_eq!(known[&base.join("other").to_string_lossy().into_owned()], base.join("other"));

        // A known name keeps its name and records where it is now.
        let mut moved =
            Roots::from([(base.join("other").to_string_lossy().into_owned(), PathBuf::from("/gone"))]);
        let (roots, renamed) = name_roots(&[base.join("other")], &mut moved);
        assert_eq!((roots[0].name.clone(), renamed.len()), (base.join("other"), 0));
        assert_eq!(moved.values().next(), Some(&base.join("other")));

        // The deepest known root holding the folder names it; `.` adds nothing to a name.
        let mut nested = Roots::from([
            (".".to_string(), base.clone()),
            ("asia-desk".to_string(), base.join("corpus/asia")),
        ]);
        let (roots, _) = name_roots(&[base.join("corpus/asia"), base.join("corpus")], &mut nested);
        let names: Vec<PathBuf> = crate::read::walk_roots(roots).into_iter().map(|r| r.name).collect();
        assert_eq!(names, [Path::new("asia-desk"), Path::new("corpus")]);
    }

    #[test]
    fn a_known_folder_inside_a_new_one_is_walked_under_its_known_name() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(base.join("news/corpus/asia")).unwrap();
        let mut known = Roots::from([
            ("corpus".to_string(), base.join("news/corpus")),
            ("asia-desk".to_string(), base.join("news/corpus/asia")),
        ]);
        let (roots, renamed) = name_roots(&[base.join("news")], &mut known);
        let mut roots: Vec<(PathBuf, PathBuf, Vec<PathBuf>)> =
            roots.into_iter().map(|r| (r.name, r.path, r.skip)).collect();
        roots.sort();
        let news = base.join("news");
        assert_eq!(
            roots,
            [
                (news.clone(), news.clone(), vec![news.join("corpus")]),
                ("asia-desk".into(), news.join("corpus/asia"), vec![]),
                ("corpus".into(), news.join("corpus"), vec![news.join("corpus/asia")]),
            ]
        );
        assert_eq!(renamed.len(), 2, "{renamed:?}");
        assert!(known.contains_key(news.to_str().unwrap()));
    }

    #[test]
    fn a_missing_root_keeps_its_name_and_is_not_remembered() {
        let mut known = Roots::new();
        let (roots, renamed) = name_roots(&[PathBuf::from("/no/such/folder/")], &mut known);
        assert_eq!(roots, [WalkRoot::as_given("/no/such/folder")]);
        assert!(renamed.is_empty() && known.is_empty());
    }
}
