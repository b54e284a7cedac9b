//! Which cue lists hold a token's word, as bits: one table for every list, so that a word is
//! lower-cased and hashed once, not once per list asked about, and [`Names`](super::Names)
//! remembers the answer per token.
//!
//! Name finding asks of the same few tokens, again and again, whether each is a title, a given
//! name, a head word...: those lookups (lower-casing into a buffer, hashing, probing a set) were
//! a third of its cost.

use crate::enrich::gazetteer::Cues;
use crate::enrich::hash::{WordMap, WordSet};

use super::TIME_WORDS;

/// Office nouns ([`Cues::titles`]).
pub const TITLES: u32 = 1;
/// Courtesy and rank words ([`Cues::honorifics`]).
pub const HONORIFICS: u32 = 1 << 1;
/// Courtesy titles ([`Cues::courtesy`]).
pub const COURTESY: u32 = 1 << 2;
/// Words qualifying a title ([`Cues::modifiers`]).
pub const MODIFIERS: u32 = 1 << 3;
/// Fields of an office ([`Cues::departments`]).
pub const DEPARTMENTS: u32 = 1 << 4;
/// Role nouns ([`Cues::roles`]).
pub const ROLES: u32 = 1 << 5;
/// Nouns describing a person ([`Cues::describers`]).
pub const DESCRIBERS: u32 = 1 << 6;
/// Given names ([`Cues::given`]).
pub const GIVEN: u32 = 1 << 7;
/// Words never part of a person's name ([`Cues::notname`]).
pub const NOTNAME: u32 = 1 << 8;
/// Organisation head words ([`Cues::heads`]).
pub const HEADS: u32 = 1 << 9;
/// Head words that `of` and a name may follow ([`Cues::heads_of`]).
pub const HEADS_OF: u32 = 1 << 10;
/// Person verbs ([`Cues::verbs`]).
pub const VERBS: u32 = 1 << 11;
/// Speech verbs ([`Cues::speech`]).
pub const SPEECH: u32 = 1 << 12;
/// Days, months and relative days ([`TIME_WORDS`]).
pub const TIME: u32 = 1 << 13;
/// "of", "the" and "and", which join the words of a generic body's name.
pub const JOINERS: u32 = 1 << 14;
/// The plural (an `s` added) of a title, honorific or modifier.
const TITLISH_PLURAL: u32 = 1 << 15;
/// The plural (an `s` added) of a role noun.
const ROLE_PLURAL: u32 = 1 << 16;
/// A title, honorific or modifier, or the plural of one.
pub const TITLISH: u32 = TITLES | HONORIFICS | MODIFIERS | TITLISH_PLURAL;
/// A role noun or its plural.
pub const ROLE: u32 = ROLES | ROLE_PLURAL;
/// Set in a token's remembered bits once they are known (no list uses it).
pub const KNOWN: u32 = 1 << 31;

/// Every cue word with the bits of the lists holding it, in an open-addressed table hashed on
/// the ASCII-lower-cased bytes: an ASCII word is looked up without being copied first.
#[derive(Debug)]
pub struct CueIndex {
    /// A word (empty for a free slot) and its bits; the length is a power of two.
    slots: Vec<(Box<str>, u32)>,
}

impl CueIndex {
    /// The index of `cues`' lists.
    pub fn new(cues: &Cues) -> CueIndex {
        let lists: [(&WordSet, u32); 13] = [
            (&cues.titles, TITLES),
            (&cues.honorifics, HONORIFICS),
            (&cues.courtesy, COURTESY),
            (&cues.modifiers, MODIFIERS),
            (&cues.departments, DEPARTMENTS),
            (&cues.roles, ROLES),
            (&cues.describers, DESCRIBERS),
            (&cues.given, GIVEN),
            (&cues.notname, NOTNAME),
            (&cues.heads, HEADS),
            (&cues.heads_of, HEADS_OF),
            (&cues.verbs, VERBS),
            (&cues.speech, SPEECH),
        ];
        let mut words: WordMap<u32> = WordMap::default();
        for (set, bit) in lists {
            for w in set {
                *words.entry(w.clone()).or_default() |= bit;
            }
        }
        for w in TIME_WORDS {
            *words.entry((*w).to_string()).or_default() |= TIME;
        }
        for w in ["of", "the", "and"] {
            *words.entry(w.to_string()).or_default() |= JOINERS;
        }
        // A plural ("Senators") is asked about as the word less one final `s`: the word as
        // written holds that answer as a bit of its own.
        for (sets, bit) in [
            (&[&cues.titles, &cues.honorifics, &cues.modifiers][..], TITLISH_PLURAL),
            (&[&cues.roles][..], ROLE_PLURAL),
        ] {
            for w in sets.iter().copied().flatten() {
                *words.entry(format!("{w}s")).or_default() |= bit;
            }
        }
        // A word is looked up lower-cased, which no entry holding an ASCII capital (or none at
        // all) can equal: leaving such entries out keeps the table's case-blind comparison exact.
        words.retain(|w, _| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()));
        let size = (words.len() * 4).next_power_of_two();
        let mut index = CueIndex { slots: vec![(Box::from(""), 0); size] };
        let mask = size - 1;
        for (w, bits) in words {
            let mut at = home(w.as_bytes(), mask);
            while !index.slots[at].0.is_empty() {
                at = (at + 1) & mask;
            }
            index.slots[at] = (w.into_boxed_str(), bits);
        }
        index
    }

    /// The bits of the lists holding `word` lower-cased (as `names::lower` does); 0 for none.
    pub fn bits(&self, word: &str) -> u32 {
        if word.is_ascii() {
            return self.get(word.as_bytes());
        }
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        self.get(lower.as_bytes())
    }

    /// The bits of the entry equal to `word` ignoring ASCII case (entries have no ASCII capital);
    /// 0 for none.
    fn get(&self, word: &[u8]) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = home(word, mask);
        loop {
            let (w, bits) = &self.slots[at];
            if w.is_empty() {
                return 0;
            }
            if w.as_bytes().eq_ignore_ascii_case(word) {
                return *bits;
            }
            at = (at + 1) & mask;
        }
    }
}

/// The slot where a probe for `word` starts: FNV-1a over its bytes, ASCII lower-cased.
fn home(word: &[u8], mask: usize) -> usize {
    let hash = word.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    });
    // The high bits are the best mixed.
    (hash >> 40) as usize & mask
}
