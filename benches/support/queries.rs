//! The analyst query set (`benches/queries.tsv`) as library requests and as command lines.

use casefile::search::{SearchRequest, Sort};
use casefile::Config;
use jiff::civil::Date;

/// The query set, compiled in so every instrument runs the same queries.
pub const QUERIES_TSV: &str = include_str!("../queries.tsv");

/// One query of the set with its filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BenchQuery {
    /// The query text (tantivy syntax).
    pub query: String,
    /// Filters as `(flag, value)`: `since`, `until`, `actor`, `topic`, `speaker`, `source`.
    pub filters: Vec<(String, String)>,
    /// Search quotations (`casefile quotes`) instead of passages.
    pub quotes: bool,
}

/// Parses the query set.
///
/// # Errors
/// For a filter that is not `key=value` with a known key.
pub fn parse(tsv: &str) -> Result<Vec<BenchQuery>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let mut q = BenchQuery { query: cols.next().unwrap_or("").to_string(), ..BenchQuery::default() };
        for col in cols {
            if col == "quotes" {
                q.quotes = true;
                continue;
            }
            match col.split_once('=') {
                Some((k, v))
                    if ["since", "until", "actor", "topic", "speaker", "source", "sort"].contains(&k) =>
                {
                    q.filters.push((k.to_string(), v.to_string()));
                }
                _ => return Err(format!("queries.tsv line {}: bad filter `{col}`", n + 1)),
            }
        }
        out.push(q);
    }
    Ok(out)
}

/// The compiled-in query set.
pub fn all() -> Vec<BenchQuery> {
    parse(QUERIES_TSV).unwrap_or_else(|e| panic!("{e}"))
}

impl BenchQuery {
    /// True for a plain query that another engine can run as is (no filters, no quotations, no
    /// casefile-only fields).
    pub fn is_plain(&self) -> bool {
        self.filters.is_empty()
            && !self.quotes
            && !self.query.trim().is_empty()
            && !["actor:", "topic:", "speaker:", "mentioned:", "source:", "summary:"]
                .iter()
                .any(|f| self.query.contains(f))
    }

    /// A short label for tables: the query and its filters.
    pub fn label(&self) -> String {
        let mut s = if self.query.is_empty() { "(all)".to_string() } else { self.query.clone() };
        for (k, v) in &self.filters {
            s.push_str(&format!(" --{k} {v}"));
        }
        if self.quotes {
            s.push_str(" [quotes]");
        }
        s
    }

    /// The request the CLI would build for this query with `config`'s defaults.
    ///
    /// # Errors
    /// For a date filter that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn request(&self, config: &Config) -> Result<SearchRequest, String> {
        let s = &config.settings.search;
        let mut r = SearchRequest {
            query: self.query.clone(),
            limit: s.limit,
            per_article: if self.quotes { 10 } else { s.per_article },
            quotes: self.quotes,
            ..SearchRequest::default()
        };
        for (k, v) in &self.filters {
            match k.as_str() {
                "since" => r.since = Some(bound(v, false)?),
                "until" => r.until = Some(bound(v, true)?),
                "actor" => r.actors.push(v.clone()),
                "topic" => r.topics.push(v.clone()),
                "speaker" => r.speakers.push(v.clone()),
                "source" => r.sources.push(v.clone()),
                "sort" => {
                    r.sort = match v.as_str() {
                        "newest" => Sort::Newest,
                        "oldest" => Sort::Oldest,
                        _ => return Err(format!("sort={v}: newest or oldest")),
                    }
                }
                _ => {}
            }
        }
        Ok(r)
    }

    /// The arguments of the `casefile` command line that runs this query as JSON.
    pub fn command_args(&self, index: &std::path::Path) -> Vec<String> {
        let mut args = vec![if self.quotes { "quotes" } else { "search" }.to_string(), self.query.clone()];
        for (k, v) in &self.filters {
            args.push(format!("--{k}"));
            args.push(v.clone());
        }
        args.push("--index".into());
        args.push(index.display().to_string());
        args.push("--json".into());
        args
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a date; an upper bound takes the last day of the year or
/// month (as `casefile search --until` does).
fn bound(text: &str, upper: bool) -> Result<Date, String> {
    let bad = || format!("`{text}` is not YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str| s.parse::<i16>().map_err(|_| bad());
    let date = match parts.as_slice() {
        [y] => Date::new(num(y)?, if upper { 12 } else { 1 }, if upper { 31 } else { 1 }),
        [y, m] => {
            let first = Date::new(num(y)?, num(m)? as i8, 1).map_err(|_| bad())?;
            return Ok(if upper { first.last_of_month() } else { first });
        }
        [y, m, d] => Date::new(num(y)?, num(m)? as i8, num(d)? as i8),
        _ => return Err(bad()),
    };
    date.map_err(|_| bad())
}
