//! Human output: numbered hits with highlighted passages, then the numbered sources.

use std::collections::HashSet;
use std::io;

use termcolor::{Color, ColorSpec, WriteColor};

use crate::print::citation_numbers;
use crate::search::{Hit, Neighbour};

/// Writes hits for a human reader, with each hit's score when `scores` is true (a search with
/// no query words scores every passage alike). Colour is the caller's choice of `out` (a
/// `termcolor` stream that is plain when piped or when `NO_COLOR` is set).
///
/// # Errors
/// I/O errors of `out`.
pub fn render(out: &mut dyn WriteColor, hits: &[Hit], total: usize, scores: bool) -> io::Result<()> {
    let (numbers, sources) = citation_numbers(hits);
    let mut bold = ColorSpec::new();
    bold.set_bold(true);
    let mut dim = ColorSpec::new();
    dim.set_dimmed(true);
    let mut mark = ColorSpec::new();
    mark.set_fg(Some(Color::Red)).set_bold(true);
    for (hit, n) in hits.iter().zip(&numbers) {
        let c = &hit.citation;
        out.set_color(&bold)?;
        write!(out, "[{n}] {}", c.title)?;
        out.reset()?;
        let mut meta = Vec::new();
        meta.extend(c.source.clone());
        meta.extend(c.published.clone());
        if !meta.is_empty() {
            write!(out, " — {}", meta.join(", "))?;
        }
        writeln!(out)?;
        out.set_color(&dim)?;
        if scores {
            writeln!(out, "    {}  (score {:.2})", c.location(), hit.score)?;
        } else {
            writeln!(out, "    {}", c.location())?;
        }
        out.reset()?;
        write_context(out, &hit.context.before, &dim)?;
        write!(out, "    ")?;
        let mut at = 0;
        for &(s, e) in &hit.highlights {
            if s < at || !hit.text.is_char_boundary(s) || !hit.text.is_char_boundary(e) {
                continue;
            }
            write_indented(out, &hit.text[at..s])?;
            out.set_color(&mark)?;
            write_indented(out, &hit.text[s..e])?;
            out.reset()?;
            at = e;
        }
        write_indented(out, &hit.text[at..])?;
        writeln!(out)?;
        write_context(out, &hit.context.after, &dim)?;
        let r = &hit.record;
        if let Some(q) = r.quote.and_then(|i| r.quotes.get(i)) {
            writeln!(out, "    — {}", q.speaker.as_deref().unwrap_or("unattributed"))?;
        } else {
            for q in &r.quotes {
                writeln!(
                    out,
                    "    quote: “{}” — {}",
                    q.text,
                    q.speaker.as_deref().unwrap_or("unattributed")
                )?;
            }
        }
        out.set_color(&dim)?;
        if !r.actors.is_empty() {
            let names: Vec<String> = r
                .actors
                .iter()
                .map(|a| match &a.code {
                    Some(code) => format!("{} ({code})", a.name),
                    None => a.name.clone(),
                })
                .collect();
            writeln!(out, "    actors: {}", names.join(", "))?;
        }
        if !r.topics.is_empty() {
            let ids: Vec<&str> = r.topics.iter().map(|t| t.id.as_str()).collect();
            writeln!(out, "    topics: {}", ids.join(", "))?;
        }
        out.reset()?;
        writeln!(out)?;
    }
    out.set_color(&bold)?;
    writeln!(out, "Sources")?;
    out.reset()?;
    for (i, s) in sources.iter().enumerate() {
        writeln!(out, "[{}] {}", i + 1, s.citation.line_text())?;
    }
    // Quotation hits share their passage's document: `total` counts passages.
    let quotations = hits.iter().any(|h| h.record.quote.is_some());
    let passages_shown =
        hits.iter().map(|h| (&h.record.article.id, h.record.passage.index)).collect::<HashSet<_>>().len();
    if total > passages_shown {
        out.set_color(&dim)?;
        if quotations {
            writeln!(
                out,
                "\n{} quotations shown, from {passages_shown} of {total} matching passages (--limit, --per-article)",
                hits.len()
            )?;
        } else {
            writeln!(out, "\n{} of {total} matching passages shown (--limit, --per-article)", hits.len())?;
        }
        out.reset()?;
    }
    Ok(())
}

/// Passages around a hit, dimmed, each marked `¶N:` with its paragraph.
fn write_context(out: &mut dyn WriteColor, passages: &[Neighbour], dim: &ColorSpec) -> io::Result<()> {
    for n in passages {
        out.set_color(dim)?;
        write!(out, "    ¶{}: ", n.passage.paragraph)?;
        write_indented(out, &n.text)?;
        out.reset()?;
        writeln!(out)?;
    }
    Ok(())
}

fn write_indented(out: &mut dyn WriteColor, text: &str) -> io::Result<()> {
    out.write_all(text.replace('\n', "\n    ").as_bytes())
}
