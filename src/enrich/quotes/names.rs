//! Names and noun phrases: which words of a clause name the speaker, and which persons are the
//! subjects of clauses (for pronouns and unattributed quotations).

use std::cell::{Cell, OnceCell};
use std::collections::HashSet;

use super::lexicon::*;
use super::text::{Memo, Text};
use super::tokens::Kind;
use crate::enrich::actors::SUFFIXES;
use crate::enrich::hash::FnvBuild;

/// What kind of mention attributes a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WhoKind {
    /// A proper name ("Antony Blinken", "the Washington Post" → "Washington Post").
    Name,
    /// A personal pronoun, to be resolved to an earlier person.
    Pronoun,
    /// A common noun phrase ("the aide", "a spokesman").
    Other,
}

/// A speaker mention: its byte range in the body and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Who {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind of mention.
    pub kind: WhoKind,
}

/// True for a lower-case word that looks like a verb after a subject ("says", "warned", "has").
pub(super) fn verbish(text: &Text, i: usize) -> bool {
    if !text.is_word(i) || text.is_cap(i) {
        return false;
    }
    let w = text.word(i);
    text.word_in(i, &VERBISH)
        || ((w.ends_with('s') || w.ends_with("ed")) && w.len() > 3 && !w.ends_with("ss") && !possessive_s(w))
        || ends_ly(text, i)
}

/// True for a word ending in a possessive "'s" ("judge's"), which no verb does; "there's" and
/// "that's" are contractions of "is".
fn possessive_s(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) else {
        return false;
    };
    !lower_in(stem, &["there", "here", "that", "it", "what", "who", "where", "he", "she", "let"])
}

/// True for a lower-case "-ly" adverb ("repeatedly said"; not "the family said", "the financial
/// daily said").
pub(super) fn ends_ly(text: &Text, i: usize) -> bool {
    text.is_word(i)
        && !text.is_cap(i)
        && text.word(i).ends_with("ly")
        && text.word(i).len() > 4
        && !text.word_in(i, &LY_NOUNS)
        && !text.word_in(i, &PERIODICALS)
}

/// True for a capitalised word that can be part of a name.
pub(super) fn name_word(text: &Text, i: usize) -> bool {
    // "He's", "What's": a contraction of a function word. (Capitals are checked first: most
    // words are lower-case, and this runs for every word of an article.)
    text.is_cap(i)
        && text.memo(i, Memo::NameWord, || {
            let w = text.word(i);
            let not_name = if w.bytes().all(|b| b != b'\'' && b.is_ascii()) {
                text.word_in(i, &NOT_NAMES)
            } else {
                NOT_NAMES.contains(w.split(['\'', '’']).next().unwrap_or(""))
            };
            !not_name && !party_tag(w) && !compound_modifier(w)
        })
}

/// True when token `i` is a capitalised compound modifier ("York-based" in "New York-based").
fn modifier_at(text: &Text, i: usize) -> bool {
    text.is_cap(i) && compound_modifier(text.word(i))
}

/// True for a capitalised compound ending in an adjective-forming word ("Prize-winning",
/// "US-led", "Texas-based", "Two-year-old"): a modifier before a noun, not a name. The endings
/// are listed, because Korean given names end in lower case too ("Ban Ki-moon").
fn compound_modifier(word: &str) -> bool {
    // (Found as a byte: this runs for every capitalised word, and few hold a hyphen.)
    let Some(at) = word.bytes().rposition(|b| b == b'-') else {
        return false;
    };
    let tail = &word[at + 1..];
    SUFFIXES.contains(&tail) || matches!(tail, "winning" | "old" | "mandated")
}

/// True for a US legislator's party and state, as written after the name: "R-Ky.", "D-Calif",
/// "R-S.C." (a Republican of Kentucky, a Democrat of California, …). It is no name.
pub(super) fn party_tag(word: &str) -> bool {
    let Some(state) = word.strip_prefix(['R', 'D', 'I']).and_then(|w| w.strip_prefix('-')) else {
        return false;
    };
    state.len() <= 8
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
}

/// True for a possessive word ("Clinton's", "Reuters'").
pub(super) fn possessive(text: &Text, i: usize) -> bool {
    let w = text.word(i);
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
}

/// The capitalised runs of `np` (positions `[s, e)` into it), each without leading titles:
/// particles and abbreviation dots may sit inside ("Sen. Ted Cruz" gives "Ted Cruz").
pub(super) fn name_runs(text: &Text, np: &[usize]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut a = 0;
    while a < np.len() {
        if !name_word(text, np[a]) {
            a += 1;
            continue;
        }
        let mut b = a + 1;
        while b < np.len()
            && (name_word(text, np[b])
                || text.abbreviation_dot(np[b])
                || (text.word_in(np[b], &PARTICLES) && b + 1 < np.len() && text.is_cap(np[b + 1])))
        {
            b += 1;
        }
        // "New York-based": the words before a compound modifier belong to it.
        if b < np.len() && modifier_at(text, np[b]) {
            a = b;
            continue;
        }
        let mut s = a;
        // Titles before an organisation's head word are part of its name: "State Department".
        // (A head word that is itself a title, "Senate", is stripped as one.) Before a person's
        // name, the organisation goes with the titles: "Supreme Court Justice Ana Ruiz".
        let organisation = text.is_org_head(np[b - 1]) && !text.is_title(np[b - 1]);
        // "Mr. King", "Ms. Bishop": after a courtesy title the last word is a surname, whatever
        // title it also spells; so is such a word alone, with no article before it ("King says
        // Ali …": a monarch is "the king").
        let title_is_surname = |s: usize| {
            let courtesy = |k: usize| text.word_in(np[k], &["mr", "mrs", "ms", "miss", "dr"]);
            let alone = b == a + 1
                && text.word_in(np[a], &["king", "bishop", "prince"])
                && !(np[a] > 0 && text.word_in(np[a] - 1, &["the", "a", "an"]));
            alone
                || (s + 1 == b
                    && s > a
                    && (courtesy(s - 1)
                        || (text.abbreviation_dot(np[s - 1]) && s > a + 1 && courtesy(s - 2))))
        };
        while s < b
            && !title_is_surname(s)
            && (text.abbreviation_dot(np[s])
                || (!organisation
                    && (text.is_title(np[s])
                        || (text.is_org_head(np[s]) && s + 1 < b && text.is_title(np[s + 1])))))
        {
            s += 1;
        }
        let mut e = b;
        while e > s && text.abbreviation_dot(np[e - 1]) {
            e -= 1;
        }
        if s < e {
            runs.push((s, e));
        }
        a = b;
    }
    runs
}

/// The speaker mention inside a noun phrase: its proper name (the last capitalised run not
/// introduced by a preposition, without leading titles), else a pronoun, else the phrase itself
/// when it opens with a determiner ("the aide").
pub(super) fn noun_phrase(text: &Text, np: &[usize]) -> Option<Who> {
    let mut np: Vec<usize> =
        np.iter().copied().filter(|&i| text.is_word(i) || text.abbreviation_dot(i)).collect();
    // "a longtime GOP data expert who has worked for …": a relative clause after the phrase is
    // none of it ("that" is too often a conjunction, "WHO" an organisation).
    let relative = np.iter().position(|&i| text.is_word(i) && matches!(text.word(i), "who" | "which"));
    if let Some(at) = relative.filter(|&at| at > 0) {
        np.truncate(at);
    }
    let (&first, &last) = (np.first()?, np.last()?);
    if np.len() == 1 && text.word_in(first, &PERSONAL) {
        return Some(Who {
            start: text.toks[first].start,
            end: text.toks[first].end,
            kind: WhoKind::Pronoun,
        });
    }
    // The dot of an abbreviated name ("U.S.") is none of the phrase's words.
    let words = np.iter().filter(|&&i| !text.abbreviation_dot(i)).count();
    let runs = name_runs(text, &np);
    // "of Florida", "of the Sierra Club".
    let after_prep = |s: usize| {
        s > 0
            && (text.word_in(np[s - 1], &PREPOSITIONS)
                || (s > 1 && text.word_in(np[s - 1], &["the"]) && text.word_in(np[s - 2], &PREPOSITIONS)))
    };
    if let Some(&(s, e)) = runs.iter().rev().find(|&&(s, _)| !after_prep(s)) {
        // "an Egyptian tax official", "the Kremlin spokesman": the name only modifies the
        // phrase's head, a common noun, so the phrase is the speaker, not the name.
        let head: Vec<usize> = np[e..].iter().copied().filter(|&i| !text.abbreviation_dot(i)).collect();
        let head_is_common = (1..=3).contains(&head.len()) && head.iter().all(|&i| common_noun(text, i));
        if head_is_common && words <= 6 {
            return Some(Who {
                start: text.toks[first].start,
                end: text.toks[last].end,
                kind: WhoKind::Other,
            });
        }
        return Some(Who {
            start: text.toks[np[s]].start,
            end: text.toks[np[e - 1]].end,
            kind: WhoKind::Name,
        });
    }
    let dangling = lower_in(text.word(last), &["that", "and", "but", "or", "which", "who"]);
    // A compound modifier opens a phrase as a determiner does ("London-based analysts").
    let opens = text.is_word(first) && (text.word_in(first, &DETERMINERS) || modifier_at(text, first));
    // "federal prosecutors wrote", "officials said": a plural role noun needs no determiner.
    let bare_plural = words <= 3
        && text.is_plural_role_noun(last)
        && np.iter().all(|&i| common_noun(text, i) && text.word(i).bytes().all(|b| b.is_ascii_alphabetic()));
    // "an official with the Central Committee of the Youth League": a role noun heading a
    // longer phrase still describes one person.
    let head = np.iter().position(|&i| text.word_in(i, &PREPOSITIONS)).unwrap_or(np.len());
    let role_headed = head <= 4 && words <= 14 && np[..head].iter().any(|&i| text.is_role_noun(i));
    if (words > 6 && !role_headed) || dangling || !(opens || bare_plural) {
        return None;
    }
    Some(Who { start: text.toks[first].start, end: text.toks[last].end, kind: WhoKind::Other })
}

/// True for a lower-case word that may be the head noun of a phrase ("official", "campaign"),
/// not a verb, an adverb or a function word.
fn common_noun(text: &Text, i: usize) -> bool {
    text.is_word(i)
        && !text.is_cap(i)
        && !text.word_in(i, &PREPOSITIONS)
        && !text.word_in(i, &AUXILIARIES)
        && !text.word_in(i, &VERBISH)
        && !text.word_in(i, &CONJUNCTIONS)
        && !text.word_in(i, &DETERMINERS)
        && !text.word_in(i, &SUBORDINATORS)
        && !text.word_in(i, &["however", "specifically", "too", "both", "himself", "herself"])
        && !ends_ly(text, i)
        && !text.word(i).ends_with("ed")
}

/// How many times [`CapitalisedMid`] scans a text for a word before it gathers all the words
/// in a set.
const MID_SCANS: usize = 8;

/// Whether token `i` opens a sentence (or a line, or a quotation).
#[inline]
fn starts_sentence(text: &Text, i: usize) -> bool {
    i == 0 || {
        let p = text.toks[i - 1];
        p.kind == Kind::Break || p.is_mark() || text.ends_sentence(i - 1)
    }
}

/// The words a text capitalises mid-sentence somewhere, so names. Asked only of a lone
/// capitalised word opening a sentence before a verb, a few times in most articles: there a scan
/// costs less than a set of every capitalised word. A text asking more (a transcript of lines
/// opening with names) gets the set, since a scan for each made it quadratic.
struct CapitalisedMid<'t> {
    text: &'t Text<'t>,
    scans: Cell<usize>,
    set: OnceCell<HashSet<&'t str, FnvBuild>>,
}

impl<'t> CapitalisedMid<'t> {
    fn new(text: &'t Text<'t>) -> CapitalisedMid<'t> {
        CapitalisedMid { text, scans: Cell::new(0), set: OnceCell::new() }
    }

    /// Whether the text capitalises `word` mid-sentence somewhere.
    #[inline(never)]
    fn holds(&self, word: &str) -> bool {
        let text = self.text;
        let mid = |i: usize| text.is_cap(i) && !starts_sentence(text, i);
        if self.scans.get() < MID_SCANS {
            self.scans.set(self.scans.get() + 1);
            // The word compared before the sentence start is asked: it rules out nearly all.
            return (0..text.toks.len())
                .any(|i| text.is_cap(i) && text.word(i) == word && !starts_sentence(text, i));
        }
        let set =
            self.set.get_or_init(|| (0..text.toks.len()).filter(|&i| mid(i)).map(|i| text.word(i)).collect());
        set.contains(word)
    }
}

/// Persons mentioned as the subject of a clause outside quotations: a name followed by a
/// lower-case word ("Ana Ruiz spoke …", "But Sen. Roe warned …", "…, Ruiz referenced …").
/// Pronouns resolve to these. A single capitalised word opening a sentence counts only when the
/// article also capitalises it mid-sentence, so "Only one bill …" is no subject.
pub(super) fn subjects(text: &Text) -> Vec<Who> {
    let n = text.toks.len();
    let starts_sentence = |i: usize| starts_sentence(text, i);
    let capitalised_mid = CapitalisedMid::new(text);
    let mid = |w: &str| capitalised_mid.holds(w);
    let mut out = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < n {
        match text.toks[i].kind {
            Kind::Open => quoted = true,
            Kind::Close | Kind::Break => quoted = false,
            Kind::Ambiguous => quoted = !quoted,
            _ => {}
        }
        if quoted || !name_word(text, i) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        // "Secretary of State Hillary Clinton said": "of" between capitals stays in the run,
        // whose last name (below) is the subject.
        while b < n
            && (name_word(text, b)
                || text.abbreviation_dot(b)
                || (text.word_in(b, &PARTICLES) && b + 1 < n && text.is_cap(b + 1))
                || (text.word_in(b, &["of"]) && b + 1 < n && name_word(text, b + 1)))
        {
            b += 1;
        }
        // "The New York-based agency said": the words before a compound modifier belong to it.
        if b < n && modifier_at(text, b) {
            i = b + 1;
            continue;
        }
        // Only when a name follows the department ("State Hillary Clinton"): "the Governor of
        // New York" is no subject, and "New York" is no speaker.
        // A full name before the "of" keeps its verb past the place: "Han Sung Joo of South
        // Korea made …", "Ana Ruiz of Texas said …" (`of_verb`, the token after the place).
        let mut of_verb = None;
        if let Some(last_of) = (a..b).rev().find(|&k| text.word_in(k, &["of"])) {
            if b - last_of <= 3 {
                let first_of = (a..b).find(|&k| text.word_in(k, &["of"])).unwrap_or(b);
                if first_of == last_of && full_name_before(text, a, first_of) {
                    of_verb = Some(b);
                }
                b = first_of;
            }
        }
        // "a Fox interview", "of Americans", "the Florida senator": not a subject.
        let introduced = a > 0
            && text.is_word(a - 1)
            && (text.word_in(a - 1, &PREPOSITIONS) || text.word_in(a - 1, &MORE_PREPOSITIONS));
        // "of the ruling ANC on Tuesday should": the object of a preposition that opens no
        // clause, past its determiner and one lower-case modifier.
        let introduced = introduced
            || (a > 2
                && text.is_word(a - 1)
                && !text.is_cap(a - 1)
                && text.word_in(a - 2, &["the", "a", "an"])
                && text.word_in(a - 3, &["of", "for", "with", "from", "in", "at", "into", "to"]));
        // "the Catholic aid agency", "its Islamic dignity", "a CBI spokesman": after a lower-case
        // word that opens no clause, a name is a modifier unless a verb follows it.
        let modifier = a > 0
            && text.is_word(a - 1)
            && !text.is_cap(a - 1)
            && !text.word_in(a - 1, &SUBORDINATORS)
            && !text.word_in(a - 1, &CONNECTIVES)
            && !verbish(text, a - 1);
        // "at the Convention Center, opened": the object of a preposition, not an appositive.
        let in_phrase = a > 1
            && text.word_in(a - 1, &["the", "a", "an"])
            && text.is_word(a - 2)
            && (text.word_in(a - 2, &PREPOSITIONS) || text.word_in(a - 2, &MORE_PREPOSITIONS));
        // "The US envoy said", "a Chinese journalist jailed …", "the Ruiz campaign spokesman":
        // a name before a role noun only modifies it, and the phrase names the subject, unless a
        // name follows the role noun ("US military spokesman Christopher Garver"), which the
        // next step of the loop finds.
        if let Some(role) = modified_role(text, b) {
            // Only an indefinite phrase names someone new ("a Chinese journalist"), and not as an
            // appositive ("Ana Ruiz, a State Department spokeswoman, said"); a definite one ("the
            // UN chief") mostly refers back to a person already named, whom pronouns should go on
            // finding.
            let indefinite =
                a > 0 && text.word_in(a - 1, &["a", "an"]) && !(a > 1 && text.toks[a - 2].is_punct(','));
            let named_after = role + 1 < n && name_word(text, role + 1);
            if indefinite && !in_phrase && !named_after && role_subject(text, role + 1) {
                out.push(Who {
                    start: text.toks[a - 1].start,
                    end: text.toks[role].end,
                    kind: WhoKind::Other,
                });
            }
            i = role + 1;
            continue;
        }
        // Skip a parenthesis after the name: "Sen. Ann Lee (D-Ohio) said".
        let mut b2 = b;
        if b2 < n && text.toks[b2].is_punct('(') {
            while b2 < n && !text.toks[b2].is_punct(')') && text.toks[b2].kind != Kind::Break {
                b2 += 1;
            }
            b2 += 1;
        }
        let b = b2.min(n);
        // "Sen. Ann Lee on Wednesday (morning) downplayed": the day between a subject and its
        // verb, which must then look like one (not "the city of Mar del Plata on Friday when").
        let mut verb_at = b;
        if let Some(v) = of_verb.filter(|&v| {
            v < n && (verbish(text, v) || (ends_ly(text, v) && v + 1 < n && verbish(text, v + 1)))
        }) {
            verb_at = v;
        }
        if b + 2 < n && !in_phrase && text.word_in(b, &["on"]) && text.word_in(b + 1, &WEEKDAYS) {
            let mut v = b + 2;
            if text.word_in(v, &["morning", "afternoon", "evening", "night"]) {
                v += 1;
            }
            if v < n && verbish(text, v) {
                verb_at = v;
            }
        }
        // "Sanders during a Sunday event thanked": a short phrase of time or place, then a verb
        // in the past tense. ("rally" would end it: an "-ly" word reads as an adverb.)
        // Not after a verb's object ("telling Mic in an interview published").
        if b + 3 < n
            && !in_phrase
            && !modifier
            && text.word_in(b, &["during", "at", "in", "on"])
            && text.word_in(b + 1, &["a", "an", "the"])
        {
            let v = (b + 3..n.min(b + 5)).find(|&k| !text.is_word(k) || text.word(k).ends_with("ed"));
            if let Some(v) = v.filter(|&v| {
                text.is_word(v)
                    && !text.is_cap(v)
                    && (b + 2..v).all(|k| common_noun(text, k) || text.is_cap(k))
            }) {
                verb_at = v;
            }
        }
        // A name opening its sentence and followed by a comma is the subject of an appositive
        // or a relative clause: "Cruz, who …, said".
        let opener_with_comma =
            b < n && text.toks[b].is_punct(',') && (a..b).all(|k| k == a || !starts_sentence(k)) && {
                let mut k = a;
                while k > 0 && text.is_cap(k - 1) && text.word_in(k - 1, &CONNECTIVES) {
                    k -= 1;
                }
                starts_sentence(k)
            };
        let verb_after_head = |k: usize| {
            k < n
                && if text.word_in(k, &ADVERBS) {
                    k + 1 < n && verbish(text, k + 1)
                } else {
                    verbish(text, k)
                }
        };
        let verb_like = !introduced
            && verb_at < n
            && text.is_word(verb_at)
            && !text.is_cap(verb_at)
            && !text.word_in(verb_at, &PREPOSITIONS)
            && !text.word_in(verb_at, &["and", "or", "nor", "but"])
            // "a letter to Mayor Ode she said": the pronoun is the subject.
            && !text.word_in(verb_at, &PERSONAL)
            && !text.word_in(verb_at, &["it", "you"])
            // "the Ruiz campaign (later) said": a name modifying its subject's head noun still
            // names it; past an adverb, the verb must follow ("a Fox interview later that day" is
            // no subject).
            && (!modifier || verbish(text, verb_at) || verb_after_head(verb_at + 1));
        // "…, said Qi Zhiye, president of the school.": a name right after a speech verb that
        // takes no listener is that verb's subject, inverted, whom a later pronoun or an
        // unattributed quotation finds.
        // The verb must follow a comma or a quotation ("…, said Ana Ruiz"): after its own
        // subject ("he said Ryan") the name is what was said. A role noun and the lower-case
        // words before it may stand between the verb and the name ("…, said senior member Alawi
        // Usman").
        let inverting = |v: usize| {
            v > 0
                && (text.toks[v - 1].is_punct(',') || text.toks[v - 1].is_mark())
                && text.is_word(v)
                && !text.is_cap(v)
                && text.word_in(v, &INVERTING_VERBS)
        };
        let lower = |k: usize| text.is_word(k) && !text.is_cap(k);
        let inverted = a > 1
            && (inverting(a - 1)
                || (text.is_role_noun(a - 1)
                    && (a.saturating_sub(5)..a - 1).rev().take_while(|&v| lower(v)).any(inverting)));
        let verb_like = verb_like
            || inverted
            || (!introduced && (opener_with_comma || (!in_phrase && appositive(text, b))));
        // "Din Mohammad Safi, the Chef de Mission, told Xinhua": a capitalised phrase between
        // commas right after a name describes that name; it is no second subject for a later
        // pronoun to find.
        let describes_name = || {
            a > 2
                && b < n
                && text.toks[b].is_punct(',')
                && text.toks[a - 2].is_punct(',')
                && text.word_in(a - 1, &["the", "a", "an"])
                && name_word(text, a - 3)
        };
        let end = (a..b).take_while(|&k| !text.toks[k].is_punct('(')).last().map_or(a, |k| k + 1);
        if verb_like && !possessive(text, end - 1) && !describes_name() {
            let np: Vec<usize> = (a..end).collect();
            if let Some(&(s, e)) = name_runs(text, &np).last() {
                let lone_opener = e - s == 1 && starts_sentence(np[s]) && !mid(text.word(np[s]));
                if !lone_opener {
                    out.push(Who {
                        start: text.toks[np[s]].start,
                        end: text.toks[np[e - 1]].end,
                        kind: WhoKind::Name,
                    });
                }
            }
        }
        i = b;
    }
    out
}

/// True when the capitalised words `[a, of)` end in a person's full name: two words or more
/// after any titles, the last no organisation's head word ("Ana Ruiz", not "Bank", "Supreme
/// Court" or "University").
fn full_name_before(text: &Text, a: usize, of: usize) -> bool {
    let np: Vec<usize> = (a..of).collect();
    name_runs(text, &np).last().is_some_and(|&(s, e)| {
        e - s >= 2 && e == np.len() && !text.is_org_head(np[e - 1]) && !text.is_title(np[e - 1])
    })
}

/// The possessive phrase opening the sentence at token `first`, before token `at`, when a verb
/// follows it: "Hillary Clinton's campaign slogan is", "The campaign's statement then declares"
/// (a name in the possessive, then up to three lower-case words).
fn opening_possessive(text: &Text, first: usize, at: usize) -> Option<Who> {
    let mut k = first;
    if text.word_in(k, &["the"]) {
        k += 1;
    }
    while k < at && (name_word(text, k) || text.abbreviation_dot(k)) && !possessive(text, k) {
        k += 1;
    }
    // "The campaign's": a lower-case owner after "the".
    let owner = name_word(text, k) || (k > first && text.word_in(first, &["the"]) && text.is_word(k));
    if k >= at || !possessive(text, k) || !owner {
        return None;
    }
    let head = (k + 1..at.min(k + 4)).take_while(|&i| common_noun(text, i)).last()?;
    // Only what speaks for the owner: "Clinton's campaign", "the agency's statement", "Ruiz's
    // spokeswoman"; not "China's economy".
    if !(text.is_role_noun(head) || text.word_in(head, &SPEAKING_NOUNS)) {
        return None;
    }
    let verb = head + 1;
    let verb_follows = verb < at
        && (verbish(text, verb)
            || (text.word_in(verb, &ADVERBS) && verb + 1 < at && verbish(text, verb + 1)));
    verb_follows.then(|| Who {
        start: text.toks[first].start,
        end: text.toks[head].end,
        kind: WhoKind::Other,
    })
}

/// The definite description of a person opening the sentence at token `first`, before token
/// `at`, when a verb follows it: "The minister reacted", "The Health Minister then said" ("the",
/// up to two modifiers, and a role noun or a capitalised title). Pronouns do not resolve to these
/// (see [`subjects`]); a quotation in their sentence is theirs.
fn opening_description(text: &Text, first: usize, at: usize) -> Option<Who> {
    if !text.word_in(first, &["the"]) {
        return None;
    }
    let is_head = |k: usize| text.is_role_noun(k) || (text.is_cap(k) && text.is_title(k));
    let head = (first + 1..at.min(first + 4)).take_while(|&k| text.is_word(k)).find(|&k| is_head(k))?;
    // The last of a run of titles: "Health" may be one too.
    let head = (head..at.min(first + 4)).take_while(|&k| text.is_word(k) && is_head(k)).last()?;
    // The words before the head modify it: "Health", "foreign", not "of" or a verb.
    if !(first + 1..head).all(|k| text.is_cap(k) || common_noun(text, k)) {
        return None;
    }
    (head + 1 < at && role_subject(text, head + 1)).then(|| Who {
        start: text.toks[first].start,
        end: text.toks[head].end,
        kind: WhoKind::Other,
    })
}

/// The name a description `who` is in apposition to: "Braynard" for "a South Carolina native"
/// in "Braynard, a South Carolina native who …". Not for a place.
pub(super) fn apposed_to(text: &Text, who: Who) -> Option<Who> {
    if who.kind != WhoKind::Other {
        return None;
    }
    let at = text.toks.partition_point(|t| t.start < who.start);
    if at < 2 || !text.toks[at - 1].is_punct(',') || !name_word(text, at - 2) {
        return None;
    }
    let mut first = at - 2;
    while first > 0 && (name_word(text, first - 1) || text.abbreviation_dot(first - 1)) {
        first -= 1;
    }
    // The name opens its sentence ("In an email to The Post, the officer said" names no
    // officer), and the description is set off after it ("Clinton, a top aide said, …" is the
    // aide's).
    let opens = first == 0 || {
        let p = text.toks[first - 1];
        p.kind == Kind::Break || p.is_mark() || text.ends_sentence(first - 1)
    };
    let after = text.toks.partition_point(|t| t.start < who.end);
    let set_off = text.toks.get(after).is_some_and(|t| t.is_punct(','))
        || (after < text.toks.len() && text.word_in(after, &["who", "whose", "of"]));
    let np: Vec<usize> = (first..at - 1).collect();
    let (s, e) = *name_runs(text, &np).last()?;
    let name = Who { start: text.toks[np[s]].start, end: text.toks[np[e - 1]].end, kind: WhoKind::Name };
    (opens && set_off && e == np.len() && !text.is_place(name.start, name.end)).then_some(name)
}

/// The role noun (a lower-case word of `roles.tsv`: "envoy", "senator") at token `at`, or after
/// one or two other lower-case nouns ("military spokesman"), which a name before `at` modifies.
fn modified_role(text: &Text, at: usize) -> Option<usize> {
    // The role noun is looked for first: most names are followed by none, and telling a common
    // noun takes a dozen word-list lookups.
    let role = (at..text.toks.len().min(at + 3))
        .take_while(|&k| text.is_word(k) && !text.is_cap(k))
        .find(|&k| text.is_role_noun(k))?;
    (at..role).all(|k| common_noun(text, k)).then_some(role)
}

/// True when the words from token `next` on make the phrase before them a clause's subject: a
/// verb (after adverbs) or an appositive ("the US envoy said", "the senator, …, said").
fn role_subject(text: &Text, next: usize) -> bool {
    let mut k = next;
    while k < text.toks.len() && (text.word_in(k, &ADVERBS) || ends_ly(text, k)) {
        k += 1;
    }
    (k < text.toks.len() && verbish(text, k)) || appositive(text, next)
}

/// True when the comma at token `comma` opens an appositive closed by a comma and a verb, or is
/// itself followed by the verb: "Ana Ruiz, spokeswoman for the agency, said", "the minister,
/// Ana Ruiz, said".
fn appositive(text: &Text, comma: usize) -> bool {
    if !text.toks.get(comma).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let verb_after = |k: usize| k + 1 < text.toks.len() && verbish(text, k + 1) && !ends_ly(text, k + 1);
    if verb_after(comma) {
        return true;
    }
    let mut k = comma + 1;
    while k < text.toks.len() && k - comma < 25 {
        let t = text.toks[k];
        if t.kind == Kind::Break || t.is_mark() || text.ends_sentence(k) {
            return false;
        }
        if t.is_punct(',') {
            return verb_after(k);
        }
        k += 1;
    }
    false
}

/// How many tokens before a quotation its sentence's start is looked for.
const SENTENCE_REACH: usize = 400;

/// The subject of the sentence holding token `at`, before it: the first clause subject of the
/// sentence ("Ruiz called the plan “a clear step forward.”"), or that of a later clause joined to
/// it that holds `at`.
pub(super) fn sentence_subject(text: &Text, at: usize) -> Option<Who> {
    let mut first = at;
    // A text without full stops (a list, a table's dump) is one sentence: looking back to its
    // start from every quotation was quadratic. No sentence of reporting runs this long.
    let reach = at.saturating_sub(SENTENCE_REACH);
    while first > reach {
        let i = first - 1;
        if text.toks[i].kind == Kind::Break || text.ends_sentence(i) {
            break;
        }
        first = i;
    }
    let who = text.subject_between(text.toks[first].start, text.toks[at].start);
    // "Hillary Clinton's campaign slogan is “…”": a possessive phrase opening the sentence is its
    // subject (names followed by "'s" are no subjects of their own). So is a definite
    // description: "The Health Minister reacted to Layton's speech by saying that “…”".
    let opening = opening_possessive(text, first, at).or_else(|| opening_description(text, first, at));
    if let Some(phrase) = opening {
        if who.is_none_or(|w| phrase.start < w.start) {
            return Some(phrase);
        }
    }
    let who = who?;
    // The main clause's subject only: a verb before it makes it a subordinate clause's
    // ("His campaign protested that Clinton aides were …").
    let subordinate = (first..at).take_while(|&i| text.toks[i].start < who.start).any(|i| {
        text.is_word(i) && !text.is_cap(i) && {
            let w = text.word(i);
            text.word_in(i, &AUXILIARIES) || (w.ends_with("ed") && w.len() > 4)
        }
    });
    if subordinate {
        return None;
    }
    Some(text.speaking_subject(first, who, text.toks[at].start))
}

/// True when the clause subject starting at byte `start` (a mention from [`subjects`]) is its
/// sentence's main subject: no verb and no open subordinate clause stands between the sentence's start and it.
/// Leading adverbial phrases closed by a comma ("In Paris on Monday, Ruiz said …", "When Ode
/// arrived, Ruiz said …") are skipped. So in "Ruiz suggested ties could deepen as Ode may …",
/// Ruiz is the main subject and Ode is not.
pub(super) fn is_main_subject(text: &Text, start: usize) -> bool {
    let at = text.toks.partition_point(|t| t.start < start);
    // `…, said Jake Horowitz, the editor.`: a name after an inverted speech verb, closing its
    // clause, is the sentence's speaker (but in `…, said Ruiz should go` it opens a clause).
    if at >= 2
        && text.word_in(at - 1, &INVERTING_VERBS)
        && (text.toks[at - 2].is_punct(',') || text.toks[at - 2].is_mark())
    {
        let after = (at..text.toks.len()).find(|&k| !(text.is_cap(k) || text.abbreviation_dot(k)));
        let closes = after.is_none_or(|k| {
            let t = text.toks[k];
            t.kind == Kind::Break || t.is_mark() || t.is_punct(',') || text.ends_sentence(k)
        });
        if closes {
            return true;
        }
    }
    // `…, chief executive Axel Miller said on Tuesday.`: a name between a comma (and the words
    // of its role) and a speech verb is the subject of the reporting clause, the main one.
    let after = (at..text.toks.len()).find(|&k| !(text.is_cap(k) || text.abbreviation_dot(k)));
    if after.is_some_and(|k| text.word_in(k, &INVERTING_VERBS)) {
        let role_start = (at.saturating_sub(4)..at)
            .rev()
            .take_while(|&k| {
                text.toks[k].is_word() && !clause_verb(text, k) && !text.word_in(k, &SUBORDINATORS)
            })
            .last()
            .unwrap_or(at);
        if role_start > 0 && text.toks[role_start - 1].is_punct(',') {
            return true;
        }
    }
    let mut first = at;
    while first > 0 {
        let p = text.toks[first - 1];
        if p.kind == Kind::Break || p.is_mark() || text.ends_sentence(first - 1) {
            break;
        }
        first -= 1;
    }
    let mut verb = false; // a verb of the current comma segment
    let mut pending = false; // the current segment is an adverbial phrase or subordinate clause
    let mut segment_start = true;
    for i in first..at {
        let t = text.toks[i];
        if t.is_punct(',') {
            // `…, and Ruiz replied`: a coordinated main clause starts after the conjunction.
            let coordinated =
                text.toks.get(i + 1).is_some_and(|n| n.is_word()) && text.word_in(i + 1, &["and", "but"]);
            if pending || coordinated {
                // "When Ode arrived, …": the phrase is over, the main clause may start here.
                verb = false;
                pending = false;
            }
            segment_start = true;
            continue;
        }
        if !t.is_word() {
            continue;
        }
        let adverbial = text.word_in(i, &SUBORDINATORS) || (segment_start && text.word_in(i, &PREPOSITIONS));
        if adverbial {
            pending = true;
        } else if !text.is_cap(i) && clause_verb(text, i) {
            verb = true;
        }
        segment_start = false;
    }
    !verb && !pending
}

/// True for a lower-case word that is the verb of a clause ("said", "suggested", "may", "warns"),
/// not an adverb that merely stands near one.
fn clause_verb(text: &Text, i: usize) -> bool {
    let w = text.word(i);
    text.word_in(i, &AUXILIARIES)
        || (text.word_in(i, &VERBISH) && !ends_ly(text, i) && !text.word_in(i, &NOT_VERBS))
        || (w.ends_with("ed") && w.len() > 4)
        // "Ruiz says", "he warns", not "the state news agency": a present tense follows its subject.
        || (w.ends_with('s')
            && w.len() > 3
            && !w.ends_with("ss")
            && !possessive(text, i)
            && i > 0
            && (text.is_cap(i - 1) || text.word_in(i - 1, &PERSONAL)))
}
