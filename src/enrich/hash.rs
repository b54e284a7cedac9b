//! A fast hasher for the word sets and name tables the enrichers look words up in, and
//! [`WordBits`], a table of fixed word lists looked up ignoring ASCII case.
//!
//! The standard library's SipHash resists hash flooding, which matters for keys an attacker
//! chooses; here the keys are short words of the configuration, looked up a few thousand times
//! per article, and SipHash's setup cost dominated those lookups. FNV-1a is a few instructions
//! per byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::BitOr;

/// FNV-1a's starting state (64-bit).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's multiplier (64-bit).
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a, 64-bit.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv`] hashers.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A set of words hashed with [`Fnv`].
pub type WordSet = HashSet<String, FnvBuild>;

/// A map from words or names, hashed with [`Fnv`].
pub type WordMap<V> = HashMap<String, V, FnvBuild>;

/// Fixed word lists in one table: each word with the bits of the lists holding it, looked up
/// ignoring ASCII case without copying or lower-casing the word first.
///
/// The enrichers ask of most words of an article, many times each, whether it is a title, a
/// pronoun, a speech verb...: one probe answers for every list at once, and most words, in no
/// list, end at the first free slot. Open addressing over the words' ASCII-lower-cased FNV-1a
/// hashes, at most a quarter full.
///
/// Invariant: every word held is non-empty and has no ASCII capital, so a looked-up word equals
/// a held one ignoring ASCII case exactly when its lower-cased form equals it.
///
/// ```
/// use casefile::enrich::hash::WordBits;
///
/// let lists = WordBits::new([("said", 0b01u8), ("told", 0b01), ("the", 0b10), ("said", 0b10)]);
/// assert_eq!(lists.get(b"Said"), 0b11);
/// assert_eq!(lists.get(b"THE"), 0b10);
/// assert_eq!(lists.get(b"Seoul"), 0);
/// ```
#[derive(Debug, Clone)]
pub struct WordBits<B> {
    /// A word (empty for a free slot) and its bits; the length is a power of two.
    slots: Vec<(Box<[u8]>, B)>,
    /// The longest word's length: a longer word is in no list.
    longest: usize,
}

impl<B: Copy + Default + BitOr<Output = B>> WordBits<B> {
    /// The table of `entries`, each a word and the bits of a list holding it; a word given more
    /// than once holds the union of its bits.
    ///
    /// # Panics
    /// When a word is empty or holds an ASCII capital (the lists are the program's own, and
    /// callers leave out what the table cannot hold).
    pub fn new<W: AsRef<[u8]>>(entries: impl IntoIterator<Item = (W, B)>) -> WordBits<B> {
        let mut merged: HashMap<Box<[u8]>, B, FnvBuild> = HashMap::default();
        for (word, bits) in entries {
            let word = word.as_ref();
            assert!(
                !word.is_empty() && !word.iter().any(u8::is_ascii_uppercase),
                "a word list holds {:?}: words must be non-empty, without ASCII capitals",
                String::from_utf8_lossy(word)
            );
            let held = merged.entry(Box::from(word)).or_default();
            *held = *held | bits;
        }
        let size = (merged.len() * 4).next_power_of_two();
        let mut table = WordBits { slots: vec![(Box::default(), B::default()); size], longest: 0 };
        for (word, bits) in merged {
            table.longest = table.longest.max(word.len());
            let mut at = table.home(&word);
            while !table.slots[at].0.is_empty() {
                at = (at + 1) & (size - 1);
            }
            table.slots[at] = (word, bits);
        }
        table
    }

    /// The bits of the lists holding `word`, ignoring ASCII case; none set for a word in none.
    pub fn get(&self, word: &[u8]) -> B {
        if word.is_empty() || word.len() > self.longest {
            return B::default();
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(word);
        loop {
            let (held, bits) = &self.slots[at];
            if held.is_empty() {
                return B::default();
            }
            if held.eq_ignore_ascii_case(word) {
                return *bits;
            }
            at = (at + 1) & mask;
        }
    }

    /// The slot where a probe for `word` starts: FNV-1a over its bytes, ASCII lower-cased.
    fn home(&self, word: &[u8]) -> usize {
        let hash = word
            .iter()
            .fold(FNV_OFFSET, |h, &b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME));
        // The high bits are the best mixed.
        (hash >> 40) as usize & (self.slots.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_words_hash_equal_and_sets_work() {
        let b = FnvBuild::default();
        assert_eq!(b.hash_one("minister"), b.hash_one(String::from("minister")));
        assert_ne!(b.hash_one("minister"), b.hash_one("ministers"));
        let mut set = WordSet::default();
        set.insert("envoy".to_string());
        assert!(set.contains("envoy") && !set.contains("Envoy"));
    }

    #[test]
    fn word_bits_find_what_a_scan_finds_ignoring_ascii_case() {
        let lists: [(&str, u32); 6] =
            [("minister", 1), ("said", 2), ("told", 2), ("said", 4), ("co-founder", 8), ("é", 16)];
        let table = WordBits::new(lists);
        for probe in ["Minister", "SAID", "told", "tol", "toldx", "", "Co-Founder", "é", "É", "Seoul"] {
            let scanned = lists
                .iter()
                .filter(|(w, _)| w.as_bytes().eq_ignore_ascii_case(probe.as_bytes()))
                .fold(0, |bits, (_, b)| bits | b);
            assert_eq!(table.get(probe.as_bytes()), scanned, "{probe}");
        }
        assert_eq!(WordBits::<u8>::new(Vec::<(&str, u8)>::new()).get(b"said"), 0);
    }

    #[test]
    #[should_panic(expected = "without ASCII capitals")]
    fn word_bits_refuse_a_capital() {
        WordBits::new([("Said", 1u8)]);
    }
}
