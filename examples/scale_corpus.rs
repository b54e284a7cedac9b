//! Generates a deterministic synthetic archive at scale for the benchmarks.
//!
//! ```sh
//! cargo run --release --example scale_corpus -- --source ../shared/data/newswire --out /tmp/scale20k --count 20000 --seed 1
//! cargo run --release --example scale_corpus -- --count 20000 --seed 1 --jsonl /tmp/scale20k.ndjson
//! ```
//!
//! Articles are recombined from the paragraphs and sentences of the source folder (read with
//! casefile's reader), with names and places swapped among those seen, years shifted and days
//! redrawn, and body lengths sampled from the source. `.txt` files with front matter (`id`,
//! `title`, `source`, `published`) go to `--out`, 1000 per subfolder; `--jsonl` writes the same
//! articles as NDJSON `{"id","title","body"}` (for tantivy-cli). The same seed gives the same bytes.

#[path = "../benches/support/scale.rs"]
mod scale;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Generates a deterministic synthetic archive from a source folder.
#[derive(Debug, Parser)]
struct Args {
    /// Folder of articles to sample from (`../shared/data/newswire` is the most realistic mix).
    #[arg(long, default_value = "corpus")]
    source: PathBuf,
    /// Folder to write `.txt` articles to (must be new or empty).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write the articles as NDJSON `{"id","title","body"}` to this file.
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Number of articles.
    #[arg(long, default_value_t = 20_000)]
    count: usize,
    /// PRNG seed: the same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.out.is_none() && args.jsonl.is_none() {
        eprintln!("scale_corpus: give --out DIR and/or --jsonl FILE");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let source = match scale::Source::load(&args.source) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("scale_corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let loaded = started.elapsed();
    match scale::write_corpus(&source, args.out.as_deref(), args.jsonl.as_deref(), args.count, args.seed) {
        Ok(w) => {
            eprintln!(
                "scale_corpus: {} articles ({:.1} MB of bodies, {:.1} MB of .txt) from {} source articles of {} in {:.2}s (source read in {:.2}s)",
                w.articles,
                w.body_bytes as f64 / 1e6,
                w.text_bytes as f64 / 1e6,
                source.articles(),
                args.source.display(),
                started.elapsed().as_secs_f64(),
                loaded.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scale_corpus: {e}");
            ExitCode::from(2)
        }
    }
}
