//! What an index holds: counts, sources, date range, top actors and topics, size, last run.

use std::fmt::Write;

use serde::Serialize;
use tantivy::schema::Field;

use crate::error::Result;
use crate::index::{OpenIndex, RunSummary};

/// A summary of an index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    /// The index folder.
    pub path: String,
    /// Files indexed.
    pub files: u64,
    /// The folders (and files) indexed, by the name their files have in the index, each with
    /// where it was when last indexed.
    pub roots: Vec<(String, String)>,
    /// Articles.
    pub articles: u64,
    /// Passages.
    pub passages: u64,
    /// Outlets (lower-cased) with their passage counts, most first.
    pub sources: Vec<(String, u64)>,
    /// Earliest and latest publication dates.
    pub date_range: Option<(String, String)>,
    /// Actors by the number of passages of articles mentioning them, most first (top 15).
    pub top_actors: Vec<(String, u64)>,
    /// Topics by number of passages, most first (top 15).
    pub top_topics: Vec<(String, u64)>,
    /// Size on disk in bytes.
    pub size_bytes: u64,
    /// The last run's summary.
    pub last_run: Option<RunSummary>,
}

/// Collects the statistics of `open`.
///
/// # Errors
/// When the index or its manifest cannot be read.
pub fn collect(open: &OpenIndex) -> Result<IndexStats> {
    let manifest = open.manifest()?;
    let roots = manifest.roots().iter().map(|(name, at)| (name.clone(), at.display().to_string())).collect();
    let totals = manifest.totals()?;
    let reader = open.index.reader()?;
    let searcher = reader.searcher();
    let mut min: Option<i64> = None;
    let mut max: Option<i64> = None;
    for segment in searcher.segment_readers() {
        if let Ok(column) = segment.fast_fields().date("published") {
            if segment.num_docs() == 0 {
                continue;
            }
            let (lo, hi) =
                (column.min_value().into_timestamp_secs(), column.max_value().into_timestamp_secs());
            if column.values.num_vals() > 0 {
                min = Some(min.map_or(lo, |m| m.min(lo)));
                max = Some(max.map_or(hi, |m| m.max(hi)));
            }
        }
    }
    let day = |secs: i64| {
        jiff::Timestamp::from_second(secs)
            .map(|t| jiff::tz::TimeZone::UTC.to_datetime(t).date().to_string())
            .unwrap_or_default()
    };
    let size_bytes = std::fs::read_dir(&open.dir)
        .map(|entries| entries.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0);
    Ok(IndexStats {
        path: open.dir.display().to_string(),
        files: totals.files,
        roots,
        articles: totals.articles,
        passages: totals.passages,
        sources: top_terms(&searcher, open.fields.source, 50)?,
        date_range: min.zip(max).map(|(a, b)| (day(a), day(b))),
        top_actors: top_terms(&searcher, open.fields.actor, 15)?,
        top_topics: top_terms(&searcher, open.fields.topic, 15)?,
        size_bytes,
        last_run: open.payload().and_then(|p| p.last_run),
    })
}

/// The outlets of the index (lower case, as indexed), most passages first, at most 50: what
/// `--source` can name.
///
/// # Errors
/// When tantivy cannot open a reader or a segment's terms.
pub fn sources(open: &OpenIndex) -> Result<Vec<(String, u64)>> {
    top_terms(&open.index.reader()?.searcher(), open.fields.source, 50)
}

/// The words of `text`, as `field`'s analyzer makes them, that no document of the index holds in
/// `field`: why a filter on that field matched nothing (`--speaker "Secretary Blinken"`: no
/// speaker's name holds `secretary`).
///
/// # Errors
/// When tantivy cannot open a reader, the field's analyzer or a segment's terms.
pub fn absent_words(open: &OpenIndex, field: Field, text: &str) -> Result<Vec<String>> {
    absent_words_in(open, &open.index.reader()?.searcher(), field, text)
}

/// [`absent_words`], read through `searcher` (a search's own view of the index).
///
/// # Errors
/// When tantivy cannot give the field's analyzer or a segment's terms.
pub fn absent_words_in(
    open: &OpenIndex,
    searcher: &tantivy::Searcher,
    field: Field,
    text: &str,
) -> Result<Vec<String>> {
    let mut analyzer = open.index.tokenizer_for_field(field)?;
    let mut words = Vec::new();
    analyzer.token_stream(text).process(&mut |token| words.push(token.text.clone()));
    let mut absent = Vec::new();
    for word in words {
        let term = tantivy::Term::from_field_text(field, &word);
        if searcher.doc_freq(&term)? == 0 && !absent.contains(&word) {
            absent.push(word);
        }
    }
    Ok(absent)
}

/// The `n` most frequent terms of a key field, by document frequency (live documents only are
/// not distinguished: deleted documents count until merged away).
fn top_terms(searcher: &tantivy::Searcher, field: Field, n: usize) -> Result<Vec<(String, u64)>> {
    let mut counts: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream().map_err(|e| crate::error::Error::io("index", e))?;
        while stream.advance() {
            let term = String::from_utf8_lossy(stream.key()).into_owned();
            *counts.entry(term).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    Ok(v)
}

impl IndexStats {
    /// The statistics as text for people.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "index:      {}", self.path);
        let _ = writeln!(s, "files:      {}", self.files);
        for (name, at) in &self.roots {
            let _ = writeln!(s, "folder:     {name} ({at})");
        }
        let _ = writeln!(s, "articles:   {}", self.articles);
        let _ = writeln!(s, "passages:   {}", self.passages);
        let _ = writeln!(s, "size:       {:.1} MB", self.size_bytes as f64 / 1e6);
        if let Some((a, b)) = &self.date_range {
            let _ = writeln!(s, "published:  {a} to {b}");
        }
        let list =
            |v: &[(String, u64)]| v.iter().map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join(", ");
        // The counts are of passages (documents), which is what the index's terms count.
        let _ = writeln!(s, "sources:    {}", list(&self.sources));
        let _ = writeln!(s, "actors:     {}", list(&self.top_actors));
        let _ = writeln!(s, "topics:     {}", list(&self.top_topics));
        let _ = writeln!(s, "            (counts are of passages)");
        if let Some(r) = &self.last_run {
            let _ = writeln!(
                s,
                "last run:   {} ({} added, {} updated, {} removed, {} unchanged, {} skipped, {:.1}s{})",
                r.finished,
                r.added,
                r.updated,
                r.removed,
                r.unchanged,
                r.skipped.len(),
                r.elapsed_ms as f64 / 1000.0,
                if r.full { ", full rebuild" } else { "" }
            );
        }
        s
    }
}
