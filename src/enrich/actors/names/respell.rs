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
//!
//! A long text also remembers its answers ([`Respellings::first_two`]): a word written thousands
//! of times (a speaker's name down a transcript) has a group as long, and walking it again for
//! each of its writings was quadratic once more.

use std::cell::{OnceCell, RefCell};
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

/// By question, then by word: the answers of [`Respellings::first_two`].
type Answers = Vec<HashMap<String, [Option<u32>; 2], FnvBuild>>;

/// The tokens of a text, grouped on first use.
#[derive(Debug, Default)]
pub struct Respellings {
    groups: OnceCell<HashMap<Key, Vec<u32>, FnvBuild>>,
    answers: RefCell<Answers>,
}

impl Respellings {
    /// The first two tokens, in text order, among those of `toks` (the tokens of `text`) that may
    /// spell `word` (all of them in a short text), for which `check` holds. `question` numbers the caller's question: with `word` it must decide
    /// `check`, for in a long text the answer is remembered under the two and not asked again.
    pub fn first_two(
        &self,
        text: &str,
        toks: &[Tok],
        word: &str,
        question: usize,
        mut check: impl FnMut(usize) -> bool,
    ) -> [Option<usize>; 2] {
        let mut walk = |tokens: &mut dyn Iterator<Item = usize>| {
            let mut found = tokens.filter(|&k| check(k));
            [found.next(), found.next()]
        };
        if toks.len() < LONG_TEXT {
            return walk(&mut (0..toks.len()));
        }
        let widen = |k: Option<u32>| k.map(|k| k as usize);
        if let Some(&[a, b]) = self.answers.borrow().get(question).and_then(|words| words.get(word)) {
            return [widen(a), widen(b)];
        }
        let found = walk(&mut self.group(text, toks, word).iter().map(|&k| k as usize));
        let mut answers = self.answers.borrow_mut();
        if answers.len() <= question {
            answers.resize_with(question + 1, HashMap::default);
        }
        // Token numbers fit in 32 bits (see `group`).
        answers[question].insert(word.to_string(), found.map(|k| k.map(|k| k as u32)));
        found
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

    /// `sentence` repeated `times`, and its tokens, long enough for the groups.
    fn long_text(sentence: &str, times: usize) -> (String, Vec<Tok>) {
        let text = sentence.repeat(times);
        let toks = tokenize(&text);
        assert!(toks.len() >= LONG_TEXT, "{}", toks.len());
        (text, toks)
    }

    #[test]
    fn a_group_holds_every_respelling_in_order() {
        let (text, toks) = long_text("Ruiz met RUIZ and ruiz. Ode, Ruiz's aide, said ode Rui Ruiza. ", 700);
        let respellings = Respellings::default();
        // Each word asked under a question of its own: no answer is remembered yet.
        for (question, t) in toks.iter().take(40).enumerate() {
            let word = &text[t.start..t.end];
            let mut asked = Vec::new();
            let found = respellings.first_two(&text, &toks, word, question, |k| {
                asked.push(k);
                false
            });
            assert_eq!(found, [None, None]);
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
        Respellings::default().first_two("Ruiz met Ode.", &short, "Ruiz", 0, |k| {
            asked.push(k);
            false
        });
        assert_eq!(asked, [0, 1, 2]);
    }

    #[test]
    fn a_long_texts_answers_are_remembered_by_question_and_word() {
        // Five tokens a sentence: the full stop is none.
        let (text, toks) = long_text("Ruiz met Ode and ruiz. ", 1000);
        let respellings = Respellings::default();
        let spelled = |k: usize, word: &str| &text[toks[k].start..toks[k].end] == word;
        let asked = std::cell::Cell::new(0);
        let ask = |question: usize, word: &str| {
            respellings.first_two(&text, &toks, word, question, |k| {
                asked.set(asked.get() + 1);
                spelled(k, word)
            })
        };
        assert_eq!(ask(0, "Ruiz"), [Some(0), Some(5)]);
        assert_eq!(ask(0, "ruiz"), [Some(4), Some(9)]);
        assert_eq!(ask(1, "Ode"), [Some(2), Some(7)]);
        assert_eq!(ask(1, "Nobody"), [None, None]);
        let walked = asked.get();
        assert_eq!(ask(0, "Ruiz"), [Some(0), Some(5)]);
        assert_eq!(ask(1, "Nobody"), [None, None]);
        assert_eq!(asked.get(), walked, "asked again, no token is walked");
        // Another question about the same word is asked anew.
        assert_eq!(ask(2, "Ruiz"), [Some(0), Some(5)]);
        assert!(asked.get() > walked);
    }
}
