//! Highlights: the byte ranges of a text that match the query's terms.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

/// Byte ranges of `text` whose tokens, analysed like the indexed field, are among `terms`.
/// Adjacent ranges separated only by white space are merged, so a phrase highlights as one.
pub fn highlights(analyzer: &mut TextAnalyzer, text: &str, terms: &HashSet<String>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        if terms.contains(&token.text) {
            let (start, end) = (token.offset_from, token.offset_to);
            match ranges.last_mut() {
                Some(last) if text.get(last.1..start).is_some_and(|gap| gap.trim().is_empty()) => {
                    last.1 = end
                }
                _ => ranges.push((start, end)),
            }
        }
    }
    ranges
}
