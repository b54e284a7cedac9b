//! Anchored walks over an aho-corasick automaton: the patterns that start at one position.
//!
//! The gazetteer and the topic phrases are only looked for where a word starts, so they ask an
//! automaton hundreds of times per article "which patterns start exactly here?". Most walks
//! die after a byte or two, so the set-up of a full [`aho_corasick::AhoCorasick`] search
//! (input checks, dynamic dispatch, overlapping-search state) cost more than the walk itself.
//! These functions step the automaton directly through its [`Automaton`] trait.
//!
//! A state's match list may also name patterns that end there but start later (suffixes reached
//! through failure transitions); only matches that start at the anchor are reported.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::Anchored;

/// Where the walks of [`longest_folded_at`] begin: per text byte, the state after it (ASCII
/// folded), dead where no pattern goes on with it. A table load is cheaper than the automaton's
/// first step, taken at every word start.
#[derive(Debug)]
pub struct FirstStep {
    states: Box<[StateID; 256]>,
    /// How many bytes of every pattern come before the table's byte.
    lead: usize,
}

impl FirstStep {
    /// The first steps of walks over an automaton whose every pattern begins with `prefix`
    /// (which the walks do not look for in the text); with no pattern, steps that find nothing.
    /// `None` when the automaton has no anchored start.
    pub fn after<A: Automaton>(automaton: &A, prefix: &[u8]) -> Option<FirstStep> {
        let start = automaton.start_state(Anchored::Yes).ok()?;
        let mut from = start;
        for &byte in prefix {
            from = automaton.next_state(Anchored::Yes, from, byte);
        }
        // No pattern begins with the prefix: the start state leads nowhere either.
        if automaton.is_dead(from) {
            from = start;
        }
        let mut states = Box::new([from; 256]);
        for (byte, state) in (0..=255u8).zip(states.iter_mut()) {
            *state = automaton.next_state(Anchored::Yes, from, byte.to_ascii_lowercase());
        }
        Some(FirstStep { states, lead: prefix.len() })
    }

    /// The state a walk reaches on its first byte `byte` (dead where no pattern goes on with it).
    #[inline(always)]
    pub fn from(&self, byte: u8) -> StateID {
        self.states[usize::from(byte)]
    }
}

/// Calls `found(end, pattern)` for every pattern occurring at `bytes[at..end]` in any ASCII case,
/// shortest first, for an automaton of lower-case patterns built with
/// [`aho_corasick::MatchKind::Standard`] semantics, which report every pattern (leftmost
/// semantics report only the preferred one per state). The text's ASCII capitals are read as
/// lower-case letters, as in [`longest_folded_at`]: no lower-case copy of the text is made.
pub fn each_match_folded_at<A: Automaton>(
    automaton: &A,
    bytes: &[u8],
    at: usize,
    found: impl FnMut(usize, usize),
) {
    walk(automaton, bytes, at, |b| b.to_ascii_lowercase(), found);
}

/// Steps `automaton` from `at`, feeding it `fold(byte)` for each byte, and reports the matches
/// that start at `at`.
fn walk<A: Automaton>(
    automaton: &A,
    bytes: &[u8],
    at: usize,
    fold: impl Fn(u8) -> u8,
    mut found: impl FnMut(usize, usize),
) {
    let Ok(mut state) = automaton.start_state(Anchored::Yes) else {
        return;
    };
    for (i, &byte) in bytes.iter().enumerate().skip(at) {
        state = automaton.next_state(Anchored::Yes, state, fold(byte));
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            return;
        }
        if automaton.is_match(state) {
            let end = i + 1;
            for k in 0..automaton.match_len(state) {
                let pattern = automaton.match_pattern(state, k);
                if end - automaton.pattern_len(pattern) == at {
                    found(end, pattern.as_usize());
                }
            }
        }
    }
}

/// The longest pattern occurring at `bytes[at..]` in any ASCII case, as (end, pattern), walking
/// from `first` (see [`FirstStep::after`]), for an automaton of lower-case patterns built with
/// [`aho_corasick::MatchKind::Standard`] or [`aho_corasick::MatchKind::LeftmostLongest`]
/// semantics (the last match starting at `at` is the longest). The text's ASCII capitals are read as lower-case letters, so the automaton matches
/// as one built with `ascii_case_insensitive` would, and offsets stay exact (folding never
/// changes a byte's length). Such an automaton has half the transitions, which the builder's
/// failure transitions (computed always, though an anchored walk never takes one) follow too:
/// the gazetteer's built in 210 M instructions instead of 374 M.
// Inlined: called at every word start, and a call's set-up cost as much as most walks.
#[inline(always)]
pub fn longest_folded_at<A: Automaton>(
    automaton: &A,
    first: &FirstStep,
    bytes: &[u8],
    at: usize,
) -> Option<(usize, usize)> {
    let mut state = first.states[usize::from(*bytes.get(at)?)];
    let mut longest = None;
    let mut end = at + 1;
    loop {
        if automaton.is_special(state) {
            if automaton.is_dead(state) {
                break;
            }
            if automaton.is_match(state) {
                for k in 0..automaton.match_len(state) {
                    let pattern = automaton.match_pattern(state, k);
                    if end + first.lead - automaton.pattern_len(pattern) == at {
                        longest = Some((end, pattern.as_usize()));
                    }
                }
            }
        }
        let Some(&byte) = bytes.get(end) else {
            break;
        };
        state = automaton.next_state(Anchored::Yes, state, byte.to_ascii_lowercase());
        end += 1;
    }
    longest
}

/// As [`longest_folded_at`], among the patterns that end before byte `below`: what a caller
/// that rejected the longest match tries next.
pub fn longest_folded_below<A: Automaton>(
    automaton: &A,
    first: &FirstStep,
    bytes: &[u8],
    at: usize,
    below: usize,
) -> Option<(usize, usize)> {
    let bytes = bytes.get(..below.saturating_sub(1))?;
    longest_folded_at(automaton, first, bytes, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{dfa, nfa, MatchKind, StartKind};

    #[test]
    fn every_pattern_starting_at_a_position() {
        let patterns = ["arms", "arms embargo", "embargo", "arm"];
        let dfa = dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(patterns)
            .unwrap();
        let text = b"an arms embargo";
        let mut found = Vec::new();
        each_match_folded_at(&dfa, text, 3, |end, p| found.push((end, p)));
        assert_eq!(found, [(6, 3), (7, 0), (15, 1)], "the suffix `embargo` starts elsewhere");
        let mut found = Vec::new();
        each_match_folded_at(&dfa, text, 8, |end, p| found.push((end, p)));
        assert_eq!(found, [(15, 2)]);
        each_match_folded_at(&dfa, text, 0, |_, _| panic!("nothing starts at `an`"));
        let mut found = Vec::new();
        each_match_folded_at(&dfa, b"An ARMS Embargo", 3, |end, p| found.push((end, p)));
        assert_eq!(found, [(6, 3), (7, 0), (15, 1)], "any ASCII case");
    }

    #[test]
    fn longest_pattern_at_a_position() {
        let patterns = ["un", "united states", "united", "us"];
        let nfa =
            nfa::contiguous::Builder::new().match_kind(MatchKind::LeftmostLongest).build(patterns).unwrap();
        let o = FirstStep::after(&nfa, b"").unwrap();
        let text = b"The United States and US";
        assert_eq!(longest_folded_at(&nfa, &o, text, 4), Some((17, 1)));
        assert_eq!(longest_folded_at(&nfa, &o, text, 22), Some((24, 3)));
        assert_eq!(longest_folded_at(&nfa, &o, text, 0), None);
        assert_eq!(longest_folded_at(&nfa, &o, text, text.len()), None);
        assert_eq!(longest_folded_at(&nfa, &o, b"UNITED Nations", 0), Some((6, 2)), "any ASCII case");
        assert_eq!(longest_folded_below(&nfa, &o, text, 4, 17), Some((10, 2)), "the next longest");
        assert_eq!(longest_folded_below(&nfa, &o, text, 4, 10), Some((6, 0)));
        assert_eq!(longest_folded_below(&nfa, &o, text, 4, 6), None);
        assert_eq!(longest_folded_at(&nfa, &o, "Ünited".as_bytes(), 0), None, "only ASCII is folded");
    }
}
