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

use aho_corasick::nfa::{contiguous, contiguous::NFA, noncontiguous};
use aho_corasick::MatchKind;

use crate::enrich::anchored::{self, FirstStep};

use crate::error::{Error, Result};

/// Written before every alias in the automata, and never looked for in the text: walks begin
/// after it (see [`FirstStep::after`]). No alias holds it, so no alias's proper suffix is the
/// prefix of another, and aho-corasick's failure transitions (built always, though an anchored
/// walk never takes one) all lead back to the start state, each found in one step instead of a
/// walk down the failure chain. NUL, the lowest byte, because the builder finds each pattern's
/// first byte in the start state's transitions sorted by byte, before making them a table.
const LEAD: u8 = 0;

/// The automata of the aliases; pattern `i` is the `i`-th pattern given to [`Aliases::new`].
#[derive(Debug)]
pub(super) struct Aliases {
    /// Every alias.
    all: Walked,
    /// The aliases not starting with an ASCII capital.
    uncapitalised: Walked,
    /// For each pattern of `uncapitalised`, its index among all aliases.
    uncapitalised_index: Vec<usize>,
}

/// An automaton with the state its walks begin from.
#[derive(Debug)]
struct Walked {
    nfa: NFA,
    /// The walks' first steps, after [`LEAD`].
    first: FirstStep,
}

fn build<'a>(patterns: impl Iterator<Item = &'a str>) -> Result<Walked> {
    let err = |e: String| Error::config("people.tsv", format!("cannot build the alias automaton: {e}"));
    // Every pattern with its lead byte, in one buffer rather than one allocation each.
    let mut bytes = Vec::new();
    let mut spans = Vec::new();
    for p in patterns {
        let from = bytes.len();
        bytes.push(LEAD);
        bytes.extend_from_slice(p.as_bytes());
        spans.push((from, bytes.len()));
    }
    // A contiguous NFA: a DFA over tens of thousands of aliases would take far more memory and
    // build time, and each search walks only a few bytes. Case-sensitive over lower-case
    // patterns, with the walk folding the text's case (see `anchored::longest_folded_at`).
    // The walk keeps the longest alias starting at its word start, so the match kind is no
    // matter to it (leftmost-longest and standard automata have the same states and
    // transitions); standard semantics spare the builder the leftmost ones' failure
    // transitions to the dead state, found by a walk down its 256 transitions. No prefilter:
    // the walks are anchored and never use one. Only the start states are made tables while
    // building: the failure transitions are looked up there alone.
    let nnfa = noncontiguous::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .dense_depth(1)
        .build(spans.iter().map(|&(from, to)| &bytes[from..to]))
        .map_err(|e| err(e.to_string()))?;
    // The states after the lead byte and the first two letters are dense, as without a lead byte
    // (the builder's default makes the first two levels dense).
    let nfa = contiguous::Builder::new()
        .dense_depth(3)
        .build_from_noncontiguous(&nnfa)
        .map_err(|e| err(e.to_string()))?;
    let first = FirstStep::after(&nfa, &[LEAD]).ok_or_else(|| err("no anchored start state".into()))?;
    Ok(Walked { nfa, first })
}

impl Aliases {
    /// Builds the automata over `patterns`, which are lower-case (ASCII) and matched folding the
    /// text's ASCII case; `forms[i]` is pattern `i` as written, whose first letter says whether
    /// it is capitalised.
    ///
    /// # Errors
    /// When aho-corasick cannot build them (only for sizes far beyond any gazetteer).
    pub(super) fn new(patterns: &[String], forms: &[String]) -> Result<Aliases> {
        let capitalised =
            |i: usize| forms.get(i).and_then(|f| f.as_bytes().first()).is_some_and(u8::is_ascii_uppercase);
        let uncapitalised_index: Vec<usize> = (0..patterns.len()).filter(|&i| !capitalised(i)).collect();
        Ok(Aliases {
            all: build(patterns.iter().map(String::as_str))?,
            uncapitalised: build(uncapitalised_index.iter().map(|&i| patterns[i].as_str()))?,
            uncapitalised_index,
        })
    }

    /// The longest alias starting exactly at byte `at` of `bytes`, as (end, pattern index), that
    /// could be accepted there: at a lower-case letter, only aliases that do not start with a
    /// capital are considered.
    pub(super) fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        if bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
            let u = &self.uncapitalised;
            let (end, pattern) = anchored::longest_folded_at(&u.nfa, &u.first, bytes, at)?;
            return Some((end, self.uncapitalised_index[pattern]));
        }
        anchored::longest_folded_at(&self.all.nfa, &self.all.first, bytes, at)
    }

    /// As [`Aliases::longest_at`], among the aliases ending before byte `below`: the next
    /// candidate when the longest was rejected.
    pub(super) fn longest_below(&self, bytes: &[u8], at: usize, below: usize) -> Option<(usize, usize)> {
        if bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
            let u = &self.uncapitalised;
            let (end, pattern) = anchored::longest_folded_below(&u.nfa, &u.first, bytes, at, below)?;
            return Some((end, self.uncapitalised_index[pattern]));
        }
        anchored::longest_folded_below(&self.all.nfa, &self.all.first, bytes, at, below)
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

    #[test]
    fn walks_find_what_a_scan_of_every_alias_finds() {
        // Aliases sharing prefixes and suffixes (which shape the automaton's failure
        // transitions), in both cases, over texts of their pieces, checked at every byte. (The
        // gazetteer gives each alias once, whatever its case: so do these.)
        let forms = [
            "Kim",
            "Kim Jong Un",
            "Kim Jong",
            "Jong",
            "UN",
            "un-backed",
            "the Kremlin",
            "Kremlin",
            "the Hague",
            "he",
            "Abu Sayyaf",
            "Abu Sayyaf Group",
            "Sayyaf",
            "al-Qaeda",
            "al",
            "a",
        ];
        let a = aliases(&forms);
        let lower: Vec<String> = forms.iter().map(|f| f.to_ascii_lowercase()).collect();
        let pieces = [
            "Kim ",
            "Jong ",
            "Un",
            "un-backed ",
            "the ",
            "Kremlin",
            "Hague ",
            "Abu ",
            "Sayyaf ",
            "Group",
            "al-",
            "Qaeda ",
            "x",
        ];
        // Every alias that could be accepted at `at`, ending at or before `below`: the longest.
        let scan = |text: &[u8], at: usize, below: usize| {
            let lower_start = text.get(at).is_some_and(u8::is_ascii_lowercase);
            (0..forms.len())
                .filter(|&i| !(lower_start && forms[i].as_bytes()[0].is_ascii_uppercase()))
                .filter(|&i| text.len() >= at + lower[i].len() && at + lower[i].len() < below)
                .filter(|&i| text[at..at + lower[i].len()].eq_ignore_ascii_case(lower[i].as_bytes()))
                .map(|i| (at + lower[i].len(), i))
                .max_by_key(|&(end, i)| (end, std::cmp::Reverse(i)))
        };
        let mut seed = 7u32;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let bytes = text.as_bytes();
            for at in 0..=bytes.len() {
                assert_eq!(a.longest_at(bytes, at), scan(bytes, at, usize::MAX), "{text:?} at {at}");
                for below in at..=bytes.len() {
                    assert_eq!(
                        a.longest_below(bytes, at, below),
                        scan(bytes, at, below),
                        "{text:?} at {at} below {below}"
                    );
                }
            }
        }
    }
}
