//! The phrase automaton of the topics, and its anchored walks at word starts.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::Anchored;

use crate::enrich::anchored::{self, FirstStep};

/// Every phrase's automaton, searched anchored at word starts.
#[derive(Debug)]
pub(super) struct Phrases {
    /// Standard (overlapping) semantics, searched anchored.
    pub(super) automaton: contiguous::NFA,
    /// Per text byte, the state an anchored walk reaches on it: most walks stop there, and a
    /// table load is cheaper than the NFA's dense-state step.
    pub(super) first: FirstStep,
    /// Per byte: [`ALNUM`] for an ASCII letter or digit, [`WIDE`] for a byte of a character
    /// outside ASCII (which is decoded to tell whether it is alphanumeric).
    pub(super) class: [u8; 256],
}

pub(super) const ALNUM: u8 = 1;
pub(super) const WIDE: u8 = 2;

impl Phrases {
    /// The walks over `automaton`; `None` when it has no anchored start (a contiguous NFA always
    /// has one).
    pub(super) fn new(automaton: contiguous::NFA) -> Option<Phrases> {
        let first = FirstStep::after(&automaton, &[])?;
        let mut class = [0u8; 256];
        for b in 0..=255u8 {
            class[usize::from(b)] = if !b.is_ascii() {
                WIDE
            } else if b.is_ascii_alphanumeric() {
                ALNUM
            } else {
                0
            };
        }
        Some(Phrases { automaton, first, class })
    }

    /// Appends to `raw` every phrase occurrence starting at `bytes[at]`, as `occurrences`
    /// orders them: longest first, then by pattern.
    pub(super) fn walk(&self, bytes: &[u8], at: usize, raw: &mut Vec<(usize, usize, usize)>) {
        let a = &self.automaton;
        let mut state = self.first.from(bytes[at]);
        let from = raw.len();
        let mut end = at + 1;
        loop {
            if a.is_special(state) {
                if a.is_dead(state) {
                    break;
                }
                if a.is_match(state) {
                    // A state's matches may also be suffixes starting later.
                    for k in 0..a.match_len(state) {
                        let pattern = a.match_pattern(state, k);
                        if end - a.pattern_len(pattern) == at {
                            raw.push((at, end, pattern.as_usize()));
                        }
                    }
                }
            }
            let Some(&b) = bytes.get(end) else {
                break;
            };
            state = a.next_state(Anchored::Yes, state, b.to_ascii_lowercase());
            end += 1;
        }
        sort_run(&mut raw[from..]);
    }

    /// As [`Phrases::walk`], with [`anchored::each_match_folded_at`].
    pub(super) fn walk_general(&self, bytes: &[u8], at: usize, raw: &mut Vec<(usize, usize, usize)>) {
        let from = raw.len();
        anchored::each_match_folded_at(&self.automaton, bytes, at, |end, pattern| {
            raw.push((at, end, pattern))
        });
        sort_run(&mut raw[from..]);
    }
}

/// Sorts the occurrences of one walk, found shortest first, longest first then by pattern: walks
/// come in text order, so sorting each walk's own run sorts the whole list.
fn sort_run(found: &mut [(usize, usize, usize)]) {
    if found.len() > 1 {
        found.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    }
}
