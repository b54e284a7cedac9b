//! "Did you mean": for a query that matched nothing, the closest words the index holds.
//!
//! Names reach an archive in several spellings (`Zelensky`, `Zelenskyy`; `Pyongyang` mistyped
//! `Pyongang`), and a search for a word no passage has silently finds nothing. Like
//! Elasticsearch's term suggester, each word of the query that no passage holds is compared with
//! the words the index does hold: the most frequent one within one edit (a transposition counts
//! as one), else within two for words of six letters or more, is suggested. Words of fewer than
//! three letters, excluded words (`-word`), field queries (`title:word`) and operators are left
//! as they are.
//!
//! The index holds stems (`satellit`); the suggestion is shown as a passage spells it, read from
//! the best passage holding the stem.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::index::record;
use crate::index::OpenIndex;

/// A word of a query that no passage holds, and the word to try instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The word as the query has it.
    pub word: String,
    /// The closest word the index holds, as a passage spells it.
    pub instead: String,
}

/// The suggestions for `query` over the passages' text in `open` (see the module's
/// documentation); empty when every word is held or nothing close is.
///
/// # Errors
/// When tantivy cannot read the index's terms or the passage a suggestion is spelled from.
pub fn suggest(open: &OpenIndex, query: &str) -> Result<Vec<Suggestion>> {
    let field = open.fields.text;
    let searcher = open.index.reader()?.searcher();
    let mut analyzer = open.index.tokenizer_for_field(field)?;
    let mut suggestions: Vec<Suggestion> = Vec::new();
    for word in plain_words(query) {
        if suggestions.iter().any(|s| s.word == word) {
            continue;
        }
        let [stem] = stems(&mut analyzer, word).try_into().unwrap_or_default();
        if stem.is_empty() || searcher.doc_freq(&Term::from_field_text(field, &stem))? > 0 {
            continue;
        }
        let Some(closest) = closest_within(&searcher, field, &stem, word.chars().count())? else {
            continue;
        };
        if let Some(spelled) = spelling(open, &searcher, &mut analyzer, &closest, word)? {
            let instead = if word.chars().any(char::is_uppercase) { spelled } else { spelled.to_lowercase() };
            suggestions.push(Suggestion { word: word.to_string(), instead });
        }
    }
    Ok(suggestions)
}

/// The term of `field` closest to `word` (a term as the field's analyzer makes it, such as a word
/// of a speaker's name): within one edit, else within two for words of six letters or more; of
/// equally close terms, the one held by the most passages. What a filter on a name no passage
/// holds was likely meant to be (`--speaker Blinkn`).
///
/// # Errors
/// When tantivy cannot read the index's terms.
pub fn closest_term(open: &OpenIndex, field: tantivy::schema::Field, word: &str) -> Result<Option<String>> {
    let searcher = open.index.reader()?.searcher();
    closest_within(&searcher, field, word, word.chars().count())
}

/// The term of `field` held by the most passages within one edit of `term`, else within two
/// when the word it was made of has `letters` of six or more.
fn closest_within(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    term: &str,
    letters: usize,
) -> Result<Option<String>> {
    let distances: &[u8] = if letters >= 6 { &[1, 2] } else { &[1] };
    for &distance in distances {
        if let Some(closest) = most_frequent_within(searcher, field, term, distance)? {
            return Ok(Some(closest));
        }
    }
    Ok(None)
}

/// `query` with each suggested word replaced (whole words only).
pub fn corrected(query: &str, suggestions: &[Suggestion]) -> String {
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        let word = &rest[..end];
        match suggestions.iter().find(|s| s.word == word) {
            Some(s) => out.push_str(&s.instead),
            None => out.push_str(word),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The words of `query` a suggestion may replace: not operators, field queries, excluded words,
/// words with wildcards or words of fewer than three letters.
fn plain_words(query: &str) -> Vec<&str> {
    query
        .split_whitespace()
        .filter(|token| !token.starts_with('-') && !token.contains(':') && !token.contains('*'))
        .filter(|token| !matches!(*token, "AND" | "OR" | "NOT"))
        .flat_map(|token| token.split(|c: char| !is_word_char(c)))
        .filter(|word| word.chars().count() >= 3 && word.chars().all(char::is_alphabetic))
        .collect()
}

/// The terms `analyzer` makes of `word`.
pub(crate) fn stems(analyzer: &mut TextAnalyzer, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer.token_stream(word).process(&mut |token| out.push(token.text.clone()));
    out
}

/// The term of `field` within `distance` edits of `stem` held by the most passages.
fn most_frequent_within(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    stem: &str,
    distance: u8,
) -> Result<Option<String>> {
    Ok(terms_within(searcher, field, stem, distance, 1)?.into_iter().next())
}

/// The terms of `field` within `distance` edits of `stem` (a transposition counts as one), the
/// `max` held by the most passages, most first (of equally frequent terms, the first in byte
/// order, so runs agree).
///
/// # Errors
/// When tantivy cannot read the index's terms.
pub(crate) fn terms_within(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    stem: &str,
    distance: u8,
    max: usize,
) -> Result<Vec<String>> {
    let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, stem), distance, true);
    let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms =
            inverted.terms().search(fuzzy.automaton()?).into_stream().map_err(|e| Error::io("index", e))?;
        while terms.advance() {
            *counts.entry(terms.key().to_vec()).or_default() += u64::from(terms.value().doc_freq);
        }
    }
    let mut counts: Vec<(Vec<u8>, u64)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(counts.into_iter().take(max).filter_map(|(term, _)| String::from_utf8(term).ok()).collect())
}

/// How the passages holding the term `stem` spell it: of the spellings in the best few of them,
/// the closest to `word` (the most frequent of equally close ones).
fn spelling(
    open: &OpenIndex,
    searcher: &tantivy::Searcher,
    analyzer: &mut TextAnalyzer,
    stem: &str,
    word: &str,
) -> Result<Option<String>> {
    let query = TermQuery::new(Term::from_field_text(open.fields.text, stem), IndexRecordOption::Basic);
    let mut spellings: HashMap<String, usize> = HashMap::new();
    for (_, address) in searcher.search(&query, &TopDocs::with_limit(SPELLING_PASSAGES).order_by_score())? {
        let Some(record) = record::read(searcher, &open.fields, address)? else { continue };
        analyzer.token_stream(&record.text).process(&mut |token| {
            if let Some(spelled) =
                record.text.get(token.offset_from..token.offset_to).filter(|_| token.text == stem)
            {
                *spellings.entry(spelled.to_string()).or_default() += 1;
            }
        });
    }
    let word = word.to_lowercase();
    let closest = spellings.into_iter().min_by(|(a, a_count), (b, b_count)| {
        let distance = |s: &str| strsim::damerau_levenshtein(&s.to_lowercase(), &word);
        distance(a).cmp(&distance(b)).then(b_count.cmp(a_count)).then(a.cmp(b))
    });
    Ok(closest.map(|(spelled, _)| spelled))
}

/// How many passages the spelling of a suggestion is taken from.
const SPELLING_PASSAGES: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_words_are_replaced() {
        let words = plain_words("satelite \"space tecnology\" -sanctoins title:sumit AND +Pyongang^2 of un*");
        assert_eq!(words, ["satelite", "space", "tecnology", "Pyongang"]);
        let suggestions = [
            Suggestion { word: "satelite".into(), instead: "satellite".into() },
            Suggestion { word: "Pyongang".into(), instead: "Pyongyang".into() },
        ];
        assert_eq!(
            corrected("satelite \"space tech\" +Pyongang^2 satelites", &suggestions),
            "satellite \"space tech\" +Pyongyang^2 satelites"
        );
    }
}
