//! Query latency for the analyst query set (`benches/queries.tsv`: single terms, several terms,
//! phrases, boolean queries, actor/topic/date filters, quotation searches).
//!
//! ```sh
//! CASEFILE_BENCH_N=20000 cargo bench --bench query
//! ```
//!
//! Builds an enriched index of a generated corpus of `CASEFILE_BENCH_N` articles (default 20,000;
//! seed 1), or uses the one at `CASEFILE_BENCH_INDEX`, then measures p50/p99 latency
//! - in process: one warm `Searcher` (and actor resolver), every query run
//!   `CASEFILE_BENCH_ROUNDS` times (default 20) after one warm-up round;
//! - as whole `casefile search --json` processes (start-up, opening the index, printing),
//!   `CASEFILE_BENCH_PROCESS_ROUNDS` times each (default 5).
//!
//! `CASEFILE_BENCH_ONLY=LABEL` runs only the queries whose label (as the report prints it, e.g.
//! `sanctions` or `talks --actor PRK`) contains LABEL: one query run many times, for a profiler.
//! Several labels separated by `|` run the queries matching any of them, in turn; a label
//! written `=LABEL` matches that label exactly (`=sanctions`, not `sanctions --actor IRN`).
//!
//! `CASEFILE_BENCH_PLAIN_OUT=FILE` writes the plain queries (those another engine can run: no
//! filters, no casefile-only fields) with their in-process median in µs, for `benches/compare.sh`.

#[path = "support/mod.rs"]
mod support;

// The allocator the `casefile` binary ships with (src/main.rs), so that in-process figures are
// those of the program whose whole-process figures follow. With the system allocator, freeing and
// re-allocating the searcher's per-query buffers was a fifth of a single-word query's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use casefile::enrich::ActorExtractor;
use casefile::index::{writer, IndexOptions, IndexRoot};
use casefile::search::Searcher;
use casefile::Config;
use support::{measure, queries};

fn fail(message: &str) -> ! {
    eprintln!("query bench: {message}");
    std::process::exit(2);
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!(
            "query bench: run with `cargo bench --bench query` (tests/bench_smoke.rs covers it at tiny N)"
        );
        return;
    }
    let config = Config::builtin();
    let (dir, _guard) = support::scratch("query");
    let root = match std::env::var_os("CASEFILE_BENCH_INDEX") {
        Some(path) => IndexRoot::new(PathBuf::from(path)),
        None => {
            let n = support::bench_n(20_000);
            let corpus = dir.join(format!("corpus-{n}"));
            support::corpus(&corpus, n, 1).unwrap_or_else(|e| fail(&e));
            let root = IndexRoot::new(dir.join(format!("index-{n}")));
            if !root.exists() {
                let started = Instant::now();
                let options = IndexOptions::new(vec![corpus], &config);
                let summary = writer::run(&root, &config, &options, &(), &AtomicBool::new(false))
                    .unwrap_or_else(|e| fail(&e.to_string()));
                println!(
                    "query bench: indexed {} articles ({} passages) in {:.1}s",
                    summary.articles,
                    summary.passages,
                    started.elapsed().as_secs_f64()
                );
            }
            root
        }
    };
    let only = std::env::var("CASEFILE_BENCH_ONLY").unwrap_or_default();
    let set: Vec<_> = queries::all()
        .into_iter()
        .filter(|q| only.split('|').any(|o| matches_label(o, &q.label())))
        .collect();
    if set.is_empty() {
        fail(&format!("CASEFILE_BENCH_ONLY={only}: no query of benches/queries.tsv has this in its label"));
    }
    let open = root.open(&config).unwrap_or_else(|e| fail(&e.to_string()));
    // Latency depends on how many segments a query visits.
    let segments = open.index.searchable_segment_metas().unwrap_or_default();
    let docs: u32 = segments.iter().map(|m| m.num_docs()).sum();
    let searcher = Searcher::new(open, &config).unwrap_or_else(|e| fail(&e.to_string()));
    let actors = ActorExtractor::from_config(&config).unwrap_or_else(|e| fail(&e.to_string()));
    let resolve = |name: &str| actors.resolve(name);
    let requests: Vec<_> = set.iter().map(|q| q.request(&config).unwrap_or_else(|e| fail(&e))).collect();
    println!(
        "query bench: {} queries over {} ({docs} documents in {} segments)",
        set.len(),
        root.path().display(),
        segments.len()
    );

    // In process, warm.
    let rounds = env_usize("CASEFILE_BENCH_ROUNDS", 20).max(1);
    let mut totals = vec![0usize; set.len()];
    for (i, r) in requests.iter().enumerate() {
        let results =
            searcher.search(r, &resolve).unwrap_or_else(|e| fail(&format!("{}: {e}", set[i].label())));
        totals[i] = results.total;
    }
    let mut per_query: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); set.len()];
    for _ in 0..rounds {
        for (i, r) in requests.iter().enumerate() {
            let t = Instant::now();
            let results = searcher.search(r, &resolve);
            per_query[i].push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(results.ok());
        }
    }
    println!("\nin process (warm Searcher), {rounds} rounds: median ms per query");
    for (i, q) in set.iter().enumerate() {
        println!(
            "  {:>8.3} ms  p99 {:>8.3} ms  {:>7} matches  {}",
            measure::percentile(&per_query[i], 50.0),
            measure::percentile(&per_query[i], 99.0),
            totals[i],
            q.label()
        );
    }
    let all: Vec<f64> = per_query.iter().flatten().copied().collect();
    let p50 = measure::percentile(&all, 50.0);
    let p99 = measure::percentile(&all, 99.0);
    println!(
        "in process: p50 {p50:.3} ms, p99 {p99:.3} ms over {} searches (target p50 < 2 ms: {})",
        all.len(),
        if p50 < 2.0 { "met" } else { "MISSED" }
    );

    if let Some(out) = std::env::var_os("CASEFILE_BENCH_PLAIN_OUT") {
        let mut tsv = String::new();
        for (i, q) in set.iter().enumerate().filter(|(_, q)| q.is_plain()) {
            tsv.push_str(&format!("{}\t{:.1}\n", q.query, measure::percentile(&per_query[i], 50.0) * 1e3));
        }
        std::fs::write(&out, tsv)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", PathBuf::from(&out).display())));
    }

    // Whole processes.
    let process_rounds = env_usize("CASEFILE_BENCH_PROCESS_ROUNDS", 5).max(1);
    let bin = support::casefile_bin();
    let mut walls: Vec<Vec<f64>> = vec![Vec::with_capacity(process_rounds); set.len()];
    for _ in 0..process_rounds {
        for (i, q) in set.iter().enumerate() {
            let args = q.command_args(root.path());
            let t = Instant::now();
            let out = std::process::Command::new(&bin)
                .args(&args)
                // The scratch folder has no index-config/: the compiled-in configuration is used,
                // as for the index built above.
                .current_dir(&dir)
                .output()
                .unwrap_or_else(|e| fail(&format!("{}: {e}", bin.display())));
            walls[i].push(t.elapsed().as_secs_f64() * 1e3);
            if !matches!(out.status.code(), Some(0 | 1)) {
                fail(&format!(
                    "`casefile {}` failed: {}",
                    args.join(" "),
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
    }
    println!("\nwhole `casefile search --json` processes, {process_rounds} rounds: median ms per query");
    for (i, q) in set.iter().enumerate() {
        println!("  {:>8.1} ms  {}", measure::percentile(&walls[i], 50.0), q.label());
    }
    // The CLI builds the actor gazetteer only to resolve names (--actor, --speaker, actor:), so
    // those queries are reported apart.
    let resolves = |q: &queries::BenchQuery| {
        q.query.contains("actor:") || q.filters.iter().any(|(k, _)| k == "actor" || k == "speaker")
    };
    for (label, want) in [("resolving actor names", true), ("other queries", false)] {
        let group: Vec<f64> = set
            .iter()
            .zip(&walls)
            .filter(|(q, _)| resolves(q) == want)
            .flat_map(|(_, w)| w.clone())
            .collect();
        println!(
            "  {label}: p50 {:.1} ms, p99 {:.1} ms over {} runs",
            measure::percentile(&group, 50.0),
            measure::percentile(&group, 99.0),
            group.len()
        );
    }
    let all: Vec<f64> = walls.iter().flatten().copied().collect();
    let p50 = measure::percentile(&all, 50.0);
    let p99 = measure::percentile(&all, 99.0);
    println!(
        "whole processes: p50 {p50:.1} ms, p99 {p99:.1} ms over {} runs (target p99 < 50 ms on 200k articles: {})",
        all.len(),
        if p99 < 50.0 { "met at this N" } else { "MISSED at this N" }
    );
}

/// Whether `CASEFILE_BENCH_ONLY`'s part `wanted` picks the query labelled `label`.
fn matches_label(wanted: &str, label: &str) -> bool {
    match wanted.strip_prefix('=') {
        Some(exact) => label == exact,
        None => label.contains(wanted),
    }
}
