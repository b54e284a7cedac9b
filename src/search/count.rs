//! Counting a search's matches: how many passages and how many articles, in all or per period of
//! publication, as Elasticsearch's `_count` and date histograms give them. No stored record is
//! read: the article and its date come from the `article_key` and `published` columns. A
//! quotation search also counts its quotations, which are told apart in each passage's record
//! (`tally_quotations`).

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::LEAD_BIT;

/// The periods matches can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar years (`2024`).
    Year,
    /// Calendar months (`2024-11`).
    Month,
    /// Days (`2024-11-05`).
    Day,
}

/// How many passages and articles matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matching quotations, for a quotation search (`None` for a passage search).
    pub quotations: Option<u64>,
    /// Matching passages (or, for a quotation search, passages holding matching quotations).
    pub passages: u64,
    /// Articles with at least one matching passage.
    pub articles: u64,
    /// The same per period of publication, earliest first, periods without matches left out;
    /// articles without a date under the period `undated`, last. Empty unless asked for.
    pub periods: Vec<PeriodCount>,
}

/// The matches of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCount {
    /// `2024`, `2024-11`, `2024-11-05` (UTC), or `undated`.
    pub period: String,
    /// Matching quotations published in the period, for a quotation search.
    pub quotations: Option<u64>,
    /// Matching passages published in the period.
    pub passages: u64,
    /// Articles published in the period with at least one matching passage.
    pub articles: u64,
}

/// A period as a sortable number: `2024_11_05` for a day, `2024_11_00` for a month, `2024_00_00`
/// for a year; `None` for undated.
type PeriodKey = Option<i64>;

/// Matches counted by period: passages, and the articles' keys.
type Tally = HashMap<PeriodKey, (u64, HashSet<u64>)>;

/// A collector counting matches (see the module's documentation).
pub(crate) struct CountMatches {
    pub(crate) by: Option<Period>,
}

/// The per-segment part of [`CountMatches`].
pub(crate) struct SegmentCounts {
    by: Option<Period>,
    keys: Option<Column<u64>>,
    dates: Option<Column<DateTime>>,
    tally: Tally,
}

impl Collector for CountMatches {
    type Fruit = Counts;
    type Child = SegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentCounts> {
        let columns = segment.fast_fields();
        Ok(SegmentCounts {
            by: self.by,
            keys: columns.u64("article_key").ok(),
            dates: if self.by.is_some() { columns.date("published").ok() } else { None },
            tally: Tally::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, tallies: Vec<Tally>) -> tantivy::Result<Counts> {
        let mut all = Tally::new();
        for tally in tallies {
            for (period, (passages, articles)) in tally {
                let entry = all.entry(period).or_default();
                entry.0 += passages;
                entry.1.extend(articles);
            }
        }
        Ok(counts(all, None, self.by))
    }
}

/// The counts of `all`, with `quotations` per period for a quotation search.
fn counts(all: Tally, quotations: Option<&HashMap<PeriodKey, u64>>, by: Option<Period>) -> Counts {
    let passages = all.values().map(|(n, _)| n).sum();
    let articles = all.values().flat_map(|(_, keys)| keys).collect::<HashSet<_>>().len() as u64;
    let quoted_in = |period: &PeriodKey| quotations.map(|q| q.get(period).copied().unwrap_or(0));
    let mut periods: Vec<(PeriodKey, u64, u64)> =
        all.into_iter().map(|(period, (n, keys))| (period, n, keys.len() as u64)).collect();
    // Undated (None) last.
    periods.sort_by_key(|(period, _, _)| (period.is_none(), *period));
    let periods = match by {
        None => Vec::new(),
        Some(by) => periods
            .into_iter()
            .map(|(period, passages, articles)| PeriodCount {
                period: label(period, by),
                quotations: quoted_in(&period),
                passages,
                articles,
            })
            .collect(),
    };
    Counts { quotations: quotations.map(|q| q.values().sum()), passages, articles, periods }
}

/// Counts the quotations of a quotation search: `matched` holds, for each matching passage, its
/// article's key, its publication date and how many of its quotations the search shows. Passages
/// showing none are not counted.
pub(crate) fn tally_quotations(matched: &[(u64, Option<Date>, u64)], by: Option<Period>) -> Counts {
    let mut all = Tally::new();
    let mut quotations: HashMap<PeriodKey, u64> = HashMap::new();
    for &(article, published, n) in matched.iter().filter(|m| m.2 > 0) {
        let period = match by {
            Some(by) => published.map(|date| civil_key(date, by)),
            None => Some(0),
        };
        let entry = all.entry(period).or_default();
        entry.0 += 1;
        entry.1.insert(article);
        *quotations.entry(period).or_default() += n;
    }
    counts(all, Some(&quotations), by)
}

impl SegmentCollector for SegmentCounts {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        let article = self.keys.as_ref().and_then(|keys| keys.first(doc)).map_or(0, |key| key & !LEAD_BIT);
        let period = match self.by {
            Some(by) => self.dates.as_ref().and_then(|dates| dates.first(doc)).and_then(|date| key(date, by)),
            None => Some(0),
        };
        let entry = self.tally.entry(period).or_default();
        entry.0 += 1;
        entry.1.insert(article);
    }

    fn harvest(self) -> Tally {
        self.tally
    }
}

/// The period of `date` (UTC).
fn key(date: DateTime, by: Period) -> PeriodKey {
    let day = TimeZone::UTC.to_datetime(Timestamp::from_second(date.into_timestamp_secs()).ok()?).date();
    Some(civil_key(day, by))
}

/// The period of the day `day`.
fn civil_key(day: Date, by: Period) -> i64 {
    let (year, month, day) = (i64::from(day.year()), i64::from(day.month()), i64::from(day.day()));
    match by {
        Period::Year => year * 10_000,
        Period::Month => year * 10_000 + month * 100,
        Period::Day => year * 10_000 + month * 100 + day,
    }
}

fn label(period: PeriodKey, by: Period) -> String {
    let Some(period) = period else { return "undated".to_string() };
    let (year, month, day) = (period / 10_000, period / 100 % 100, period % 100);
    match by {
        Period::Year => format!("{year:04}"),
        Period::Month => format!("{year:04}-{month:02}"),
        Period::Day => format!("{year:04}-{month:02}-{day:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_labelled_at_their_granularity() {
        let date = DateTime::from_timestamp_secs(1_730_764_800); // 2024-11-05T00:00:00Z
        assert_eq!(label(key(date, Period::Year), Period::Year), "2024");
        assert_eq!(label(key(date, Period::Month), Period::Month), "2024-11");
        assert_eq!(label(key(date, Period::Day), Period::Day), "2024-11-05");
        assert_eq!(label(None, Period::Day), "undated");
        assert!(key(date, Period::Month) < key(DateTime::from_timestamp_secs(1_733_011_200), Period::Month));
    }
}
