//! Peak memory of `casefile index` against the size of the archive.
//!
//! ```sh
//! CASEFILE_BENCH_DIR=/tmp/bench_keep cargo bench --bench memory
//! ```
//!
//! Generates one corpus of the largest size in `CASEFILE_BENCH_SIZES` (default
//! `20000,50000,100000,200000`, each a whole number of thousands; seed 1), whose articles are
//! spread over folders of a thousand. For each size it indexes the first SIZE/1000 folders, with
//! enrichment and with `--no-enrich`, each into a fresh index with the default writer budget and
//! every core, and reports the peak RSS (`/usr/bin/time -v`, else `VmHWM`), the wall time, and each
//! peak as a ratio of the smallest size's and of the size before it. `CASEFILE_BENCH_RUNS` (default
//! 1) repeats each run; every run is printed.
//!
//! What it shows: whether memory grows with the archive. A run holds the writer's budget, the
//! enricher's tables, the batches in flight and segment merges; nothing that grows with the
//! number of files it has seen.

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};

use support::measure;

fn fail(message: &str) -> ! {
    eprintln!("memory bench: {message}");
    std::process::exit(2);
}

/// One indexing run of `roots` into a fresh index under `scratch`: (peak RSS MB, seconds).
fn index(roots: &[PathBuf], enrich: bool, scratch: &Path) -> (Option<f64>, f64) {
    let index = scratch.join("index-memory");
    let _ = std::fs::remove_dir_all(&index);
    let mut args: Vec<String> = vec!["index".into()];
    args.extend(roots.iter().map(|r| r.display().to_string()));
    args.extend(["--index".into(), index.display().to_string(), "--json".into(), "--quiet".into()]);
    if !enrich {
        args.push("--no-enrich".into());
    }
    // In the scratch folder, which has no `index-config/`: the compiled-in configuration.
    let timed = measure::run(&support::casefile_bin(), &args, scratch, &[]).unwrap_or_else(|e| fail(&e));
    if timed.code != Some(0) {
        fail(&format!("casefile index exited with {:?}: {}", timed.code, timed.stderr.trim()));
    }
    let _ = std::fs::remove_dir_all(&index);
    (timed.peak_rss_mb, timed.wall.as_secs_f64())
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!(
            "memory bench: run with `cargo bench --bench memory` (tests/bench_smoke.rs covers its corpus slicing)"
        );
        return;
    }
    let sizes: Vec<usize> = std::env::var("CASEFILE_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![20_000, 50_000, 100_000, 200_000]);
    let runs: usize =
        std::env::var("CASEFILE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let Some(&largest) = sizes.iter().max() else { fail("CASEFILE_BENCH_SIZES names no size") };
    let (dir, _guard) = support::scratch("memory");
    let corpus = dir.join(format!("corpus-{largest}"));
    let started = std::time::Instant::now();
    support::corpus(&corpus, largest, 1).unwrap_or_else(|e| fail(&e));
    let budget = casefile::Config::builtin().settings.index.memory_mb;
    println!(
        "memory bench: sizes {sizes:?} from one corpus of {largest} articles (generated or reused in {:.1}s); writer budget {budget} MB; {} cores",
        started.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    for enrich in [true, false] {
        let mode = if enrich { "enriched" } else { "plain" };
        let mut peaks: Vec<(usize, f64)> = Vec::new();
        for &size in &sizes {
            let roots = support::first_folders(&corpus, size).unwrap_or_else(|e| fail(&e));
            for run in 1..=runs {
                let (peak, secs) = index(&roots, enrich, &dir);
                println!(
                    "{mode:>8} {size:>7} articles, run {run}: peak RSS {}, {secs:.1}s",
                    measure::mb(peak)
                );
                if let Some(peak) = peak {
                    peaks.push((size, peak));
                }
            }
        }
        // The highest peak of each size.
        let mut by_size: Vec<(usize, f64)> = Vec::new();
        for &(size, peak) in &peaks {
            match by_size.iter_mut().find(|(s, _)| *s == size) {
                Some(entry) => entry.1 = entry.1.max(peak),
                None => by_size.push((size, peak)),
            }
        }
        let Some(&(smallest, first)) = by_size.first() else { continue };
        for pair in by_size.windows(2) {
            let ((before, a), (size, b)) = (pair[0], pair[1]);
            println!(
                "{mode:>8} {size:>7} articles: highest peak {b:.0} MB = {:.2}x the {smallest}-article peak, {:.2}x the {before}-article peak",
                b / first,
                b / a
            );
        }
    }
}
