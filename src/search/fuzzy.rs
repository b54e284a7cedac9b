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

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::search::suggest::{stems, terms_within};

/// The most words one fuzzy word stands for (Elasticsearch's `max_expansions` is 50): the
/// most frequent ones.
pub const MAX_EXPANSIONS: usize = 50;

/// `query` with each fuzzy word (`word~`, `word~N`, outside quoted phrases and field queries)
/// replaced by the group of the words within its edits over `field` in `searcher`'s snapshot. A
/// query without one is returned as it is.
///
/// # Errors
/// [`Error::Query`] for a word followed by `~` and something other than a number (`word~x`);
/// when tantivy cannot read the index's terms.
pub fn expand(
    open: &OpenIndex,
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    query: &str,
) -> Result<String> {
    if !query.contains('~') {
        return Ok(query.to_string());
    }
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
        let fuzzy = if in_phrase || quotes > 0 { None } else { fuzzy_word(token)? };
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
            let close = terms_within(searcher, field, &stem, edits, MAX_EXPANSIONS)?;
            words.extend(close.into_iter().filter(|t| t != &stem && t.chars().all(char::is_alphanumeric)));
        }
        out.push_str(&format!("{sign}({})", words.join(" OR ")));
    }
    Ok(out)
}

/// A fuzzy word: its sign (`+`, `-` or none), the word, and its edits; `None` for a token that
/// is not one.
///
/// # Errors
/// [`Error::Query`] for a word followed by `~` and something other than a number.
fn fuzzy_word(token: &str) -> Result<Option<(&str, &str, u8)>> {
    let (sign, rest) = match token.strip_prefix(['+', '-']) {
        Some(rest) => (&token[..1], rest),
        None => ("", token),
    };
    let Some((word, edits)) = rest.split_once('~') else { return Ok(None) };
    if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
        return Ok(None);
    }
    let edits = match edits {
        "" => match word.chars().count() {
            0..=2 => 0,
            3..=5 => 1,
            _ => 2,
        },
        n => match n.parse::<u32>() {
            Ok(n) => n.min(2) as u8,
            Err(_) => {
                return Err(Error::Query(format!(
                    "`{token}`: after `~` comes the number of edits a word may differ by, as in `{word}~1` \
                     (or `{word}~` for 0-2 by its length)"
                )))
            }
        },
    };
    Ok(Some((sign, word, edits)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_words_and_their_edits() {
        fn fuzzy(token: &str) -> Option<(&str, &str, u8)> {
            fuzzy_word(token).unwrap()
        }
        assert_eq!(fuzzy("satelite~1"), Some(("", "satelite", 1)));
        assert_eq!(fuzzy("+satelite~"), Some(("+", "satelite", 2)));
        assert_eq!(fuzzy("-Pyongang~5"), Some(("-", "Pyongang", 2)));
        assert_eq!(fuzzy("oil~"), Some(("", "oil", 1)));
        assert_eq!(fuzzy("un~"), Some(("", "un", 0)));
        assert_eq!(fuzzy("satellite"), None);
        assert_eq!(fuzzy("title:summit~1"), None, "field queries are the parser's");
        assert_eq!(fuzzy("talks\"~2"), None, "a phrase's slop");
        let err = fuzzy_word("word~x").unwrap_err().to_string();
        assert!(err.contains("after `~` comes the number of edits") && err.contains("`word~1`"), "{err}");
    }
}
