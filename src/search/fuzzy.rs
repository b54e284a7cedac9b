//! Fuzzy words (`satelite~1`), as Lucene and Elasticsearch query strings have them: the word, or
//! any word the index holds within that many edits of it.
//!
//! tantivy's query parser reads `word~N` as the word alone. Before parsing, each fuzzy word is
//! replaced by the group of the words it stands for, `(satelite OR satellit OR satellites)`, so
//! that each is scored (BM25), filtered, and highlighted as any word is. The index holds stems,
//! which the parser stems again: the stemmers leave a stem as it is.
//!
//! `~` alone means `AUTO`, as in Elasticsearch: no edit for words of one or two letters, one for
//! three to five, two for longer ones. More than two edits are read as two.

use crate::error::Result;
use crate::index::OpenIndex;
use crate::search::suggest::{stems, terms_within};

/// The most words one fuzzy word stands for (Elasticsearch's `max_expansions` is 50): the
/// most frequent ones.
pub const MAX_EXPANSIONS: usize = 50;

/// `query` with each fuzzy word (`word~`, `word~N`, outside quoted phrases and field queries)
/// replaced by the group of the words within its edits over `field`. A query without one is
/// returned as it is.
///
/// # Errors
/// When tantivy cannot read the index's terms.
pub fn expand(open: &OpenIndex, field: tantivy::schema::Field, query: &str) -> Result<String> {
    if !query.contains('~') {
        return Ok(query.to_string());
    }
    let searcher = open.index.reader()?.searcher();
    let mut analyzer = open.index.tokenizer_for_field(field)?;
    let mut out = String::with_capacity(query.len());
    let mut in_phrase = false;
    // Tokens are cut at white space; a quoted phrase's tokens are left alone.
    let mut rest = query;
    while !rest.is_empty() {
        let start = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        let quotes = token.matches('"').count();
        let fuzzy = if in_phrase || quotes > 0 { None } else { fuzzy_word(token) };
        if quotes % 2 == 1 {
            in_phrase = !in_phrase;
        }
        let Some((sign, word, edits)) = fuzzy else {
            out.push_str(token);
            continue;
        };
        let [stem] = stems(&mut analyzer, word).try_into().unwrap_or_default();
        let mut words = vec![word.to_string()];
        if !stem.is_empty() {
            let close = terms_within(&searcher, field, &stem, edits, MAX_EXPANSIONS)?;
            words.extend(close.into_iter().filter(|t| t != &stem && t.chars().all(char::is_alphanumeric)));
        }
        out.push_str(&format!("{sign}({})", words.join(" OR ")));
    }
    Ok(out)
}

/// A fuzzy word: its sign (`+`, `-` or none), the word, and its edits.
fn fuzzy_word(token: &str) -> Option<(&str, &str, u8)> {
    let (sign, token) = match token.strip_prefix(['+', '-']) {
        Some(rest) => (&token[..1], rest),
        None => ("", token),
    };
    let (word, edits) = token.split_once('~')?;
    if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let edits = match edits {
        "" => match word.chars().count() {
            0..=2 => 0,
            3..=5 => 1,
            _ => 2,
        },
        n => n.parse::<u32>().ok()?.min(2) as u8,
    };
    Some((sign, word, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_words_and_their_edits() {
        assert_eq!(fuzzy_word("satelite~1"), Some(("", "satelite", 1)));
        assert_eq!(fuzzy_word("+satelite~"), Some(("+", "satelite", 2)));
        assert_eq!(fuzzy_word("-Pyongang~5"), Some(("-", "Pyongang", 2)));
        assert_eq!(fuzzy_word("oil~"), Some(("", "oil", 1)));
        assert_eq!(fuzzy_word("un~"), Some(("", "un", 0)));
        assert_eq!(fuzzy_word("satellite"), None);
        assert_eq!(fuzzy_word("title:summit~1"), None, "field queries are the parser's");
        assert_eq!(fuzzy_word("talks\"~2"), None, "a phrase's slop");
        assert_eq!(fuzzy_word("word~x"), None);
    }
}
