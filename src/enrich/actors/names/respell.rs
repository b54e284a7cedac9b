//! The tokens that may write a word again, for the questions name finding asks of a whole text
//! ("does this surname recur alone?", "is this word written in lower case elsewhere?").
//!
//! Asked by walking every token, those questions made a long text quadratic: a 2.8 MB
//! transcript naming thousands of people spent seconds in them. In a text of
//! [`LONG_TEXT`] tokens or more, the tokens are grouped once by length and first letter
//! (ASCII case aside), and a question walks only its word's group; a shorter text is walked
//! whole, which costs less than building the groups. Either way the tokens come in text order,
//! and every token spelling the word (ASCII case aside) is among them, so an answer is the one a
//! walk of the whole text gives.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::enrich::actors::tokens::Tok;
use crate::enrich::hash::FnvBuild;

/// Texts of at least this many tokens get the groups.
pub const LONG_TEXT: usize = 4096;

/// A group's key: the word's length in bytes and its first byte, lower-cased.
type Key = (usize, u8);

fn key(word: &str) -> Key {
    (word.len(), word.as_bytes().first().map_or(0, u8::to_ascii_lowercase))
}

/// The tokens of a text, grouped on first use.
#[derive(Debug, Default)]
pub struct Respellings {
    groups: OnceCell<HashMap<Key, Vec<u32>, FnvBuild>>,
}

impl Respellings {
    /// Whether `check` holds for any token, among those of `toks` (the tokens of `text`) that may
    /// spell `word` (all of them in a short text), asked in text order.
    pub fn any(&self, text: &str, toks: &[Tok], word: &str, check: impl FnMut(usize) -> bool) -> bool {
        if toks.len() < LONG_TEXT {
            return (0..toks.len()).any(check);
        }
        self.group(text, toks, word).iter().map(|&k| k as usize).any(check)
    }

    /// The tokens of `toks` with `word`'s length and first letter (ASCII case aside), in order.
    fn group(&self, text: &str, toks: &[Tok], word: &str) -> &[u32] {
        let groups = self.groups.get_or_init(|| {
            let mut groups: HashMap<Key, Vec<u32>, FnvBuild> = HashMap::default();
            for (k, t) in toks.iter().enumerate() {
                let spelled = text.get(t.start..t.end).unwrap_or_default();
                // Token numbers fit in 32 bits: a text is at most a few hundred megabytes.
                groups.entry(key(spelled)).or_default().push(k as u32);
            }
            groups
        });
        groups.get(&key(word)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::actors::tokens::tokenize;

    #[test]
    fn a_group_holds_every_respelling_in_order() {
        let text = "Ruiz met RUIZ and ruiz. Ode, Ruiz's aide, said ode Rui Ruiza. ".repeat(700);
        let toks = tokenize(&text);
        assert!(toks.len() >= LONG_TEXT, "{}", toks.len());
        let respellings = Respellings::default();
        for t in toks.iter().take(40) {
            let word = &text[t.start..t.end];
            let mut asked = Vec::new();
            assert!(!respellings.any(&text, &toks, word, |k| {
                asked.push(k);
                false
            }));
            assert!(asked.windows(2).all(|w| w[0] < w[1]), "in text order");
            let spelled: Vec<usize> = (0..toks.len())
                .filter(|&k| text[toks[k].start..toks[k].end].eq_ignore_ascii_case(word))
                .collect();
            assert!(spelled.iter().all(|k| asked.contains(k)), "{word}");
            assert!(asked.len() < toks.len() / 2, "{word}: only its group is walked");
        }
        // A short text is walked whole.
        let short = tokenize("Ruiz met Ode.");
        let mut asked = Vec::new();
        Respellings::default().any("Ruiz met Ode.", &short, "Ruiz", |k| {
            asked.push(k);
            false
        });
        assert_eq!(asked, [0, 1, 2]);
    }
}
