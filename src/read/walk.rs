//! Listing the files of an archive with walkdir.

use std::path::{Path, PathBuf};
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
        /// Its path, as reached from the walked root.
        path: PathBuf,
        /// Size in bytes.
        size: u64,
        /// Modification time, where the platform has one.
        modified: Option<SystemTime>,
    },
    /// Something that could not be walked.
    Skipped {
        /// The path involved.
        path: PathBuf,
        /// Why.
        reason: SkipReason,
    },
}

/// Lists the files under `roots` (a root may itself be a file), sorted by path so runs are
/// deterministic. Hidden files and folders (names starting with `.`) are passed over.
pub fn walk(roots: &[PathBuf], options: &WalkOptions) -> Vec<Walked> {
    let mut out = Vec::new();
    for root in roots {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(options.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let meta = e.metadata().ok();
                    out.push(Walked::File {
                        path: e.path().to_path_buf(),
                        size: meta.as_ref().map_or(0, |m| m.len()),
                        modified: meta.and_then(|m| m.modified().ok()),
                    });
                }
                Ok(e) if e.path_is_symlink() && !options.follow_links => {
                    out.push(Walked::Skipped { path: e.path().to_path_buf(), reason: SkipReason::Symlink })
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let reason = if err.loop_ancestor().is_some() {
                        SkipReason::SymlinkLoop
                    } else {
                        SkipReason::Unreadable(
                            err.io_error().map_or_else(|| err.to_string(), |e| e.to_string()),
                        )
                    };
                    out.push(Walked::Skipped { path, reason });
                }
            }
        }
    }
    out
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}
