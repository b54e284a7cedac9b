//! The gazetteer's aliases in one aho-corasick automaton, searched anchored at word starts.
//!
//! Matches are only looked for where a word starts, so each search is anchored there and asks
//! for the longest alias beginning at that byte (leftmost-longest semantics). Aliases are
//! ASCII-lower-cased and the search folds ASCII case, which keeps byte offsets exact.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::error::{Error, Result};

/// The automaton of the (ASCII-lower-cased) aliases; pattern `i` is the `i`-th alias given to
/// [`Aliases::new`].
#[derive(Debug)]
pub(super) struct Aliases {
    automaton: AhoCorasick,
}

impl Aliases {
    /// Builds the automaton over `patterns`.
    ///
    /// # Errors
    /// When aho-corasick cannot build it (only for sizes far beyond any gazetteer).
    pub(super) fn new(patterns: &[String]) -> Result<Aliases> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns)
            .map_err(|e| Error::config("people.tsv", format!("cannot build the alias automaton: {e}")))?;
        Ok(Aliases { automaton })
    }

    /// The longest alias starting exactly at byte `at` of `bytes`, as (end, pattern index).
    pub(super) fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let input = Input::new(bytes).range(at..).anchored(Anchored::Yes);
        self.automaton.find(input).map(|m| (m.end(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_alias_at_a_position() {
        let patterns: Vec<String> = ["un", "united states", "united", "us"].map(String::from).to_vec();
        let a = Aliases::new(&patterns).unwrap();
        let text = b"The United States and US";
        assert_eq!(a.longest_at(text, 4), Some((17, 1)));
        assert_eq!(a.longest_at(text, 22), Some((24, 3)));
        assert_eq!(a.longest_at(text, 0), None);
        assert_eq!(a.longest_at(b"Unite", 0), Some((2, 0)), "a prefix of a longer alias only");
        assert_eq!(a.longest_at(text, text.len()), None);
    }
}
