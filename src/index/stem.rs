//! A stemming token filter that remembers its stems.
//!
//! tantivy's [`tantivy::tokenizer::Stemmer`] runs the Snowball algorithm on every token, and
//! stemming was a fifth of the CPU time of indexing: news text repeats a small vocabulary, and
//! every passage repeats its article's title. [`CachedStemmer`] gives the same stems (it runs the
//! same `frostem` algorithm) but looks each word up in a per-tokenizer cache first.
//!
//! Each clone of the filter (tantivy clones a field's analyzer for every segment writer and
//! searcher) starts with its own empty cache, so no lock is shared between threads. A cache
//! holds at most [`MAX_CACHED`] words and is emptied when full, which bounds its memory.

use std::borrow::Cow;
use std::mem;

use frostem::Algorithm;
use tantivy::tokenizer::{Language, Token, TokenFilter, TokenStream, Tokenizer};

use crate::enrich::hash::WordMap;

/// Words one cache holds before it is emptied (a few MB at most).
pub const MAX_CACHED: usize = 50_000;

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
        CachedStemmerFilter { algorithm: self.algorithm, inner: tokenizer, cache: WordMap::default() }
    }
}

/// The tokenizer [`CachedStemmer`] wraps around another.
#[derive(Debug)]
pub struct CachedStemmerFilter<T> {
    algorithm: Algorithm,
    inner: T,
    cache: WordMap<String>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        // A clone serves another thread: it gets its own cache rather than a copy.
        CachedStemmerFilter {
            algorithm: self.algorithm,
            inner: self.inner.clone(),
            cache: WordMap::default(),
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
            buffer: String::new(),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    cache: &'a mut WordMap<String>,
    buffer: String,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = match self.stemmer.stem(&token.text) {
            Cow::Owned(stem) => stem,
            Cow::Borrowed(stem) => {
                self.buffer.clear();
                self.buffer.push_str(stem);
                mem::take(&mut self.buffer)
            }
        };
        let word = mem::replace(&mut token.text, stem);
        self.cache.insert(word, token.text.clone());
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
        let text = "Sanctions sanctioned the running runners; nations' nationalisation Nations sanctions";
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
}
