//! Counts of matches, for people (a line per period with a bar) or as one JSON object.

use std::io;

use serde_json::{json, Value};

use crate::print::counted;
use crate::search::Counts;

/// The widest bar of a period, in characters.
const BAR_WIDTH: u64 = 40;

/// Writes `counts` for a human reader: the totals, then each period with its passages (or, for a
/// quotation search, its quotations), articles and a bar in proportion.
///
/// # Errors
/// I/O errors of `out`.
pub fn render(out: &mut dyn io::Write, counts: &Counts) -> io::Result<()> {
    let passages = counted(counts.passages, "passage");
    let articles = counted(counts.articles, "article");
    match counts.quotations {
        Some(q) => writeln!(out, "{} in {passages} of {articles}", counted(q, "quotation"))?,
        None => writeln!(out, "{passages} in {articles}")?,
    }
    // What a period's number and bar count: its quotations, or its passages.
    let counted_of = |p: &crate::search::PeriodCount| p.quotations.unwrap_or(p.passages);
    let most = counts.periods.iter().map(counted_of).max().unwrap_or(0).max(1);
    let width = counts.periods.iter().map(|p| p.period.len()).max().unwrap_or(0);
    let digits = most.to_string().len();
    let articles: Vec<String> = counts.periods.iter().map(|p| counted(p.articles, "article")).collect();
    let articles_width = articles.iter().map(String::len).max().unwrap_or(0);
    for (p, articles) in counts.periods.iter().zip(&articles) {
        // Every period with a match gets at least one character of bar.
        let bar = "█".repeat((counted_of(p) * BAR_WIDTH).div_ceil(most) as usize);
        writeln!(
            out,
            "{:<width$}  {:>digits$} in {articles:<articles_width$}  {bar}",
            p.period,
            counted_of(p)
        )?;
    }
    Ok(())
}

/// `counts` as JSON: `{"passages", "articles", "periods": [{"period", "passages", "articles"}]}`
/// (`periods` only when counted by period), with `"quotations"` beside `"passages"` for a
/// quotation search.
pub fn json(counts: &Counts) -> Value {
    let mut value = json!({"passages": counts.passages, "articles": counts.articles});
    if let Some(q) = counts.quotations {
        value["quotations"] = json!(q);
    }
    if !counts.periods.is_empty() {
        value["periods"] = counts
            .periods
            .iter()
            .map(|p| {
                let mut period = json!({"period": p.period, "passages": p.passages, "articles": p.articles});
                if let Some(q) = p.quotations {
                    period["quotations"] = json!(q);
                }
                period
            })
            .collect();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::PeriodCount;

    #[test]
    fn periods_get_bars_in_proportion() {
        let period = |period: &str, passages, articles| PeriodCount {
            period: period.into(),
            quotations: None,
            passages,
            articles,
        };
        let counts = Counts {
            quotations: None,
            passages: 41,
            articles: 12,
            periods: vec![period("2024-10", 1, 1), period("2024-11", 40, 10), period("undated", 0, 1)],
        };
        let mut out = Vec::new();
        render(&mut out, &counts).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "41 passages in 12 articles");
        assert_eq!(lines[1], "2024-10   1 in 1 article    █", "{text}");
        assert_eq!(lines[2].matches('█').count(), 40, "{text}");
        assert_eq!(json(&counts)["periods"][1]["articles"], 10);
    }
}
