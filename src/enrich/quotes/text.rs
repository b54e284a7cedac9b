//! A view of one article's tokens with the helpers attribution needs: words, capitals, sentence
//! ends, and the clause subjects found once per article.

use std::cell::Cell;

use super::lexicon::{
    ascii_lower, classes, Lexicon, ABBREVIATIONS, CLASS_BITS, CLAUSE_JOINERS, MAX_WORD, SUBORDINATORS, TITLES,
};
use super::names::{subjects, Who, WhoKind};
use super::tokens::{Kind, Tok};
use crate::article::Span;
use crate::enrich::hash::WordSet;

/// The word lists of the configuration that attribution reads, lower case.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Title words (`roles.tsv`), besides the built-in [`TITLES`]: stripped from the front of a
    /// name ("Finance Minister Ana Ruiz" is Ana Ruiz).
    pub titles: WordSet,
    /// Office and role nouns (`roles.tsv`: "envoy", "senator").
    pub heads: WordSet,
    /// The head words of organisations' names (`organizations.tsv`: "ministry", "court"): the
    /// titles before one are part of the name ("the State Department", "Supreme Court").
    pub org_heads: WordSet,
    /// Places that are no country and adjectives that are no country's (`roles.tsv` kinds
    /// `place` and `adjective`: "colorado", "new jersey", "african"): no person, so never what
    /// "he" or "she" stands for, nor a speaker to fall back to.
    pub places: WordSet,
    /// Words that say a person is a woman (`roles.tsv` kind `female`: given names, courtesy
    /// titles, "spokeswoman"), lower case.
    pub female: WordSet,
    /// Words that say a person is a man (`roles.tsv` kind `male`), lower case.
    pub male: WordSet,
}

/// A person's sex as the text tells it: what "he" and "she" agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sex {
    /// Named or described as a woman.
    Female,
    /// Named or described as a man.
    Male,
}

/// A view of one article's tokens.
pub(super) struct Text<'a> {
    /// The article body.
    pub body: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// The persons that are subjects of clauses, in body order (see [`subjects`]).
    pub subjects: Vec<Who>,
    /// The configured word lists.
    vocabulary: &'a Vocabulary,
    /// What is known of each token's word, found the first time it is asked: attribution asks
    /// the same words the same questions many times. The fixed lists holding it (the bits of
    /// [`classes`], with [`CLASSES_KNOWN`]), and the answers to [`Memo`] questions.
    facts: Vec<Cell<u64>>,
}

/// Set in a token's facts once the bits of [`classes`] are there.
const CLASSES_KNOWN: u64 = 1 << CLASS_BITS;

/// Questions about a token whose answers [`Text::memo`] keeps: each is two bits of the token's
/// facts, that it was asked and that the answer is yes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Memo {
    /// A capitalised word that can be part of a name (`names::name_word`).
    NameWord = CLASS_BITS as isize + 1,
    /// A title or honorific ([`Text::is_title`]).
    Title = CLASS_BITS as isize + 3,
    /// An organisation's head word ([`Text::is_org_head`]).
    OrgHead = CLASS_BITS as isize + 5,
    /// A role noun of [`Vocabulary::heads`] ([`Text::is_role_noun`]).
    RoleNoun = CLASS_BITS as isize + 7,
    /// A configured speech verb form (`Grammar::is_verb`).
    SpeechVerb = CLASS_BITS as isize + 9,
}

impl<'a> Text<'a> {
    /// The view of `body` and its tokens, with the clause subjects found.
    pub fn new(body: &'a str, toks: &'a [Tok], vocabulary: &'a Vocabulary) -> Text<'a> {
        let facts = vec![Cell::new(0); toks.len()];
        let mut text = Text { body, toks, subjects: Vec::new(), vocabulary, facts };
        text.subjects = subjects(&text);
        text
    }

    /// True when `body[start..end]` names a place of [`Vocabulary::places`] ("New Jersey").
    pub fn is_place(&self, start: usize, end: usize) -> bool {
        let places = &self.vocabulary.places;
        !places.is_empty() && self.body.get(start..end).is_some_and(|name| contains_lower(places, name))
    }

    /// The first clause subject between byte `from` and byte `to`.
    pub fn subject_between(&self, from: usize, to: usize) -> Option<Who> {
        let at = self.subjects.partition_point(|w| w.start < from);
        self.subjects[at..].first().filter(|w| w.end <= to).copied()
    }

    /// The subject that speaks for a clause subject `who` found in a sentence opening at token
    /// `opening`, up to byte `to`: the main clause's after a fronted subordinate clause (see
    /// [`Text::after_fronted_clause`]), then that of a later clause joined to it (see
    /// [`Text::joined_subject`]); else `who`.
    pub fn speaking_subject(&self, opening: usize, who: Who, to: usize) -> Who {
        let who = self.after_fronted_clause(opening, who, to).unwrap_or(who);
        self.joined_subject(who, to).unwrap_or(who)
    }

    /// The subject of the last clause joined to `first`'s by a comma and a conjunction (or a
    /// semicolon) before byte `to`: "Jindal signed an order, while Mike Huckabee proposed we
    /// "…"" gives Mike Huckabee for a `to` after him.
    fn joined_subject(&self, first: Who, to: usize) -> Option<Who> {
        // The subjects are in text order: those after `first` and before `to` are one run.
        let from = self.subjects.partition_point(|w| w.start <= first.end);
        let until = self.subjects.partition_point(|w| w.start < to).max(from);
        self.subjects[from..until]
            .iter()
            .filter(|w| w.end <= to)
            .rfind(|w| {
                let i = self.toks.partition_point(|t| t.start < w.start);
                i >= 2 && {
                    let (joiner, before) = (i - 1, i - 2);
                    (self.word_in(joiner, &CLAUSE_JOINERS) && self.toks[before].is_punct(','))
                        || self.toks[joiner].is_punct(';')
                }
            })
            .copied()
    }

    /// The subject of the main clause after a fronted subordinate clause that holds `first`:
    /// "When told Perez was in the Cabinet, Bush thought for a moment and said …" gives Bush
    /// for a sentence opening at token `opening` and a `to` after him.
    fn after_fronted_clause(&self, opening: usize, first: Who, to: usize) -> Option<Who> {
        // "And after the court refused …, Gov. Ruiz blamed …": a conjunction may open it.
        let joined = self.is_cap(opening) && self.word_in(opening, &["and", "but", "so", "then"]);
        let opening = if joined { opening + 1 } else { opening };
        if opening >= self.toks.len()
            || !self.word_in(opening, &SUBORDINATORS)
            || !(joined || self.is_cap(opening))
        {
            return None;
        }
        let from = self.toks.partition_point(|t| t.start < first.end);
        let comma = (from..self.toks.len())
            .take_while(|&i| self.toks[i].start < to && self.toks[i].kind != Kind::Break)
            .find(|&i| self.toks[i].is_punct(','))?;
        // The clause's subject right after the comma, past its titles ("Gov. Pat McCrory").
        let mut k = comma + 1;
        while k < self.toks.len() && (self.is_title(k) || self.abbreviation_dot(k)) {
            k += 1;
        }
        let next = self.toks.get(k)?;
        let at = self.subjects.partition_point(|w| w.start < next.start);
        self.subjects[at..].iter().take_while(|w| w.start == next.start).find(|w| w.end <= to).copied()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.body[t.start..t.end]
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].is_word()
    }

    /// True when token `i` is a word starting with a capital, or with an article glued to one
    /// ("al-Assad").
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks[i].cap
    }

    /// True when token `i` is a title or honorific that may precede a name ("Sen.", "Mayor").
    pub fn is_title(&self, i: usize) -> bool {
        self.is_word(i)
            && self.memo(i, Memo::Title, || {
                self.word_in(i, &TITLES)
                    || (!self.vocabulary.titles.is_empty() && self.lower_in(i, &self.vocabulary.titles))
            })
    }

    /// True when token `i` is the head word of an organisation's name ("Ministry", "Court").
    pub fn is_org_head(&self, i: usize) -> bool {
        self.is_word(i) && self.memo(i, Memo::OrgHead, || self.lower_in(i, &self.vocabulary.org_heads))
    }

    /// The answer of `question` for token `i`: `answer()` the first time it is asked, kept.
    pub fn memo(&self, i: usize, question: Memo, answer: impl FnOnce() -> bool) -> bool {
        let fact = &self.facts[i];
        let (asked, yes) = (1 << question as u32, 2 << question as u32);
        let known = fact.get();
        if known & asked != 0 {
            return known & yes != 0;
        }
        let answer = answer();
        fact.set(known | asked | if answer { yes } else { 0 });
        answer
    }

    /// The fixed word lists that hold word token `i` (see [`classes`]).
    fn classes(&self, i: usize) -> u64 {
        let fact = &self.facts[i];
        let known = fact.get();
        if known & CLASSES_KNOWN != 0 {
            return known;
        }
        let known = known | CLASSES_KNOWN | classes(self.word(i));
        fact.set(known);
        known
    }

    /// True when word token `i`, lower-cased, is in `set` (of lower-case words).
    fn lower_in(&self, i: usize, set: &WordSet) -> bool {
        contains_lower(set, self.word(i))
    }

    /// True when token `i` is a lower-case office or role noun ("envoy", "senator"): a phrase's
    /// head that a name before it only modifies. Singular only: a plural may be a verb ("Ruiz
    /// heads the panel").
    pub fn is_role_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.is_cap(i)
            && self.memo(i, Memo::RoleNoun, || self.vocabulary.heads.contains(self.word(i)))
    }

    /// True when token `i` is the plural of a lower-case role noun ("prosecutors", "officials"),
    /// which may head a phrase without a determiner ("federal prosecutors wrote").
    pub fn is_plural_role_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.is_cap(i)
            && self.word(i).strip_suffix('s').is_some_and(|stem| self.vocabulary.heads.contains(stem))
    }

    /// True when the bytes of `span` introduce someone new by a role: an indefinite phrase with a
    /// role noun ("a spokesman for the agency", "one Western diplomat"), whom a "he" or "she"
    /// right after stands for. A definite one ("the Texas senator") mostly refers back to
    /// someone named before, whom pronouns resolve to anyway.
    pub fn is_role_introduced(&self, span: Span) -> bool {
        let first = self.toks.partition_point(|t| t.start < span.start);
        let mut words = (first..self.toks.len()).take_while(|&i| self.toks[i].end <= span.end);
        let indefinite = self.toks.get(first).is_some_and(|t| t.start == span.start)
            && self.word_in(first, &["a", "an", "one", "another"]);
        indefinite && words.any(|i| self.is_role_noun(i))
    }

    /// The words a person's role must hold for `who` to describe that person, when `who` is a
    /// definite description of one: a phrase that is no name, opening with "the" and ending with
    /// a role noun ("the Vermont senator", "The president"), not a former holder ("the former
    /// president"). The words are the role noun and the capitalised words before it ("Chinese"
    /// and "president" for "the Chinese president").
    pub fn described_role(&self, who: Who) -> Option<Vec<&str>> {
        let first = self.toks.partition_point(|t| t.start < who.start);
        let last = self.toks.partition_point(|t| t.end < who.end);
        let description = who.kind == WhoKind::Other
            && first < last
            && last < self.toks.len()
            && self.toks[last].end == who.end
            && self.word_in(first, &["the"])
            && self.is_role_noun(last)
            // "the former president" held the role before: no current holder is meant.
            && !(first..last).any(|i| self.word_in(i, &["former", "late", "then", "ex"]));
        let qualifiers = (first + 1..last).filter(|&i| self.is_cap(i)).map(|i| self.word(i));
        description.then(|| qualifiers.chain([self.word(last)]).collect())
    }

    /// True when token `i` is a word of `words`, in any case.
    pub fn word_in(&self, i: usize, words: &impl Lexicon) -> bool {
        self.is_word(i)
            && match words.mask() {
                Some(mask) => self.classes(i) & mask != 0,
                None => words.has(self.word(i)),
            }
    }

    /// True when token `i` ends a sentence: `.`, `!` or `?`, not after an abbreviation or an
    /// initial.
    pub fn ends_sentence(&self, i: usize) -> bool {
        match self.toks[i].kind {
            Kind::Punct('!' | '?') => true,
            Kind::Punct('.') => {
                // "R-Ky., said": a period before a comma or a lower-case word ends nothing.
                if let Some(next) = self.toks.get(i + 1) {
                    let lower = next.is_word() && self.body[next.start..].starts_with(char::is_lowercase);
                    if next.is_punct(',') || lower {
                        return false;
                    }
                }
                if i == 0 || !self.is_word(i - 1) || self.toks[i - 1].end != self.toks[i].start {
                    return true;
                }
                let w = self.word(i - 1);
                let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
                !(initial || w.contains('.') || self.word_in(i - 1, &ABBREVIATIONS))
            }
            _ => false,
        }
    }

    /// The sex of the person named `name` (its canonical form) at byte `mention` of the body:
    /// told by a courtesy title or honorific right before the mention ("Mrs. Ruiz", "King
    /// Abdullah"), else by the first word of a name ("Hillary Clinton"), or by any word of a
    /// description (`name` false: "a spokeswoman"). `None` when nothing tells, or words
    /// disagree.
    pub fn sex(&self, mention: usize, name: &str, is_name: bool) -> Option<Sex> {
        let vocabulary = self.vocabulary;
        let of = |word: &str| {
            let word = word.trim_end_matches('.');
            match (contains_lower(&vocabulary.female, word), contains_lower(&vocabulary.male, word)) {
                (true, false) => Some(Sex::Female),
                (false, true) => Some(Sex::Male),
                _ => None,
            }
        };
        let mut before = self.toks.partition_point(|t| t.start < mention);
        if before > 0 && self.abbreviation_dot(before - 1) {
            before -= 1;
        }
        // Capitalised only: a title ("Mrs.", "Queen"), not a role noun ("spokesman Hope Hicks"
        // is written of women too).
        let title = before.checked_sub(1).filter(|&i| self.is_word(i) && self.is_cap(i));
        if let Some(sex) = title.and_then(|i| of(self.word(i))) {
            return Some(sex);
        }
        let mut words = name.split([' ', '-']).filter(|w| !w.is_empty());
        if is_name {
            return words.next().and_then(of);
        }
        let mut found = words.filter_map(of);
        let first = found.next()?;
        found.all(|s| s == first).then_some(first)
    }

    /// True for a period that belongs to an abbreviation or initial inside a name ("Sen.", "J.").
    pub fn abbreviation_dot(&self, i: usize) -> bool {
        self.toks[i].is_punct('.') && !self.ends_sentence(i)
    }
}

/// True when `text`, lower-cased, is in `set` (of lower-case words or names). Short ASCII text is
/// lower-cased on the stack: this runs for most words of an article.
fn contains_lower(set: &WordSet, text: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    match if text.is_ascii() { ascii_lower(text, &mut buf) } else { None } {
        Some(lower) => set.contains(lower),
        None => set.contains(&text.to_lowercase()),
    }
}
