//! Measuring whole `casefile` processes: wall time, peak resident memory, sizes, percentiles.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One finished process.
#[derive(Debug, Clone)]
pub struct Timed {
    /// Wall-clock time from spawn to exit.
    pub wall: Duration,
    /// Peak resident set size in MB, when it could be measured.
    pub peak_rss_mb: Option<f64>,
    /// Exit status code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error (without `/usr/bin/time`'s report).
    pub stderr: String,
}

/// Runs `program args` in `cwd` with extra `env`, measuring wall time and peak RSS.
///
/// The peak RSS comes from `/usr/bin/time -v` when it is installed (exact: the kernel's maximum
/// resident set size of the child), else from polling the child's `VmHWM` in `/proc` every 10 ms
/// (the high-water mark, so only the last 10 ms can be missed).
///
/// # Errors
/// When the process cannot be started.
pub fn run(program: &Path, args: &[String], cwd: &Path, env: &[(&str, String)]) -> Result<Timed, String> {
    let gnu_time = Path::new("/usr/bin/time");
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-v").arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).current_dir(cwd).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("{}: {e}", program.display()))?;
    let mut polled: Option<f64> = None;
    if !gnu_time.exists() {
        let status = format!("/proc/{}/status", child.id());
        while child.try_wait().ok().flatten().is_none() {
            if let Some(kb) =
                std::fs::read_to_string(&status).ok().as_deref().and_then(|s| field_kb(s, "VmHWM:"))
            {
                polled = Some(kb as f64 / 1024.0);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    let out = child.wait_with_output().map_err(|e| format!("{}: {e}", program.display()))?;
    let wall = started.elapsed();
    let mut stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut peak_rss_mb = polled;
    if gnu_time.exists() {
        // GNU time appends its report after the program's own stderr (and exits with its status).
        let at = stderr.find("\tCommand being timed:").unwrap_or(stderr.len());
        peak_rss_mb =
            field_kb(&stderr[at..], "Maximum resident set size (kbytes):").map(|kb| kb as f64 / 1024.0);
        stderr.truncate(at);
    }
    Ok(Timed {
        wall,
        peak_rss_mb,
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    })
}

/// The number after `key` on its line of `text`, in kB.
fn field_kb(text: &str, key: &str) -> Option<u64> {
    let at = text.find(key)? + key.len();
    text[at..].split_whitespace().next()?.parse().ok()
}

/// Total size in bytes of the files under `dir`.
pub fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// The `p`-th percentile (0..=100) of `values` by nearest rank; `NaN` for none.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v[rank.min(v.len()) - 1]
}

/// `Some(peak)` as `"123 MB"`, `None` as `"n/a"`.
pub fn mb(peak: Option<f64>) -> String {
    peak.map_or_else(|| "n/a".to_string(), |m| format!("{m:.0} MB"))
}
