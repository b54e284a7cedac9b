//! A fast hasher for the word sets and name tables the enrichers look words up in.
//!
//! The standard library's SipHash resists hash flooding, which matters for keys an attacker
//! chooses; here the keys are short words of the configuration, looked up a few thousand times
//! per article, and SipHash's setup cost dominated those lookups. FNV-1a is a few instructions
//! per byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64-bit.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
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
}
