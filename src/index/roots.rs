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
//! A folder that holds a known root under another name (`/srv/news` when `corpus` is known) is
//! a new root: its files are named under the new name, so that folder is indexed a second time.

use std::path::{Path, PathBuf};

use crate::index::manifest::Roots;
use crate::read::{normalize_root, WalkRoot};

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
        if let Some(known_at) = known.get_mut(name) {
            *known_at = at;
            roots.push(WalkRoot::as_given(path));
            continue;
        }
        match known_name(&at, known) {
            Some(name) => {
                renamed.push(Renamed { given: path.clone(), name: name.clone() });
                roots.push(WalkRoot { name, path });
            }
            None => {
                known.insert(name.to_string(), at);
                roots.push(WalkRoot::as_given(path));
            }
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
    Some(if rest.as_os_str().is_empty() {
        PathBuf::from(name)
    } else if name == "." {
        rest.to_path_buf()
    } else {
        Path::new(name).join(rest)
    })
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
        let names: Vec<&Path> = roots.iter().map(|r| r.name.as_path()).collect();
        assert_eq!(names, [Path::new("asia-desk"), Path::new("corpus")]);
    }

    #[test]
    fn a_missing_root_keeps_its_name_and_is_not_remembered() {
        let mut known = Roots::new();
        let (roots, renamed) = name_roots(&[PathBuf::from("/no/such/folder/")], &mut known);
        assert_eq!(roots, [WalkRoot::as_given("/no/such/folder")]);
        assert!(renamed.is_empty() && known.is_empty());
    }
}
