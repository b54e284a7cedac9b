use super::*;

#[test]
fn a_writer_lock_held_for_a_moment_is_waited_for() {
    let index = Index::create_in_ram(build_schema());
    let held: IndexWriter = index.writer_with_num_threads(1, 15 << 20).unwrap();
    let busy = index.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15 << 20);
    assert!(matches!(busy, Err(TantivyError::LockFailure(LockError::LockBusy, _))));
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        drop(held);
    });
    assert!(open_writer(|| index.writer_with_num_threads(1, 15 << 20)).is_ok());
    release.join().unwrap();
}

#[test]
fn enrichment_leaves_tantivy_half_the_threads() {
    let mut options = IndexOptions::new(Vec::new(), &Config::builtin());
    let threads = |options: &mut IndexOptions, threads: usize, enrich: bool, memory_mb: usize| {
        (options.threads, options.enrich, options.memory_mb) = (threads, enrich, memory_mb);
        indexing_threads(options)
    };
    assert_eq!(threads(&mut options, 2, false, 256), 2);
    assert_eq!(threads(&mut options, 2, true, 256), 1);
    assert_eq!(threads(&mut options, 1, true, 256), 1);
    assert_eq!(threads(&mut options, 5, true, 256), 3);
    assert_eq!(threads(&mut options, 32, false, 256), 8, "tantivy's bound");
    assert_eq!(threads(&mut options, 4, false, 40), 2, "15 MB each");
    assert_eq!(threads(&mut options, 4, false, 10), 1);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    assert_eq!(threads(&mut options, 0, false, 1024), cores.min(8));
}

/// The roots of the index runs that built an annotator, in order (all tests of the process share
/// it: each test looks at its own root).
static ANNOTATORS_BUILT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Records that a run into `root` built its annotator.
pub(super) fn annotator_built(root: &IndexRoot) {
    ANNOTATORS_BUILT.lock().unwrap().push(root.path().to_path_buf());
}

fn annotators_built(root: &IndexRoot) -> usize {
    ANNOTATORS_BUILT.lock().unwrap().iter().filter(|p| *p == root.path()).count()
}

#[test]
fn a_rerun_builds_the_enricher_only_when_a_file_needs_reading() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    std::fs::write(archive.join("a.md"), "Blinken met Yoon in Seoul.\n").unwrap();
    let root = IndexRoot::new(dir.path().join("idx"));
    let config = Config::builtin();
    let options = IndexOptions::new(vec![archive.clone()], &config);
    assert!(options.enrich);
    let index = || run(&root, &config, &options, &(), &AtomicBool::new(false)).unwrap();
    let first = index();
    assert_eq!((first.added, annotators_built(&root)), (1, 1));
    let again = index();
    assert_eq!((again.unchanged, annotators_built(&root)), (1, 1), "a no-op rerun builds none");
    std::fs::write(archive.join("b.md"), "Lavrov met Wang Yi in Beijing.\n").unwrap();
    let third = index();
    assert_eq!((third.added, annotators_built(&root)), (1, 2));
}

/// The file counts a run reports to its progress bar.
#[derive(Default)]
struct Counted {
    length: AtomicU64,
    done: AtomicU64,
}

impl Progress for Counted {
    fn start(&self, files: u64) {
        self.length.fetch_max(files, Ordering::SeqCst);
    }
    fn advance(&self, files: u64, _articles: u64) {
        self.done.fetch_add(files, Ordering::SeqCst);
    }
}

#[test]
fn a_rebuild_reads_as_it_walks_and_reports_the_walk_s_files_and_skips_in_walk_order() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    // Skipped while walking: b.jpg (unsupported). Skipped while reading: a.md and d.md (empty).
    for (file, text) in [("a.md", ""), ("b.jpg", "x"), ("c.md", "Talks resumed.\n"), ("d.md", "")] {
        std::fs::write(archive.join(file), text).unwrap();
    }
    for n in 0..7 {
        std::fs::write(archive.join(format!("e{n}.md")), format!("Talks on item {n} resumed.\n")).unwrap();
    }
    let config = Config::builtin();
    let mut options = IndexOptions::new(vec![archive.clone()], &config);
    (options.enrich, options.batch_files) = (false, 2);
    let root = IndexRoot::new(dir.path().join("index"));
    let progress = Counted::default();
    let summary = run(&root, &config, &options, &progress, &AtomicBool::new(false)).unwrap();
    assert_eq!((summary.added, summary.articles, docs(&root)), (8, 8, 8));
    assert_eq!(progress.length.load(Ordering::SeqCst), 10, "every file the walk found");
    assert_eq!(progress.done.load(Ordering::SeqCst), 10);
    let skipped: Vec<_> =
        summary.skipped.iter().map(|s| (s.path.rsplit('/').next().unwrap(), s.reason.as_str())).collect();
    assert_eq!(skipped, [("b.jpg", "unsupported"), ("a.md", "empty"), ("d.md", "empty")]);
    assert_eq!(summary.skipped_by_reason.get("unsupported"), Some(&1));
    assert_eq!(summary.skipped_by_reason.get("empty"), Some(&2));
    // The next run compares with the manifest: nothing to read.
    let again = run(&root, &config, &options, &progress, &AtomicBool::new(false)).unwrap();
    assert_eq!((again.added, again.unchanged, again.articles), (0, 8, 8));
}

/// Indexes `archive` (passages only) and returns the duplicate-id messages, by file name.
fn duplicates(root: &IndexRoot, archive: &Path) -> (RunSummary, Vec<(String, String)>) {
    let summary = index(root, &[archive.to_path_buf()]);
    let name = |p: &str| Path::new(p).file_name().unwrap().to_string_lossy().into_owned();
    let found = summary
        .problems
        .iter()
        .filter(|p| p.reason == "duplicate_id")
        .map(|p| (name(&p.path), p.message.replace(&archive.display().to_string(), "")))
        .collect();
    (summary, found)
}

/// Indexes `paths` (passages only).
fn index(root: &IndexRoot, paths: &[PathBuf]) -> RunSummary {
    let config = Config::builtin();
    let mut options = IndexOptions::new(paths.to_vec(), &config);
    options.enrich = false;
    run(root, &config, &options, &(), &AtomicBool::new(false)).unwrap()
}

/// The live index at `root`.
fn live(root: &IndexRoot) -> OpenIndex {
    root.open(&Config::builtin()).unwrap()
}

/// The live index's manifest: each file with its entry.
fn held(root: &IndexRoot) -> Vec<(String, FileEntry)> {
    live(root).manifest().unwrap().collect::<Result<_>>().unwrap()
}

/// The live index's documents.
fn docs(root: &IndexRoot) -> u64 {
    live(root).index.reader().unwrap().searcher().num_docs()
}

#[test]
fn a_run_over_some_roots_keeps_the_files_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let article = |id: &str| format!("---\nid: \"{id}\"\n---\nTalks on {id} resumed.\n");
    for (file, id) in [("a/1.md", "one"), ("a/2.md", "two"), ("a-b/3.md", "three"), ("a.md", "four")] {
        let path = archive.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, article(id)).unwrap();
    }
    let root = IndexRoot::new(dir.path().join("index"));
    let (a, ab, all) = (archive.join("a"), archive.join("a-b"), archive.clone());
    let first = index(&root, &[ab.clone(), a.clone(), a.join("1.md")]);
    assert_eq!((first.added, first.articles), (3, 3), "each file once, whatever the roots' order");

    std::fs::remove_file(a.join("2.md")).unwrap();
    std::fs::write(a.join("0.md"), article("zero")).unwrap();
    let second = index(&root, std::slice::from_ref(&a));
    assert_eq!((second.added, second.removed, second.unchanged, second.articles), (1, 1, 1, 3));

    let manifests = |root: &IndexRoot| {
        let dir = root.current().unwrap();
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("manifest-"))
            .count()
    };
    assert_eq!(manifests(&root), 1, "the manifest the run started from is gone with it");
    let third = index(&root, std::slice::from_ref(&all));
    assert_eq!((third.added, third.removed, third.unchanged, third.articles), (1, 0, 3, 4));
    let clean = index(&IndexRoot::new(dir.path().join("clean")), &[all]);
    let files = |root: &IndexRoot| held(root).into_iter().map(|(k, e)| (k, e.ids)).collect::<Vec<_>>();
    assert_eq!(files(&root), files(&IndexRoot::new(dir.path().join("clean"))));
    assert_eq!(clean.articles, 4);
}

/// `archive/a.md` and `archive/asia/b.md` in `dir`, and `alias`, a symbolic link to `archive`.
#[cfg(unix)]
fn archive_and_alias(dir: &Path) -> (PathBuf, PathBuf) {
    let archive = dir.join("archive");
    std::fs::create_dir_all(archive.join("asia")).unwrap();
    std::fs::write(archive.join("a.md"), "Talks resumed in Doha.\n").unwrap();
    std::fs::write(archive.join("asia/b.md"), "A truce held in Sanaa.\n").unwrap();
    let alias = dir.join("alias");
    std::os::unix::fs::symlink(&archive, &alias).unwrap();
    (archive, alias)
}

#[cfg(unix)]
#[test]
fn a_folder_given_under_another_name_is_updated_under_its_first() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, alias) = archive_and_alias(dir.path());
    let root = IndexRoot::new(dir.path().join("index"));
    let first = index(&root, std::slice::from_ref(&archive));
    assert_eq!((first.added, first.articles), (2, 2));

    std::fs::write(archive.join("a.md"), "Talks resumed in Muscat.\n").unwrap();
    let second = index(&root, std::slice::from_ref(&alias));
    assert_eq!((second.added, second.updated, second.unchanged, second.articles), (0, 1, 1, 2));
    let name = archive.to_string_lossy().into_owned();
    assert_eq!(second.renamed_roots[&alias.to_string_lossy().into_owned()], name);
    let keys: Vec<String> = held(&root).into_iter().map(|(key, _)| key).collect();
    assert_eq!(keys, [format!("{name}/a.md"), format!("{name}/asia/b.md")]);

    // A folder inside it, under the other name, too: a file gone from it is removed.
    std::fs::remove_file(archive.join("asia/b.md")).unwrap();
    let third = index(&root, &[alias.join("asia")]);
    assert_eq!((third.removed, third.articles), (1, 1));
    assert_eq!(docs(&root), 1);
}

#[cfg(unix)]
#[test]
fn a_folder_holding_one_known_under_another_name_leaves_its_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, alias) = archive_and_alias(dir.path());
    let root = IndexRoot::new(dir.path().join("index"));
    let first = index(&root, &[alias.join("asia")]);
    assert_eq!((first.added, first.articles), (1, 1));

    let second = index(&root, std::slice::from_ref(&archive));
    assert_eq!((second.added, second.unchanged, second.removed, second.articles), (1, 1, 0, 2));
    let keys: Vec<String> = held(&root).into_iter().map(|(key, _)| key).collect();
    let (archive, alias) = (archive.to_string_lossy(), alias.to_string_lossy());
    assert_eq!(keys, [format!("{alias}/asia/b.md"), format!("{archive}/a.md")]);
    assert_eq!(docs(&root), 2);
}

#[test]
fn a_copy_takes_over_an_id_its_holder_drops_as_in_a_clean_build() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let write = |file: &str, id: &str, body: &str| {
        std::fs::write(archive.join(file), format!("---\nid: \"{id}\"\n---\n{body}\n")).unwrap()
    };
    let root = IndexRoot::new(dir.path().join("index"));
    write("a.md", "same", "Talks resumed in Doha.");
    write("c.md", "late", "A truce held in Sanaa.");
    duplicates(&root, &archive);
    // Copies come later: b.md before its id's holder in walk order, d.md after.
    write("b.md", "late", "A truce held in Sanaa.");
    write("d.md", "same", "Talks resumed in Doha.");
    let (second, found) = duplicates(&root, &archive);
    assert_eq!((second.articles, found.len()), (2, 2));

    // The holders change and drop the ids; b.md changes too, before c.md lets go of its id.
    write("a.md", "other", "Talks stalled in Doha.");
    write("b.md", "late", "A truce held in Sanaa, officials said.");
    write("c.md", "else", "A truce broke in Sanaa.");
    let (third, _) = duplicates(&root, &archive);
    assert_eq!(third.articles, 4, "other, late (b.md), else, same (d.md)");
    assert_eq!((third.added, third.updated, third.unchanged), (0, 4, 0));
    let clean = IndexRoot::new(dir.path().join("clean"));
    let (clean_summary, found) = duplicates(&clean, &archive);
    assert_eq!((clean_summary.articles, found.len()), (4, 0));
    let files = |root: &IndexRoot| {
        let lines: Vec<_> = held(root).into_iter().map(|(k, e)| (k, e.ids, e.shadowed)).collect();
        (lines, docs(root))
    };
    assert_eq!(files(&root), files(&clean));
}

#[test]
fn a_changed_file_replaces_its_passages_whatever_the_case_of_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let root = IndexRoot::new(dir.path().join("index"));
    let file = archive.join("wire.md");
    let article = |body: &str| format!("---\nid: \"AFP_ENG_19970401.0092\"\n---\n{body}\n");
    std::fs::write(&file, article("Talks resumed in Doha.\n\nThe envoys met twice.")).unwrap();
    duplicates(&root, &archive);
    std::fs::write(&file, article("Talks collapsed in Doha.")).unwrap();
    let (summary, _) = duplicates(&root, &archive);
    assert_eq!((summary.updated, summary.articles, summary.passages), (1, 1, 1));
    assert_eq!(
        docs(&root),
        1,
        "the two passages of the first version are deleted, not left beside the new one"
    );
}

#[test]
fn an_id_indexed_twice_is_reported_with_the_file_holding_it() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let root = IndexRoot::new(dir.path().join("index"));
    let article = |id: &str| format!("---\nid: \"{id}\"\n---\nTalks on {id} resumed in Doha.\n");
    std::fs::write(archive.join("a.md"), article("same")).unwrap();
    std::fs::write(
        archive.join("c.jsonl"),
        "{\"id\":\"j\",\"body\":\"A truce held.\"}\n{\"id\":\"j\",\"body\":\"A truce broke.\"}\n",
    )
    .unwrap();
    let (summary, found) = duplicates(&root, &archive);
    assert_eq!(summary.articles, 2);
    assert_eq!(
        found,
        [(
            "c.jsonl".to_string(),
            "article id `j` is already indexed from /c.jsonl; this copy is skipped".to_string()
        )]
    );

    // A later run knows the owners of what earlier runs indexed.
    std::fs::write(archive.join("b.md"), article("same")).unwrap();
    let (summary, found) = duplicates(&root, &archive);
    assert_eq!((summary.added, summary.unchanged, summary.articles), (1, 2, 2));
    assert_eq!(
        found,
        [(
            "b.md".to_string(),
            "article id `same` is already indexed from /a.md; this copy is skipped".to_string()
        )]
    );

    // A file re-read with new ids gives up its old ones.
    std::fs::write(archive.join("a.md"), article("other")).unwrap();
    std::fs::write(archive.join("d.md"), article("same")).unwrap();
    let (summary, found) = duplicates(&root, &archive);
    assert_eq!((summary.added, summary.updated, summary.articles), (1, 1, 3));
    assert!(found.is_empty(), "{found:?}");

    // Nothing changed: nothing read, nothing reported.
    let (summary, found) = duplicates(&root, &archive);
    assert_eq!((summary.unchanged, summary.articles), (4, 3));
    assert!(found.is_empty(), "{found:?}");

    // The holder deleted: the copy b.md kept is read again and indexed, and the index holds
    // what a clean build of the same files holds.
    std::fs::remove_file(archive.join("d.md")).unwrap();
    let (summary, found) = duplicates(&root, &archive);
    assert_eq!((summary.removed, summary.updated, summary.articles), (1, 1, 3));
    assert!(found.is_empty(), "{found:?}");
    let clean = IndexRoot::new(dir.path().join("clean"));
    let (clean_summary, _) = duplicates(&clean, &archive);
    assert_eq!(clean_summary.articles, 3);
    let ids = |root: &IndexRoot| held(root).into_iter().map(|(k, e)| (k, e.ids)).collect::<Vec<_>>();
    assert_eq!(ids(&root), ids(&clean));
    assert_eq!(docs(&root), docs(&clean), "the same documents, none left from the deleted file");
}

#[test]
fn a_run_ends_with_few_segments_and_an_update_rewrites_only_small_ones() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let article = |n: usize| format!("---\nid: \"a{n}\"\n---\nEnvoys met in Doha for round {n} of talks.\n");
    for n in 0..6 {
        std::fs::write(archive.join(format!("{n}.md")), article(n)).unwrap();
    }
    // A commit after every file: one segment per file, before compaction.
    let run_with = |root: &IndexRoot, compact_max_docs: u32| {
        let mut config = Config::builtin();
        config.settings.index.compact_max_docs = compact_max_docs;
        let mut options = IndexOptions::new(vec![archive.clone()], &config);
        options.enrich = false;
        options.threads = 1;
        options.batch_files = 1;
        options.commit_interval = Duration::ZERO;
        run(root, &config, &options, &(), &AtomicBool::new(false)).unwrap()
    };
    let segment_docs = |root: &IndexRoot| -> Vec<u32> {
        let mut docs: Vec<u32> =
            live(root).index.searchable_segment_metas().unwrap().iter().map(|m| m.num_docs()).collect();
        docs.sort();
        docs
    };
    let plain = IndexRoot::new(dir.path().join("plain"));
    run_with(&plain, 0);
    assert!(segment_docs(&plain).len() >= 5, "{:?}", segment_docs(&plain));
    let compacted = IndexRoot::new(dir.path().join("compacted"));
    let summary = run_with(&compacted, 1_000);
    assert_eq!(segment_docs(&compacted), [1, 5], "one segment more than the fewest");
    let stores = |root: &IndexRoot| -> usize {
        let files = std::fs::read_dir(&live(root).dir).unwrap().flatten();
        files.filter(|f| f.path().extension().is_some_and(|e| e == "store")).count()
    };
    assert_eq!(stores(&compacted), 2, "the merged segments' files are deleted");
    let payload = live(&compacted).index.load_metas().unwrap().payload.unwrap();
    let payload: CommitPayload = serde_json::from_str(&payload).unwrap();
    let recorded = payload.last_run.unwrap();
    assert_eq!(recorded.elapsed_ms, summary.elapsed_ms, "the run's time includes its compaction");
    assert_eq!((recorded.articles, recorded.added), (6, 6), "the rest of the summary is kept");
    assert_eq!((summary.articles, summary.passages), (6, 6));
    assert_eq!(held(&compacted), held(&plain));
    // An update compacts what it wrote, not the segments it started with.
    std::fs::write(archive.join("6.md"), article(6)).unwrap();
    run_with(&compacted, 1_000);
    assert_eq!(segment_docs(&compacted), [1, 1, 5], "the older segments are not rewritten");
    for n in 7..10 {
        std::fs::write(archive.join(format!("{n}.md")), article(n)).unwrap();
    }
    run_with(&compacted, 1_000);
    assert_eq!(segment_docs(&compacted), [1, 1, 1, 2, 5], "its own three segments, as two");
    assert_eq!(stores(&compacted), 5);
}

#[test]
fn the_last_batches_of_a_run_are_small() {
    // Following the sizes from 2,500 files left, with batches of 1,000.
    let mut left = 2_500u64;
    let mut sizes = Vec::new();
    while left > 0 {
        let size = batch_size(1_000, Some(left));
        sizes.push(size);
        left = left.saturating_sub(size as u64);
    }
    assert_eq!(sizes, [1_000, 375, 282, 211, 158, 119, 89, 67, 50, 38, 32, 32, 32, 32]);
    // Unknown (the walk goes on) or far from the end: full batches; never more than a batch.
    assert_eq!(batch_size(1_000, None), 1_000);
    assert_eq!(batch_size(1_000, Some(2_000)), 1_000);
    assert_eq!(batch_size(2, Some(3)), 2);
    assert_eq!(batch_size(1, Some(1)), 1);
    assert_eq!(batch_size(1_000, Some(0)), FINAL_BATCH);
}
