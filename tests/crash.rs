//! Crash safety: an indexer killed with SIGKILL at any moment leaves an index that opens and
//! answers from its last commit, and the next run completes the work, ending with exactly the
//! articles and passages of a clean full build.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use casefile::index::IndexRoot;
use casefile::search::{SearchRequest, Searcher};
use casefile::Config;

const PLACES: &[&str] = &["Seoul", "Kyiv", "Tehran", "Manila", "Vilnius", "Khartoum", "Caracas", "Taipei"];
const THINGS: &[&str] =
    &["sanctions", "grain exports", "satellite launches", "ceasefire talks", "troop rotations"];

/// Writes `n` small articles of our own sentences.
fn corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let place = PLACES[i % PLACES.len()];
        let thing = THINGS[(i / 3) % THINGS.len()];
        let folder = dir.join(format!("batch{:02}", i / 500));
        std::fs::create_dir_all(&folder).unwrap();
        let text = format!(
            "---\nid: \"crash-{i}\"\ntitle: \"Report {i} from {place}\"\npublished: 2024-{:02}-{:02}\n---\n\
             Officials in {place} discussed {thing} on Monday, according to a statement issued in the evening.\n\n\
             \"We will continue to talk about {thing},\" the minister said. Talks resume next week in {place}.\n\n\
             Diplomats said the item numbered {i} would be reviewed again in the spring.\n",
            i % 12 + 1,
            i % 28 + 1
        );
        std::fs::write(folder.join(format!("a{i}.txt")), text).unwrap();
    }
}

fn index_cmd(cwd: &Path, index: &Path) -> Command {
    let mut c = Command::new(common::bin());
    c.current_dir(cwd).arg("--index").arg(index).args([
        "index",
        "archive",
        "--quiet",
        "--batch",
        "300",
        "--commit-interval",
        "0",
    ]);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Every (article id, passage index) the index answers with.
fn contents(index: &Path) -> BTreeSet<(String, usize)> {
    let config = Config::builtin();
    let searcher = Searcher::new(IndexRoot::new(index).open(&config).unwrap(), &config).unwrap();
    let request = SearchRequest { limit: 1_000_000, per_article: 1_000, ..SearchRequest::default() };
    let results = searcher.search(&request, &|_| None).unwrap();
    results.hits.iter().map(|h| (h.record.article.id.clone(), h.record.passage.index)).collect()
}

#[test]
fn killed_runs_resume_to_the_same_index_as_a_clean_build() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that a run takes a few seconds, so that several of the kills below land
    // mid-run (each run resumes from the last one's commits).
    corpus(&dir.path().join("archive"), 12_000);

    let clean = dir.path().join("clean");
    assert!(index_cmd(dir.path(), &clean).status().unwrap().success());
    let expected = contents(&clean);
    assert_eq!(expected.iter().map(|(id, _)| id).collect::<BTreeSet<_>>().len(), 12_000);

    let crashed = dir.path().join("crashed");
    let mut killed_mid_run = 0;
    for delay_ms in [100, 400, 900, 1600, 2500] {
        let mut child = index_cmd(dir.path(), &crashed).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Whatever was committed opens and answers.
        if IndexRoot::new(&crashed).exists() {
            let partial = contents(&crashed);
            assert!(partial.is_subset(&expected), "a killed run left passages a clean build does not have");
        }
    }
    assert!(killed_mid_run >= 2, "the corpus indexed too fast to kill the indexer mid-run");
    assert!(index_cmd(dir.path(), &crashed).status().unwrap().success());
    assert_eq!(contents(&crashed), expected);
}

#[test]
fn sigterm_commits_the_batch_in_flight_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that the run cannot finish before the signal arrives.
    corpus(&dir.path().join("archive"), 12_000);
    let index = dir.path().join("idx");
    let mut cmd = Command::new(common::bin());
    cmd.current_dir(dir.path())
        .arg("--index")
        .arg(&index)
        .args(["index", "archive", "--json", "--batch", "100", "--commit-interval", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(250));
    let pid = child.id().to_string();
    let term = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(term.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("stopping after the batch in flight"), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["interrupted"], true);
    // What the summary says was committed is what the index holds.
    let held: BTreeSet<String> = contents(&index).into_iter().map(|(id, _)| id).collect();
    assert_eq!(held.len() as u64, summary["articles"].as_u64().unwrap());
    assert!(held.len() < 12_000);
}
