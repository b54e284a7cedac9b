//! Picking out, in a passage that a quotation search matched, the quotations it asked for.
//!
//! Quotations are indexed with their passage (each one a value of the `quote` field), so the
//! index finds and ranks passages; this module decides which of a passage's quotations are hits:
//! those by every `--speaker`, and among them those that hold a word of the query (or, for a
//! `speaker:` term, whose speaker it names). When none does, the passage matched through its
//! other fields (`actor:PRK`), and all of them are.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

use crate::error::Result;
use crate::index::{OpenIndex, StoredPassage};
use crate::search::BuiltQuery;

/// Chooses the quotation hits of each matched passage.
pub(crate) struct QuotePicker {
    /// The analyzer of the `quote` field (stemmed words, like the query's terms).
    words: TextAnalyzer,
    /// The analyzer of the `speaker` field (words, unstemmed).
    names: TextAnalyzer,
    /// The query's terms on `quote`.
    terms: HashSet<String>,
    /// The query's terms on `speaker`.
    speaker_terms: HashSet<String>,
    /// Each `--speaker`, as the names it matches, each as the words a speaker's name must
    /// hold in a row.
    speakers: Vec<Vec<Vec<String>>>,
}

impl QuotePicker {
    /// A picker for the quotation search built as `built`.
    ///
    /// # Errors
    /// When the index lacks an analyzer for `quote` or `speaker` (not a casefile index).
    pub(crate) fn new(open: &OpenIndex, built: &BuiltQuery) -> Result<QuotePicker> {
        let words = open.index.tokenizer_for_field(open.fields.quote)?;
        let mut names = open.index.tokenizer_for_field(open.fields.speaker)?;
        let speakers = built
            .speaker_names
            .iter()
            .map(|alternatives| {
                alternatives
                    .iter()
                    .map(|s| tokens(&mut names, s))
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|alternatives| !alternatives.is_empty())
            .collect();
        Ok(QuotePicker {
            words,
            names,
            terms: built.terms.clone(),
            speaker_terms: built.speaker_terms.clone(),
            speakers,
        })
    }

    /// The indices in `record.quotes` of the quotations to show, in passage order.
    pub(crate) fn pick(&mut self, record: &StoredPassage) -> Vec<usize> {
        let mut by_speakers = Vec::new();
        let mut holds_query = Vec::new();
        let query_words = !(self.terms.is_empty() && self.speaker_terms.is_empty());
        for (i, q) in record.quotes.iter().enumerate() {
            let name = tokens(&mut self.names, q.speaker.as_deref().unwrap_or(""));
            if self.speakers.iter().all(|names| names.iter().any(|wanted| holds_in_a_row(&name, wanted))) {
                by_speakers.push(i);
            }
            let holds = query_words
                && (name.iter().any(|w| self.speaker_terms.contains(w))
                    || tokens(&mut self.words, &q.text).iter().any(|w| self.terms.contains(w)));
            holds_query.push(holds);
        }
        // When no quotation holds a word of the query, the passage matched through its other
        // fields, and every quotation by the speakers is a hit; otherwise only those that hold
        // one (a passage matched by one speaker's words is not a hit for another speaker).
        if holds_query.iter().any(|&h| h) {
            by_speakers.retain(|&i| holds_query[i]);
        }
        by_speakers
    }
}

/// The tokens `analyzer` makes of `text`.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer.token_stream(text).process(&mut |t| out.push(t.text.clone()));
    out
}

/// Whether `words` holds `wanted` as a contiguous run ("Blinken" and "Antony Blinken" in
/// "Antony Blinken").
fn holds_in_a_row(words: &[String], wanted: &[String]) -> bool {
    words.windows(wanted.len()).any(|w| w == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_speaker_is_a_run_of_words_of_the_name() {
        let name = words("antony j blinken");
        assert!(holds_in_a_row(&name, &words("blinken")));
        assert!(holds_in_a_row(&name, &words("j blinken")));
        assert!(!holds_in_a_row(&name, &words("antony blinken")));
        assert!(!holds_in_a_row(&words(""), &words("blinken")));
    }
}
