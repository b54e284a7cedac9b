//! The values of a key field (actor keys, topic ids, date keys), written as one text value.
//!
//! A passage carries a dozen keys or more: its article's prominent actors and topics, its own
//! topics, dates and named actors. Added one value each, every key cost tantivy a value slot in
//! the document, a place in the sort of the document's values by field, a token stream and a
//! field-norm update, besides indexing the term itself: about 1,000 instructions a key, a tenth
//! of an enriched run's indexing (BENCHMARKS.md, session 34). A [`KeyList`] joins a field's keys
//! with [`SEPARATOR`] into one value, and the key tokenizer ([`KeyListTokenizer`]) splits it
//! again: the index holds exactly the terms of the keys added one by one (key fields record no
//! positions and no frequencies, so nothing else of theirs is indexed).
//!
//! A single key, which holds no separator, is one token, as under tantivy's `RawTokenizer`: the
//! query side (`--actor PRK`, `topic:sanctions`) and indexes built before are unchanged.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// What joins the keys of a [`KeyList`]: the ASCII unit separator, which no key holds (a key
/// that did would have it replaced by a space: see [`KeyList::push`]).
pub const SEPARATOR: char = '\u{1f}';

/// The keys of one field of one document, joined by [`SEPARATOR`].
///
/// ```
/// use casefile::index::keys::KeyList;
///
/// let mut keys = KeyList::default();
/// keys.push("PRK");
/// keys.push("Antony Blinken");
/// keys.push("PRK");
/// assert_eq!(keys.as_str(), "PRK\u{1f}Antony Blinken");
/// assert_eq!(keys.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct KeyList {
    joined: String,
    len: usize,
}

impl KeyList {
    /// Adds `key` unless the list holds it already (a term indexed twice in one document adds
    /// nothing to a field without frequencies, and costs the indexer a second time).
    pub fn push(&mut self, key: &str) {
        if self.contains(key) {
            return;
        }
        if self.len > 0 {
            self.joined.push(SEPARATOR);
        }
        if key.contains(SEPARATOR) {
            self.joined.extend(key.chars().map(|c| if c == SEPARATOR { ' ' } else { c }));
        } else {
            self.joined.push_str(key);
        }
        self.len += 1;
    }

    /// Whether `key` is in the list (as written, before lower-casing).
    pub fn contains(&self, key: &str) -> bool {
        self.len > 0 && self.joined.split(SEPARATOR).any(|k| k == key)
    }

    /// Empties the list, keeping its buffer.
    pub fn clear(&mut self) {
        self.joined.clear();
        self.len = 0;
    }

    /// Makes this list a copy of `other`, reusing this one's buffer.
    pub fn copy_from(&mut self, other: &KeyList) {
        self.joined.clear();
        self.joined.push_str(&other.joined);
        self.len = other.len;
    }

    /// How many keys the list holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The keys, joined: the value to index.
    pub fn as_str(&self) -> &str {
        &self.joined
    }
}

/// Tokenizer of key fields: each piece of the value between [`SEPARATOR`]s is one token, as it is
/// (the key analyzer lower-cases it after). A value without a separator is one token, the empty
/// value included, as under tantivy's `RawTokenizer`.
///
/// ```
/// use casefile::index::keys::KeyListTokenizer;
/// use tantivy::tokenizer::{LowerCaser, TextAnalyzer, TokenStream};
///
/// let mut keys = TextAnalyzer::builder(KeyListTokenizer::default()).filter(LowerCaser).build();
/// let mut found = Vec::new();
/// keys.token_stream("PRK\u{1f}Antony Blinken").process(&mut |t| found.push(t.text.clone()));
/// assert_eq!(found, ["prk", "antony blinken"]);
/// ```
#[derive(Clone, Default)]
pub struct KeyListTokenizer {
    token: Token,
}

impl Tokenizer for KeyListTokenizer {
    type TokenStream<'a> = KeyListStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KeyListStream<'a> {
        self.token.reset();
        self.token.position = usize::MAX;
        KeyListStream { text, next: Some(0), token: &mut self.token }
    }
}

/// The token stream of [`KeyListTokenizer`].
pub struct KeyListStream<'a> {
    text: &'a str,
    /// Where the next key starts; `None` once the last one was given.
    next: Option<usize>,
    token: &'a mut Token,
}

impl TokenStream for KeyListStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(start) = self.next else {
            return false;
        };
        let rest = &self.text[start..];
        let (end, next) = match memchr::memchr(SEPARATOR as u8, rest.as_bytes()) {
            Some(at) => (start + at, Some(start + at + 1)),
            None => (self.text.len(), None),
        };
        self.next = next;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::words::tokens;
    use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};

    #[test]
    fn one_key_is_the_raw_tokenizers_one_token() {
        let mut keys = TextAnalyzer::builder(KeyListTokenizer::default()).filter(LowerCaser).build();
        let mut raw = TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build();
        for key in ["PRK", "Antony Blinken", "", "Ölaf Schölz", "space-and-satellites", "2024-11"] {
            assert_eq!(tokens(&mut keys, key), tokens(&mut raw, key), "{key:?}");
        }
    }

    #[test]
    fn a_list_gives_each_key_lower_cased_and_nothing_else() {
        let mut keys = TextAnalyzer::builder(KeyListTokenizer::default()).filter(LowerCaser).build();
        let mut list = KeyList::default();
        for key in ["RUS", "Kim Jong Un", "RUS", "ÉCOWAS", "a\u{1f}b"] {
            list.push(key);
        }
        let texts: Vec<String> = tokens(&mut keys, list.as_str()).into_iter().map(|t| t.0).collect();
        assert_eq!(texts, ["rus", "kim jong un", "écowas", "a b"]);
        assert_eq!(list.len(), 4);
        // The analyzer is reused from one value to the next: each starts afresh.
        assert_eq!(tokens(&mut keys, "PRK"), [("prk".to_string(), 0, 3, 0)]);
        let mut copy = KeyList::default();
        copy.push("x");
        copy.copy_from(&list);
        assert_eq!((copy.as_str(), copy.len()), (list.as_str(), 4));
        list.clear();
        assert!(list.is_empty() && list.as_str().is_empty() && !list.contains(""));
    }
}
