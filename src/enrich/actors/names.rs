//! Unknown names: runs of capitalised words that the gazetteer does not know, classified as a
//! person (by cues: a title, a role noun, a given name, a speech verb, an apposition, a
//! country's possessive) or an organisation (by a head word such as "Ministry" or "Party").

use super::tokens::{Tok, F_ALLCAPS, F_CAP, F_COMMA, F_DIGIT, F_JOINED, F_POSS, F_START};
use crate::enrich::gazetteer::{Cues, Gazetteer, Hit};
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

use words::{
    CueIndex, DEPARTMENTS, DESCRIBERS, GIVEN, HEADS, HONORIFICS, JOINERS, KNOWN, MODIFIERS, NOTNAME, ROLE,
    ROLES, TIME, TITLES, TITLISH,
};

mod classify;
pub mod respell;
pub mod words;

use respell::Respellings;

/// What a run of capitalised words was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandKind {
    /// A person of the gazetteer, named in full.
    Known(u32),
    /// A person's name (tokens `name.0..name.1`).
    Person,
    /// An organisation's name.
    Org,
}

/// A classified name.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Person or organisation.
    pub kind: CandKind,
    /// Token range of the name itself (titles stripped).
    pub first: usize,
    /// One past the last token of the name.
    pub last: usize,
    /// Token range of the title words before the name, if any ("Foreign Minister").
    pub title: Option<(usize, usize)>,
    /// Index of a country hit just before the name ("India's", "Palestinian").
    pub country_hit: Option<usize>,
}

/// Days, months and relative days, which may follow a name without being part of it.
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
];

/// The questions name finding asks of [`Respellings::first_two`]: whether a word is written in
/// lower case, and whether it recurs alone (four questions, one for each pair of flags).
const WRITTEN_IN_LOWER_CASE: usize = 0;
const RECURS_ALONE: usize = 1;

/// Context shared by the classification of every run of one article.
pub struct Names<'a> {
    /// The body.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// For each token, the index of the gazetteer hit covering it (u32 rather than usize: half
    /// the bytes to zero and read, for a vector as long as the text's tokens).
    pub hit_of: &'a [Option<u32>],
    /// The gazetteer hits.
    pub hits: &'a [Hit],
    /// Cue words.
    pub cues: &'a Cues,
    /// The gazetteer, for full names of known persons.
    pub gazetteer: &'a Gazetteer,
    /// The cue lists as one table.
    pub index: &'a CueIndex,
    /// For each token, the bits of [`CueIndex::bits`] for its word once asked ([`KNOWN`] set),
    /// else 0: the same few tokens are asked about again and again.
    pub memo: Vec<Cell<u32>>,
    /// Publication date, to choose among namesakes.
    pub date: Option<jiff::civil::Date>,
    /// Where the text's headline ends (a byte offset): the whole text for a title, the end of the
    /// title's copy for a body that opens with it, else 0. In a headline capitalised words are
    /// not names by themselves, so only explicit cues (a title, a byline, a speech verb, a
    /// country's possessive) count.
    pub headline_end: usize,
    /// The text after the headline, where an organisation it names must be named again: the
    /// rest of the body, or the whole body for a title.
    pub after_headline: &'a str,
    /// Byte ranges, in order, of quoted headlines inside the text (see [`quoted_headlines`]):
    /// their names are read as the headline's are.
    pub quoted_headlines: &'a [(usize, usize)],
    /// The tokens that may write a word again, grouped in a long text (see [`respell`]).
    pub respellings: Respellings,
}

/// The byte ranges of the quotations in `text` written in title case, the way a headline, a
/// book or a slogan is quoted (`the paper ran "Donald Trump Leads In Iowa"`), as far as their
/// opening run of capitalised words goes: there, as in a headline, capitalised words are no
/// names by themselves. After a lower-case word the quotation is read as prose again ("Real
/// Time with Bill Maher" names Bill Maher). `title_case` tells a title from prose. A quotation
/// is one line long at most, between straight or curly double quotation marks, opening before
/// a letter or digit.
pub fn quoted_headlines(text: &str, title_case: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    /// Longer quotations are speech, not titles.
    const LONGEST: usize = 160;
    // Marks are found byte by byte: `"`, and 0xE2, which opens the curly ones (a scan of chars
    // cost as much as the rest of the actors' work on a body).
    let bytes = text.as_bytes();
    let mark_at = |i: usize, curly: &str| bytes[i] == b'"' || text[i..].starts_with(curly);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(b'"', 0xE2, &bytes[from..]).map(|k| from + k) {
        if !mark_at(at, "\u{201C}") {
            from = at + 1;
            continue;
        }
        let start = at + if bytes[at] == b'"' { 1 } else { '\u{201C}'.len_utf8() };
        from = start;
        if !text[start..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let end = text.len().min(start + LONGEST);
        let close = memchr::memchr3_iter(b'"', 0xE2, b'\n', &bytes[start..end])
            .map(|k| start + k)
            .find(|&k| bytes[k] == b'\n' || mark_at(k, "\u{201D}"));
        let Some(close) = close else { continue };
        let quoted = &text[start..close];
        if bytes[close] != b'\n' && title_case(quoted) {
            let lower = |w: &str| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
            let opening = quoted
                .split_whitespace()
                .take_while(|w| !lower(w))
                .last()
                .map_or(0, |w| w.as_ptr() as usize - quoted.as_ptr() as usize + w.len());
            out.push((start, start + opening));
        }
        // The closing mark opens nothing.
        from = close + 1;
    }
    out
}

impl Names<'_> {
    /// Token `i` lies in the headline or in a quoted one.
    pub(super) fn in_headline(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let k = self.quoted_headlines.partition_point(|&(_, end)| end <= t.start);
            t.start < self.headline_end
                || self.quoted_headlines.get(k).is_some_and(|&(start, _)| start <= t.start)
        })
    }

    /// The index of the gazetteer hit covering token `i`, if any.
    fn hit(&self, i: usize) -> Option<usize> {
        self.hit_of.get(i).copied().flatten().map(|h| h as usize)
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// The cue lists holding token `i`'s word, lower-cased: bits of [`words`], with [`KNOWN`].
    fn classes(&self, i: usize) -> u32 {
        let Some(cell) = self.memo.get(i) else { return self.index.bits(self.word(i)) };
        let bits = cell.get();
        if bits & KNOWN != 0 {
            return bits;
        }
        let bits = self.index.bits(self.word(i)) | KNOWN;
        cell.set(bits);
        bits
    }

    /// True when token `i`'s word, lower-cased, is in one of the lists of `lists` (bits of
    /// [`words`]).
    fn is(&self, i: usize, lists: u32) -> bool {
        self.classes(i) & lists != 0
    }

    /// True when token `i` (or its singular) is a role noun.
    fn is_role(&self, i: usize) -> bool {
        self.is(i, ROLE)
    }

    fn is_particle(&self, i: usize) -> bool {
        self.cues.particles.contains(self.word(i))
    }

    /// True when the word before byte `at` (where a token starts) is an article: "the", "a", "an".
    fn after_article(&self, at: usize) -> bool {
        let k = self.toks.partition_point(|t| t.start < at);
        k > 0 && matches!(self.word(k - 1), "the" | "The" | "a" | "A" | "an" | "An")
    }

    /// Country hit ending right before token `i` ("India's Leander Paes", "Malaysian Azahari
    /// Husin"): the hit's last token is `i - 1`.
    fn country_before(&self, i: usize) -> Option<usize> {
        let h = self.hit(i.checked_sub(1)?)?;
        let prev = &self.toks[i - 1];
        let adjacent = self.toks[i].has(F_JOINED) || prev.has(F_POSS);
        let gap_plain = self.text[prev.end..self.toks[i].start]
            .chars()
            .all(|c| c == ' ' || c == '\'' || c == '’' || c == 's');
        (self.hits[h].country.is_some() && self.hits[h].end == prev.end && adjacent && gap_plain).then_some(h)
    }

    /// A capital or seat of government (a country hit read as a metonym), or a country's name
    /// opening the name ("Iraq Study Group", "Zimbabwe Tourism Authority"), ending right before
    /// token `i` and joined to it by spaces alone, as (its first token, the hit).
    ///
    /// A country's name after another capitalised word is inside a name this run cannot
    /// tell the start of ("New Korea Party", "National Australia Bank", "Democratic Socialists of
    /// America Inc."), so it opens nothing.
    ///
    /// When `demonym_opens()`, asked only after a country's adjective, that adjective opens the
    /// name too ("Thai News Agency").
    fn seat_opening(&self, i: usize, demonym_opens: impl FnOnce() -> bool) -> Option<(usize, usize)> {
        let h = self.hit(i.checked_sub(1)?)?;
        let hit = &self.hits[h];
        let metonym = matches!(hit.country, Some((_, true)));
        let named = matches!(hit.country, Some((_, false))) && (!hit.demonym || demonym_opens());
        let seat = (metonym || named) && hit.org.is_none() && hit.person.is_none();
        let prev = &self.toks[i - 1];
        let joined = self.toks[i].has(F_JOINED)
            && !prev.has(F_POSS)
            && self.text[prev.end..self.toks[i].start].bytes().all(|b| b == b' ');
        if !seat || hit.blocked || hit.end != prev.end || !joined {
            return None;
        }
        let mut first = i - 1;
        while first > 0 && self.hit(first - 1) == Some(h) {
            first -= 1;
        }
        let inside = first > 0
            && self.toks[first].has(F_JOINED)
            && ((self.toks[first - 1].has(F_CAP) && !matches!(self.word(first - 1), "The" | "A" | "An"))
                || (matches!(self.word(first - 1), "of" | "for")
                    && first > 1
                    && self.toks[first - 2].has(F_CAP)));
        if named && inside {
            return None;
        }
        Some((first, h))
    }

    /// True when token `i` looks like a gerund or participle ("Bashing", "Following"): a
    /// capitalised word of five or more letters ending in `ing` that is not a given name.
    fn is_gerund(&self, i: usize) -> bool {
        let word = self.word(i);
        let mut letters = word.bytes();
        word.len() >= 5
            && word.ends_with("ing")
            && letters.next().is_some_and(|b| b.is_ascii_uppercase())
            && letters.all(|b| b.is_ascii_lowercase())
            && !self.is(i, GIVEN)
    }

    /// A country hit right after the word `of` at token `i` (and a lower-case `the`: "Armed
    /// Forces of the Philippines"), joined by spaces alone, that ends the organisation's name:
    /// as (one past its last token, the hit).
    fn country_after_of(&self, i: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        if i + 1 >= toks.len() || self.word(i) != "of" || !toks[i].has(F_JOINED) || !toks[i + 1].has(F_JOINED)
        {
            return None;
        }
        let the = self.word(i + 1) == "the";
        let first = if the { i + 2 } else { i + 1 };
        if the && toks.get(first).is_none_or(|t| !t.has(F_JOINED)) {
            return None;
        }
        let h = self.hit(first)?;
        let hit = &self.hits[h];
        // "Organization of American states": a demonym does not end a name.
        if hit.country.is_none() || hit.demonym || hit.org.is_some() || hit.person.is_some() || hit.blocked {
            return None;
        }
        let mut end = first;
        while end < toks.len() && self.hit(end) == Some(h) {
            end += 1;
        }
        // A capitalised word after the country continues another name: "Organization of American
        // States", "Federation of Indian Chambers"; an office starts a person's ("Bank of Japan
        // Governor Kazuo Ueda").
        let continued =
            toks.get(end).is_some_and(|t| t.has(F_JOINED) && t.has(F_CAP)) && !self.is(end, TITLES);
        // "the Hong Kong government": after `the`, a body's word after the country makes the
        // country its qualifier.
        let qualifier = the
            && toks.get(end).is_some_and(|t| t.has(F_JOINED) && !t.has(F_CAP))
            && self.is(end, HEADS | DEPARTMENTS | ROLES | DESCRIBERS);
        (hit.start == toks[first].start
            && hit.end == toks[end - 1].end
            && !toks[end - 1].has(F_POSS)
            && !continued
            && !qualifier)
            .then_some((end, h))
    }

    /// The capitalised words after the word `of` or `for` at token `i` (and a `the` after it)
    /// that name what an organisation's head word is of or for ("Ministry of Foreign Affairs",
    /// "Institute for the Study of War"): one past their last token. They end before an office
    /// and the name it introduces ("Department of Homeland Security Secretary Jeh Johnson"),
    /// before a day or a month, and after `for`, before a person's name ("Common Fund for
    /// Commodity Ali Mchumo").
    fn name_after_of(&self, i: usize) -> Option<usize> {
        let toks = self.toks;
        let n = toks.len();
        let purpose = i < n && self.word(i) == "for";
        if i >= n || !(purpose || self.word(i) == "of") || !toks[i].has(F_JOINED) {
            return None;
        }
        let mut a = i + 1;
        if a < n && self.word(a) == "the" && toks[a].has(F_JOINED) {
            a += 1;
        }
        let plain = |k: usize| {
            k < n
                && toks[k].has(F_JOINED)
                && toks[k].has(F_CAP)
                && self.hit(k).is_none()
                && !self.is(k, NOTNAME)
        };
        // A demonym qualifying the next word is part of the name ("Confederation of Indian
        // Industry").
        let demonym = |k: usize| {
            k < n
                && toks[k].has(F_JOINED)
                && self.hit(k).is_some_and(|h| self.hits[h].demonym)
                && !toks[k].has(F_POSS | F_COMMA)
        };
        // So is a word that never ends a name, before a word that may: "Ministry of National
        // Defence", "Council of Islamic Ideology" (but not "of Monday").
        let qualifier = |k: usize| {
            k < n
                && toks[k].has(F_JOINED)
                && toks[k].has(F_CAP)
                && !toks[k].has(F_POSS | F_COMMA)
                && self.hit(k).is_none()
                && self.is(k, NOTNAME)
                && !self.is(k, TIME)
        };
        // (One that is an organisation's head word may end it: "Communist Youth League".)
        let ends = |k: usize| plain(k) || (qualifier(k) && self.is(k, HEADS));
        let named = |k: usize| ends(k) || ((demonym(k) || qualifier(k)) && ends(k + 1));
        if !named(a) {
            return None;
        }
        // An office and the name after it end the name; a field that is also an office noun
        // ("Justice") ends it only before a name ("Council for Criminal Justice").
        let office = |k: usize| self.is(k, TITLES) && (!self.is(k, DEPARTMENTS) || plain(k + 1));
        // A given name opening two capitalised words ends a purpose: a person follows.
        let person = |k: usize| purpose && self.is(k, GIVEN) && k + 1 < n && plain(k + 1);
        let mut end = a;
        loop {
            while named(end) && !(end > a && (office(end) || person(end))) {
                end += 1;
                if toks[end - 1].has(F_POSS | F_COMMA) {
                    break;
                }
            }
            // Two fields joined by "and", one of them an office's: "Chamber of Commerce and
            // Industry", "Ministry of Foreign Affairs and Trade"; not "University of Chicago and
            // Professor Knittel".
            let field = |k: usize| self.is(k, DEPARTMENTS);
            let and = end < n
                && self.word(end) == "and"
                && toks[end].has(F_JOINED)
                && !toks[end - 1].has(F_POSS | F_COMMA)
                && plain(end + 1)
                && (field(end - 1) || field(end + 1));
            if and && !self.is(end + 1, TITLES) {
                end += 1;
                continue;
            }
            // What a body is for may be of something: "Institute for the Study of War".
            if purpose && !toks[end - 1].has(F_POSS | F_COMMA) {
                if let Some(of_end) = self.name_after_of(end) {
                    return Some(of_end);
                }
            }
            // A body of a body of a country: "Central Committee of the Communist Party of
            // Vietnam".
            if self.is(end - 1, HEADS) && !toks[end - 1].has(F_POSS | F_COMMA) {
                if let Some((country_end, _)) = self.country_after_of(end) {
                    return Some(country_end);
                }
            }
            return Some(end);
        }
    }

    /// True when token `j`, which the gazetteer reads as a one-word organisation or a demonym,
    /// is the surname of the person whose given name comes right before it: "Mayor Don
    /// Guardian", "Rob Ford", "Mark Cuban", "Bill English". (A known person's full name is the
    /// gazetteer's, and a country's name is never a surname here.)
    fn surname_not_org(&self, j: usize) -> bool {
        let Some(h) = self.hit(j) else { return false };
        let hit = &self.hits[h];
        let one_word = hit.start == self.toks[j].start && hit.end == self.toks[j].end;
        let followed_by_name =
            j + 1 < self.toks.len() && self.toks[j + 1].has(F_JOINED) && self.toks[j + 1].has(F_CAP);
        (hit.demonym || hit.org.is_some() && hit.country.is_none())
            && hit.person.is_none()
            && one_word
            && !followed_by_name
            && j > 0
            && self.hit(j - 1).is_none()
            && self.is(j - 1, GIVEN)
    }

    /// The role noun (`roles.tsv` kind `role`) written right before the name opening at token
    /// `first`, with the capitalised words that qualify it, as a token range: "White House
    /// spokesman Michael McCurry", "Chelsea coach Jose Mourinho", "Iranian Foreign Ministry
    /// spokesman Mohammad-Ali Hosseini"), and the lower-case words of an office before it
    /// ("deputy prime minister", "secretary general"). None near a word saying the role is past
    /// (`roles.tsv` kind `past`: "former finance minister", "ousted prime minister").
    pub fn role_before(&self, first: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let role = first.checked_sub(1)?;
        if !toks[first].has(F_JOINED) || toks[role].has(F_CAP | F_POSS | F_COMMA) || !self.office_noun(role) {
            return None;
        }
        // At most five words qualify it; a sentence's opener ("The", "But") is none of them.
        let mut from = role;
        while from > 0 && role - from < 5 {
            let k = from - 1;
            let capitalised = toks[k].has(F_CAP) && !(toks[k].has(F_START) && self.is(k, NOTNAME));
            let office = !toks[k].has(F_CAP) && self.is(k, TITLES | MODIFIERS | DEPARTMENTS | ROLES);
            if !toks[from].has(F_JOINED) || toks[k].has(F_POSS | F_COMMA) || !(capitalised || office) {
                break;
            }
            from = k;
        }
        // The word before the role's may say it is past too ("disgraced former electricity
        // minister", whose "electricity" is no office's word).
        if (from.saturating_sub(2)..=role).any(|k| self.is_past(k)) {
            return None;
        }
        Some((from, role + 1))
    }

    /// The role an apposition after the name ending before token `last` gives its person, as a
    /// token range: "Tom Kerlo, the State Department spokesman, said", "Ann Smith, a city
    /// official, said", "Faustino Obanj, spokesman of the SPLA, said". The phrase ends at a role
    /// noun or a describer (`roles.tsv`) closed by a comma, a full stop or a preposition; after
    /// "a", "an" or "the" any words may qualify it, without one only an office's words and
    /// capitalised ones. None for a role said to be past ("a former minister").
    pub fn role_after(&self, last: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let name_end = last.checked_sub(1)?;
        if !toks[name_end].has(F_COMMA) || last >= toks.len() || toks[last].has(F_START) {
            return None;
        }
        let determiner = matches!(self.word(last), "a" | "an" | "the");
        let from = last + usize::from(determiner);
        for k in from..toks.len().min(from + 6) {
            let t = &toks[k];
            if k > from && (t.has(F_START) || !t.has(F_JOINED)) {
                return None;
            }
            let head = !t.has(F_CAP) && self.is(k, ROLES | DESCRIBERS);
            if head && !self.office_noun(k) && !self.is(k, DESCRIBERS) {
                return None;
            }
            let closed = t.has(F_COMMA)
                || toks.get(k + 1).is_none_or(|next| next.has(F_START))
                || (toks[k + 1].has(F_JOINED)
                    && matches!(
                        self.word(k + 1),
                        "of" | "for" | "at" | "with" | "in" | "from" | "on" | "to"
                    ));
            if head && closed {
                let past = (last..=k).any(|i| self.is_past(i));
                return (!past).then(|| (from, self.of_what(k + 1).unwrap_or(k + 1)));
            }
            let qualifier =
                t.has(F_CAP) || determiner || self.is(k, TITLES | MODIFIERS | DEPARTMENTS | ROLES);
            if !qualifier || t.has(F_COMMA) || t.has(F_DIGIT) {
                return None;
            }
        }
        None
    }

    /// One past the end of what a role is of or for, when `of`, `for` or `at` at token `at`
    /// opens it and a comma or the sentence's end closes it within eight words: "spokesman of
    /// the Sudan People's Liberation Army", "director of the Asian affairs department".
    fn of_what(&self, at: usize) -> Option<usize> {
        let toks = self.toks;
        if !matches!(self.word(at), "of" | "for" | "at") {
            return None;
        }
        for k in at + 1..toks.len().min(at + 9) {
            if toks[k].has(F_START) || !toks[k].has(F_JOINED) || self.is_past(k) {
                return None;
            }
            if toks[k].has(F_COMMA) || toks.get(k + 1).is_none_or(|next| next.has(F_START)) {
                return Some(k + 1);
            }
        }
        None
    }

    /// True when token `i` is a role noun that may be a person's role: not one of kinship or
    /// relation, which `roles.tsv` lists as `norole` ("his wife Anne", "his counterpart Li").
    fn office_noun(&self, i: usize) -> bool {
        self.is(i, ROLES) && !self.cues.norole.contains(&self.word(i).to_lowercase())
    }

    /// True when token `i` says a role is no longer held (`roles.tsv` kind `past`: "former",
    /// "ex-deputy").
    fn is_past(&self, i: usize) -> bool {
        let word = self.word(i).to_lowercase();
        self.cues.past.contains(&word)
            || word.split_once('-').is_some_and(|(w, _)| self.cues.past.contains(w))
    }

    /// Country hit right before an organisation's name ("Chinese Foreign Ministry").
    pub fn country_before_org(&self, i: usize) -> Option<usize> {
        self.country_before(i)
    }

    /// Every classified run of capitalised words outside gazetteer hits.
    pub fn candidates(&self) -> Vec<Candidate> {
        let toks = self.toks;
        let n = toks.len();
        let mut out = Vec::new();
        let mut maybes: Vec<Candidate> = Vec::new();
        let mut i = 0;
        while i < n {
            // A run starts with a true capital (not "al-Sadr" alone).
            let upper = self.text[toks[i].start..].starts_with(char::is_uppercase);
            if self.hit(i).is_some() || !toks[i].has(F_CAP) || !upper {
                i += 1;
                continue;
            }
            let a = i;
            if let Some(person) = self.office_of_department(a) {
                i = person.last;
                out.push(person);
                continue;
            }
            let j = self.run_end(a);
            i = j;
            // A known full name, possibly after titles: "Foreign Minister Sergei Lavrov".
            // The longest known sub-run wins; headlines add words ("Donald Trump Is Right").
            let mut known = None;
            for k in a..j.saturating_sub(1) {
                // Inside a body a known name must end the run ("Ali Abdallah" is not the known
                // "Ali Abdallah" in "Ali Abdallah Saleh"); a headline may add words after it.
                let shortest = if self.in_headline(k) { k + 2 } else { j };
                for m in (shortest..=j.min(k + 6)).rev() {
                    let better = known.is_none_or(|(k0, m0, _)| m - k > m0 - k0);
                    if better {
                        if let Some(p) = self.known(k, m) {
                            known = Some((k, m, p));
                        }
                    }
                }
            }
            match known {
                Some((k, m, p)) => out.push(Candidate {
                    kind: CandKind::Known(p),
                    first: k,
                    last: m,
                    title: (k > a).then_some((a, k)),
                    country_hit: None,
                }),
                None => {
                    self.classify(a, j, &mut out, &mut maybes);
                    // An organisation may run past `of` ("Ministry of Foreign Affairs").
                    if let Some(c) = out.last().filter(|c| c.last > i) {
                        i = c.last;
                    }
                }
            }
        }
        // A plausible name coordinated with a person ("Satoshi Iwabuchi and Akiko Morigami"), or
        // whose last word recurs alone, the way reporting refers back to people ("... Jensen").
        // Where each known person named in full is, by the name's last word: built when first
        // asked, for a long text's thousands of names were walked again for each candidate.
        let named_in_full: OnceCell<HashMap<&str, Vec<usize>>> = OnceCell::new();
        for m in maybes {
            let linked = out.iter().any(|c| {
                c.kind == CandKind::Person
                    && (self.coordinated(c.last, m.first) || self.coordinated(m.last, c.first))
            });
            // A known person's lone surname recurs as this person's only after a word that opens
            // a known name ("Abid Qureshi ... Qureshi"), not after any capitalised word ("Absent
            // Trump ... Trump").
            let surnames_count = self.gazetteer.opens_a_known_name(self.word(m.first));
            // A recurrence at a sentence's start vouches only for a name opened by a known given
            // name ("the outsider Calin Georgescu ... Georgescu, a critic"), not for a team or a
            // title that a place or a word opens ("Highveld Lions", "The Truth About Hillary").
            let own_capital = !self.toks[m.first].has(F_START) && (surnames_count || self.is(m.first, GIVEN));
            // A word the text also writes in lower case, opening a name that only its recurring
            // last word vouches for, is a word capitalised at a sentence's start or in a name of
            // something else ("Young Latinos and …", "Special Operations fill the gap"), unless
            // it is a given name ("Mark Barden"), an initial or a particle ("Van Persie").
            let particle = || self.cues.particles.contains(&self.word(m.first).to_lowercase());
            let initial = self.word(m.first).len() == 1;
            let common_opener =
                || !initial && !self.is(m.first, GIVEN) && !particle() && self.written_in_lower_case(m.first);
            // At a sentence's start, where any word is capitalised, the recurring surname is
            // another's when someone else bears it in full ("Understated Perez raises profile …
            // Labor Secretary Thomas Perez … Perez said"), unless a given name opens this name.
            let surname = self.word(m.last - 1);
            let borne = || {
                let full = |first: usize, last: usize| last - first >= 2 && self.word(last - 1) == surname;
                let named_in_full = named_in_full.get_or_init(|| {
                    let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::new();
                    for h in self.hits.iter().filter(|h| h.person.is_some() && !h.surname) {
                        let last = self.text[h.start..h.end].rsplit(' ').next().unwrap_or_default();
                        by_last_word.entry(last).or_default().push(h.start);
                    }
                    by_last_word
                });
                out.iter().any(|c| c.kind != CandKind::Org && full(c.first, c.last))
                    || named_in_full
                        .get(surname)
                        .is_some_and(|starts| starts.iter().any(|&start| start != self.toks[m.first].start))
            };
            if linked
                || (!self.in_headline(m.first)
                    && self.recurs_alone(m.last - 1, surnames_count, own_capital)
                    && !common_opener()
                    && (self.is(m.first, GIVEN) || !self.toks[m.first].has(F_START) || !borne()))
            {
                out.push(m);
            }
        }
        // In a headline in title case every word is capitalised, so a run with an organisation's
        // head word runs on through verbs ("Top Climate Group Will Run Ads Demanding GOP
        // Candidates To Address Clean Energy"): an unknown organisation found there counts only
        // when the text after the headline writes its name too.
        // So is an all-capitals heading inside the text ("OBAMA'S LAST STATE OF THE UNION",
        // "PARTY GOES ON"): an unknown organisation of several words written only in capitals
        // counts when the text also writes it otherwise, or names a company ("BLOCKBUSTER
        // ENTERTAINMENT CORP", as business news heads its items).
        const COMPANY: [&str; 10] =
            ["CORP", "CORPORATION", "INC", "CO", "LTD", "PLC", "LLC", "AG", "SA", "NETWORK"];
        out.retain(|c| {
            let name = || &self.text[toks[c.first].start..toks[c.last - 1].end];
            let company = || COMPANY.contains(&self.word(c.last - 1).trim_end_matches('.'));
            let shouted =
                c.last - c.first >= 2 && (c.first..c.last).all(|k| toks[k].has(F_ALLCAPS)) && !company();
            // (Rare enough that lower-casing the whole text costs nothing that matters.)
            let written_otherwise = || {
                let any_case = self.text.to_lowercase().matches(&name().to_lowercase()).count();
                any_case > self.text.matches(name()).count()
            };
            c.kind != CandKind::Org
                || ((toks[c.first].start >= self.headline_end || self.after_headline.contains(name()))
                    && (!shouted || written_otherwise()))
        });
        out.sort_by_key(|c| c.first);
        out
    }

    /// One past the last token of the run of capitalised words starting at token `a`: words
    /// joined by spaces, outside gazetteer hits, with lower-case particles inside ("Osama bin
    /// Laden"), ending after a possessive.
    fn run_end(&self, a: usize) -> usize {
        let toks = self.toks;
        let n = toks.len();
        let mut j = a + 1;
        // Where the run went on across a group's possessive (see `group_possessive`).
        let mut crossed = None;
        while j < n && (self.hit(j).is_none() || self.surname_not_org(j)) {
            let joined = if toks[j - 1].has(F_POSS) {
                let group = crossed.is_none() && self.group_possessive(j);
                if group {
                    crossed = Some(j);
                }
                group
            } else {
                toks[j].has(F_JOINED)
            };
            if !joined {
                break;
            }
            let inner_particle = || {
                self.is_particle(j)
                    && j + 1 < n
                    && toks[j + 1].has(F_CAP | F_JOINED)
                    && toks[j + 1].has(F_JOINED)
                    && self.hit(j + 1).is_none()
            };
            if !(toks[j].has(F_CAP) || inner_particle()) {
                break;
            }
            j += 1;
        }
        // The words after a group's possessive stay in the run only when they name a body
        // ("Workers' Party"), not an occasion or a place ("Teachers' Day", "Children's Park").
        match crossed {
            Some(c) if !(c..j).any(|k| self.is(k, HEADS)) => c,
            _ => j,
        }
    }

    /// True when the possessive ending token `j - 1` is a group's, inside an organisation's name
    /// ("Kurdistan Workers' Party", "Iranian Students' News Agency", "Uganda People's Defence
    /// Force"): a plural's bare apostrophe, or the `'s` of a plural without an `s` (`roles.tsv`
    /// kind `collective`), then one space and a capitalised word. A person's possessive ("Bush's
    /// National Security Council") never is one: it is an `'s` after a name. Nor is a plural
    /// that the text capitalises elsewhere on its own, which is a name ("Sanders' Senate
    /// campaign" after "Bernie Sanders", "the Democrats' Senate majority" after "the Democrats"),
    /// in a headline also where the text after it does.
    fn group_possessive(&self, j: usize) -> bool {
        let (before, after) = (&self.toks[j - 1], &self.toks[j]);
        let gap = &self.text[before.end..after.start];
        let word = self.word(j - 1);
        let plural = word.ends_with('s') && matches!(gap, "' " | "\u{2019} ");
        let collective =
            || matches!(gap, "'s " | "\u{2019}s ") && self.cues.collective.contains(&word.to_lowercase());
        let a_name_elsewhere = || {
            let alone = |t: &Tok| t.has(F_CAP) && !t.has(F_POSS | F_START);
            self.toks.iter().enumerate().any(|(k, t)| k != j - 1 && alone(t) && self.word(k) == word)
                || (self.in_headline(j - 1) && writes_alone(self.after_headline, word))
        };
        after.has(F_CAP) && (plural || collective()) && !a_name_elsewhere()
    }

    /// A person named after a title, `of` and the office's field: "Assistant Minister of
    /// Commerce Fu Ziying", "Minister of Labor and Social Security Tian Chengping", "Secretary of
    /// the Interior Gale Norton". `a` is the first capitalised word after `of` (or `of the`).
    ///
    /// Without this, the field and the name made one run of capitals, which was read as an
    /// organisation ("Commerce Fu Ziying": "Commerce" is an organisation's head word) or as a
    /// person with the field in the name ("Affairs Per Stig Moeller"). The person's title is the
    /// whole office, from the title words before `of` to the last word of the field.
    fn office_of_department(&self, a: usize) -> Option<Candidate> {
        let toks = self.toks;
        let n = toks.len();
        let joined = |k: usize| toks[k].has(F_JOINED);
        // `of` (or `of the`) right before, and a capitalised office noun right before that.
        let of_at = match a.checked_sub(1).map(|k| self.word(k)) {
            Some("of") => a - 1,
            Some("the") if a >= 2 && self.word(a - 2) == "of" => a - 2,
            _ => return None,
        };
        let office = of_at.checked_sub(1)?;
        let after_office = joined(a)
            && (of_at + 1..a).all(joined)
            && joined(of_at)
            && toks[office].has(F_CAP)
            && !toks[office].has(F_POSS)
            && self.is(office, TITLES | HONORIFICS);
        if !after_office {
            return None;
        }
        // The field: department words, maybe two joined by "and" ("Labor and Social Security").
        let field = |k: usize| {
            k < n && joined(k) && toks[k].has(F_CAP) && self.hit(k).is_none() && self.is(k, DEPARTMENTS)
        };
        let mut s = a;
        loop {
            if field(s) && !toks[s].has(F_POSS) {
                s += 1;
            } else if s > a && s + 1 < n && matches!(self.word(s), "and" | "&") && joined(s) && field(s + 1) {
                s += 2;
            } else {
                break;
            }
        }
        // "Archbishop of Canterbury Rowan Williams", "Bishop of Durham Ana Vale": a see or a
        // place of one word, then a name of two words or more.
        let place_field = s == a && self.hit(a).is_none() && self.run_end(a) - a >= 3 && !self.is(a, GIVEN);
        if place_field {
            s = a + 1;
        }
        if s == a || s >= n || !joined(s) || self.hit(s).is_some() {
            return None;
        }
        if !toks[s].has(F_CAP) || !self.text[toks[s].start..].starts_with(char::is_uppercase) {
            return None;
        }
        let b = self.run_end(s);
        // "Chief of Staff Lieutenant General Dan Halutz": ranks after the field are the title's.
        while s + 1 < b && self.is_titlish(s) {
            s += 1;
        }
        // "Minister of Child Welfare Edward Mabiza": a field word this list lacks comes first,
        // and the name starts at a given name.
        if !self.is(s, GIVEN) {
            if let Some(k) = (s + 1..b.saturating_sub(1)).find(|&k| self.is(k, GIVEN)) {
                s = k;
            }
        }
        // (A field of more words is an organisation's, or a department's: "Managing Director of
        // Sosoliso Airlines Oscar Ikwuemesi", "Director of Criminal Investigation Adadi Rajabu".)
        if place_field && (s != a + 1 || classify::abstract_noun(self.word(s))) {
            return None;
        }
        let mut e = b;
        while e > s + 1 && self.is(e - 1, TIME) {
            e -= 1;
        }
        let plausible = e - s <= 4
            && !self.is_titlish(e - 1)
            && (s..e)
                .all(|k| !toks[k].has(F_ALLCAPS | F_DIGIT) && !self.is(k, NOTNAME) && !self.is(k, HEADS));
        if !plausible {
            return None;
        }
        // The title's words before the office noun ("Assistant", "Deputy Prime").
        let mut t = office;
        while t > 0
            && joined(t)
            && toks[t - 1].has(F_CAP)
            && self.hit(t - 1).is_none()
            && !toks[t - 1].has(F_POSS)
            && self.is_titlish(t - 1)
        {
            t -= 1;
        }
        let kind = self.known(s, e).map_or(CandKind::Person, CandKind::Known);
        Some(Candidate { kind, first: s, last: e, title: Some((t, s)), country_hit: self.country_before(t) })
    }

    /// The known person named by tokens `s..e`, also when a middle initial is added to the name
    /// the gazetteer knows ("John F. Kerry" for John Kerry).
    fn known(&self, s: usize, e: usize) -> Option<u32> {
        let name = &self.text[self.toks[s].start..self.toks[e - 1].end];
        if let Some(p) = self.gazetteer.known_person(name, self.date) {
            return Some(p);
        }
        let initial = |k: usize| {
            let t = &self.toks[k];
            t.end - t.start == 1 && self.text[t.end..].starts_with('.')
        };
        if e - s != 3 || !initial(s + 1) {
            return None;
        }
        let short = format!("{} {}", self.word(s), self.word(s + 2));
        let p = self.gazetteer.known_person(&short, self.date)?;
        // "George P. Bush" is not the George W. Bush the gazetteer knows by "George Bush": a
        // known name with an initial of its own must have this one.
        let own_initial = self.gazetteer.persons[p as usize]
            .name
            .split(' ')
            .find(|w| w.len() >= 2 && w.ends_with('.') && w.len() <= 4);
        own_initial
            .is_none_or(|own| own.as_bytes().first() == self.word(s + 1).as_bytes().first())
            .then_some(p)
    }

    /// True when the word of token `i` appears elsewhere as a lone capitalised word (not next to
    /// another capitalised word, not a gazetteer match, except a known person's lone surname when
    /// `surnames_count`: "Qureshi" recurring after "Abid Qureshi" may be this Qureshi's, whatever
    /// Qureshi the gazetteer knows). A sentence's first word counts only when `at_starts`.
    fn recurs_alone(&self, i: usize, surnames_count: bool, at_starts: bool) -> bool {
        let toks = self.toks;
        let word = self.word(i);
        // At a sentence's start any word is capitalised, so a recurrence there counts only for a
        // name whose own words are capitalised mid-sentence ("the outsider Calin Georgescu ...
        // Georgescu, a critic of NATO"; not "Actress Amandla Stenberg" opening a sentence), and
        // only for a word the text never writes in lower case.
        let never_lower = at_starts && !self.written_in_lower_case(i);
        // Most tokens differ from the word in length or first byte: those are told apart on the
        // token itself, before any other table is read (this runs over every token of the text).
        let (len, first) = (word.len(), word.as_bytes().first());
        let bytes = self.text.as_bytes();
        // The question, apart from `k != i`, depends on the word and these two flags only: the
        // first two tokens it holds for answer it for every writing of the word.
        let question = RECURS_ALONE + usize::from(surnames_count) + 2 * usize::from(never_lower);
        let found = self.respellings.first_two(self.text, toks, word, question, |k| {
            toks[k].end - toks[k].start == len
                && bytes.get(toks[k].start) == first
                && self.hit(k).is_none_or(|h| surnames_count && self.hits[h].surname)
                && (!toks[k].has(F_START) || never_lower)
                && self.word(k) == word
                && !(toks[k].has(F_JOINED) && k > 0 && toks[k - 1].has(F_CAP))
                && !(k + 1 < toks.len() && toks[k + 1].has(F_JOINED) && toks[k + 1].has(F_CAP))
                // "the Broncos", "the Tigers": a team's name in the plural, never a person's
                // ("the Gonzalez family" is).
                && !(toks[k].has(F_JOINED) && k > 0 && self.word(k - 1) == "the" && word.ends_with('s'))
        });
        found.into_iter().flatten().any(|k| k != i)
    }

    /// True when the text writes token `i`'s word in lower case somewhere.
    fn written_in_lower_case(&self, i: usize) -> bool {
        let word = self.word(i);
        let [found, _] = self.respellings.first_two(self.text, self.toks, word, WRITTEN_IN_LOWER_CASE, |k| {
            let t = &self.toks[k];
            t.end - t.start == word.len()
                && !t.has(F_CAP)
                && self.text[t.start..t.end].eq_ignore_ascii_case(word)
        });
        found.is_some()
    }

    /// True when tokens `end - 1` and `start` are joined by "and" or a comma.
    fn coordinated(&self, end: usize, start: usize) -> bool {
        if end == 0 || start < end {
            return false;
        }
        match start - end {
            0 => self.toks[end - 1].has(F_COMMA),
            1 => self.word(end) == "and" && !self.toks[end - 1].has(F_COMMA),
            _ => false,
        }
    }

    /// The first token of the fields of an organisation written before the "and" that token
    /// `first` follows: department words (and modifiers) joined by spaces, at least one of them a
    /// department ("Securities and Exchange Commission", "National Development and Reform
    /// Commission", "Immigration and Naturalization Service"). Names ("Hamas and Fatah", "Westpac
    /// and Bank of Melbourne") are no fields.
    fn fields_before_and(&self, first: usize) -> Option<usize> {
        let and = first.checked_sub(1)?;
        if self.word(and) != "and" || !self.toks[first].has(F_JOINED) || !self.toks[and].has(F_JOINED) {
            return None;
        }
        let mut k = and;
        while k > 0 {
            let p = k - 1;
            let field = self.is(p, DEPARTMENTS) || self.is(p, MODIFIERS);
            if !self.toks[p].has(F_CAP) || !field {
                break;
            }
            k = p;
            if !self.toks[p].has(F_JOINED) || self.toks[p].has(F_START) {
                break;
            }
        }
        // Fields after "of", "for" or "and" are another organisation's ("Ministry of Science and
        // Technology Department", "Physicians for Human Rights and Middle East Watch").
        let owned = k > 0 && matches!(self.word(k - 1), "of" | "for" | "and") && self.toks[k].has(F_JOINED);
        (!owned && (k..and).any(|i| self.is(i, DEPARTMENTS))).then_some(k)
    }

    /// True when token `i` (or its singular) is a title, honorific or modifier.
    fn is_titlish(&self, i: usize) -> bool {
        self.is(i, TITLISH)
    }

    /// True when token `i` may stand before a surname without being a given name: a title,
    /// honorific, modifier or role (or its plural: "Senators Levin"), or a word that is never
    /// part of a name ("Republican Trump").
    pub fn qualifies_a_name(&self, i: usize) -> bool {
        self.is_titlish(i) || self.is_role(i) || self.is(i, NOTNAME)
    }

    /// True when tokens `a..b` name a body any state has, in words of offices alone: one head
    /// word, modifiers and fields of an office, joined by `of`, `the` and `and` ("Foreign
    /// Ministry", "Ministry of Science and Technology", "Supreme Court"), a trailing day aside.
    /// Two head words make a name of its own ("News Agency").
    fn generic_body(&self, a: usize, b: usize) -> bool {
        let mut heads = 0;
        (a..b).all(|k| {
            let bits = self.classes(k);
            let head = bits & HEADS != 0;
            heads += usize::from(head);
            head || bits & (JOINERS | TIME | MODIFIERS | DEPARTMENTS) != 0
        }) && heads <= 1
    }
}

/// True when `text` writes `word` as a word of its own, not as a possessive ("Bernie Sanders
/// in", not "Sanders' Senate").
fn writes_alone(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '\u{2019}')
    })
}
