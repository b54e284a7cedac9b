//! Bad input gets a one-line reason and costs nothing else: every good file is still indexed.

mod common;

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn run(cwd: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let out =
        Command::new(common::bin()).current_dir(cwd).args(["--index", "idx"]).args(args).output().unwrap();
    let summary = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), summary, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn reasons(summary: &Value) -> Vec<(String, String)> {
    summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap().to_string(), s["reason"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn every_kind_of_bad_file_is_reported_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("archive");
    write(
        &a,
        "good/one.txt",
        b"---\ntitle: \"Good one\"\n---\nThe envoy arrived in Vienna for nuclear talks.\n",
    );
    write(&a, "good/two.md", b"A plain article about grain exports from Odesa.\n");
    write(&a, "bad/binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(&a, "bad/latin1.txt", b"Le ministre fran\xe7ais a parl\xe9 \xe0 Gen\xe8ve.\n");
    write(&a, "bad/empty.md", b"");
    write(&a, "bad/front.md", b"---\ntitle: [unclosed\n---\nBody.\n");
    write(&a, "bad/unterminated.md", b"---\ntitle: x\nno closing line\n");
    write(&a, "bad/lines.jsonl", b"{\"id\":\"j1\",\"body\":\"Talks in Doha resumed.\"}\n{broken\n{\"id\":\"j3\",\"body\":\"A truce held.\"}\n");
    write(&a, "bad/big.txt", &vec![b'a'; 2 << 20]);
    write(&a, "bad/photo.jpg", b"\xff\xd8\xff");
    write(&a, "dup/a.md", b"---\nid: \"same\"\n---\nThe first copy of a wire story about Doha.\n");
    write(&a, "dup/b.md", b"---\nid: \"same\"\n---\nThe second copy of a wire story about Doha.\n");
    std::os::unix::fs::symlink(&a, a.join("bad/loop")).unwrap();
    std::os::unix::fs::symlink(a.join("good/one.txt"), a.join("bad/link.txt")).unwrap();
    let weird = a.join(std::ffi::OsStr::from_bytes(b"bad/name-\xff.txt"));
    std::fs::write(weird, b"A file whose name is not UTF-8.\n").unwrap();

    let (code, s, stderr) = run(dir.path(), &["index", "archive", "--json", "--max-file-size", "1"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        s["articles"], 6,
        "one, two, latin1, the two good JSON Lines records, one copy of `same`: {s}"
    );
    let r = reasons(&s);
    let has = |file: &str, reason: &str| r.iter().any(|(p, why)| p.contains(file) && why == reason);
    assert!(has("binary.txt", "binary"), "{r:?}");
    assert!(has("empty.md", "empty"), "{r:?}");
    assert!(has("front.md", "malformed"), "{r:?}");
    assert!(has("unterminated.md", "malformed"), "{r:?}");
    assert!(has("big.txt", "too_large"), "{r:?}");
    assert!(has("photo.jpg", "unsupported"), "{r:?}");
    assert!(has("link.txt", "symlink"), "symlinks are not followed by default: {r:?}");
    assert!(has("name-", "non_utf8_path"), "{r:?}");
    let problems = s["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["path"].as_str().unwrap().ends_with("lines.jsonl") && p["line"] == 2));
    assert!(problems
        .iter()
        .any(|p| p["path"].as_str().unwrap().ends_with("latin1.txt") && p["reason"] == "decoding"));

    // The Latin-1 file is searchable with its accents decoded.
    let out = Command::new(common::bin())
        .current_dir(dir.path())
        .args(["--index", "idx", "search", "Genève", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let hit: Value = serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert!(hit["text"].as_str().unwrap().contains("Genève"));
    assert!(hit["file_range"].is_null(), "a re-decoded file holds no verbatim bytes");

    // --strict turns skips into status 1; --follow detects the loop instead of hanging.
    let (code, s, _) =
        run(dir.path(), &["index", "archive", "--json", "--strict", "--follow", "--max-file-size", "1"]);
    assert_eq!(code, Some(1));
    assert!(reasons(&s).iter().any(|(_, why)| why == "symlink_loop"), "{s}");
}

#[test]
fn an_index_path_that_is_a_file_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "archive/a.txt", b"Envoys met in Doha.\n");
    write(dir.path(), "idx", b"not a folder");
    let (status, _, stderr) = run(dir.path(), &["index", "archive"]);
    assert_eq!(status, Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("idx is a file, not an index folder"), "{stderr}");

    // An index folder that cannot be made names the path and the system's reason, once.
    let out = Command::new(common::bin())
        .current_dir(dir.path())
        .args(["--index", "idx/inside", "index", "archive"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("casefile: idx/inside: "), "{stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "the cause said once: {stderr}");
}
