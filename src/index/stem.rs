//! A stemming token filter that remembers its stems.
//!
//! tantivy's [`tantivy::tokenizer::Stemmer`] runs the Snowball algorithm on every token, and
//! stemming was a fifth of the CPU time of indexing: news text repeats a small vocabulary, and
//! every passage repeats its article's title. [`CachedStemmer`] gives the same stems (it runs the
//! same `frostem` algorithm) but looks each word up in a per-tokenizer cache first.
//!
//! The cache holds words and stems of up to [`INLINE`] bytes packed into integers, so a lookup
//! hashes and compares 16 bytes in place. With `String` keys every lookup followed a pointer to
//! compare the word, and the lookup alone was 8-13% of the CPU time of indexing. Longer words
//! (rare in prose) are stemmed every time.
//!
//! Each clone of the filter (tantivy clones a field's analyzer for every segment writer and
//! searcher) starts with its own empty cache, so no lock is shared between threads. A cache
//! holds at most [`MAX_CACHED`] words and is emptied when full, which bounds its memory.

use std::collections::HashMap;

use frostem::Algorithm;
use rustc_hash::FxBuildHasher;
use tantivy::tokenizer::{Language, Token, TokenFilter, TokenStream, Tokenizer};

/// Words one cache holds before it is emptied (32 bytes each, under 2 MB in all).
pub const MAX_CACHED: usize = 50_000;

/// The longest word (and stem), in bytes, that the cache holds.
pub const INLINE: usize = 16;

/// Words and stems packed by [`pack`].
type StemCache = HashMap<u128, u128, FxBuildHasher>;

/// `word` as an integer: its bytes, zero-padded to [`INLINE`]. `None` when it is longer, or holds
/// a zero byte (which would make two words pack alike; tokenized words never do).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > INLINE || bytes.contains(&0) {
        return None;
    }
    let mut packed = [0u8; INLINE];
    packed[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(packed))
}

/// Writes the word packed in `packed` into `out` (replacing its contents).
fn unpack(packed: u128, out: &mut String) {
    let bytes = packed.to_le_bytes();
    let len = INLINE - (packed.leading_zeros() / 8) as usize;
    out.clear();
    // `packed` came from `pack` of a `str`, cut only at its own end: valid UTF-8.
    out.push_str(std::str::from_utf8(&bytes[..len]).unwrap_or_default());
}

/// A stemming filter with the stems of [`tantivy::tokenizer::Stemmer`], cached.
#[derive(Clone, Debug)]
pub struct CachedStemmer {
    algorithm: Algorithm,
}

impl CachedStemmer {
    /// A stemmer for `language`.
    pub fn new(language: Language) -> CachedStemmer {
        CachedStemmer { algorithm: algorithm(language) }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { algorithm: self.algorithm, inner: tokenizer, cache: StemCache::default() }
    }
}

/// The tokenizer [`CachedStemmer`] wraps around another.
#[derive(Debug)]
pub struct CachedStemmerFilter<T> {
    algorithm: Algorithm,
    inner: T,
    cache: StemCache,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        // A clone serves another thread: it gets its own cache rather than a copy.
        CachedStemmerFilter {
            algorithm: self.algorithm,
            inner: self.inner.clone(),
            cache: StemCache::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() >= MAX_CACHED {
            self.cache.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(self.algorithm),
            cache: &mut self.cache,
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    cache: &'a mut StemCache,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let Some(word) = pack(&token.text) else {
            let stem = self.stemmer.stem(&token.text).into_owned();
            token.text = stem;
            return true;
        };
        if let Some(&stem) = self.cache.get(&word) {
            // Most stems are the word or a prefix of it ("talks", "talk"): cutting the word
            // needs no copy and no check of the stem's bytes as UTF-8 (which was 1.5% of plain
            // indexing).
            let len = INLINE - (stem.leading_zeros() / 8) as usize;
            if token.text.as_bytes().starts_with(&stem.to_le_bytes()[..len]) {
                token.text.truncate(len);
            } else {
                unpack(stem, &mut token.text);
            }
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if let Some(packed) = pack(&stem) {
            self.cache.insert(word, packed);
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The Snowball algorithm tantivy uses for `language`.
fn algorithm(language: Language) -> Algorithm {
    use Language::*;
    match language {
        Arabic => Algorithm::Arabic,
        Danish => Algorithm::Danish,
        Dutch => Algorithm::Dutch,
        English => Algorithm::English,
        Finnish => Algorithm::Finnish,
        French => Algorithm::French,
        German => Algorithm::German,
        Greek => Algorithm::Greek,
        Hungarian => Algorithm::Hungarian,
        Italian => Algorithm::Italian,
        Norwegian => Algorithm::Norwegian,
        Portuguese => Algorithm::Portuguese,
        Romanian => Algorithm::Romanian,
        Russian => Algorithm::Russian,
        Spanish => Algorithm::Spanish,
        Swedish => Algorithm::Swedish,
        Tamil => Algorithm::Tamil,
        Turkish => Algorithm::Turkish,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer.token_stream(text).process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn same_stems_as_tantivys_stemmer_cached_or_not() {
        // "happy" stems to "happi", which is no prefix of it; "talks" to "talk", which is.
        let text = "Sanctions sanctioned the running runners; nations' nationalisation Nations sanctions \
                    happy talks, happy talks";
        for language in [Language::English, Language::French, Language::German] {
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(language))
                .build();
            let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(CachedStemmer::new(language))
                .build();
            let expected = tokens(&mut plain, text);
            assert_eq!(tokens(&mut cached, text), expected, "{language:?}, cold cache");
            assert_eq!(tokens(&mut cached, text), expected, "{language:?}, warm cache");
            let mut clone = cached.clone();
            assert_eq!(tokens(&mut clone, text), expected, "{language:?}, a clone");
        }
    }

    #[test]
    fn long_and_non_ascii_words_stem_as_tantivy_stems_them() {
        // 16 bytes and 17 (one cached, one not), accented letters cut across the 16-byte
        // boundary, and a stem shorter than its word.
        let text = "internationalize internationalise électrification électrifications \
                    Überraschungsangriffe Überraschungsangriffen relationships relationships";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected, "cold cache");
        assert_eq!(tokens(&mut cached, text), expected, "warm cache");
    }

    #[test]
    fn packing_keeps_words_apart_and_unpacks_them() {
        let mut out = String::from("left over");
        for word in ["", "a", "ab", "sanction", "sixteen-letters!", "élan"] {
            let packed = pack(word).expect("16 bytes or fewer");
            unpack(packed, &mut out);
            assert_eq!(out, word);
        }
        assert_ne!(pack("ab"), pack("ba"));
        assert_eq!(pack("seventeen letters"), None, "17 bytes");
        assert_eq!(pack("a\0"), None, "a zero byte would pack like its absence");
    }
}
