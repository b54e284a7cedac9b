//! Code shared by the benchmarks (`benches/*.rs`) and their smoke test (`tests/bench_smoke.rs`):
//! the scale-corpus generator, the query set, and the measuring of whole `casefile` runs.
//!
//! Each bench target includes this folder with `#[path]`; not every target uses every function.
#![allow(dead_code)]

pub mod measure;
pub mod queries;
pub mod scale;

use std::path::{Path, PathBuf};

/// The crate's root folder.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `casefile` binary cargo built for this bench or test (release for `cargo bench`).
pub fn casefile_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_casefile"))
}

/// `../shared/data/newswire` when present (the realistic mix), else `None`.
pub fn newswire() -> Option<PathBuf> {
    let dir = crate_dir().join("../shared/data/newswire");
    dir.is_dir().then_some(dir)
}

/// The folder generated corpora are sampled from: `CASEFILE_BENCH_SOURCE`, else the newswire
/// folder, else the project's own `corpus/`.
pub fn source_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CASEFILE_BENCH_SOURCE") {
        return PathBuf::from(dir);
    }
    newswire().unwrap_or_else(|| crate_dir().join("corpus"))
}

/// `CASEFILE_BENCH_N`, else `default`.
pub fn bench_n(default: usize) -> usize {
    std::env::var("CASEFILE_BENCH_N").ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

/// A scratch folder for a bench: `CASEFILE_BENCH_DIR/<name>` when set (kept), else under the
/// system temp folder (removed when the returned guard drops).
pub fn scratch(name: &str) -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("CASEFILE_BENCH_DIR") {
        let dir = PathBuf::from(dir).join(name);
        let _ = std::fs::create_dir_all(&dir);
        return (dir, None);
    }
    let tmp = tempfile::Builder::new().prefix(&format!("casefile-{name}-")).tempdir().unwrap_or_else(|e| {
        panic!("cannot create a temporary folder: {e}");
    });
    (tmp.path().to_path_buf(), Some(tmp))
}

/// Generates (or reuses, when already complete) a corpus of `n` articles with `seed` at `dir`.
///
/// # Errors
/// From the generator.
pub fn corpus(dir: &Path, n: usize, seed: u64) -> Result<scale::Written, String> {
    let stamp = dir.join(format!(".complete-{n}-{seed}"));
    if stamp.exists() {
        return Ok(scale::Written { articles: n, text_bytes: measure::dir_size(dir), body_bytes: 0 });
    }
    if dir.exists() {
        // A corpus folder this function made but did not finish: start again.
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let source = scale::Source::load(&source_dir())?;
    let written = scale::write_corpus(&source, Some(dir), None, n, seed)?;
    std::fs::write(&stamp, "").map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(written)
}

/// The `.txt` files under `dir`, in walk order (a generated corpus's articles).
pub fn text_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect()
}

/// The first folders of a generated corpus (`NNN/`, a thousand articles each) that hold its first
/// `articles` articles: the archive of that size, as a list of roots to index.
///
/// # Errors
/// When `articles` is not a whole number of folders, or the corpus has too few.
pub fn first_folders(corpus: &Path, articles: usize) -> Result<Vec<PathBuf>, String> {
    if articles == 0 || !articles.is_multiple_of(scale::PER_FOLDER) {
        return Err(format!("{articles} articles is not a whole number of folders of {}", scale::PER_FOLDER));
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    folders.sort();
    let wanted = articles / scale::PER_FOLDER;
    if folders.len() < wanted {
        return Err(format!("{} holds {} folders, not {wanted}", corpus.display(), folders.len()));
    }
    folders.truncate(wanted);
    Ok(folders)
}
