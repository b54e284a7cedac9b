//! Enrichment throughput, one thread, on the real newswire articles of `../shared/data/newswire`
//! (skipped with a message when absent): full enrichment (passages, actors, dates, quotes, topics)
//! against splitting into passages only.
//!
//! ```sh
//! cargo bench --bench enrich
//! ```
//!
//! criterion reports MB/s (decimal) per pass over the whole folder; after it, a plain timed run
//! (best of 5 passes) prints articles/s and MB/s, the cost of enrichment over passages only, the
//! target (>= 2,000 articles/s per core for all enrichers together, on ~500-word articles), and
//! enrichment on all cores (rayon) against one, to tell enrichment's scaling from indexing's, and
//! the time of each enricher alone (passages, actors, dates, quotes, topics), to tell where
//! enrichment's time goes.
//!
//! With `CASEFILE_ENRICH_PASSES=N` it only enriches every article N times and prints the time per
//! article: a run for a profiler. Instructions counted by callgrind do not move with the load of a
//! shared machine, so they compare two builds to a fraction of a percent:
//!
//! ```sh
//! cargo bench --bench enrich --no-run   # prints the bench binary's path
//! CASEFILE_ENRICH_PASSES=1 valgrind --tool=callgrind \
//!   --toggle-collect='casefile::enrich::Enricher::enrich' target/release/deps/enrich-HASH --bench
//! ```

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use casefile::read::{self, ReadOptions, WalkOptions, Walked};
use casefile::{Article, Config, Enricher};
use criterion::{Criterion, Throughput};
use rayon::prelude::*;

/// The target of the issue: all four enrichers together, per core, in release mode.
const TARGET_ARTICLES_PER_S: f64 = 2_000.0;

fn load(dir: &std::path::Path) -> Vec<Article> {
    let options = ReadOptions::default();
    read::walk(&[dir.to_path_buf()], &WalkOptions::default())
        .into_iter()
        .filter_map(|w| match w {
            Walked::File { path, .. } => Some(read::read_file(&path, &options).articles),
            Walked::Skipped { .. } => None,
        })
        .flatten()
        .collect()
}

/// Seconds of the fastest of `passes` runs of `f` over all articles.
fn best_of(passes: usize, articles: &[Article], f: impl Fn(&Article)) -> f64 {
    (0..passes)
        .map(|_| {
            let t = Instant::now();
            for a in articles {
                f(a);
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let Some(dir) = support::newswire() else {
        eprintln!("enrich: skipped: ../shared/data/newswire is absent");
        return;
    };
    let articles = load(&dir);
    let bytes: u64 = articles.iter().map(|a| a.body.len() as u64).sum();
    let words: usize = articles.iter().map(|a| a.body.split_whitespace().count()).sum();
    let config = Config::builtin();
    let enricher = match Enricher::new(&config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("enrich: the built-in index-config does not load: {e}");
            std::process::exit(2);
        }
    };
    if let Some(passes) = std::env::var("CASEFILE_ENRICH_PASSES").ok().and_then(|p| p.parse::<usize>().ok()) {
        let t = Instant::now();
        for _ in 0..passes {
            for a in &articles {
                black_box(enricher.enrich(black_box(a)));
            }
        }
        let per_article = t.elapsed().as_secs_f64() / (passes * articles.len()).max(1) as f64;
        println!(
            "enrich: {passes} passes over {} articles, {:.1} µs per article",
            articles.len(),
            per_article * 1e6
        );
        return;
    }
    println!(
        "enrich: {} articles, {:.2} MB of bodies, {:.0} words per article, from {}",
        articles.len(),
        bytes as f64 / 1e6,
        words as f64 / articles.len().max(1) as f64,
        dir.display()
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    let mut group = c.benchmark_group("enrich_newswire");
    group.throughput(Throughput::BytesDecimal(bytes));
    group.bench_function("full", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(enricher.enrich(black_box(a)));
            }
        })
    });
    group.bench_function("passages_only", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(enricher.passages(black_box(a)));
            }
        })
    });
    group.finish();
    c.final_summary();

    // `cargo test --benches` runs bench targets without `--bench`: criterion ran each once; the
    // timed summary below is for real runs only.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let full = best_of(5, &articles, |a| {
        black_box(enricher.enrich(a));
    });
    let passages = best_of(5, &articles, |a| {
        black_box(enricher.passages(a));
    });
    // All cores through rayon, to tell how enrichment itself scales from how indexing does.
    let cores = rayon::current_num_threads();
    let parallel = (0..5)
        .map(|_| {
            let t = Instant::now();
            articles.par_iter().for_each(|a| {
                black_box(enricher.enrich(a));
            });
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let n = articles.len() as f64;
    let mb = bytes as f64 / 1e6;
    // Each enricher on its own, to tell where enrichment's time goes.
    let actors: Vec<_> = articles.iter().map(|a| enricher.actors(a)).collect();
    let passages_of: Vec<_> = articles.iter().map(|a| enricher.passages(a)).collect();
    let stage = |f: &dyn Fn(usize)| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                (0..articles.len()).for_each(f);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
            / n
            * 1e6
    };
    let stages = [
        ("actors", stage(&|i| drop(black_box(enricher.actors(&articles[i]))))),
        ("dates", stage(&|i| drop(black_box(enricher.dates(&articles[i]))))),
        ("quotes", stage(&|i| drop(black_box(enricher.quotes(&articles[i], &actors[i]))))),
        ("topics", stage(&|i| drop(black_box(enricher.topics(&articles[i], &passages_of[i], &[]))))),
    ];
    println!("\nenrich summary (best of 5 passes, one thread):");
    println!("  full enrichment: {:>9.0} articles/s {:>7.2} MB/s", n / full, mb / full);
    println!("  passages only:   {:>9.0} articles/s {:>7.2} MB/s", n / passages, mb / passages);
    println!("  enrichment costs {:.1}x the time of passage splitting", full / passages);
    let stages: Vec<String> = std::iter::once(("passages", passages / n * 1e6))
        .chain(stages)
        .map(|(name, us)| format!("{name} {us:.1}"))
        .collect();
    println!("  µs per article, each enricher alone: {}", stages.join(", "));
    println!(
        "  full enrichment on {cores} threads (rayon): {:.0} articles/s = {:.2}x one thread",
        n / parallel,
        full / parallel
    );
    // The target speaks of ~500-word newswire articles; these average fewer words, so the rate is
    // also given per 500 words of text.
    let per_500 = words as f64 / 500.0 / full;
    println!("  full enrichment, normalised to 500-word articles: {per_500:.0} articles/s");
    let verdict = if per_500 >= TARGET_ARTICLES_PER_S { "met" } else { "MISSED" };
    println!(
        "  target >= {TARGET_ARTICLES_PER_S:.0} articles/s per core (500 words each): {verdict} ({:.0} µs per article here)",
        full / n * 1e6
    );
}
