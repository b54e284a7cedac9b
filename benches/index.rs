//! Indexing throughput of whole `casefile index` runs on a generated corpus.
//!
//! ```sh
//! CASEFILE_BENCH_N=20000 cargo bench --bench index
//! ```
//!
//! Generates `CASEFILE_BENCH_N` articles (default 20,000; sampled from `../shared/data/newswire`,
//! else `corpus/`; seed 1), then runs the release binary with 1 and 2 threads (`--threads N`, so
//! reading, enrichment and tantivy's writer all get N; pinned to N cores with `taskset` when it is
//! installed), with and without enrichment, each into a fresh index, and reports MB/s of corpus
//! files, articles/s, index size relative to the corpus, and peak RSS (`/usr/bin/time -v`, else `/proc/<pid>/status` VmHWM).
//! Then, on the last enriched index, a no-op rerun and a rerun after changing 1% of the files,
//! relative to the full run.
//!
//! `CASEFILE_BENCH_DIR=DIR` keeps the corpus and indexes under `DIR/index` (reused by later runs);
//! `CASEFILE_BENCH_THREADS=1,2` chooses the thread counts.

#[path = "support/mod.rs"]
mod support;

use std::path::Path;

use serde_json::Value;
use support::measure;

/// One full indexing run and what it measured.
struct Full {
    threads: usize,
    enrich: bool,
    secs: f64,
    rss: Option<f64>,
    articles: u64,
    passages: u64,
    index_bytes: u64,
}

fn index_args(corpus: &Path, index: &Path, threads: usize, enrich: bool) -> Vec<String> {
    let mut args: Vec<String> = vec![
        "index".into(),
        corpus.display().to_string(),
        "--index".into(),
        index.display().to_string(),
        "--json".into(),
        "--quiet".into(),
        "--threads".into(),
        threads.to_string(),
    ];
    if !enrich {
        args.push("--no-enrich".into());
    }
    args
}

/// Runs `casefile index` in `cwd` and returns the measurement and its JSON summary.
///
/// `cwd` is the scratch folder, which has no `index-config/`: the binary uses its compiled-in
/// configuration, so edits to the working tree's data files cannot change the fingerprint (and
/// force a rebuild) between runs.
///
/// With `taskset` installed, a run of N threads is also pinned to N cores (the first N): with
/// `--threads 1`, tantivy's indexing thread would otherwise run beside the reading thread on a
/// second core, and "one thread" would not be one core's work.
fn run_index(args: &[String], threads: usize, cwd: &Path) -> (measure::Timed, Value) {
    let env = [("RAYON_NUM_THREADS", threads.to_string())];
    let taskset = Path::new("/usr/bin/taskset");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let timed = if taskset.exists() && (1..=cores).contains(&threads) {
        let mut pinned = vec![
            "-c".to_string(),
            format!("0-{}", threads - 1),
            support::casefile_bin().display().to_string(),
        ];
        pinned.extend_from_slice(args);
        measure::run(taskset, &pinned, cwd, &env)
    } else {
        measure::run(&support::casefile_bin(), args, cwd, &env)
    }
    .unwrap_or_else(|e| fail(&e));
    if timed.code != Some(0) {
        fail(&format!("casefile index exited with {:?}: {}", timed.code, timed.stderr.trim()));
    }
    let summary = serde_json::from_str(timed.stdout.trim()).unwrap_or(Value::Null);
    (timed, summary)
}

fn fail(message: &str) -> ! {
    eprintln!("index bench: {message}");
    std::process::exit(2);
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!(
            "index bench: run with `cargo bench --bench index` (tests/bench_smoke.rs covers it at tiny N)"
        );
        return;
    }
    let n = support::bench_n(20_000);
    let threads: Vec<usize> = std::env::var("CASEFILE_BENCH_THREADS")
        .ok()
        .map(|v| v.split(',').filter_map(|t| t.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2]);
    let (dir, _guard) = support::scratch("index");
    let corpus = dir.join(format!("corpus-{n}"));
    let started = std::time::Instant::now();
    let written = support::corpus(&corpus, n, 1).unwrap_or_else(|e| fail(&e));
    let corpus_bytes = measure::dir_size(&corpus);
    let budget = casefile::Config::builtin().settings.index.memory_mb as f64;
    println!(
        "index bench: {} articles, {:.1} MB of .txt files, generated from {} in {:.1}s; writer budget {budget:.0} MB; {} cores",
        written.articles,
        corpus_bytes as f64 / 1e6,
        support::source_dir().display(),
        started.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |p| p.get()),
    );

    let mut fulls = Vec::new();
    let mut last_index = None;
    for enrich in [true, false] {
        for &t in &threads {
            let index = dir.join(format!("idx-{}-t{t}", if enrich { "enrich" } else { "plain" }));
            let _ = std::fs::remove_dir_all(&index);
            let (timed, summary) = run_index(&index_args(&corpus, &index, t, enrich), t, &dir);
            let full = Full {
                threads: t,
                enrich,
                secs: timed.wall.as_secs_f64(),
                rss: timed.peak_rss_mb,
                articles: summary["articles"].as_u64().unwrap_or(0),
                passages: summary["passages"].as_u64().unwrap_or(0),
                index_bytes: measure::dir_size(&index),
            };
            print_full(&full, corpus_bytes);
            if enrich {
                last_index = Some((index, t));
            }
            fulls.push(full);
        }
    }

    println!("\nratios:");
    for enrich in [true, false] {
        let find = |t: usize| fulls.iter().find(|f| f.enrich == enrich && f.threads == t).map(|f| f.secs);
        if let (Some(one), Some(two)) = (find(1), find(2)) {
            let speedup = one / two;
            let verdict = if speedup >= 1.7 { "met" } else { "MISSED" };
            println!(
                "  {}: 2 threads are {speedup:.3}x as fast as 1 (target >= 1.7x: {verdict})",
                if enrich { "with enrichment   " } else { "without enrichment" }
            );
        }
    }
    for &t in &threads {
        let secs = |e: bool| fulls.iter().find(|f| f.enrich == e && f.threads == t).map(|f| f.secs);
        if let (Some(e), Some(p)) = (secs(true), secs(false)) {
            println!("  {t} thread(s): enrichment makes indexing take {:.2}x the time", e / p);
        }
    }
    for f in &fulls {
        if let Some(rss) = f.rss {
            let verdict = if rss < budget + 150.0 { "met" } else { "MISSED" };
            println!(
                "  peak RSS {rss:.0} MB ({} threads, {}) vs budget + 150 MB = {:.0} MB: {verdict}",
                f.threads,
                if f.enrich { "enriched" } else { "plain" },
                budget + 150.0
            );
        }
    }

    let Some((index, t)) = last_index else { return };
    let Some(full) = fulls.iter().find(|f| f.enrich && f.threads == t) else { return };
    let args = index_args(&corpus, &index, t, true);
    let (noop, s) = run_index(&args, t, &dir);
    let noop_secs = noop.wall.as_secs_f64();
    let verdict = if noop_secs <= 0.1 * full.secs { "met" } else { "MISSED" };
    println!(
        "\nno-op rerun ({t} threads, enriched): {noop_secs:.2}s = {:.1}% of the full run ({} unchanged; target <= 10%: {verdict})",
        100.0 * noop_secs / full.secs,
        s["unchanged"]
    );

    // Change 1% of the files (every 100th): append a paragraph of our own.
    let files = support::text_files(&corpus);
    let changed: Vec<_> = files.iter().step_by(100).collect();
    let mut originals = Vec::new();
    for path in &changed {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let edited =
            format!("{text}\nOfficials said the talks would resume in Geneva after a short pause.\n");
        std::fs::write(path, edited).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        originals.push(text);
    }
    let (changed_run, s) = run_index(&args, t, &dir);
    let secs = changed_run.wall.as_secs_f64();
    println!(
        "1%-changed rerun ({} files, {t} threads, enriched): {secs:.2}s = {:.1}% of the full run ({} updated, {} unchanged)",
        changed.len(),
        100.0 * secs / full.secs,
        s["updated"],
        s["unchanged"]
    );
    // Put the corpus back, so a kept corpus (CASEFILE_BENCH_DIR) stays the seed's corpus.
    for (path, text) in changed.iter().zip(originals) {
        let _ = std::fs::write(path, text);
    }
    let _ = std::fs::remove_dir_all(&index);
}

fn print_full(f: &Full, corpus_bytes: u64) {
    println!(
        "full run, {} thread(s), {:<8}: {:>7.2}s {:>6.2} MB/s {:>7.0} articles/s; {} articles, {} passages; index {:.1} MB = {:.2}x corpus; peak RSS {}",
        f.threads,
        if f.enrich { "enriched" } else { "plain" },
        f.secs,
        corpus_bytes as f64 / 1e6 / f.secs,
        f.articles as f64 / f.secs,
        f.articles,
        f.passages,
        f.index_bytes as f64 / 1e6,
        f.index_bytes as f64 / corpus_bytes.max(1) as f64,
        measure::mb(f.rss)
    );
}
