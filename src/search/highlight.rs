//! Highlights: the byte ranges of a text that match the query's terms.
//!
//! The text is analysed as the indexed field was, but only the words that could match: a word
//! starting with an ASCII letter or digit keeps that first character (lower-cased) through the
//! field's analysis (lower-casing and folding leave ASCII letters as they are, and the stemmers
//! tantivy has for Latin-script languages take suffixes, never a first letter), so a word whose
//! first character starts no term is passed over without being analysed. A query's terms start
//! with a handful of letters, and analysing a word was most of the cost of highlighting.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

/// Byte ranges of `text` whose tokens, analysed like the indexed field, are among `terms`.
/// Adjacent ranges separated only by white space are merged, so a phrase highlights as one.
///
/// `analyzer` must split words as tantivy's `SimpleTokenizer` does (runs of alphanumeric
/// characters), as casefile's prose analyzer does.
pub fn highlights(analyzer: &mut TextAnalyzer, text: &str, terms: &HashSet<String>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    let mut starts = [false; 128];
    for term in terms {
        match term.as_bytes().first() {
            Some(&b) if b.is_ascii() => starts[usize::from(b)] = true,
            _ => {}
        }
    }
    for (from, to) in words(text) {
        let first = text.as_bytes()[from];
        if first.is_ascii() && !starts[usize::from(first.to_ascii_lowercase())] {
            continue;
        }
        let mut stream = analyzer.token_stream(&text[from..to]);
        while stream.advance() {
            let token = stream.token();
            if terms.contains(&token.text) {
                add_range(&mut ranges, text, from + token.offset_from, from + token.offset_to);
            }
        }
    }
    ranges
}

/// Adds the range `start..end` of `text`, joined to the last range when only white space
/// separates them.
fn add_range(ranges: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    match ranges.last_mut() {
        Some(last) if text.get(last.1..start).is_some_and(|gap| gap.trim().is_empty()) => last.1 = end,
        _ => ranges.push((start, end)),
    }
}

/// The byte ranges of the words of `text`: runs of alphanumeric characters.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (from, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut to = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                to = at;
                break;
            }
            chars.next();
        }
        Some((from, to))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::index::schema::{build_schema, register_tokenizers, PROSE_TOKENIZER};

    /// Highlights found by analysing the whole text, the way they were found before.
    fn analysing_everything(
        analyzer: &mut TextAnalyzer,
        text: &str,
        terms: &HashSet<String>,
    ) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if terms.contains(&token.text) {
                add_range(&mut ranges, text, token.offset_from, token.offset_to);
            }
        }
        ranges
    }

    #[test]
    fn passing_over_words_finds_what_analysing_every_word_finds() {
        let index = tantivy::Index::create_in_ram(build_schema());
        let mut settings = Config::builtin().settings.index.clone();
        let mut checked = 0;
        for stemmer in ["english", "french", "none"] {
            settings.stemmer = stemmer.into();
            register_tokenizers(&index, &settings).unwrap();
            let mut analyzer = index.tokenizers().get(PROSE_TOKENIZER).unwrap();
            let mut files: Vec<_> = walkdir::WalkDir::new("corpus").into_iter().flatten().collect();
            files.sort_by(|a, b| a.path().cmp(b.path()));
            let mut texts: Vec<String> =
                files.iter().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect();
            texts.push("Élysée: l'État, «Dying» skies; ÉCOLE 2024 Ünal's ça-va naïve Zürich".into());
            for text in &texts {
                // Terms: the stems of every seventh word, and of words starting in upper case or
                // with a non-ASCII letter, as queries would have them.
                let mut terms = HashSet::new();
                let mut n = 0;
                analyzer.token_stream(text).process(&mut |token| {
                    n += 1;
                    if n % 7 == 0 {
                        terms.insert(token.text.clone());
                    }
                });
                for (from, to) in words(text) {
                    let word = &text[from..to];
                    if word.starts_with(|c: char| c.is_uppercase() || !c.is_ascii()) {
                        analyzer.token_stream(word).process(&mut |token| {
                            terms.insert(token.text.clone());
                        });
                    }
                }
                let expected = analysing_everything(&mut analyzer, text, &terms);
                assert_eq!(
                    highlights(&mut analyzer, text, &terms),
                    expected,
                    "{stemmer}: {}",
                    &text[..40.min(text.len())]
                );
                checked += expected.len();
            }
        }
        assert!(checked > 1_000, "the corpus gives many highlights: {checked}");
    }
}
