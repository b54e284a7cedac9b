//! `casefile export`: documents for Quickwit and OpenSearch that keep casefile's filter values
//! and citations, in chunk files an engine takes one request at a time.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use casefile::enrich::Annotations;
use casefile::export::{self, documents, Engine, ExportOptions, FieldKind, FIELDS};
use casefile::index::document as index_document;
use casefile::index::schema::{build_schema, Fields};
use casefile::read::{self, ReadOptions};
use casefile::{Article, Config, Enricher};
use serde_json::Value;
use tantivy::schema::Value as _;

const SEOUL: &str =
    "---\ntitle: \"Blinken in Seoul\"\nsource: \"Casefile Wire\"\nurl: \"https://example.org/seoul\"\n\
published: 2025-01-06\n---\nSEOUL - Antony Blinken warned on Monday that Moscow intends to share \
\"advanced space and satellite technology\" with Pyongyang.\n\nNorth Korean troops have fought for Russia \
since November 2024, Blinken said.\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

/// The model article, read from a file (so that it has file offsets) and enriched.
fn seoul() -> (Article, Annotations) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "seoul.md", SEOUL);
    let mut read = read::read_file(&dir.path().join("seoul.md"), &ReadOptions::default());
    let article = read.articles.remove(0);
    let ann = Enricher::new(&Config::builtin()).unwrap().enrich(&article);
    (article, ann)
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn every_exported_key_is_declared_to_both_engines_in_one_order() {
    let (article, ann) = seoul();
    let article = &article;
    let json = serde_json::to_string(&documents(article, &ann)[0]).unwrap();
    let doc: Value = serde_json::from_str(&json).unwrap();
    let keys: BTreeSet<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    // Every optional key is present here except `line` (JSON Lines only).
    let declared: Vec<&str> = FIELDS.iter().map(|f| f.name).filter(|n| *n != "line").collect();
    assert_eq!(keys, declared.iter().copied().collect::<BTreeSet<_>>());
    // In the table's order (each key's first appearance is its top-level one: the nested
    // objects come last).
    let positions: Vec<usize> = declared.iter().map(|n| json.find(&format!("\"{n}\":")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");

    let body = export::engines::opensearch_index_body();
    let mapped: BTreeSet<&str> =
        body["mappings"]["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(mapped, FIELDS.iter().map(|f| f.name).collect::<BTreeSet<_>>());

    let yaml: serde_json::Value =
        serde_norway::from_str(&export::engines::quickwit_config("casefile")).unwrap();
    assert_eq!(yaml["index_id"], "casefile");
    let quickwit: Vec<&str> = yaml["doc_mapping"]["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    let indexed: Vec<&str> = FIELDS.iter().filter(|f| f.kind != FieldKind::Stored).map(|f| f.name).collect();
    assert_eq!(quickwit, indexed, "stored-only fields travel through the dynamic mapping");
    let types: Vec<&str> = yaml["doc_mapping"]["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["type"].as_str().unwrap())
        .collect();
    assert!(types.contains(&"array<text>") && types.contains(&"datetime"), "{types:?}");
}

#[test]
fn exported_filter_values_are_the_indexs_own() {
    let (article, ann) = seoul();
    let article = &article;
    let exported = documents(article, &ann);
    let fields = Fields::from_schema(&build_schema()).unwrap();
    let indexed = index_document::documents(&fields, article, &ann);
    assert_eq!(exported.len(), indexed.len());
    for (e, i) in exported.iter().zip(&indexed) {
        let values = |field| -> BTreeSet<String> {
            // Key fields hold their keys as one value, split by the key tokenizer.
            let values = i.get_all(field).filter_map(|v| v.as_str());
            values.flat_map(|v| v.split(casefile::index::keys::SEPARATOR)).map(str::to_string).collect()
        };
        let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
        assert_eq!(set(&e.actor), values(fields.actor));
        assert_eq!(e.topic.iter().map(|t| t.to_string()).collect::<BTreeSet<_>>(), values(fields.topic));
        assert_eq!(
            e.mentioned.iter().map(|t| t.to_string()).collect::<BTreeSet<_>>(),
            values(fields.mentioned)
        );
        assert_eq!(set(&e.speaker), values(fields.speaker));
        assert_eq!(set(&e.quote), values(fields.quote));
    }
    // The model case: the warning about satellites, with its speaker and its actors.
    let warning = &exported[0];
    assert_eq!(warning.speaker, ["Antony Blinken"]);
    assert!(
        warning.actor.iter().any(|a| a == "PRK") && warning.actor.iter().any(|a| a == "RUS"),
        "{:?}",
        warning.actor
    );
    assert!(warning.topic.contains(&"space-and-satellites"), "{:?}", warning.topic);
    assert!(exported[1].mentioned.contains(&"2024-11"), "{:?}", exported[1].mentioned);
}

#[test]
fn an_opensearch_export_cites_bytes_and_chunks_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    write(&archive, "asia/seoul.md", SEOUL);
    for i in 0..12 {
        let body = format!("---\ntitle: \"Report {i}\"\n---\nThe envoy met officials in Tokyo on Monday.\n\nTalks went on in Beijing.\n");
        write(&archive, &format!("more/report-{i:02}.md"), &body);
    }
    write(&archive, "more/copy.md", &SEOUL.replace("Blinken in Seoul", "A copy"));
    write(&archive, "broken.json", "{ not json");
    write(&archive, "feed.jsonl", "{\"id\": \"report-dup\", \"title\": \"t\", \"body\": \"One.\"}\n{\"id\": \"report-dup\", \"title\": \"t\", \"body\": \"Two.\"}\n");
    let config = Config::builtin();
    let mut options =
        ExportOptions::new(Engine::OpenSearch, vec![archive.clone()], dir.path().join("out"), &config);
    options.chunk_bytes = 2_000;
    let summary = export::run(&config, &options, &(), &AtomicBool::new(false)).unwrap();

    assert_eq!(summary.files, 16);
    assert_eq!(
        summary.articles, 15,
        "13 front-matter articles and the first of two JSON Lines records with one id"
    );
    assert_eq!(summary.skipped.len(), 1, "{:?}", summary.skipped);
    assert!(summary.skipped[0].path.ends_with("broken.json"));
    assert_eq!(summary.problems.iter().map(|p| p.reason.as_str()).collect::<Vec<_>>(), ["duplicate_id"]);
    assert!(summary.chunks > 3, "small chunks: {}", summary.chunks);

    let out = dir.path().join("out");
    assert!(!dir.path().join(".out.partial").exists());
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("export.json")).unwrap()).unwrap();
    assert_eq!(manifest["passages"], summary.passages);
    let mut ids = BTreeSet::new();
    let mut total_bytes = 0;
    for n in 1..=summary.chunks {
        let chunk = out.join(format!("bulk-{n:05}.ndjson"));
        let size = std::fs::metadata(&chunk).unwrap().len() as usize;
        total_bytes += size;
        let docs = lines(&chunk);
        assert!(docs.len().is_multiple_of(2));
        // An article's documents are never split between chunks; a chunk goes over the limit
        // only when one article alone does.
        let articles: BTreeSet<&str> =
            docs.iter().skip(1).step_by(2).map(|d| d["article"].as_str().unwrap()).collect();
        assert!(size <= options.chunk_bytes || articles.len() == 1, "chunk {n}: {size} bytes");
        for pair in docs.chunks(2) {
            let (action, doc) = (&pair[0], &pair[1]);
            assert_eq!(action["index"]["_index"], "casefile");
            assert_eq!(action["index"]["_id"], doc["id"]);
            assert!(ids.insert(doc["id"].as_str().unwrap().to_string()), "ids are unique");
            // The citation: the file's bytes at file_start..file_end are the passage's text.
            if let Some(start) = doc["file_start"].as_u64() {
                let file = std::fs::read(doc["path"].as_str().unwrap()).unwrap();
                let end = doc["file_end"].as_u64().unwrap() as usize;
                assert_eq!(&file[start as usize..end], doc["text"].as_str().unwrap().as_bytes());
            }
        }
    }
    assert_eq!(total_bytes as u64, summary.bytes);
    assert_eq!(ids.len(), summary.passages);
    let status = Command::new("sh").arg("-n").arg(out.join("load.sh")).status().unwrap();
    assert!(status.success(), "load.sh parses");

    // The same folder again is refused, and left as it was.
    let again = export::run(&config, &options, &(), &AtomicBool::new(false)).unwrap_err();
    assert!(again.to_string().contains("already exists and is not empty"), "{again}");
    assert!(out.join("export.json").exists());
}

#[test]
fn an_interrupted_export_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("archive"), "seoul.md", SEOUL);
    let config = Config::builtin();
    let options = ExportOptions::new(
        Engine::Quickwit,
        vec![dir.path().join("archive")],
        dir.path().join("out"),
        &config,
    );
    let err = export::run(&config, &options, &(), &AtomicBool::new(true)).unwrap_err();
    assert!(matches!(err, casefile::Error::Interrupted(_)), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["archive"]);
}

#[test]
fn the_export_command_says_what_it_wrote_and_how_to_load_it() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("corpus"), "seoul.md", SEOUL);
    write(&dir.path().join("corpus"), "empty.txt", "");
    let run =
        |args: &[&str]| Command::new(common::bin()).current_dir(dir.path()).args(args).output().unwrap();

    let out = run(&["export", "--to", "quickwit"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("exported 1 article (2 passages) from 2 files into casefile-export for Quickwit"),
        "{stderr}"
    );
    assert!(stderr.contains("casefile-export/load.sh"), "{stderr}");
    assert!(stderr.contains("empty.txt"), "the skipped file is named: {stderr}");
    let docs = lines(&dir.path().join("casefile-export/documents-00001.ndjson"));
    assert_eq!(docs.len(), 2, "no action lines for Quickwit");
    assert_eq!(docs[0]["published"], "2025-01-06T00:00:00Z");

    let out = run(&["export", "--to", "opensearch", "-o", "os", "--strict", "--json"]);
    assert_eq!(out.status.code(), Some(1), "--strict with a skipped file");
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((summary["engine"].as_str(), summary["passages"].as_u64()), (Some("opensearch"), Some(2)));

    let out = run(&["export", "--to", "opensearch", "-o", "os"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["export", "--to", "opensearch", "-o", "os2", "--index-name", "News"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("index name `News`"), "{stderr}");
    assert!(!dir.path().join("os2").exists());
}

#[test]
fn the_sample_case_exports_with_its_speaker_and_actors() {
    let Some(data) = common::shared_data("export_sample_case") else { return };
    let seed = data.join("seed/000_8158477548d8fd67.txt");
    let config = Config::builtin();
    let read = read::read_file(&seed, &ReadOptions::default());
    let article = &read.articles[0];
    let ann = Enricher::new(&config).unwrap().enrich(article);
    let docs = documents(article, &ann);
    let satellite = docs
        .iter()
        .find(|d| d.quote.iter().any(|q| q.contains("satellite")) || d.text.contains("satellite technology"))
        .expect("a passage about satellite technology");
    assert!(satellite.actor.iter().any(|a| a == "PRK") && satellite.actor.iter().any(|a| a == "RUS"));
    assert!(docs.iter().any(|d| d.speaker.iter().any(|s| s == "Antony Blinken")), "Blinken is quoted");
    for d in &docs {
        assert_eq!(&article.body[d.start..d.end], d.text);
    }
}
