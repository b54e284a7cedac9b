//! The gazetteer's aliases in aho-corasick automata, searched anchored at word starts.
//!
//! Matches are only looked for where a word starts, so each search is anchored there and asks
//! for the longest alias beginning at that byte (leftmost-longest semantics). The search folds
//! ASCII case, which keeps byte offsets exact.
//!
//! Most words of running text start with a lower-case letter, and no alias whose first letter
//! is a capital can be accepted there (the gazetteer requires an alias's capitals to be capitals
//! in the text). So the aliases that do not start with a capital ("al-Qaeda", "the Kremlin") get
//! a second, much smaller automaton, searched at lower-case word starts instead of the full one.

use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::MatchKind;

use crate::enrich::anchored;

use crate::error::{Error, Result};

/// The automata of the aliases; pattern `i` is the `i`-th pattern given to [`Aliases::new`].
#[derive(Debug)]
pub(super) struct Aliases {
    /// Every alias.
    all: NFA,
    /// The aliases not starting with an ASCII capital.
    uncapitalised: NFA,
    /// For each pattern of `uncapitalised`, its index among all aliases.
    uncapitalised_index: Vec<usize>,
}

fn build(patterns: &[&str]) -> Result<NFA> {
    // A contiguous NFA: a DFA over tens of thousands of aliases would take far more memory and
    // build time, and each search walks only a few bytes. Case-sensitive over lower-case
    // patterns, with the walk folding the text's case (see `anchored::longest_folded_at`).
    NFA::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .map_err(|e| Error::config("people.tsv", format!("cannot build the alias automaton: {e}")))
}

impl Aliases {
    /// Builds the automata over `patterns`, which are lower-case (ASCII) and matched folding the
    /// text's ASCII case; `forms[i]` is pattern `i` as written, whose first letter says whether
    /// it is capitalised.
    ///
    /// # Errors
    /// When aho-corasick cannot build them (only for sizes far beyond any gazetteer).
    pub(super) fn new(patterns: &[String], forms: &[String]) -> Result<Aliases> {
        let all: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let (uncapitalised_index, uncapitalised): (Vec<usize>, Vec<&str>) = all
            .iter()
            .zip(forms)
            .enumerate()
            .filter(|(_, (_, form))| !form.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
            .map(|(i, (p, _))| (i, *p))
            .unzip();
        Ok(Aliases { all: build(&all)?, uncapitalised: build(&uncapitalised)?, uncapitalised_index })
    }

    /// The longest alias starting exactly at byte `at` of `bytes`, as (end, pattern index), that
    /// could be accepted there: at a lower-case letter, only aliases that do not start with a
    /// capital are considered.
    pub(super) fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        if bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
            let (end, pattern) = anchored::longest_folded_at(&self.uncapitalised, bytes, at)?;
            return Some((end, self.uncapitalised_index[pattern]));
        }
        anchored::longest_folded_at(&self.all, bytes, at)
    }

    /// As [`Aliases::longest_at`], among the aliases ending before byte `below`: the next
    /// candidate when the longest was rejected.
    pub(super) fn longest_below(&self, bytes: &[u8], at: usize, below: usize) -> Option<(usize, usize)> {
        if bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
            let (end, pattern) = anchored::longest_folded_below(&self.uncapitalised, bytes, at, below)?;
            return Some((end, self.uncapitalised_index[pattern]));
        }
        anchored::longest_folded_below(&self.all, bytes, at, below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases(forms: &[&str]) -> Aliases {
        let forms: Vec<String> = forms.iter().map(|f| f.to_string()).collect();
        let patterns: Vec<String> = forms.iter().map(|f| f.to_ascii_lowercase()).collect();
        Aliases::new(&patterns, &forms).unwrap()
    }

    #[test]
    fn longest_alias_at_a_position() {
        let a = aliases(&["UN", "United States", "United", "US"]);
        let text = b"The United States and US";
        assert_eq!(a.longest_at(text, 4), Some((17, 1)));
        assert_eq!(a.longest_at(text, 22), Some((24, 3)));
        assert_eq!(a.longest_at(text, 0), None);
        assert_eq!(a.longest_at(b"Unite", 0), Some((2, 0)), "a prefix of a longer alias only");
        assert_eq!(a.longest_at(text, text.len()), None);
    }

    #[test]
    fn lower_case_words_only_meet_uncapitalised_aliases() {
        let a = aliases(&["Kremlin", "the Kremlin", "al-Qaeda"]);
        assert_eq!(
            a.longest_at(b"kremlin", 0),
            None,
            "a capitalised alias cannot start at a lower-case word"
        );
        assert_eq!(a.longest_at(b"the Kremlin said", 0), Some((11, 1)));
        assert_eq!(a.longest_at(b"The Kremlin said", 0), Some((11, 1)));
        assert_eq!(a.longest_at(b"al-Qaeda", 0), Some((8, 2)));
        assert_eq!(a.longest_at(b"Kremlin", 0), Some((7, 0)));
    }
}
