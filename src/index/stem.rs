//! A stemming token filter that remembers its stems.
//!
//! tantivy's [`tantivy::tokenizer::Stemmer`] runs the Snowball algorithm on every token, and
//! stemming was a fifth of the CPU time of indexing: news text repeats a small vocabulary, and
//! every passage repeats its article's title. [`CachedStemmer`] gives the same stems (it runs the
//! same `frostem` algorithm) but looks each word up in a per-tokenizer cache first.
//!
//! The cache is a table of 16-byte slots, each holding a word of up to [`INLINE`] bytes and, in
//! its last two bytes, how to make the stem from it: keep the word's first bytes, then append at
//! most one byte. Snowball's stems are of that shape ("talks" -> "talk", "happy" -> "happi");
//! a stem that is not, and a longer word, is stemmed every time. A lookup reads one slot (or its
//! neighbours) in place: the `HashMap<u128, u128>` it replaces read a group of control bytes and
//! a 32-byte slot, two cache lines of a 2 MiB table, and the load of the slot was most of the 12%
//! of a plain run's time that stemming took (`perf annotate`; BENCHMARKS.md, session 32).
//!
//! Each clone of the filter (tantivy clones a field's analyzer for every segment writer and
//! searcher, and search for every query it analyses or highlights) starts with its own empty
//! cache, so no lock is shared between threads. A cache starts at [`MIN_SLOTS`] slots (4 KiB) and
//! doubles as it fills, up to [`SLOTS`] (1 MiB), where it holds at most [`MAX_CACHED`] words and
//! is emptied when full. (A cache made at its full size, zeroed, cost a query more than the
//! query: 40% of the time of a warm single-word search went to zeroing 1 MiB.)

use frostem::Algorithm;
use tantivy::tokenizer::{Language, Token, TokenFilter, TokenStream, Tokenizer};

/// The longest word, in bytes, that the cache holds.
pub const INLINE: usize = 14;

/// Slots of a full-grown cache: a power of two, 16 bytes each.
pub const SLOTS: usize = 1 << 16;

/// Slots of a cache when its first word comes: a power of two.
pub const MIN_SLOTS: usize = 1 << 8;

/// Words one cache holds before it is emptied: 70% of its slots, where a linear probe still
/// finds a word within a slot or two of where it hashes. A smaller cache doubles at 70%.
pub const MAX_CACHED: usize = full_at(SLOTS);

/// How many words a cache of `slots` slots holds before it grows (or is emptied).
const fn full_at(slots: usize) -> usize {
    slots * 7 / 10
}

/// The bits of a slot that hold the word.
const WORD_BITS: u128 = (1 << (8 * INLINE)) - 1;

/// `word` as an integer: its bytes, zero-padded. `None` when it is empty, longer than
/// [`INLINE`], or holds a zero byte (which would make two words pack alike; tokenized words
/// never do).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > INLINE || bytes.contains(&0) {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(packed))
}

/// How `stem` is made from `word`, as the last two bytes of a slot: how many of the word's bytes
/// it keeps, then the one byte it appends (0 for none). `None` for a stem of another shape, and
/// for an appended byte that is not ASCII (a lone byte of a longer character).
fn recipe(word: &str, stem: &str) -> Option<u128> {
    let (word, stem) = (word.as_bytes(), stem.as_bytes());
    let (kept, appended) = if word.starts_with(stem) {
        (stem.len(), 0)
    } else {
        let (&last, kept) = stem.split_last()?;
        if !word.starts_with(kept) || last == 0 || !last.is_ascii() {
            return None;
        }
        (kept.len(), last)
    };
    Some(((kept as u128) << (8 * INLINE)) | ((appended as u128) << (8 * INLINE + 8)))
}

/// Applies the recipe held in `slot` to `text`, the word that slot holds.
fn apply(slot: u128, text: &mut String) {
    let kept = (slot >> (8 * INLINE)) as u8 as usize;
    let appended = (slot >> (8 * INLINE + 8)) as u8;
    // `recipe` kept a prefix of the word that the stem begins with, so the cut falls between
    // characters; the appended byte is ASCII.
    text.truncate(kept);
    if appended != 0 {
        text.push(char::from(appended));
    }
}

/// Words and their stems' recipes, open-addressed with linear probing. An empty slot is 0, which
/// no packed word is. The number of slots is 0 (nothing cached yet) or a power of two from
/// [`MIN_SLOTS`] to [`SLOTS`].
#[derive(Debug, Default)]
struct StemCache {
    slots: Box<[u128]>,
    len: usize,
    /// 64 less the number of bits of a slot index: a hash shifted right by it is a slot.
    shift: u32,
}

impl StemCache {
    fn home(&self, word: u128) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let (low, high) = (word as u64, (word >> 64) as u64);
        let hash = (low.wrapping_mul(K) ^ high).wrapping_mul(K);
        (hash >> self.shift) as usize
    }

    /// The slot holding `word`, if the cache has it.
    fn get(&self, word: u128) -> Option<u128> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(word);
        loop {
            let slot = self.slots[i];
            if slot & WORD_BITS == word {
                return Some(slot);
            }
            if slot == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `word` with its stem's `recipe` (a word not yet in the cache), first doubling the
    /// cache when it is 70% full, or at [`SLOTS`] emptying it (so a probe always meets an empty
    /// slot).
    fn insert(&mut self, word: u128, recipe: u128) {
        if self.slots.is_empty() {
            self.resize(MIN_SLOTS);
        } else if self.len >= full_at(self.slots.len()) {
            if self.slots.len() < SLOTS {
                self.resize(self.slots.len() * 2);
            } else {
                self.clear();
            }
        }
        self.place(word | recipe);
        self.len += 1;
    }

    /// Puts `slot` (a word and its recipe) in the first empty slot from its word's home.
    fn place(&mut self, slot: u128) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(slot & WORD_BITS);
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    /// Moves the cached words into a table of `slots` slots (a power of two).
    fn resize(&mut self, slots: usize) {
        let old = std::mem::replace(&mut self.slots, vec![0u128; slots].into_boxed_slice());
        self.shift = 64 - slots.trailing_zeros();
        for &slot in old.iter().filter(|&&s| s != 0) {
            self.place(slot);
        }
    }

    fn clear(&mut self) {
        self.slots.fill(0);
        self.len = 0;
    }
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
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        };
        if let Some(slot) = self.cache.get(word) {
            apply(slot, &mut token.text);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if let Some(recipe) = recipe(&token.text, &stem) {
            self.cache.insert(word, recipe);
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
        // 14 bytes and 15 (one cached, one not), accented letters cut across the 14-byte
        // boundary, and stems shorter than their words.
        let text = "internationals internationally internationals internationally électrifié \
                    électrification électrifications Überraschungsangriffe Überraschungsangriffen \
                    relationships relationships";
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
    fn packing_keeps_words_apart() {
        assert_ne!(pack("ab"), pack("ba"));
        assert_ne!(pack("a"), pack("ab"));
        assert!(pack("fourteen-bytes").is_some());
        assert_eq!(pack("fifteen-bytes!!"), None, "15 bytes");
        assert_eq!(pack(""), None, "an empty word would pack like an empty slot");
        assert_eq!(pack("a\0"), None, "a zero byte would pack like its absence");
    }

    #[test]
    fn a_recipe_keeps_a_prefix_and_appends_at_most_one_ascii_byte() {
        let made = |word: &str, stem: &str| {
            let packed = pack(word)?;
            let slot = packed | recipe(word, stem)?;
            let mut text = word.to_string();
            apply(slot, &mut text);
            Some(text)
        };
        for (word, stem) in
            [("talks", "talk"), ("happy", "happi"), ("ponies", "poni"), ("talk", "talk"), ("a", "")]
        {
            assert_eq!(made(word, stem).as_deref(), Some(stem), "{word}");
        }
        assert_eq!(made("swam", "swim"), None, "a changed letter inside the word");
        assert_eq!(made("talk", "talked"), None, "two appended bytes");
        assert_eq!(made("cafe", "café"), None, "part of a character appended");
    }

    #[test]
    fn a_cache_starts_small_and_doubles_as_it_fills() {
        let mut cache = StemCache::default();
        let words: Vec<u128> = (0..SLOTS).map(|i| pack(&format!("w{i}")).unwrap()).collect();
        let recipe_of = |i: usize| ((i % 7) as u128) << (8 * INLINE);
        cache.insert(words[0], recipe_of(0));
        assert_eq!(cache.slots.len(), MIN_SLOTS, "a first word allocates the smallest table");
        for (i, &word) in words.iter().enumerate().take(MAX_CACHED).skip(1) {
            cache.insert(word, recipe_of(i));
        }
        assert_eq!(cache.slots.len(), SLOTS, "grown to the full size");
        for (i, &word) in words.iter().enumerate().take(MAX_CACHED) {
            assert_eq!(cache.get(word), Some(word | recipe_of(i)), "word {i} kept through every doubling");
        }
        cache.insert(words[MAX_CACHED], 0);
        assert_eq!((cache.slots.len(), cache.len), (SLOTS, 1), "a full cache is emptied, not grown");
        assert_eq!(cache.get(words[0]), None);
    }

    #[test]
    fn a_full_cache_empties_and_goes_on_stemming_right() {
        // More distinct words than a cache has slots, in one text and then in many, each
        // stemmed as tantivy stems it.
        let letters = |mut i: usize| {
            let mut word = String::from("talk");
            while i > 0 {
                word.push(char::from(b'a' + (i % 26) as u8));
                i /= 26;
            }
            word + "ing"
        };
        let words: Vec<String> = (0..SLOTS + 5_000).map(letters).collect();
        let text = words.join(" ");
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default()).filter(Stemmer::default()).build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CachedStemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, &text);
        assert_eq!(expected[7], "talkh", "the words are stemmed");
        assert_eq!(tokens(&mut cached, &text), expected, "one text");
        for pass in 0..2 {
            for chunk in text.split_inclusive("ing ").collect::<Vec<_>>().chunks(50) {
                let chunk = chunk.concat();
                let want = tokens(&mut plain, &chunk);
                assert_eq!(tokens(&mut cached, &chunk), want, "pass {pass}");
            }
        }
    }
}
