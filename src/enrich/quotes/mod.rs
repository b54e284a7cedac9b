//! Direct quotations and their speakers.
//!
//! Quotation marks (straight, curly, guillemets) are paired paragraph by paragraph
//! (`marks`); quotations under three words (scare quotes) and unattributed titles of works are
//! dropped. Each quotation is attributed (`speaker`) from its own sentence (`"…," said X`,
//! `X said: "…"`, `according to X`, `he added`), else from its sentence's subject ("Ruiz called
//! it “…”"), else it inherits the speaker of the quotation it continues, else it falls back to the
//! most recent person named as a clause subject or speaker. Pronouns resolve to that same most
//! recent person. Known person actors turn a written name into the actor's canonical name. Speech
//! verbs come from `index-config/speech-verbs.txt`.

mod lexicon;
mod marks;
mod names;
mod speaker;
mod text;
mod tokens;

use std::collections::HashSet;

use serde::Serialize;

use crate::article::{Article, Span};
use crate::config::Config;
use crate::enrich::actors::{Actor, ActorKind};
use crate::error::{Error, Result};

use marks::Quoted;
use names::{Who, WhoKind};
use speaker::Grammar;
use text::Text;

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
const MIN_WORDS: usize = 3;

/// Finds quotations and attributes them.
#[derive(Debug)]
pub struct QuoteExtractor {
    grammar: Grammar,
    /// Title and role words of `roles.tsv`, lower case, stripped from the front of speakers' names.
    titles: HashSet<String>,
}

/// A resolved speaker: the name to report and the mention that attributes the quote.
#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    mention: Span,
    /// True when the name is a proper name (a person or organisation), so pronouns may refer to it.
    named: bool,
}

impl QuoteExtractor {
    /// Builds the extractor from `speech-verbs.txt`, and the title words of `roles.tsv`.
    ///
    /// # Errors
    /// When `speech-verbs.txt` is malformed. (`roles.tsv` is validated by the actor extractor;
    /// here its lines of other kinds are ignored.)
    pub fn from_config(config: &Config) -> Result<QuoteExtractor> {
        let verbs = parse_verbs(config.text(FILE))?;
        Ok(QuoteExtractor { grammar: Grammar::new(verbs), titles: role_titles(config.text("roles.tsv")) })
    }

    /// All quotations of `article`, in order; `actors` names the speakers.
    pub fn extract(&self, article: &Article, actors: &[Actor]) -> Vec<Quote> {
        let body = article.body.as_str();
        let toks = tokens::tokenize(body);
        let text = Text::new(body, &toks, &self.titles);
        let mut people = People::new(actors, body, &text.subjects);
        let mut out = Vec::new();
        // Each quote kept, and whether it had no attribution of its own.
        let mut kept: Vec<(Quoted, bool)> = Vec::new();
        let mut previous: Option<(Quoted, Option<Speaker>)> = None;
        for q in marks::pair(body, &toks) {
            if word_count(&body[q.start..q.end]) < MIN_WORDS {
                continue;
            }
            let explicit = q
                .close
                .and_then(|c| self.grammar.after(&text, c))
                .or_else(|| self.grammar.before(&text, q.open))
                .or_else(|| q.close.and_then(|c| self.grammar.according_after(&text, c)));
            if explicit.is_none() && is_title(&body[q.start..q.end]) {
                continue; // "Meet the Press", "The Art of the Deal": a work's title, not speech
            }
            kept.push((q, explicit.is_none()));
            let who = explicit.or_else(|| names::sentence_subject(&text, q.open));
            let speaker = match who {
                Some(who) => people.resolve(body, who),
                None => inherit(&previous, &q).or_else(|| people.latest(q.start)),
            };
            if let Some(s) = speaker.as_ref().filter(|s| s.named) {
                people.saw(s);
            }
            out.push(Quote {
                start: q.start,
                end: q.end,
                text: body[q.start..q.end].to_string(),
                speaker: speaker.as_ref().map(|s| s.name.clone()),
                speaker_start: speaker.as_ref().map(|s| s.mention.start),
                speaker_end: speaker.as_ref().map(|s| s.mention.end),
            });
            previous = Some((q, speaker));
        }
        // A quotation running over paragraphs is attributed where it ends: its first parts take the
        // speaker of the part that follows them.
        for i in (0..out.len().saturating_sub(1)).rev() {
            let ((q, unattributed), (next, _)) = (kept[i], kept[i + 1]);
            if unattributed && q.close.is_none() && next.opens_paragraph && next.paragraph == q.paragraph + 1
            {
                let (speaker, start, end) =
                    (out[i + 1].speaker.clone(), out[i + 1].speaker_start, out[i + 1].speaker_end);
                out[i].speaker = speaker;
                out[i].speaker_start = start;
                out[i].speaker_end = end;
            }
        }
        out
    }
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

/// The persons named so far in an article, for pronouns and canonical names.
struct People<'a> {
    actors: Vec<(&'a Actor, Span)>,
    /// Clause subjects and names that attributed earlier quotations, by position:
    /// (mention, name as written).
    named: Vec<(Span, String)>,
}

impl<'a> People<'a> {
    /// The person actors' body mentions, and the clause subjects as the first named persons.
    fn new(actors: &'a [Actor], body: &str, subjects: &[Who]) -> People<'a> {
        let mut list: Vec<(&Actor, Span)> = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .flat_map(|a| {
                a.mentions.iter().filter(|m| m.field.is_none()).map(move |m| (a, Span::new(m.start, m.end)))
            })
            .collect();
        list.sort_by_key(|(_, s)| s.start);
        let named =
            subjects.iter().map(|w| (Span::new(w.start, w.end), body[w.start..w.end].to_string())).collect();
        People { actors: list, named }
    }

    /// Records a named speaker.
    fn saw(&mut self, s: &Speaker) {
        // Keep `named` sorted by position: speakers are seen in body order, subjects are not.
        let at = self.named.partition_point(|(m, _)| m.start <= s.mention.start);
        if self.named.get(at.wrapping_sub(1)).is_none_or(|(m, _)| *m != s.mention) {
            self.named.insert(at, (s.mention, s.name.clone()));
        }
    }

    /// The speaker a mention stands for.
    fn resolve(&self, body: &str, who: Who) -> Option<Speaker> {
        let mention = Span::new(who.start, who.end);
        let written = &body[who.start..who.end];
        match who.kind {
            WhoKind::Name => Some(Speaker { name: self.canonical(written, mention), mention, named: true }),
            WhoKind::Other => Some(Speaker { name: written.to_string(), mention, named: false }),
            WhoKind::Pronoun => {
                let name = self.latest(who.start).map(|s| s.name).unwrap_or_else(|| written.to_string());
                Some(Speaker { name, mention, named: false })
            }
        }
    }

    /// The most recent person named before byte `at`, as a speaker.
    fn latest(&self, at: usize) -> Option<Speaker> {
        // Actor mentions include objects ("praised Cruz"), so only subjects and speakers count.
        let (mention, written) = self.named.iter().rev().find(|(s, _)| s.end <= at)?;
        Some(Speaker { name: self.canonical(written, *mention), mention: *mention, named: true })
    }

    /// The canonical name of a written name: the person actor whose mention overlaps it or whose
    /// surname it is; else the name as written.
    fn canonical(&self, written: &str, mention: Span) -> String {
        if let Some((a, _)) = self.actors.iter().find(|(_, s)| s.start < mention.end && mention.start < s.end)
        {
            return a.name.clone();
        }
        // "Clinton" is the Clinton mentioned last before it (Hillary after Bill's paragraph).
        let surname = written.rsplit(' ').next().unwrap_or(written);
        let same = |a: &Actor| a.name.rsplit(' ').next() == Some(surname);
        let before = self.actors.iter().rev().find(|(a, s)| s.start < mention.start && same(a));
        if let Some((a, _)) = before.or_else(|| self.actors.iter().find(|(a, _)| same(a))) {
            return a.name.clone();
        }
        written.to_string()
    }
}

/// True for a title of a work: a short run of words with every long word capitalised and no
/// punctuation of speech ("Game of Thrones", "The Art of the Deal").
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 8 || text.contains([',', '.', '!', '?', ';', ':']) {
        return false;
    }
    words.iter().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters < 4 || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Words as the scorer and readers count them: runs of letters and digits.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

/// The words of the `title`, `honorific`, `modifier` and `role` lines of `roles.tsv` (kind, tab,
/// words separated by `|`), lower case and without a final period.
fn role_titles(text: &str) -> HashSet<String> {
    let mut titles = HashSet::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let Some((kind, words)) = line.split_once('\t') else { continue };
        if matches!(kind.trim(), "title" | "honorific" | "modifier" | "role") {
            let words = words.split('|').map(|w| w.trim().trim_end_matches('.').to_lowercase());
            titles.extend(words.filter(|w| !w.is_empty()));
        }
    }
    titles
}

/// Parses `speech-verbs.txt`: one verb form per line, `#` comments, blank lines ignored.
fn parse_verbs(text: &str) -> Result<HashSet<String>> {
    let mut verbs = HashSet::new();
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
mod tests {
    use super::*;

    fn extractor() -> QuoteExtractor {
        QuoteExtractor::from_config(&Config::builtin()).expect("the built-in speech verbs parse")
    }

    fn quotes(body: &str) -> Vec<(String, Option<String>)> {
        let article = Article::new("t", "t.txt", body);
        let qs = extractor().extract(&article, &[]);
        for q in &qs {
            assert_eq!(&body[q.start..q.end], q.text);
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                assert!(s < e && e <= body.len());
            }
        }
        qs.into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    #[test]
    fn role_titles_read_the_title_kinds_only() {
        let t = role_titles("# roles\ntitle\tWarden|Provost\ngiven\tJohn\nhonorific\tSqn. Ldr.\n");
        assert!(t.contains("warden") && t.contains("provost") && t.contains("sqn. ldr"));
        assert!(!t.contains("john"));
    }

    #[test]
    fn verbs_file_rejects_phrases() {
        assert!(parse_verbs("# verbs\nsaid\n\nsays  # present\n").is_ok_and(|v| v.len() == 2));
        let err = parse_verbs("said\nwent on\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn scare_quotes_are_skipped_and_speakers_found() {
        let q = quotes("The so-called “deal” failed. “We tried very hard,” said Ana Ruiz.");
        assert_eq!(q, [("We tried very hard,".to_string(), Some("Ana Ruiz".to_string()))]);
    }

    fn speakers(body: &str) -> Vec<Option<String>> {
        quotes(body).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn titles_and_markup_are_not_quotations() {
        assert!(quotes("She watched “Nights Over The Harbour” on Sunday.").is_empty());
        assert!(quotes("<post date=\"2016-01-02\" by=\"a b c\">Hello there</post>").is_empty());
        // A title-cased phrase that someone says is speech.
        assert_eq!(speakers("“Hold The Line Together,” said Lena Ortiz."), [Some("Lena Ortiz".to_string())]);
    }

    #[test]
    fn bylines_colons_and_parentheses() {
        assert_eq!(
            speakers("“Every vote counts in this town.” ― Lena Ortiz"),
            [Some("Lena Ortiz".to_string())]
        );
        assert_eq!(speakers("Ben Ode: “We are ready for the vote.”"), [Some("Ben Ode".to_string())]);
        let body = "“The bill is dead on arrival,” Sen. Ann Lee (D-Ohio) said.";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn a_quote_closing_its_sentence_leaves_the_next_sentence_alone() {
        let body = "Ortiz called it “a fair deal for all.” Blanco said it was “far too weak for us.”";
        assert_eq!(speakers(body), [Some("Ortiz".to_string()), Some("Blanco".to_string())]);
    }

    #[test]
    fn known_actors_give_canonical_names() {
        use crate::enrich::actors::Mention;
        let body = "Antonia Blanco arrived late. “We will not wait for them,” Blanco said.";
        let actor = Actor {
            name: "Antonia Blanco".to_string(),
            kind: ActorKind::Person,
            code: None,
            country: None,
            role: None,
            mentions: vec![Mention {
                start: 0,
                end: 14,
                text: "Antonia Blanco".to_string(),
                metonym: false,
                field: None,
            }],
        };
        let qs = extractor().extract(&Article::new("t", "t.txt", body), &[actor]);
        assert_eq!(qs[0].speaker.as_deref(), Some("Antonia Blanco"));
        let (s, e) = (qs[0].speaker_start.unwrap_or(0), qs[0].speaker_end.unwrap_or(0));
        assert_eq!(&body[s..e], "Blanco", "the span is the attributing mention");
    }

    #[test]
    fn multi_paragraph_quotation_keeps_its_speaker() {
        let body =
            "Ana Ruiz spoke first.\n\n“We came here with a plan.\n\n“And we leave with a better one,” \
                    Lena Ortiz said.";
        assert_eq!(speakers(body), [Some("Lena Ortiz".to_string()), Some("Lena Ortiz".to_string())]);
    }

    #[test]
    fn odd_input_neither_panics_nor_breaks_offsets() {
        for body in [
            "",
            "\"",
            "“”«»\"\"",
            "“ unclosed at the very end",
            "said: “",
            "“Ünïcödé wörds ärë fïnë,” sáid Zoë Ångström.\n\n“",
            "<a href=\"x\">“One two three,” he said</a> (\"four five six\").",
        ] {
            quotes(body); // asserts every offset
        }
    }

    #[test]
    fn pronouns_and_continuations() {
        let body = "Ana Ruiz spoke on Monday. “We tried very hard,” she said. “It was not enough.”\n\n\
                    “Next year will be better,” she added.";
        let q = quotes(body);
        assert_eq!(q.len(), 3);
        assert!(q.iter().all(|(_, s)| s.as_deref() == Some("Ana Ruiz")), "{q:?}");
    }
}
