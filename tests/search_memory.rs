//! A warm search allocates for what it finds, not tables sized for indexing.
//!
//! Session 32's stem cache allocated its whole table (1 MiB, zeroed) at its first word; search
//! makes a fresh analyzer for each query it parses, so every query zeroed a megabyte to stem a
//! word or two, and queries took three times as long without any test noticing. This binary
//! counts what the searching thread allocates (its own global allocator, wrapping the system's)
//! and holds a warm search to a budget that such a table would break.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use casefile::index::{self, IndexOptions, IndexRoot};
use casefile::search::{SearchRequest, Searcher};
use casefile::Config;

/// Bytes the counted thread asked for while counting was on.
static ASKED: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations are counted.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

/// The system allocator, counting the bytes a counted thread asks for.
struct Counting;

impl Counting {
    fn note(bytes: usize) {
        // `try_with`: a thread being torn down has no locals left, and is not counted.
        if COUNTED.try_with(Cell::get).unwrap_or(false) {
            ASKED.fetch_add(bytes, Ordering::Relaxed);
        }
    }
}

// SAFETY: every call is passed on unchanged to `System`, which upholds the contract.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::note(layout.size());
        // SAFETY: as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Self::note(layout.size());
        // SAFETY: as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::note(new_size.saturating_sub(layout.size()));
        // SAFETY: as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated on this thread by `work`.
fn allocated_by<T>(work: impl FnOnce() -> T) -> (T, usize) {
    static ONE_AT_A_TIME: AtomicBool = AtomicBool::new(false);
    assert!(!ONE_AT_A_TIME.swap(true, Ordering::SeqCst), "one measurement at a time");
    ASKED.store(0, Ordering::SeqCst);
    COUNTED.with(|c| c.set(true));
    let out = work();
    COUNTED.with(|c| c.set(false));
    ONE_AT_A_TIME.store(false, Ordering::SeqCst);
    (out, ASKED.load(Ordering::SeqCst))
}

#[test]
fn a_warm_search_allocates_kilobytes_not_megabytes() {
    let config = Config::builtin();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let root = IndexRoot::new(scratch.path().join("index"));
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let options = IndexOptions::new(vec![corpus], &config);
    let summary =
        index::writer::run(&root, &config, &options, &(), &AtomicBool::new(false)).expect("corpus/ indexes");
    assert!(summary.passages > 100, "{} passages", summary.passages);

    let searcher = Searcher::new(root.open(&config).expect("the index opens"), &config).expect("a searcher");
    let no_actors = |_: &str| None;
    for query in ["satellite technology", "sanctions", "\"foreign minister\"", "title:summit"] {
        let request = SearchRequest { query: query.to_string(), limit: 10, ..SearchRequest::default() };
        // The first search warms the reader's caches of record blocks.
        let cold = searcher.search(&request, &no_actors).expect("the query runs");
        let (warm, bytes) = allocated_by(|| searcher.search(&request, &no_actors).expect("the query runs"));
        assert_eq!(warm.hits.len(), cold.hits.len(), "{query}");
        assert!(!warm.hits.is_empty(), "{query}: corpus/ has hits for it");
        // The hits' records, texts and highlights, tantivy's scorers and their blocks: 17-220
        // KiB for these queries. The old stem cache alone was 1 MiB an analyzer (11 MiB in all
        // for the first query).
        assert!(bytes > 1_000, "{query}: the allocator counted {bytes} bytes: is it installed?");
        assert!(bytes < 1 << 20, "{query}: a warm search allocated {} KiB", bytes >> 10);
    }
}
