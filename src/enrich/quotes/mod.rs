//! Direct quotations and their speakers.
//!
//! Quotation marks (straight, curly, guillemets) are paired paragraph by paragraph
//! (`marks`); quotations under three spoken words (scare quotes: "shoot-to-kill" is one word,
//! "It's fine" three) and unattributed titles of works are dropped. A line of a transcript (`"PENCE: Well, …"`) is its label's (`transcript`). Each other
//! quotation is attributed (`speaker`) from its own sentence (`"…," said X`,
//! `X said: "…"`, `according to X`, `X quoted Y as saying`, `he added`), or from a paragraph ending
//! `X responded:`, else from its sentence's subject ("Ruiz called it “…”"), else it inherits the
//! speaker of the quotation it continues, else it falls back to the most recent name that was a
//! clause subject or speaker (`people`). A pronoun resolves to the most recent such name that is
//! not a known country or organisation, nor, for "he" and "she", a person known to be of the
//! other sex (by a given name or title of `roles.tsv`'s `female` and `male` lines), preferring,
//! within that name's sentence, a main clause's
//! subject to a subordinate one's; in `Moscow, he said, "…"` the name before the parenthetical is
//! skipped. Known person actors turn a written name into the actor's canonical name. Speech verbs
//! come from `index-config/speech-verbs.txt`.

mod lexicon;
mod marks;
mod mentions;
mod names;
mod people;
mod speaker;
mod text;
mod tokens;
mod transcript;

use crate::enrich::hash::WordSet;

use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::enrich::actors::Actor;
use crate::error::{Error, Result};

use lexicon::lower_in;
use marks::Quoted;
use names::{Who, WhoKind};
use people::{People, Speaker};
use speaker::Grammar;
use text::{Text, Vocabulary};

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// First byte of the quoted words (inside the marks).
    pub start: usize,
    /// One past the last byte of the quoted words.
    pub end: usize,
    /// Exactly `body[start..end]`, without the quotation marks.
    pub text: String,
    /// Canonical name of the speaker (a known actor's name where possible).
    pub speaker: Option<String>,
    /// First byte of the speaker's mention that attributes the quote.
    pub speaker_start: Option<usize>,
    /// One past the last byte of that mention.
    pub speaker_end: Option<usize>,
}

/// The config file this module reads.
const FILE: &str = "speech-verbs.txt";

/// Quotations shorter than this many words are scare quotes or terms, not speech.
pub(super) const MIN_WORDS: usize = 3;

/// Finds quotations and attributes them.
#[derive(Debug)]
pub struct QuoteExtractor {
    grammar: Grammar,
    /// Title and role words of `roles.tsv`, office and role nouns (`title`, `role` and `describer`
    /// lines: the heads of phrases such as "the US envoy", whose name only modifies them), and the head words
    /// of `organizations.tsv`.
    vocabulary: Vocabulary,
}

impl QuoteExtractor {
    /// Builds the extractor from `speech-verbs.txt`, and the title words of `roles.tsv`.
    ///
    /// # Errors
    /// When `speech-verbs.txt` is malformed. (`roles.tsv` is validated by the actor extractor;
    /// here its lines of other kinds are ignored.)
    pub fn from_config(config: &Config) -> Result<QuoteExtractor> {
        let verbs = parse_verbs(config.text(FILE))?;
        let roles = config.text("roles.tsv");
        let vocabulary = Vocabulary {
            titles: role_words(roles, &["title", "honorific", "modifier", "role"]),
            heads: role_words(roles, &["title", "role", "describer"]),
            org_heads: role_words(config.text("organizations.tsv"), &["head", "head-of"]),
            places: role_words(roles, &["place", "adjective"]),
            female: role_words(roles, &["female"]),
            male: role_words(roles, &["male"]),
        };
        Ok(QuoteExtractor { grammar: Grammar::new(verbs), vocabulary })
    }

    /// All quotations of `article`, in order; `actors` names the speakers.
    pub fn extract(&self, article: &Article, actors: &[Actor]) -> Vec<Quote> {
        let body = article.body.as_str();
        // A body without a quotation mark (a third of wire stories) is not tokenized at all.
        if !tokens::has_quotation_mark(body) {
            return Vec::new();
        }
        let toks = tokens::tokenize(body);
        let quoted = marks::pair(body, &toks);
        // Finding the clause subjects and names is most of the work: skip it without quotes.
        if quoted.is_empty() {
            return Vec::new();
        }
        let text = Text::new(body, &toks, &self.vocabulary);
        let mut people = People::new(actors, &text);
        let mut out = Vec::new();
        // Each quote kept, with how it was attributed.
        let mut kept: Vec<Kept> = Vec::new();
        let mut previous: Option<(Quoted, Option<Speaker>)> = None;
        let texts: Vec<&str> = quoted.iter().map(|q| &body[q.start..q.end]).collect();
        let labels = transcript::speaker_labels(&texts, actors);
        for (q, label) in quoted.into_iter().zip(labels) {
            if letter_runs(&body[q.start..q.end]) < MIN_WORDS {
                continue;
            }
            if let Some(label) = label {
                let who = Who { start: q.start + label.start, end: q.start + label.end, kind: WhoKind::Name };
                let mut speaker = people.resolve(body, who);
                if let Some(s) = speaker.as_mut().filter(|s| s.name == body[who.start..who.end]) {
                    s.name = transcript::as_name(&s.name);
                }
                if let Some(s) = speaker.as_ref() {
                    people.saw(s);
                }
                kept.push(Kept { quoted: q, unattributed: false, attributed_after: false, labelled: true });
                out.push(quote(body, &q, speaker.as_ref()));
                previous = Some((q, speaker));
                continue;
            }
            let before = self.grammar.before(&text, q.open);
            // A quotation introduced in its sentence (`Ana Ruiz wrote: "… broken."`) and closing
            // it is that speaker's: a name and speech verb after it open the next sentence, which
            // reports something else (`Ben Ode said it was wrong.`).
            let closes_sentence = q.close.is_some_and(|c| {
                c > 0 && matches!(text.toks[c - 1].kind, tokens::Kind::Punct('.' | '?' | '!'))
            });
            let after = q
                .close
                .filter(|_| before.is_none() || !closes_sentence)
                .and_then(|c| self.grammar.after(&text, c));
            let explicit = after
                .or(before)
                .or_else(|| q.close.and_then(|c| self.grammar.according_after(&text, c)))
                .or_else(|| self.grammar.colon_paragraph(&text, q.open))
                .or_else(|| q.close.and_then(|c| self.grammar.signed_below(&text, c)));
            // "Meet the Press", "The Art of the Deal": a work's title, not speech; after a
            // possessive or "told" ("ABC's 'Good Morning America'", "told 'Fox and Friends'") even
            // when an attribution follows, since that attribution is of the sentence's speech.
            if is_title(&body[q.start..q.end]) && (explicit.is_none() || names_a_work(&text, q.open)) {
                continue;
            }
            kept.push(Kept {
                quoted: q,
                unattributed: explicit.is_none(),
                attributed_after: after.is_some(),
                labelled: false,
            });
            let who = explicit.or_else(|| names::sentence_subject(&text, q.open));
            let who = who.map(|w| names::apposed_to(&text, w).unwrap_or(w));
            // `A spokesman for the agency said "…"` then `"…," he said`: "he" or "she" is the
            // person the previous attribution introduced, not a name further back.
            let described = previous.as_ref().and_then(|(p, s)| {
                let s = s.as_ref().filter(|s| !s.named && text.is_role_introduced(s.mention))?;
                let continues = p.paragraph == q.paragraph || p.paragraph + 1 == q.paragraph;
                continues.then(|| s.clone())
            });
            let singular =
                |w: &Who| w.kind == WhoKind::Pronoun && lower_in(&body[w.start..w.end], &["he", "she"]);
            let speaker = match who {
                Some(who) if singular(&who) && described.is_some() => described,
                Some(who) => match text.described_role(who) {
                    Some(role_words) if explicit.is_none() => {
                        Some(people.described_subject(body, who, &role_words, q.start))
                    }
                    Some(role_words) => Some(people.described(body, who, &role_words)),
                    None => people.resolve(body, who),
                },
                None => inherit(&previous, &q).or_else(|| people.latest(q.start)),
            };
            if let Some(s) = speaker.as_ref().filter(|s| s.named) {
                people.saw(s);
            }
            out.push(quote(body, &q, speaker.as_ref()));
            previous = Some((q, speaker));
        }
        // A quotation running over paragraphs is attributed where it ends: its first parts take the
        // speaker of the part that follows them. So does a quotation joined to the next by "and"
        // or a comma: `Guns are "the ultimate crisis" and "stunt growth," Howard Dean said.`; and
        // one in a sentence that the next quotation's attribution closes, with no speech verb
        // between them: `… will carry "weight" and help bring candidates the "firepower" they
        // need, DFA spokesman Neil Sroka said.`
        for i in (0..out.len().saturating_sub(1)).rev() {
            let (Kept { quoted: q, unattributed, .. }, next_kept) = (kept[i], kept[i + 1]);
            let (next, next_unattributed) = (next_kept.quoted, next_kept.unattributed);
            let continued = q.close.is_none() && next.opens_paragraph && next.paragraph == q.paragraph + 1;
            let joined = !next_unattributed
                && q.close.is_some_and(|c| {
                    c + 1 < next.open
                        && (c + 1..next.open)
                            .all(|k| text.word_in(k, &["and", "or"]) || text.toks[k].is_punct(','))
                });
            let same_sentence = || {
                next_kept.attributed_after
                    && q.close.is_some_and(|c| {
                        (c + 1..next.open).all(|k| {
                            text.toks[k].kind != tokens::Kind::Break
                                && !text.ends_sentence(k)
                                && !self.grammar.is_verb(&text, k)
                        })
                    })
            };
            if unattributed && !next_kept.labelled && (continued || joined || same_sentence()) {
                let (speaker, start, end) =
                    (out[i + 1].speaker.clone(), out[i + 1].speaker_start, out[i + 1].speaker_end);
                out[i].speaker = speaker;
                out[i].speaker_start = start;
                out[i].speaker_end = end;
            }
        }
        // A term of fewer spoken words ("shoot-to-kill", "people's war") is a scare quote. It was
        // attributed all the same, for the speaker it names in full ("what Bay Buchanan called
        // \"hand-to-hand combat\"" then "Buchanan said"), and for a quotation it shares a
        // sentence with.
        out.retain(|q| has_min_spoken_words(&q.text));
        out
    }
}

/// The quotation `q` of `body`, said by `speaker`.
fn quote(body: &str, q: &Quoted, speaker: Option<&Speaker>) -> Quote {
    Quote {
        start: q.start,
        end: q.end,
        text: body[q.start..q.end].to_string(),
        speaker: speaker.map(|s| s.name.clone()),
        speaker_start: speaker.map(|s| s.mention.start),
        speaker_end: speaker.map(|s| s.mention.end),
    }
}

/// A quotation kept by [`QuoteExtractor::extract`], with how it was attributed.
#[derive(Clone, Copy)]
struct Kept {
    quoted: Quoted,
    /// No attribution of its own was found.
    unattributed: bool,
    /// Its attribution follows it (`"…," X said`).
    attributed_after: bool,
    /// It opens with a transcript's speaker label, so it starts a new speaker's turn.
    labelled: bool,
}

/// The previous quotation's speaker, when `q` continues it: in the same paragraph, or opening the
/// next one.
fn inherit(previous: &Option<(Quoted, Option<Speaker>)>, q: &Quoted) -> Option<Speaker> {
    let (p, speaker) = previous.as_ref()?;
    let continues = p.paragraph == q.paragraph || (p.paragraph + 1 == q.paragraph && q.opens_paragraph);
    if continues {
        speaker.clone()
    } else {
        None
    }
}

/// True for a title of a work: a short run of words with every long word capitalised and no
/// punctuation of speech but a closing comma ("Game of Thrones", "The Art of the Deal").
fn is_title(text: &str) -> bool {
    // The comma that American style puts inside the marks ("the "Caravan of Death," a band …")
    // is the sentence's.
    let text = text.strip_suffix(',').unwrap_or(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    // A subtitle follows a colon: "Nanoscience and Nanotechnologies: Opportunities and
    // Uncertainties".
    if words.len() > 8 || text.contains([',', '.', '!', '?', ';']) {
        return false;
    }
    words.iter().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters < 4 || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// True when the quotation opening at token `open` follows a possessive ("CNN's", "Obama’s") or
/// "told", the places where a quoted name is a work's or a programme's, not speech.
fn names_a_work(text: &Text<'_>, open: usize) -> bool {
    let Some(before) = open.checked_sub(1).filter(|&i| text.is_word(i)) else {
        return false;
    };
    text.word_in(before, &["told", "titled", "entitled", "headlined", "subtitled"])
        || names::possessive(text, before)
}

/// Words as the scorer and readers count them: runs of letters and digits.
/// The runs of letters and digits of `text` ("shoot-to-kill" has three).
fn letter_runs(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

/// True when `text` holds at least [`MIN_WORDS`] words as they are spoken: runs of letters
/// between spaces, so a compound is one word ("shoot-to-kill", "one-China policy": scare quotes),
/// and a contraction two ("It's fine", "I'm sorry": speech). A possessive is one ("people's war"):
/// only a pronoun's `'s` is "is". Stops counting at [`MIN_WORDS`], and allocates nothing: every
/// quotation is asked.
fn has_min_spoken_words(text: &str) -> bool {
    const IS_CONTRACTED: [&str; 11] =
        ["it", "that", "he", "she", "what", "there", "here", "who", "let", "where", "how"];
    let contracted = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(at) = word.rfind(['\'', '’']) else { return false };
        let (stem, suffix) = (&word[..at], word[at..].trim_start_matches(['\'', '’']));
        match suffix.to_ascii_lowercase().as_str() {
            "s" => IS_CONTRACTED.iter().any(|p| p.eq_ignore_ascii_case(stem)),
            "t" => stem.ends_with(['n', 'N']),
            "m" | "re" | "ll" | "ve" | "d" => true,
            _ => false,
        }
    };
    let mut words = 0;
    for word in text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
        words += 1 + usize::from(contracted(word));
        if words >= MIN_WORDS {
            return true;
        }
    }
    false
}

/// The words of the lines of `roles.tsv` (kind, tab, words separated by `|`) of the given kinds,
/// lower case and without a final period; also the head words of `organizations.tsv`, whose head
/// lines hold one word in their second column.
fn role_words(text: &str, kinds: &[&str]) -> WordSet {
    let mut titles = WordSet::default();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let Some((kind, words)) = line.split_once('\t') else { continue };
        if kinds.contains(&kind.trim()) {
            let words = words.split('|').map(|w| w.trim().trim_end_matches('.').to_lowercase());
            titles.extend(words.filter(|w| !w.is_empty()));
        }
    }
    titles
}

/// Parses `speech-verbs.txt`: one verb form per line, `#` comments, blank lines ignored.
fn parse_verbs(text: &str) -> Result<WordSet> {
    let mut verbs = WordSet::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.split_whitespace().count() != 1
            || !line.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return Err(Error::config(
                FILE,
                format!("line {}: expected one verb form, found {line:?}", n + 1),
            ));
        }
        verbs.insert(line.to_lowercase());
    }
    Ok(verbs)
}

#[cfg(test)]
mod tests;
