//! The persons named so far in an article: canonical names for written names, and antecedents
//! for pronouns and unattributed quotations.

use std::cell::{Cell, OnceCell};

use crate::article::Span;
use crate::enrich::actors::{Actor, ActorKind, Mention};

use super::lexicon::lower_in;
use super::mentions::{Mentions, NameWord};
use super::names::{is_main_subject, Who, WhoKind};
use super::text::{Sex, Text};
use super::tokens::Kind;
use crate::enrich::hash::WordMap;

/// True when `m`, a mention of the country `a`, is written as its adjective or demonym
/// ("Serbian", "Iraqi", "Dutch", and the plurals "Iraqis", "Americans"): neither its name nor an
/// alias or seat of government ("US", "Moscow"), as the endings of adjectives of nationality tell.
fn is_demonym(a: &Actor, m: &Mention) -> bool {
    const ENDINGS: [&str; 6] = ["an", "ese", "ish", "ch", "i", "ic"];
    let lower = m.text.to_ascii_lowercase();
    let singular = match lower.strip_suffix('s') {
        Some(stem) if stem.ends_with("an") || stem.ends_with('i') => stem,
        _ => &lower,
    };
    !m.metonym && m.text != a.name && !m.text.contains(' ') && ENDINGS.iter().any(|e| singular.ends_with(e))
}

/// How many names back a pronoun's antecedent is looked for. A news article names fewer people
/// in all; in a long transcript, a "she" that no woman named in the last 300 names stands for is
/// nobody's, and looking through every earlier name for every pronoun made it quadratic.
pub(super) const ANTECEDENT_REACH: usize = 300;

/// A resolved speaker: the name to report and the mention that attributes the quote.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    /// The name to report (a known actor's canonical name where possible).
    pub name: String,
    /// The mention that attributes the quote.
    pub mention: Span,
    /// True when the name is a proper name (a person or organisation), so pronouns may refer to it.
    pub named: bool,
}

/// A name that may be a pronoun's antecedent.
#[derive(Debug, Clone)]
struct Named {
    mention: Span,
    written: String,
    /// A main clause's subject or a quotation's speaker, rather than a subordinate clause's
    /// subject ("Ruiz said *Ortiz* would …"): the better antecedent. Decided the first time an
    /// antecedent search asks (see [`People::is_main`]): most names are never asked about.
    main: Cell<Option<bool>>,
    /// The mention is a known country or organisation ("Moscow", "the Pentagon"), which a
    /// personal pronoun never stands for.
    not_person: bool,
    /// The name attributed a quotation.
    spoke: bool,
    /// A proper name, not a description ("a spokeswoman").
    is_name: bool,
    /// The person's sex, where the text tells it (see [`Text::sex`]); decided on first use.
    sex: Cell<Option<Option<Sex>>>,
}

/// The persons named so far in an article, for pronouns and canonical names.
pub(super) struct People<'a> {
    /// The article's tokens.
    text: &'a Text<'a>,
    /// Person actors' body mentions, by position.
    actors: Mentions<'a>,
    /// Country and organisation actors' body mentions, by position.
    others: Mentions<'a>,
    /// Clause subjects and names that attributed earlier quotations, by position.
    named: Vec<Named>,
    /// Byte offsets of the body's sentence ends (and line breaks), ascending; found the first
    /// time an antecedent search needs them.
    sentence_ends: OnceCell<Vec<usize>>,
    /// The mentions of the speakers in `named` whose surname a lone word may be (see
    /// [`full_name_surname`]), by that surname: looked up, not searched for, since every
    /// quotation's speaker may ask.
    speakers_by_surname: WordMap<Vec<Span>>,
}

/// The surname of a speaker's name that a later lone word may stand for, though no actor is
/// named so: the last of two or three capitalised words, none in capitals alone ("MP Walid
/// Jumblatt" is no name) nor hyphenated; `None` for any other name.
fn full_name_surname(written: &str) -> Option<&str> {
    let words = written.split(' ');
    let plain =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase) && !w.contains('-');
    let named = (2..=3).contains(&words.clone().count()) && words.clone().all(plain);
    named.then(|| written.rsplit(' ').next()).flatten()
}

impl<'a> People<'a> {
    /// The actors' body mentions, and the clause subjects of `text` as the first named persons.
    pub fn new(actors: &'a [Actor], text: &'a Text<'a>) -> People<'a> {
        let list = Mentions::new(actors, |a| a.kind == ActorKind::Person);
        let others = Mentions::new(actors, |a| a.kind != ActorKind::Person);
        // "Serbian officials said", "told Iraqi reporters": a country's adjective is no one who
        // speaks, nor what a pronoun or an unattributed quotation stands for.
        let adjectives: Vec<Span> = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .flat_map(|a| a.mentions.iter().filter(move |m| m.field.is_none() && is_demonym(a, m)))
            .map(|m| Span::new(m.start, m.end))
            .collect();
        let mut people = People {
            text,
            actors: list,
            others,
            named: Vec::new(),
            sentence_ends: OnceCell::new(),
            speakers_by_surname: WordMap::default(),
        };
        people.named = text
            .subjects
            .iter()
            // Nor is a place that is no country ("Florida voters", "Orlando police").
            .filter(|w| !adjectives.contains(&Span::new(w.start, w.end)) && !text.is_place(w.start, w.end))
            .map(|w| {
                let mention = Span::new(w.start, w.end);
                Named {
                    mention,
                    written: text.body[w.start..w.end].to_string(),
                    main: Cell::new(None),
                    // "The US envoy": a phrase holding a country's name is no country.
                    not_person: w.kind == WhoKind::Name && people.not_person(mention),
                    spoke: false,
                    is_name: w.kind == WhoKind::Name,
                    sex: Cell::new(None),
                }
            })
            .collect();
        people
    }

    /// True when `mention` is a known country, organisation or place and no known person; or
    /// reads as none: an acronym ("HP", "TV", "N.J") or a phrase opening with a place or an
    /// adjective of `roles.tsv` ("African American", "Pacific Islander").
    fn not_person(&self, mention: Span) -> bool {
        let written = self.text.body.get(mention.start..mention.end).unwrap_or_default();
        let acronym = !written.chars().any(char::is_lowercase);
        let first = written.split(' ').next().unwrap_or_default();
        let place = self.text.is_place(mention.start, mention.end)
            || (first.len() < written.len()
                && self.text.is_place(mention.start, mention.start + first.len()));
        // "if the above two Acts were formulated": a name after "the" or a number is a thing or
        // a group, not a person a "he" may stand for (unless an actor says it is one).
        let before = self.text.body.get(..mention.start).unwrap_or_default().trim_end();
        let word_before = before.rsplit(char::is_whitespace).next().unwrap_or_default();
        let determined =
            matches!(word_before, "the" | "The" | "two" | "three" | "four" | "both" | "these" | "those")
                || (!word_before.is_empty() && word_before.bytes().all(|b| b.is_ascii_digit()));
        let known = acronym || place || determined || self.others.overlapping(mention).next().is_some();
        known && self.person_over(mention).is_none()
    }

    /// Records a named speaker.
    pub fn saw(&mut self, s: &Speaker) {
        // Keep `named` sorted by position: speakers are seen in body order, subjects are not.
        let at = self.named.partition_point(|n| n.mention.start <= s.mention.start);
        let n = match self.named.get_mut(at.wrapping_sub(1)).filter(|n| n.mention == s.mention) {
            Some(n) => {
                n.main.set(Some(true)); // a speaker is a main subject, wherever it stands
                n.spoke = true;
                &*n
            }
            None => {
                let not_person = self.not_person(s.mention);
                let named = Named {
                    mention: s.mention,
                    written: s.name.clone(),
                    main: Cell::new(Some(true)),
                    not_person,
                    spoke: true,
                    is_name: true,
                    sex: Cell::new(None),
                };
                self.named.insert(at, named);
                &self.named[at]
            }
        };
        if let Some(surname) = full_name_surname(&n.written).filter(|_| !n.not_person) {
            let mentions = self.speakers_by_surname.entry(surname.to_string()).or_default();
            if !mentions.contains(&n.mention) {
                mentions.push(n.mention);
            }
        }
    }

    /// The place in `named` of the name mentioned at `mention`.
    fn place_of(&self, mention: Span) -> Option<usize> {
        let from = self.named.partition_point(|n| n.mention.start < mention.start);
        let mut same_start = self.named[from..].iter().take_while(|n| n.mention.start == mention.start);
        same_start.position(|n| n.mention == mention).map(|i| from + i)
    }

    /// The speaker a mention stands for.
    pub fn resolve(&self, body: &str, who: Who) -> Option<Speaker> {
        let mention = Span::new(who.start, who.end);
        let written = &body[who.start..who.end];
        match who.kind {
            // "And the Ghanaian vowed to …": a country's demonym after "the" is a person of that
            // country, the one named last (Annan), not the country.
            WhoKind::Name if self.the_demonym(body, mention) => {
                let name = self
                    .antecedent(who.start, Referent::Person, None)
                    .map_or_else(|| written.to_string(), |s| s.name);
                Some(Speaker { name, mention, named: false })
            }
            WhoKind::Name => Some(Speaker { name: self.canonical(written, mention), mention, named: true }),
            WhoKind::Other => Some(Speaker { name: written.to_string(), mention, named: false }),
            WhoKind::Pronoun => {
                // "he", "she" and "I" are persons; "we" may be a government or a party, and so
                // may "they", which is never one person named before ("They argue that …" after
                // "the groups say" is not Trump, whom the groups named).
                let referent = if lower_in(written, &["he", "she", "i"]) {
                    Referent::Person
                } else if lower_in(written, &["they"]) {
                    Referent::Group
                } else {
                    Referent::Any
                };
                let sex = if lower_in(written, &["he"]) {
                    Some(Sex::Male)
                } else if lower_in(written, &["she"]) {
                    Some(Sex::Female)
                } else {
                    None
                };
                let name = self
                    .antecedent(self.parenthetical_start(body, who.start), referent, sex)
                    .map(|s| s.name)
                    .unwrap_or_else(|| written.to_string());
                Some(Speaker { name, mention, named: false })
            }
        }
    }

    /// True when `mention` is a country's demonym written after "the" ("the Ghanaian").
    fn the_demonym(&self, body: &str, mention: Span) -> bool {
        let after_the = body.get(..mention.start).is_some_and(|b| b.ends_with("the ") || b.ends_with("The "));
        let demonym = |a: &Actor| {
            a.kind == ActorKind::Country
                && a.mentions
                    .iter()
                    .any(|m| m.field.is_none() && Span::new(m.start, m.end) == mention && is_demonym(a, m))
        };
        after_the && self.others.holding(mention).any(|(a, s)| *s == mention && demonym(a))
    }

    /// A definite description of a person as a speaker ("the Vermont senator acknowledged",
    /// "The Chinese president also said"), with `role_words` from [`Text::described_role`]: the
    /// last person named before it whose role has all those words, else the last whose role has
    /// its role noun (the last of `role_words`: "Mexican" may be missing from a role found in the
    /// text); the description itself when nobody's role has it. (Not simply the last person
    /// named, as for "he": in "Cameron's office said … the spokesman added", the spokesman is
    /// not Cameron.)
    pub fn described(&self, body: &str, who: Who, role_words: &[&str]) -> Speaker {
        let mention = Span::new(who.start, who.end);
        let before = |words: &[&str]| self.actors.last_with_role(words, who.start, |s| s.end <= who.start);
        let noun = role_words.last().copied().unwrap_or_default();
        let holder = before(role_words).or_else(|| before(&[noun]));
        // A description resolved to a person names that person, whom a later "he" may stand for.
        match holder {
            Some((a, _)) => Speaker { name: a.name.clone(), mention, named: true },
            None => Speaker { name: body[who.start..who.end].to_string(), mention, named: false },
        }
    }

    /// A definite description opening the sentence of an unattributed quotation ("The Health
    /// Minister reacted … by saying that “…”"): as [`People::described`], and with nobody known
    /// to hold the role, the person an unattributed quotation falls back to (see
    /// [`People::latest`]), unless the gazetteer gives that person another role: the party
    /// leader Layton is not "the Health Minister".
    pub fn described_subject(&self, body: &str, who: Who, role_words: &[&str], at: usize) -> Speaker {
        let speaker = self.described(body, who, role_words);
        if speaker.named {
            return speaker;
        }
        let role_of = |n: &Speaker| self.person_over(n.mention).and_then(|a| a.role.as_deref());
        self.latest(at).filter(|n| role_of(n).is_none()).unwrap_or(speaker)
    }

    /// Where a pronoun's antecedent must end: before the pronoun, or in `Moscow, he said, "…"`
    /// before the name the parenthetical follows, which is the quoted clause's subject and not
    /// the speaker.
    fn parenthetical_start(&self, body: &str, pronoun: usize) -> usize {
        let before = self.named.partition_point(|n| n.mention.end <= pronoun);
        match before.checked_sub(1).map(|i| &self.named[i]) {
            Some(n) if body.get(n.mention.end..pronoun).is_some_and(|gap| gap.trim() == ",") => {
                n.mention.start
            }
            _ => pronoun,
        }
    }

    /// The most recent person named before byte `at`, as a speaker: for an unattributed quotation.
    pub fn latest(&self, at: usize) -> Option<Speaker> {
        self.antecedent(at, Referent::Any, None)
    }

    /// The most recent name before byte `at` that `referent` may stand for (for a person, names
    /// of persons or of unknown kind; for a group, any but a person's); within its sentence, the main subject or speaker is preferred to a
    /// subordinate clause's subject ("Ruiz suggested … as Ode may …. He added" is Ruiz). A
    /// pronoun of a `sex` passes over persons known to be of the other.
    fn antecedent(&self, at: usize, referent: Referent, sex: Option<Sex>) -> Option<Speaker> {
        let person = referent == Referent::Person;
        // "They" stands for a group or a body, not one person nor a country ("it").
        let country =
            |n: &Named| self.others.overlapping(n.mention).any(|(a, _)| a.kind == ActorKind::Country);
        let one_person =
            |n: &Named| self.person_over(n.mention).is_some() || self.sex_of(n).is_some() || country(n);
        // Actor mentions include objects ("praised Cruz"), so only subjects and speakers count.
        let end = self.named.partition_point(|n| n.mention.end <= at);
        let agrees = |n: &Named| sex.is_none_or(|sex| self.sex_of(n).is_none_or(|known| known == sex));
        let candidates =
            self.reachable(end).iter().rev().filter(|n| !(person && n.not_person)).filter(|n| agrees(n));
        let mut candidates = candidates.filter(|n| referent != Referent::Group || !one_person(n));
        let last = candidates.next()?;
        let sentence = self.sentence_of(last.mention.start);
        // A name only in a subordinate clause of the sentence the pronoun is in ("… that Ode is
        // seen as a liberal …," he says) yields to a main subject of the last sentence before it
        // that names anyone. `earlier` is `None` when only `last`'s sentence is searched, else
        // the index of that earlier sentence once the search reaches it.
        let mut earlier: Option<Option<usize>> = (person && sentence == self.sentence_of(at)).then_some(None);
        let n = if self.is_main(last) {
            last
        } else {
            candidates
                .take_while(|n| {
                    let s = self.sentence_of(n.mention.start);
                    s == sentence
                        || match &mut earlier {
                            Some(Some(previous)) => s == *previous,
                            Some(first) => *first.insert(s) == s,
                            None => false,
                        }
                })
                .find(|n| self.is_main(n))
                .or_else(|| {
                    self.unknown_subordinate(last, person).then(|| self.last_speaker(end, &agrees)).flatten()
                })
                .unwrap_or(last)
        };
        Some(Speaker { name: self.canonical(&n.written, n.mention), mention: n.mention, named: true })
    }

    /// True when `n`, for a personal pronoun (`person`), is only a subordinate clause's subject
    /// that no actor vouches for as a person: "She said television and Internet have played a
    /// part. … she said" is not the Internet.
    fn unknown_subordinate(&self, n: &Named, person: bool) -> bool {
        person && !n.spoke && self.person_over(n.mention).is_none()
    }

    /// The latest speaker among the first `end` names whom `agrees` accepts.
    fn last_speaker<'n>(&'n self, end: usize, agrees: &impl Fn(&Named) -> bool) -> Option<&'n Named> {
        self.reachable(end).iter().rev().find(|n| n.spoke && !n.not_person && agrees(n))
    }

    /// The names a pronoun or an unattributed quotation may stand for among the first `end`: the
    /// last [`ANTECEDENT_REACH`] of them.
    fn reachable(&self, end: usize) -> &[Named] {
        &self.named[end.saturating_sub(ANTECEDENT_REACH)..end]
    }

    /// The sex of `n`, by its canonical name (decided once, on first use).
    fn sex_of(&self, n: &Named) -> Option<Sex> {
        if let Some(sex) = n.sex.get() {
            return sex;
        }
        let name = if n.is_name { self.canonical(&n.written, n.mention) } else { n.written.clone() };
        let sex = self.text.sex(n.mention.start, &name, n.is_name);
        n.sex.set(Some(sex));
        sex
    }

    /// Whether `n` is a main clause's subject or a speaker (decided once, on first use).
    fn is_main(&self, n: &Named) -> bool {
        if let Some(main) = n.main.get() {
            return main;
        }
        let main = is_main_subject(self.text, n.mention.start);
        n.main.set(Some(main));
        main
    }

    /// The index of the sentence holding byte `at`.
    fn sentence_of(&self, at: usize) -> usize {
        let text = self.text;
        let ends = self.sentence_ends.get_or_init(|| {
            (0..text.toks.len())
                .filter(|&i| text.toks[i].kind == Kind::Break || text.ends_sentence(i))
                .map(|i| text.toks[i].start)
                .collect()
        });
        ends.partition_point(|&e| e < at)
    }

    /// The person actor with a mention overlapping `mention`, if any.
    fn person_over(&self, mention: Span) -> Option<&'a Actor> {
        self.actors.overlapping(mention).next().map(|(a, _)| *a)
    }

    /// The canonical name of a written name: the person actor whose mention overlaps it, else the
    /// whole written name of an organisation or country it is part of, else the person whose
    /// surname it is, else for a lone word the earlier person whose name it starts ("Hu" after
    /// "Hu Jintao") or the earlier full name of a speaker or subject whose last word it is; else
    /// the name as written.
    pub fn canonical(&self, written: &str, mention: Span) -> String {
        if let Some(a) = self.person_over(mention) {
            return a.name.clone();
        }
        // Part of an organisation's or country's name is that whole name as written
        // ("Organization" in "the Organization of the Islamic Conference urged").
        // Not after a title inside it: "Army Capt. Ana Ruiz" is a person the actors took for the
        // army.
        let text = self.text;
        let at = text.toks.partition_point(|t| t.start < mention.start);
        let titled = |s: &Span| {
            at > 0
                && text.toks[at - 1].start >= s.start
                && (text.abbreviation_dot(at - 1) || text.is_title(at - 1))
        };
        let within = |(a, s): &&(&Actor, Span)| {
            let organization = a.kind == ActorKind::Organization;
            s.start <= mention.start
                && mention.end <= s.end
                && ((organization && *s == mention) || (*s != mention && !titled(s)))
        };
        if let Some((a, s)) = self.others.holding(mention).find(within) {
            // An organisation is its canonical name ("KCNA" is the Korean Central News Agency),
            // unless the written name says more ("House Armed Services Committee", filed under
            // Congress). A country keeps the words that name its voice ("the White House",
            // "Moscow", "U.S. State Department"), which say more about who spoke than its name.
            let whole = text.body.get(s.start..s.end).unwrap_or(written);
            let more_specific = whole.split_whitespace().count() > a.name.split_whitespace().count();
            return match a.kind {
                ActorKind::Organization if !more_specific => a.name.clone(),
                _ => whole.to_string(),
            };
        }
        // "Clinton" is the Clinton mentioned last before it (Hillary after Bill's paragraph).
        let surname = written.rsplit(' ').next().unwrap_or(written);
        // The words written before the surname, titles aside, must be the person's too: "Lhamo
        // Cering" is not the "Purbu Cering" of another paragraph.
        let end = text.toks.partition_point(|t| t.start < mention.end);
        let given: Vec<&str> = (at..end.saturating_sub(1))
            .filter(|&i| text.is_cap(i) && !text.is_title(i) && !text.abbreviation_dot(i))
            .map(|i| text.word(i))
            .collect();
        // Case aside: "al-Zahar" for "Mahmoud Al-Zahar".
        let same = |a: &Actor| {
            a.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(surname))
                && given.iter().all(|g| a.name.split(' ').any(|w| w.eq_ignore_ascii_case(g)))
        };
        let by_surname = (NameWord::Last, surname);
        let before = self.actors.last_named(by_surname, same, mention.start, |s| s.start < mention.start);
        if let Some(a) = before.map(|(a, _)| a).or_else(|| self.actors.first_named(by_surname, same)) {
            return a.name.clone();
        }
        // A lone word that starts an earlier person's name: a family name written first ("Hu"
        // after "Hu Jintao", "Ban" after "Ban Ki-moon"), or a given name ("Vladimir" after
        // "Vladimir Kibenko").
        if !written.contains(' ') {
            let first = |a: &Actor| a.name.contains(' ') && a.name.split(' ').next() == Some(written);
            let by_first_word = (NameWord::First, written);
            if let Some((a, _)) =
                self.actors.last_named(by_first_word, first, mention.start, |s| s.start < mention.start)
            {
                return a.name.clone();
            }
            // The surname of an earlier speaker's full name, though no actor: "Safi said" after
            // "Din Mohammad Safi, the Chef de Mission, told Xinhua" (the last such speaker in
            // `named` before it).
            let speakers = self.speakers_by_surname.get(written).into_iter().flatten();
            let earlier = speakers.filter(|s| s.end <= mention.start).filter_map(|&s| self.place_of(s));
            if let Some(at) = earlier.max() {
                return self.named[at].written.clone();
            }
        }
        written.to_string()
    }
}

/// What a pronoun may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    /// "he", "she", "I": a person.
    Person,
    /// "they": a group, a body or a country, not one person.
    Group,
    /// "we", and an unattributed quotation's fallback: any name.
    Any,
}
