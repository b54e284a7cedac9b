//! The index layout search relies on: an article's documents stay contiguous in their segment,
//! through several indexing threads, segment flushes, incremental runs with deletes, and merges,
//! so that `lead_offset` always leads from a document back to its article's lead passage.

#[path = "../benches/support/mod.rs"]
mod support;

use std::sync::atomic::AtomicBool;

use casefile::index::{writer, IndexOptions, IndexRoot, StoredPassage};
use casefile::Config;
use support::scale;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

/// An alive document: its id in the segment, article id, passage index, whether it is a
/// quotation, and its lead offset.
type Placed = (u32, String, usize, bool, u64);

/// Every alive document, by segment.
fn layout(root: &IndexRoot, config: &Config) -> Vec<Vec<Placed>> {
    let open = root.open(config).unwrap();
    let searcher = open.index.reader().unwrap().searcher();
    let mut segments = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let offsets = reader.fast_fields().u64("lead_offset").unwrap();
        let mut docs = Vec::new();
        for doc in reader.doc_ids_alive() {
            let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc)).unwrap();
            let bytes = stored.get_first(open.fields.record).and_then(|v| v.as_bytes()).unwrap();
            let record: StoredPassage = serde_json::from_slice(bytes).unwrap();
            let offset = offsets.first(doc).unwrap();
            docs.push((doc, record.article.id, record.passage.index, record.quote.is_some(), offset));
        }
        segments.push(docs);
    }
    segments
}

fn assert_leads_hold(root: &IndexRoot, config: &Config) -> usize {
    let segments = layout(root, config);
    let mut checked = 0;
    for docs in &segments {
        for (doc, id, passage, quote, offset) in docs {
            let lead = doc.checked_sub(*offset as u32).expect("offset within the segment");
            let found = docs.iter().find(|d| d.0 == lead).expect("the lead is alive");
            assert_eq!(
                (&found.1, found.2, found.3, found.4),
                (id, 0, false, 0),
                "doc {doc} ({id} ¶{passage} quote {quote})"
            );
            checked += 1;
        }
    }
    assert!(segments.len() > 1, "the test needs several segments to mean something");
    checked
}

#[test]
fn every_document_leads_back_to_its_article_s_first_passage() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let source = scale::Source::load(&support::crate_dir().join("corpus")).unwrap();
    scale::write_corpus(&source, Some(&corpus), None, 3_000, 5).unwrap();
    let config = Config::builtin();
    let root = IndexRoot::new(dir.path().join("index"));
    let mut options = IndexOptions::new(vec![corpus.clone()], &config);
    options.threads = 2;
    options.memory_mb = 30; // small segments, flushed often, then merged
    options.batch_files = 200;
    options.commit_interval = std::time::Duration::ZERO; // a commit, so a segment, per batch
    writer::run(&root, &config, &options, &(), &AtomicBool::new(false)).unwrap();
    let first = assert_leads_hold(&root, &config);

    // Rewrite every seventh file: its articles are deleted and added again elsewhere.
    let files = support::text_files(&corpus);
    for path in files.iter().step_by(7) {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, format!("{text}\nA closing line added in a later edition.\n")).unwrap();
    }
    writer::run(&root, &config, &options, &(), &AtomicBool::new(false)).unwrap();
    let second = assert_leads_hold(&root, &config);
    assert!(second > first, "the rewritten files add a passage each: {first} then {second}");
}
