//! Searching: a query and filters to ranked passages ([`Hit`]s) with their [`Citation`]s.
//!
//! Passages are ranked by BM25 over the passage text, with the article's title and summary as
//! weaker fields; at most `per_article` passages of one article are returned. Everything a hit
//! shows comes from the index: the source files are not read at query time.

pub mod block_term;
pub mod citation;
pub mod collect;
pub mod context;
pub mod count;
pub mod fuzzy;
pub mod highlight;
pub mod lead_union;
pub mod query;
mod quotes;
pub mod rescore;
pub mod suggest;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use jiff::civil::Date;
use serde::Serialize;
use tantivy::columnar::Column;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, IndexReader, ReloadPolicy, Score};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::record;
use crate::index::schema::{article_key, LEAD_BIT};
use crate::index::{OpenIndex, StoredPassage};

pub use citation::Citation;
pub use context::{Context, Neighbour};
pub use count::{Counts, Period, PeriodCount};
pub use query::{period, Resolver};
use quotes::QuotePicker;

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query, in tantivy's syntax (empty: everything that passes the filters).
    pub query: String,
    /// Maximum number of hits.
    pub limit: usize,
    /// Maximum passages per article.
    pub per_article: usize,
    /// Earliest publication date.
    pub since: Option<Date>,
    /// Latest publication date.
    pub until: Option<Date>,
    /// Outlets (any of them; case-insensitive, whole name).
    pub sources: Vec<String>,
    /// Actors (all of them): codes, names, aliases, resolved by the [`Resolver`].
    pub actors: Vec<String>,
    /// Topic ids (all of them).
    pub topics: Vec<String>,
    /// Speakers of quotations in the passage (all of them), by name or surname. A speaker
    /// with a word no stored speaker's name has also matches the name the [`Resolver`] gives
    /// it, the canonical name quotations are stored under ("KCNA": "Korean Central News
    /// Agency").
    pub speakers: Vec<String>,
    /// Search quotations instead of passages: each hit is one quotation of a matching passage
    /// (one that holds a word of the query, by every speaker asked for).
    pub quotes: bool,
    /// The order of the hits.
    pub sort: Sort,
    /// Passages of its article to show before and after each hit.
    pub context: usize,
}

/// The order of a search's hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first: BM25, with the proximity boost and the title lift.
    #[default]
    Relevance,
    /// Latest published first; passages published the same second, best match first (by BM25
    /// alone); articles without a date last.
    Newest,
    /// Earliest published first, otherwise as [`Sort::Newest`].
    Oldest,
}

/// One ranked passage (or quotation: the quotations of one passage share its score).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// The stored passage.
    pub record: StoredPassage,
    /// The text the hit shows: the passage, or the quotation for quotation hits.
    pub text: String,
    /// Byte ranges of `text` that match the query's terms.
    pub highlights: Vec<(usize, usize)>,
    /// Where it comes from.
    pub citation: Citation,
    /// The passages around it, as many as [`SearchRequest::context`] asks for.
    pub context: Context,
}

/// The result of a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Hits, best first.
    pub hits: Vec<Hit>,
    /// Number of matching passages before the per-article cap and limit (for a quotation
    /// search, of passages holding a match).
    pub total: usize,
}

/// Memory for decompressed record blocks per segment: tantivy's default (100 blocks of its
/// default 16 KiB).
const RECORD_CACHE_BYTES: usize = 100 * 16 * 1024;

/// A searcher over an opened index, reusable across queries.
pub struct Searcher {
    open: OpenIndex,
    /// The index as it was when the searcher was made: searches see one commit throughout.
    snapshot: tantivy::Searcher,
    /// Each segment's `article_key` column, by segment ordinal (opening one costs more than
    /// reading it for a hundred candidates, so it is done once).
    article_keys: Vec<Column<u64>>,
    /// The analyzers of `text` and `quote` that highlighting tokenizes hits with, kept across
    /// searches: each holds a stem cache, which a fresh clone per search would start empty
    /// (stemming every word of the hits cold was a tenth of a single-word query's time).
    highlighters: Mutex<Vec<(Field, TextAnalyzer)>>,
    /// Of the fields only lead passages hold (`title`, `summary`), those some segment indexes: a
    /// plain query looks in no field the index lacks. (For a field a segment lacks, tantivy
    /// builds an empty term dictionary, once per process: a quarter of a search process's
    /// instructions on an archive without summaries.)
    headings: Vec<Field>,
    config: Config,
}

/// The fields of `fields` that some segment of `searcher` holds postings for, in that order.
/// Asked of each segment's field list, which opens no term dictionary.
fn indexed_fields(searcher: &tantivy::Searcher, fields: &[Field]) -> Result<Vec<Field>> {
    let schema = searcher.schema();
    let mut held = HashSet::new();
    for segment in searcher.segment_readers() {
        for field in segment.fields_metadata()? {
            if field.postings_size.is_some_and(|size| size.get_bytes() > 0) {
                held.insert(field.field_name);
            }
        }
    }
    Ok(fields.iter().copied().filter(|&f| held.contains(schema.get_field_name(f))).collect())
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("index", &self.open.dir).finish()
    }
}

impl Searcher {
    /// A searcher over `open`.
    ///
    /// # Errors
    /// When tantivy cannot open a reader.
    pub fn new(open: OpenIndex, config: &Config) -> Result<Searcher> {
        // tantivy keeps 100 decompressed record blocks per segment, a number sized for its 16 KiB
        // blocks; casefile's are smaller (`store_block_kb`), so it keeps as many more, in the same
        // memory, and the records of recent hits are not decompressed again.
        let block = open.index.settings().docstore_blocksize.max(1);
        let reader: IndexReader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks((RECORD_CACHE_BYTES / block).max(100))
            .try_into()?;
        let snapshot = reader.searcher();
        let name = snapshot.schema().get_field_name(open.fields.article_key).to_string();
        let article_keys = snapshot
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64(&name))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(|e| {
                Error::Invalid(format!(
                    "the index has no `{name}` ({e}); rebuild it with `casefile index --full`"
                ))
            })?;
        let highlighters = [open.fields.text, open.fields.quote]
            .into_iter()
            .map(|field| Ok((field, open.index.tokenizer_for_field(field)?)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let headings = indexed_fields(&snapshot, &[open.fields.title, open.fields.summary])?;
        Ok(Searcher {
            open,
            snapshot,
            article_keys,
            highlighters: Mutex::new(highlighters),
            headings,
            config: config.clone(),
        })
    }

    /// The stored record of the document at `address` (`None` for a document without one).
    fn record(&self, searcher: &tantivy::Searcher, address: DocAddress) -> Result<Option<StoredPassage>> {
        record::read(searcher, &self.open.fields, address)
    }

    /// Counts the passages and articles matching `request`, in all and, with `by`, per period of
    /// publication; for a quotation search, also the quotations it would show. Its limit,
    /// per-article cap and order do not apply. A passage search reads no record; a quotation
    /// search reads the record of each matching passage, to tell its quotations apart.
    ///
    /// # Errors
    /// As [`Searcher::search`].
    pub fn count(
        &self,
        request: &SearchRequest,
        resolve: &Resolver<'_>,
        by: Option<Period>,
    ) -> Result<Counts> {
        let built = query::build(&self.open, &self.snapshot, &self.headings, &self.config, request, resolve)?;
        if !request.quotes {
            return Ok(self.snapshot.search(&*built.query, &count::CountMatches { by })?);
        }
        let mut picker = QuotePicker::new(&self.open, &built)?;
        let mut addresses: Vec<DocAddress> =
            self.snapshot.search(&*built.query, &tantivy::collector::DocSetCollector)?.into_iter().collect();
        addresses.sort_unstable();
        let mut matched = Vec::with_capacity(addresses.len());
        for address in addresses {
            let Some(record) = self.record(&self.snapshot, address)? else { continue };
            let published = record.article.published.as_deref().and_then(|d| d.parse::<Date>().ok());
            let shown = picker.pick(&record).len() as u64;
            matched.push((article_key(&record.article.id), published, shown));
        }
        Ok(count::tally_quotations(&matched, by))
    }

    /// Runs `request`; `resolve` maps actor names to index keys (for `actors`, `actor:` and,
    /// where a typed name is no stored speaker's, `speakers` and `speaker:`).
    ///
    /// # Errors
    /// [`Error::Query`] for a query that does not parse; tantivy errors.
    pub fn search(&self, request: &SearchRequest, resolve: &Resolver<'_>) -> Result<SearchResults> {
        let built = query::build(&self.open, &self.snapshot, &self.headings, &self.config, request, resolve)?;
        let searcher = &self.snapshot;
        let limit = request.limit.max(1);
        let per_article = request.per_article.max(1);
        // Fetch more than `limit` so the per-article cap can skip passages; the first pass also
        // counts the matches, and bounds any later, larger pass.
        // The proximity boost is worth a wider first pass; the title lift applies to what the
        // per-article cap fetches anyway.
        let window = if built.near.is_some() { rescore::RESCORE_WINDOW } else { 0 };
        let mut fetch = if built.leads_only {
            // One passage per article: the first `limit` candidates are the hits.
            limit
        } else {
            limit.saturating_mul(per_article).saturating_mul(4).clamp(50, 10_000).max(window)
        };
        let first_pass = |fetch: usize| match request.sort {
            Sort::Relevance => Ok(searcher.search(&*built.query, &collect::TopAndCount::new(fetch))?),
            Sort::Newest => collect::by_date(searcher, &*built.query, fetch, collect::Order::Desc),
            Sort::Oldest => collect::by_date(searcher, &*built.query, fetch, collect::Order::Asc),
        };
        let (mut top, total) = first_pass(fetch)?;
        // Records read so far, by address: a later, larger pass reads only the new ones.
        let mut records: HashMap<DocAddress, StoredPassage> = HashMap::new();
        let mut picker = if request.quotes { Some(QuotePicker::new(&self.open, &built)?) } else { None };
        // A hit: its score, its passage, and for a quotation search which of its quotations.
        let hits: Vec<(Score, DocAddress, Option<usize>)> = loop {
            let extras = built.near.iter().map(|q| rescore::Extra::AtCandidate(&**q));
            let extras: Vec<_> = extras
                .chain(built.lift.iter().map(|q| rescore::Extra::AtLead(&**q, &self.article_keys)))
                .collect();
            // Rescoring reorders by score: hits sorted by date keep their first-pass order.
            if !extras.is_empty() && request.sort == Sort::Relevance {
                rescore::rescore(searcher, &extras, &mut top)?;
            }
            let mut hits = Vec::new();
            // Passages taken per article, by article key: a candidate of an article already at
            // the cap is passed over without reading its record.
            let mut per: HashMap<u64, usize> = HashMap::new();
            'candidates: for (score, address) in &top {
                let key =
                    self.article_keys.get(address.segment_ord as usize).and_then(|c| c.first(address.doc_id));
                if key.is_some_and(|k| per.get(&(k & !LEAD_BIT)).is_some_and(|&n| n >= per_article)) {
                    continue;
                }
                if !records.contains_key(address) {
                    let Some(record) = self.record(searcher, *address)? else { continue };
                    records.insert(*address, record);
                }
                let Some(record) = records.get(address) else { continue };
                let key = key.map_or_else(|| article_key(&record.article.id), |k| k & !LEAD_BIT);
                let picked: Vec<Option<usize>> = match picker.as_mut() {
                    Some(picker) => picker.pick(record).into_iter().map(Some).collect(),
                    None => vec![None],
                };
                for quote in picked {
                    let n = per.entry(key).or_default();
                    if *n >= per_article {
                        continue 'candidates;
                    }
                    *n += 1;
                    hits.push((*score, *address, quote));
                    if hits.len() == limit {
                        break 'candidates;
                    }
                }
            }
            if hits.len() == limit || top.len() < fetch || fetch >= total {
                break hits;
            }
            fetch = fetch.saturating_mul(4).min(total);
            top = first_pass(fetch)?.0;
        };
        // Searches on other threads do not wait for the kept analyzer: they use a fresh one.
        let mut kept = self.highlighters.try_lock().ok();
        let mut fresh = None;
        let analyzer = match kept.as_mut().and_then(|k| k.iter_mut().find(|(f, _)| *f == built.text_field)) {
            Some((_, analyzer)) => analyzer,
            None => fresh.insert(self.open.index.tokenizer_for_field(built.text_field)?),
        };
        // Quotation hits of one passage share its record: the last of them takes it.
        let shares: Vec<bool> =
            (0..hits.len()).map(|i| hits[i + 1..].iter().any(|later| later.1 == hits[i].1)).collect();
        let hits = hits
            .into_iter()
            .zip(shares)
            .filter_map(|((score, address, quote), shared)| {
                let mut record =
                    if shared { records.get(&address)?.clone() } else { records.remove(&address)? };
                record.quote = quote;
                Some((score, record))
            })
            .enumerate()
            .map(|(i, (score, record))| {
                let text = match record.quote.and_then(|q| record.quotes.get(q)) {
                    Some(q) => q.text.clone(),
                    None => record.text.clone(),
                };
                let highlights = highlight::highlights(analyzer, &text, &built.terms);
                let citation = Citation::of(&record);
                let context = match request.context {
                    0 => Context::default(),
                    n => {
                        let id = &record.article.id;
                        context::around(searcher, self.open.fields.id, id, &record.passage, n, &|at| {
                            self.record(searcher, at)
                        })?
                    }
                };
                Ok(Hit { rank: i + 1, score, record, text, highlights, citation, context })
            })
            .collect::<Result<_>>()?;
        Ok(SearchResults { hits, total })
    }
}

/// The query and the terms to highlight.
pub(crate) struct BuiltQuery {
    pub(crate) query: Box<dyn Query>,
    /// Added to the scores of the best candidates (the proximity boost of plain words).
    pub(crate) near: Option<Box<dyn Query>>,
    /// The query on title and summary, whose score at an article's lead passage is added to the
    /// article's other passages among the best candidates.
    pub(crate) lift: Option<Box<dyn Query>>,
    /// The query matches lead passages only (its words are all on `title` or `summary`, which
    /// only leads hold): one passage per article, which the per-article cap never passes over.
    pub(crate) leads_only: bool,
    /// The field holding the text hits show (`text`, or `quote` for quotation searches).
    pub(crate) text_field: tantivy::schema::Field,
    pub(crate) terms: HashSet<String>,
    /// The query's terms on `speaker` (a quotation search shows the quotations of the speakers
    /// they name).
    pub(crate) speaker_terms: HashSet<String>,
    /// Each `--speaker` as the names it matches: as typed, and the canonical name of the known
    /// actor it names when that differs ("KCNA": "Korean Central News Agency").
    pub(crate) speaker_names: Vec<Vec<String>>,
}
