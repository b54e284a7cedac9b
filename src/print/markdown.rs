//! Markdown output with footnote-style citations, to paste into a report.

use std::fmt::Write;

use crate::print::citation_numbers;
use crate::search::{Hit, Neighbour};

/// Renders hits as Markdown: each passage as a block quote with its footnote, then the
/// footnotes. The passages around a hit (`-C`) are quoted with it in italics, each marked with its
/// paragraph, so a reader tells the cited words from their context.
pub fn render(query: &str, hits: &[Hit]) -> String {
    let (numbers, sources) = citation_numbers(hits);
    let mut out = String::new();
    let _ = writeln!(out, "## Search: {}\n", query.trim());
    for (hit, n) in hits.iter().zip(&numbers) {
        for n in &hit.context.before {
            quote_context(&mut out, n);
            let _ = writeln!(out, ">");
        }
        let text = emphasise(&hit.text, &hit.highlights);
        for line in text.lines() {
            let _ = writeln!(out, "> {line}");
        }
        for n in &hit.context.after {
            let _ = writeln!(out, ">");
            quote_context(&mut out, n);
        }
        let speaker = hit
            .record
            .quote
            .and_then(|i| hit.record.quotes.get(i))
            .and_then(|q| q.speaker.clone())
            .map(|s| format!(" {s},"))
            .unwrap_or_default();
        let _ = writeln!(out, ">\n> —{speaker} *{}*[^{n}]\n", hit.record.article.title);
    }
    for (i, source) in sources.iter().enumerate() {
        let c = &source.citation;
        let title = match &c.url {
            Some(url) => format!("[{}]({url})", c.title),
            None => format!("\"{}\"", c.title),
        };
        let mut parts = vec![title];
        parts.extend(c.source.clone());
        parts.extend(c.published.clone());
        let places: Vec<String> = hits
            .iter()
            .filter(|h| h.record.article.id == source.record.article.id)
            .map(|h| h.citation.location())
            .collect();
        parts.push(format!("`{}`", places.join("`; `")));
        let _ = writeln!(out, "[^{}]: {}", i + 1, parts.join(", "));
    }
    out
}

/// A passage around a hit, quoted in italics, marked `¶N:` with its paragraph.
fn quote_context(out: &mut String, n: &Neighbour) {
    let lines = n.text.lines().map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        let mark = if i == 0 { format!("¶{}: ", n.passage.paragraph) } else { String::new() };
        let _ = writeln!(out, "> *{mark}{line}*");
    }
}

/// Wraps highlighted ranges in `**`.
fn emphasise(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 4);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str("**");
        out.push_str(&text[s..e]);
        out.push_str("**");
        at = e;
    }
    out.push_str(&text[at..]);
    out
}
