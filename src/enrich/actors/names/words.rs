//! Which cue lists hold a token's word, as bits: one table for every list, so that a word is
//! lower-cased and hashed once, not once per list asked about, and [`Names`](super::Names)
//! remembers the answer per token.
//!
//! Name finding asks of the same few tokens, again and again, whether each is a title, a given
//! name, a head word...: those lookups (lower-casing into a buffer, hashing, probing a set) were
//! a third of its cost.

use crate::enrich::gazetteer::Cues;
use crate::enrich::hash::{WordBits, WordSet};

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
/// Regnal titles ([`Cues::regnal`]).
pub const REGNAL: u32 = 1 << 17;
/// Generational suffixes ([`Cues::suffixes`]).
pub const SUFFIX: u32 = 1 << 18;
/// Set in a token's remembered bits once they are known (no list uses it).
pub const KNOWN: u32 = 1 << 31;

/// Every cue word with the bits of the lists holding it (see [`WordBits`]): an ASCII word is
/// looked up without being copied first.
#[derive(Debug)]
pub struct CueIndex {
    words: WordBits<u32>,
}

impl CueIndex {
    /// The index of `cues`' lists.
    pub fn new(cues: &Cues) -> CueIndex {
        let lists: [(&WordSet, u32); 15] = [
            (&cues.titles, TITLES),
            (&cues.honorifics, HONORIFICS),
            (&cues.courtesy, COURTESY),
            (&cues.regnal, REGNAL),
            (&cues.suffixes, SUFFIX),
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
        let mut words: Vec<(String, u32)> = Vec::new();
        for (set, bit) in lists {
            words.extend(set.iter().map(|w| (w.clone(), bit)));
        }
        words.extend(TIME_WORDS.iter().map(|w| ((*w).to_string(), TIME)));
        words.extend(["of", "the", "and"].map(|w| (w.to_string(), JOINERS)));
        // A plural ("Senators") is asked about as the word less one final `s`: the word as
        // written holds that answer as a bit of its own.
        for (sets, bit) in [
            (&[&cues.titles, &cues.honorifics, &cues.modifiers][..], TITLISH_PLURAL),
            (&[&cues.roles][..], ROLE_PLURAL),
        ] {
            words.extend(sets.iter().copied().flatten().map(|w| (format!("{w}s"), bit)));
        }
        // A word is looked up lower-cased, which no entry holding an ASCII capital (or none at
        // all) can equal: leaving such entries out keeps the table's case-blind comparison exact.
        words.retain(|(w, _)| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()));
        CueIndex { words: WordBits::new(words) }
    }

    /// The bits of the lists holding `word` lower-cased (as `names::lower` does); 0 for none.
    pub fn bits(&self, word: &str) -> u32 {
        if word.is_ascii() {
            return self.words.get(word.as_bytes());
        }
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        self.words.get(lower.as_bytes())
    }
}
