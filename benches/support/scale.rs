//! A deterministic generator of synthetic archives at scale, shared by `examples/scale_corpus.rs`,
//! the benchmarks and `tests/bench_smoke.rs`.
//!
//! It reads a source folder with casefile's own reader, cuts the bodies into paragraphs and
//! sentences, and notes in every sentence the spans it may vary: capitalised names and places,
//! years, and days of the month. A generated article then samples a body length from the source,
//! fills it with source paragraphs (some recombined from sentences of other paragraphs), swaps
//! names for other names of the same word count seen in the source (consistently within the
//! article), shifts years by one offset per article and redraws days of the month.
//!
//! Every article is drawn from its own PRNG seeded by `(seed, n)`, so article `n` is the same
//! whichever order or thread produces it, and the same seed gives the same bytes.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use casefile::read::{self, ReadOptions, WalkOptions, Walked};
use jiff::civil::Date;
use rayon::prelude::*;

use self::text::{find_slots, paragraphs, sentences, Kind, Slot};

#[path = "scale_text.rs"]
mod text;

/// Articles per output subfolder.
pub const PER_FOLDER: usize = 1000;

/// SplitMix64: tiny, fast, and good enough to sample text; no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for article `n` of a corpus drawn with `seed`.
    pub fn for_article(seed: u64, n: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.0 = r.0.wrapping_add(n.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// A uniformly chosen element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A sentence or title with its variable slots, in order.
#[derive(Debug, Clone)]
struct Piece {
    text: Box<str>,
    slots: Box<[Slot]>,
}

/// The material of a source folder, ready to sample from.
#[derive(Debug, Default)]
pub struct Source {
    sentences: Vec<Piece>,
    /// Each paragraph as a range of `sentences`.
    paragraphs: Vec<(u32, u32)>,
    /// Paragraphs that open an article.
    leads: Vec<u32>,
    /// Every other paragraph.
    others: Vec<u32>,
    titles: Vec<Piece>,
    /// Names seen, by word count (index 1..=4) and context, with repetitions, so common names
    /// stay common.
    names: [[Vec<Box<str>>; 2]; 5],
    outlets: Vec<Box<str>>,
    published: Vec<Date>,
    /// Body lengths in bytes, to sample the length distribution from.
    lengths: Vec<u32>,
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Its id (`scale-<seed>-<n>`).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Body: paragraphs separated by blank lines.
    pub body: String,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Articles generated.
    pub articles: usize,
    /// Bytes of `.txt` files written (0 without an output folder).
    pub text_bytes: u64,
    /// Bytes of body text generated.
    pub body_bytes: u64,
}

impl Source {
    /// Reads every article under `dir` with casefile's reader.
    ///
    /// # Errors
    /// When the folder holds no article with a body to sample from.
    pub fn load(dir: &Path) -> Result<Source, String> {
        let mut source = Source::default();
        let options = ReadOptions::default();
        for entry in read::walk(&[dir.to_path_buf()], &WalkOptions::default()) {
            let Walked::File { path, .. } = entry else { continue };
            for article in read::read_file(&path, &options).articles {
                source.add_article(&article);
            }
        }
        if source.leads.is_empty() {
            return Err(format!("{}: no article with a body to sample from", dir.display()));
        }
        Ok(source)
    }

    /// Number of source articles read.
    pub fn articles(&self) -> usize {
        self.lengths.len()
    }

    fn add_article(&mut self, article: &casefile::Article) {
        let mut first = true;
        for para in paragraphs(&article.body) {
            let from = self.sentences.len() as u32;
            for sentence in sentences(para) {
                let piece = self.piece(sentence);
                self.sentences.push(piece);
            }
            let to = self.sentences.len() as u32;
            if from == to {
                continue;
            }
            let index = self.paragraphs.len() as u32;
            self.paragraphs.push((from, to));
            if first {
                self.leads.push(index);
                first = false;
            } else {
                self.others.push(index);
            }
        }
        if first {
            return;
        }
        let title = self.piece(article.title.trim());
        self.titles.push(title);
        if let Some(s) = &article.source {
            self.outlets.push(s.as_str().into());
        }
        if let Some(d) = article.published {
            self.published.push(d);
        }
        self.lengths.push(article.body.len() as u32);
    }

    /// Finds the slots of `text` and records its names in the pools.
    fn piece(&mut self, text: &str) -> Piece {
        let slots = find_slots(text);
        for s in &slots {
            if let Kind::Name(n, c) = s.kind {
                self.names[n as usize][c as usize].push(text[s.start as usize..s.end as usize].into());
            }
        }
        Piece { text: text.into(), slots: slots.into() }
    }

    /// Generates article `n` of the corpus drawn with `seed`.
    pub fn article(&self, seed: u64, n: usize) -> Generated {
        let mut rng = Rng::for_article(seed, n as u64);
        let years = rng.below(9) as i16 - 4;
        let mut vary = Vary { source: self, years, names: HashMap::new() };
        let target = *rng.pick(&self.lengths) as usize;

        let mut body = String::with_capacity(target + 256);
        let lead = *rng.pick(&self.leads);
        vary.paragraph(&mut rng, lead, &mut body);
        // Add paragraphs while that brings the length closer to the sampled one.
        while !self.others.is_empty() {
            let next = *rng.pick(&self.others);
            let (from, to) = self.paragraphs[next as usize];
            let len: usize = (from..to).map(|i| self.sentences[i as usize].text.len() + 1).sum();
            if body.len() + len / 2 > target {
                break;
            }
            body.push_str("\n\n");
            vary.paragraph(&mut rng, next, &mut body);
        }

        let mut title = String::new();
        let t = rng.below(self.titles.len());
        vary.render(&mut rng, &self.titles[t], &mut title);
        let source = (!self.outlets.is_empty()).then(|| rng.pick(&self.outlets).to_string());
        let published = if self.published.is_empty() {
            Date::new(2000, 1, 1)
                .ok()
                .and_then(|d| d.checked_add(jiff::Span::new().days(rng.below(9000) as i64)).ok())
        } else {
            let base = *rng.pick(&self.published);
            let shifted = Date::new(base.year() + years, base.month(), base.day().min(28)).ok();
            let days = rng.below(61) as i64 - 30;
            shifted.and_then(|d| d.checked_add(jiff::Span::new().days(days)).ok())
        };
        Generated { id: format!("scale-{seed}-{n:07}"), title, source, published, body }
    }
}

/// The variations of one article: its year offset and its name substitutions.
struct Vary<'a> {
    source: &'a Source,
    years: i16,
    /// Each name met so far and what it became, so a name varies consistently in an article.
    names: HashMap<&'a str, &'a str>,
}

impl<'a> Vary<'a> {
    /// Appends paragraph `index`; three times in ten, only its first sentence is kept and the
    /// others are drawn from anywhere in the source (paragraphs of one sentence stay whole).
    fn paragraph(&mut self, rng: &mut Rng, index: u32, out: &mut String) {
        let (from, to) = self.source.paragraphs[index as usize];
        let recombine = rng.chance(0.3);
        for (k, i) in (from..to).enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let sentence = if recombine && k > 0 {
                rng.pick(&self.source.sentences)
            } else {
                &self.source.sentences[i as usize]
            };
            self.render(rng, sentence, out);
        }
    }

    /// Appends `piece` with its slots varied.
    fn render(&mut self, rng: &mut Rng, piece: &'a Piece, out: &mut String) {
        let text: &'a str = &piece.text;
        let mut at = 0;
        for slot in piece.slots.iter() {
            let (start, end) = (slot.start as usize, slot.end as usize);
            out.push_str(&text[at..start]);
            let original = &text[start..end];
            match slot.kind {
                Kind::Name(n, c) => out.push_str(self.name(rng, original, n, c)),
                Kind::Year(y) => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "{}", y + self.years);
                }
                Kind::Day => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "{}", 1 + rng.below(28));
                }
            }
            at = end;
        }
        out.push_str(&text[at..]);
    }

    /// What `original` becomes in this article: itself half the time, else another name of the
    /// same word count.
    fn name(&mut self, rng: &mut Rng, original: &'a str, words: u8, context: u8) -> &'a str {
        if let Some(v) = self.names.get(original) {
            return v;
        }
        let pool = &self.source.names[words as usize][context as usize];
        let chosen: &'a str =
            if pool.is_empty() || rng.chance(0.5) { original } else { &pool[rng.below(pool.len())] };
        self.names.insert(original, chosen);
        chosen
    }
}

impl Generated {
    /// The article as a `.txt` file with front matter (values are JSON strings, which are valid
    /// YAML double-quoted scalars).
    pub fn to_text(&self) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let mut out = String::with_capacity(self.body.len() + 200);
        out.push_str("---\nid: ");
        out.push_str(&q(&self.id));
        out.push_str("\ntitle: ");
        out.push_str(&q(&self.title));
        if let Some(s) = &self.source {
            out.push_str("\nsource: ");
            out.push_str(&q(s));
        }
        if let Some(d) = self.published {
            out.push_str(&format!("\npublished: \"{d}\""));
        }
        out.push_str("\n---\n");
        out.push_str(&self.body);
        out.push('\n');
        out
    }

    /// The article as one NDJSON line `{"id","title","body"}` (for tantivy-cli), with its newline.
    pub fn to_json_line(&self) -> String {
        let value = serde_json::json!({"id": self.id, "title": self.title, "body": self.body});
        let mut line = value.to_string();
        line.push('\n');
        line
    }
}

/// The path of article `n` under the output folder: `NNN/<id>.txt`, [`PER_FOLDER`] per folder.
pub fn relative_path(n: usize, id: &str) -> PathBuf {
    PathBuf::from(format!("{:03}", n / PER_FOLDER)).join(format!("{id}.txt"))
}

/// Generates `count` articles with `seed`, writing `.txt` files under `out` and/or NDJSON lines to
/// `jsonl`. Folders are generated in parallel; the NDJSON file is written in article order.
///
/// # Errors
/// When `out` exists and is not empty (stale files would mix into the corpus), or on I/O errors.
pub fn write_corpus(
    source: &Source,
    out: Option<&Path>,
    jsonl: Option<&Path>,
    count: usize,
    seed: u64,
) -> Result<Written, String> {
    if let Some(dir) = out {
        if dir.read_dir().is_ok_and(|mut d| d.next().is_some()) {
            return Err(format!("{}: the output folder is not empty; give a new one", dir.display()));
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut ndjson = match jsonl {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    let folders = count.div_ceil(PER_FOLDER);
    let mut written = Written::default();
    // A few folders at a time, so the NDJSON of a batch is held in memory only briefly.
    let batch = rayon::current_num_threads().max(1) * 2;
    for first in (0..folders).step_by(batch) {
        let results: Vec<Result<(Written, String), String>> = (first..(first + batch).min(folders))
            .into_par_iter()
            .map(|folder| write_folder(source, out, jsonl.is_some(), folder, count, seed))
            .collect();
        for r in results {
            let (w, lines) = r?;
            written.articles += w.articles;
            written.text_bytes += w.text_bytes;
            written.body_bytes += w.body_bytes;
            if let Some(f) = ndjson.as_mut() {
                f.write_all(lines.as_bytes()).map_err(|e| format!("writing NDJSON: {e}"))?;
            }
        }
    }
    if let Some(mut f) = ndjson {
        f.flush().map_err(|e| format!("writing NDJSON: {e}"))?;
    }
    Ok(written)
}

fn write_folder(
    source: &Source,
    out: Option<&Path>,
    want_json: bool,
    folder: usize,
    count: usize,
    seed: u64,
) -> Result<(Written, String), String> {
    let mut written = Written::default();
    let mut lines = String::new();
    let range = folder * PER_FOLDER..((folder + 1) * PER_FOLDER).min(count);
    if let Some(dir) = out {
        let sub = dir.join(format!("{folder:03}"));
        std::fs::create_dir_all(&sub).map_err(|e| format!("{}: {e}", sub.display()))?;
    }
    for n in range {
        let article = source.article(seed, n);
        written.articles += 1;
        written.body_bytes += article.body.len() as u64;
        if let Some(dir) = out {
            let path = dir.join(relative_path(n, &article.id));
            let text = article.to_text();
            std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
            written.text_bytes += text.len() as u64;
        }
        if want_json {
            lines.push_str(&article.to_json_line());
        }
    }
    Ok((written, lines))
}
