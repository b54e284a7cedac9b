//! Export: an archive's enriched passages as documents for a distributed engine (Quickwit or
//! OpenSearch), for archives that outgrow one machine. casefile never runs a cluster of its own:
//! it reads and enriches, and the engine indexes and serves.
//!
//! An export is a folder: the engine's index definition (`index-config.yaml` for Quickwit,
//! `index.json` for OpenSearch), the documents as NDJSON in chunks small enough for one request
//! each, `load.sh` to load them with curl, and `export.json` saying what was exported. The folder
//! is written under a temporary name and renamed when complete, so an interrupted export never
//! leaves a folder that looks whole.
//!
//! ```
//! use std::sync::atomic::AtomicBool;
//! use casefile::export::{self, Engine, ExportOptions};
//! use casefile::Config;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let work = std::env::temp_dir().join(format!("casefile-export-doc-{}", std::process::id()));
//! std::fs::create_dir_all(work.join("archive"))?;
//! std::fs::write(
//!     work.join("archive/seoul.md"),
//!     "---\nid: \"seoul\"\ntitle: \"Warning in Seoul\"\npublished: 2025-01-06\n---\n\
//!      Antony Blinken said Moscow intends to share satellite technology with Pyongyang.\n",
//! )?;
//! let config = Config::builtin();
//! let options = ExportOptions::new(Engine::OpenSearch, vec![work.join("archive")], work.join("out"), &config);
//! let summary = export::run(&config, &options, &(), &AtomicBool::new(false))?;
//! assert_eq!((summary.articles, summary.passages), (1, 1));
//! let bulk = std::fs::read_to_string(work.join("out/bulk-00001.ndjson"))?;
//! assert!(bulk.starts_with(r#"{"index":{"_id":"seoul#0","_index":"casefile"}}"#));
//! # std::fs::remove_dir_all(&work)?;
//! # Ok(())
//! # }
//! ```

mod chunks;
mod document;
pub mod engines;

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

pub use document::{document_id, documents, ExportDocument};
pub use engines::{FieldKind, FieldSpec, FIELDS};

use crate::config::Config;
use crate::enrich::Enricher;
use crate::error::{Error, Result};
use crate::index::{Progress, SkippedFile};
use crate::read::{self, ReadOptions, SkipReason, WalkOptions, Walked};
use chunks::Chunks;

/// The engine an export is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Quickwit (built on tantivy): an index config and NDJSON for its ingest API.
    Quickwit,
    /// OpenSearch (or Elasticsearch): an index body and `_bulk` request bodies.
    OpenSearch,
}

/// How an export behaves.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The engine.
    pub engine: Engine,
    /// Files and folders to export.
    pub paths: Vec<PathBuf>,
    /// The folder to write; it must not exist, or be empty.
    pub out: PathBuf,
    /// The engine's index name: 3 to 100 characters of `a-z`, `0-9`, `-` and `_`, starting with
    /// a letter (what both engines accept).
    pub index_name: String,
    /// The largest chunk file, in bytes (one request each; Quickwit's ingest API takes 10 MiB by
    /// default). A single document larger than this gets a chunk of its own.
    pub chunk_bytes: usize,
    /// Walking options.
    pub walk: WalkOptions,
    /// Reading options.
    pub read: ReadOptions,
}

impl ExportOptions {
    /// Defaults: index `casefile`, chunks of 8 MiB, files up to `config`'s size limit.
    pub fn new(engine: Engine, paths: Vec<PathBuf>, out: PathBuf, config: &Config) -> ExportOptions {
        ExportOptions {
            engine,
            paths,
            out,
            index_name: "casefile".to_string(),
            chunk_bytes: 8 << 20,
            walk: WalkOptions::default(),
            read: ReadOptions { max_file_size: config.settings.read.max_file_mb << 20 },
        }
    }
}

/// What an export did; also written to the export's `export.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    /// The casefile version that wrote it.
    pub casefile: &'static str,
    /// The engine.
    pub engine: Engine,
    /// The engine's index name.
    pub index: String,
    /// The export folder.
    pub out: PathBuf,
    /// Articles exported.
    pub articles: usize,
    /// Documents (passages) exported.
    pub passages: usize,
    /// Files read.
    pub files: usize,
    /// Chunk files written.
    pub chunks: usize,
    /// Bytes of documents written (with the bulk action lines for OpenSearch).
    pub bytes: u64,
    /// Files left out whole, with the reason, in walk order.
    pub skipped: Vec<SkippedFile>,
    /// Problems inside files that were exported (a bad JSON Lines record, a duplicated article
    /// id), in walk order.
    pub problems: Vec<SkippedFile>,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// Files read and enriched in parallel before their documents are written: bounds the memory an
/// export holds, whatever the archive's size.
const BATCH_FILES: usize = 256;

/// Reads and enriches every article under `options.paths` and writes the export folder,
/// reporting to `progress` (`&()` for none) as files are done.
///
/// A file that cannot be read is reported in [`ExportSummary::skipped`] and costs only itself;
/// so does an article whose id an earlier article already had (its documents would replace the
/// earlier one's in the engine).
///
/// # Errors
/// When the index name is invalid, a path does not exist, the output folder exists and is not
/// empty, or the folder cannot be written; [`Error::Interrupted`] when `stop` is set (the
/// partial folder is removed).
pub fn run(
    config: &Config,
    options: &ExportOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<ExportSummary> {
    let started = Instant::now();
    check_index_name(&options.index_name)?;
    for p in &options.paths {
        if !p.exists() {
            return Err(Error::Invalid(format!(
                "{}: no such file or folder (give the archive's files or folders: casefile export --to ENGINE PATH...)",
                p.display()
            )));
        }
    }
    let out = &options.out;
    if out.is_file()
        || (out.is_dir() && std::fs::read_dir(out).map_err(|e| Error::io(out, e))?.next().is_some())
    {
        return Err(Error::Invalid(format!(
            "{}: already exists and is not empty; give a new folder (an export never mixes with another)",
            out.display()
        )));
    }
    let enricher = Enricher::new(config)?;
    let partial = partial_folder(out);
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(|e| Error::io(&partial, e))?;
    }
    std::fs::create_dir_all(&partial).map_err(|e| Error::io(&partial, e))?;
    let written = write_all(&enricher, options, &partial, progress, stop);
    let mut summary = match written {
        Ok(summary) => summary,
        Err(e) => {
            // Best effort: the error that stopped the export is the one worth reporting.
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    summary.seconds = started.elapsed().as_secs_f64();
    let json = serde_json::to_string_pretty(&summary).map_err(|e| Error::Invalid(e.to_string()))?;
    let manifest = partial.join("export.json");
    std::fs::write(&manifest, json + "\n").map_err(|e| Error::io(&manifest, e))?;
    if out.is_dir() {
        std::fs::remove_dir(out).map_err(|e| Error::io(out, e))?;
    }
    std::fs::rename(&partial, out).map_err(|e| Error::io(out, e))?;
    Ok(summary)
}

/// Where an export to `out` is written until it is complete: a hidden sibling.
fn partial_folder(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    out.with_file_name(format!(".{name}.partial"))
}

fn check_index_name(name: &str) -> Result<()> {
    let ok = (3..=100).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "index name `{name}`: use 3 to 100 characters of a-z, 0-9, - and _, starting with a letter (what Quickwit and OpenSearch both accept)"
        )))
    }
}

/// One file's part of the export, made on a worker thread.
struct FileOut {
    path: PathBuf,
    /// Each article's id, its documents' NDJSON (with action lines for OpenSearch) and their
    /// number.
    articles: Vec<(String, String, usize)>,
    skipped: Option<SkippedFile>,
    problems: Vec<SkippedFile>,
}

fn write_all(
    enricher: &Enricher,
    options: &ExportOptions,
    folder: &Path,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<ExportSummary> {
    let (definition, definition_name, prefix) = match options.engine {
        Engine::Quickwit => (engines::quickwit_config(&options.index_name), "index-config.yaml", "documents"),
        Engine::OpenSearch => (opensearch_definition(), "index.json", "bulk"),
    };
    let path = folder.join(definition_name);
    std::fs::write(&path, definition).map_err(|e| Error::io(&path, e))?;
    write_script(folder, options)?;

    let walked = read::walk(&options.paths, &options.walk);
    progress.start(walked.len() as u64);
    let mut chunks = Chunks::new(folder, prefix, options.chunk_bytes);
    let mut first_seen: HashMap<String, PathBuf> = HashMap::new();
    let mut summary = ExportSummary {
        casefile: env!("CARGO_PKG_VERSION"),
        engine: options.engine,
        index: options.index_name.clone(),
        out: options.out.clone(),
        articles: 0,
        passages: 0,
        files: 0,
        chunks: 0,
        bytes: 0,
        skipped: Vec::new(),
        problems: Vec::new(),
        seconds: 0.0,
    };
    for batch in walked.chunks(BATCH_FILES) {
        if stop.load(Ordering::Relaxed) {
            return Err(Error::Interrupted(format!(
                "export stopped after {} files; nothing was kept",
                summary.files
            )));
        }
        let outs: Vec<FileOut> = batch.par_iter().map(|w| export_file(enricher, options, w)).collect();
        progress.advance(outs.len() as u64, outs.iter().map(|f| f.articles.len() as u64).sum());
        for file in outs {
            summary.files += 1;
            summary.skipped.extend(file.skipped);
            summary.problems.extend(file.problems);
            for (id, ndjson, passages) in file.articles {
                if let Some(first) = first_seen.get(&id) {
                    summary.problems.push(problem(
                        &file.path,
                        "duplicate_id",
                        format!(
                            "article id `{id}` was already exported from {}; this copy is left out",
                            first.display()
                        ),
                        None,
                    ));
                    continue;
                }
                first_seen.insert(id, file.path.clone());
                chunks.push(&ndjson)?;
                summary.articles += 1;
                summary.passages += passages;
            }
        }
    }
    let (count, bytes) = chunks.finish()?;
    summary.chunks = count;
    summary.bytes = bytes;
    Ok(summary)
}

fn problem(path: &Path, reason: &str, message: String, line: Option<usize>) -> SkippedFile {
    SkippedFile { path: path.to_string_lossy().into_owned(), reason: reason.to_string(), message, line }
}

fn export_file(enricher: &Enricher, options: &ExportOptions, walked: &Walked) -> FileOut {
    let skip = |path: &Path, reason: &SkipReason| Some(problem(path, reason.key(), reason.to_string(), None));
    let path = match walked {
        Walked::File { source, .. } => source,
        Walked::Skipped { path, reason } => {
            return FileOut {
                path: path.clone(),
                articles: Vec::new(),
                skipped: skip(path, reason),
                problems: Vec::new(),
            };
        }
    };
    let read = read::read_file(path, &options.read);
    let mut problems: Vec<SkippedFile> = read
        .problems
        .iter()
        .map(|p| {
            problem(path, if p.line.is_some() { "bad_record" } else { "decoding" }, p.message.clone(), p.line)
        })
        .collect();
    let skipped = read.skipped.as_ref().and_then(|reason| skip(path, reason));
    let mut articles = Vec::with_capacity(read.articles.len());
    for article in &read.articles {
        // A bug that panics on one article costs that article only.
        let exported =
            std::panic::catch_unwind(AssertUnwindSafe(|| article_ndjson(enricher, options, article)));
        match exported {
            Ok((ndjson, passages)) => articles.push((article.id.clone(), ndjson, passages)),
            Err(panic) => problems.push(problem(
                path,
                "internal_error",
                format!(
                    "article {} failed ({}); this is a bug, please report it with the file",
                    article.id,
                    crate::error::panic_message(&*panic)
                ),
                None,
            )),
        }
    }
    FileOut { path: path.clone(), articles, skipped, problems }
}

/// The NDJSON of one article's documents (each preceded by its action line for OpenSearch), and
/// how many there are.
fn article_ndjson(enricher: &Enricher, options: &ExportOptions, article: &crate::Article) -> (String, usize) {
    let annotations = enricher.enrich(article);
    let docs = documents(article, &annotations);
    let mut ndjson = String::new();
    for doc in &docs {
        if options.engine == Engine::OpenSearch {
            ndjson.push_str(&engines::opensearch_action(&options.index_name, &doc.id));
            ndjson.push('\n');
        }
        // An `ExportDocument` holds only strings, numbers and lists of them, which serialize.
        ndjson.push_str(&serde_json::to_string(doc).unwrap_or_default());
        ndjson.push('\n');
    }
    (ndjson, docs.len())
}

fn opensearch_definition() -> String {
    // A `serde_json::Value` always serializes.
    serde_json::to_string_pretty(&engines::opensearch_index_body()).unwrap_or_default() + "\n"
}

/// Writes `load.sh`, executable where the platform has permissions.
fn write_script(folder: &Path, options: &ExportOptions) -> Result<()> {
    let script = match options.engine {
        Engine::Quickwit => engines::quickwit_load_script(&options.index_name),
        Engine::OpenSearch => engines::opensearch_load_script(&options.index_name),
    };
    let path = folder.join("load.sh");
    std::fs::write(&path, script).map_err(|e| Error::io(&path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}
