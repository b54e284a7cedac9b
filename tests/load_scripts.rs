//! The `load.sh` an export writes, run against a stand-in HTTP server that records what it is
//! sent and answers as OpenSearch or Quickwit would: the requests, their bodies, and the stop at
//! a rejected chunk. Needs `sh` and `curl`; says so and skips where curl is missing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use casefile::export::{self, Engine, ExportOptions};
use casefile::Config;

/// One request the server received: method, path with query, content type, body.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    content_type: String,
    body: Vec<u8>,
}

/// Serves on a free local port until the test ends; `answer` gives each request's status and
/// body.
fn serve(answer: fn(&Request) -> (u16, String)) -> (String, Arc<Mutex<Vec<Request>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut parts = line.split_whitespace();
            let (method, target) =
                (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
            let (mut length, mut content_type, mut expect) = (0, String::new(), false);
            loop {
                let mut header = String::new();
                reader.read_line(&mut header).unwrap();
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                let (name, value) = header.split_once(':').unwrap_or((header, ""));
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => length = value.trim().parse().unwrap(),
                    "content-type" => content_type = value.trim().to_string(),
                    "expect" => expect = true,
                    _ => {}
                }
            }
            if expect {
                stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").unwrap();
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let request = Request { method, target, content_type, body };
            let (status, reply) = answer(&request);
            log.lock().unwrap().push(request);
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                reply.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(reply.as_bytes()).unwrap();
        }
    });
    (url, seen)
}

fn curl_missing() -> bool {
    let missing = Command::new("curl").arg("--version").output().is_err();
    if missing {
        eprintln!("load_scripts: skipped: curl is not installed");
    }
    missing
}

/// An export of a small archive for `engine`, in chunks small enough to make several.
fn export(dir: &Path, engine: Engine) -> export::ExportSummary {
    for i in 0..6 {
        let body = format!(
            "---\ntitle: \"Report {i}\"\npublished: 2025-01-06\n---\nAntony Blinken met officials in Seoul on Monday.\n\n\
             Moscow intends to share satellite technology with Pyongyang, he said.\n"
        );
        std::fs::create_dir_all(dir.join("archive")).unwrap();
        std::fs::write(dir.join(format!("archive/report-{i}.md")), body).unwrap();
    }
    let config = Config::builtin();
    let mut options = ExportOptions::new(engine, vec![dir.join("archive")], dir.join("out"), &config);
    options.chunk_bytes = 4_000;
    let summary = export::run(&config, &options, &(), &AtomicBool::new(false)).unwrap();
    assert!(summary.chunks >= 2, "{} chunks", summary.chunks);
    summary
}

fn load(dir: &Path, url: &str) -> Output {
    Command::new("sh").arg(dir.join("out/load.sh")).arg(url).output().unwrap()
}

fn chunk(dir: &Path, prefix: &str, n: usize) -> Vec<u8> {
    std::fs::read(dir.join(format!("out/{prefix}-{n:05}.ndjson"))).unwrap()
}

#[test]
fn the_opensearch_script_creates_the_index_then_sends_every_chunk() {
    if curl_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), Engine::OpenSearch);
    let (url, seen) = serve(|r| match r.method.as_str() {
        "HEAD" => (404, String::new()),
        _ if r.target.starts_with("/_bulk") => (200, r#"{"errors":false}"#.into()),
        _ => (200, "{}".into()),
    });
    let out = load(dir.path(), &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seen = seen.lock().unwrap().clone();
    let calls: Vec<(&str, &str)> = seen.iter().map(|r| (r.method.as_str(), r.target.as_str())).collect();
    let mut expected = vec![("HEAD", "/casefile"), ("PUT", "/casefile")];
    expected.extend((0..summary.chunks).map(|_| ("POST", "/_bulk?filter_path=errors,items.*.error")));
    expected.push(("POST", "/casefile/_refresh"));
    assert_eq!(calls, expected);
    assert_eq!(seen[1].body, std::fs::read(dir.path().join("out/index.json")).unwrap());
    assert_eq!(seen[1].content_type, "application/json");
    for n in 1..=summary.chunks {
        assert_eq!(seen[1 + n].body, chunk(dir.path(), "bulk", n), "chunk {n} is sent whole");
        assert_eq!(seen[1 + n].content_type, "application/x-ndjson");
    }
}

#[test]
fn the_opensearch_script_stops_at_a_rejected_chunk() {
    if curl_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), Engine::OpenSearch);
    let (url, seen) = serve(|r| match r.method.as_str() {
        "HEAD" => (200, String::new()),
        _ if r.target.starts_with("/_bulk") => (
            200,
            r#"{"errors":true,"items":[{"index":{"error":{"type":"mapper_parsing_exception"}}}]}"#.into(),
        ),
        _ => (200, "{}".into()),
    });
    let out = load(dir.path(), &url);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bulk-00001.ndjson: OpenSearch rejected documents"), "{stderr}");
    let calls: Vec<String> =
        seen.lock().unwrap().iter().map(|r| format!("{} {}", r.method, r.target)).collect();
    // The index exists already (HEAD answered 200): not created again; one chunk, then stop.
    assert_eq!(calls, ["HEAD /casefile", "POST /_bulk?filter_path=errors,items.*.error"]);
}

#[test]
fn the_quickwit_script_creates_the_index_then_ingests_every_chunk() {
    if curl_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let summary = export(dir.path(), Engine::Quickwit);
    let (url, seen) = serve(|_| (200, "{}".into()));
    let out = load(dir.path(), &url);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seen = seen.lock().unwrap().clone();
    assert_eq!((seen[0].method.as_str(), seen[0].target.as_str()), ("POST", "/api/v1/indexes"));
    assert_eq!(seen[0].content_type, "application/yaml");
    assert_eq!(seen[0].body, std::fs::read(dir.path().join("out/index-config.yaml")).unwrap());
    assert_eq!(seen.len(), 1 + summary.chunks);
    for (n, request) in seen.iter().enumerate().skip(1) {
        assert_eq!(request.target, "/api/v1/casefile/ingest?commit=wait_for");
        assert_eq!(request.body, chunk(dir.path(), "documents", n));
    }
    // A server error stops the script (curl -f).
    let (url, _) = serve(|_| (500, "{}".into()));
    assert_eq!(load(dir.path(), &url).status.code().map(|c| c != 0), Some(true));
}
