//! The gazetteer: every alias of every known actor in one aho-corasick automaton (`aliases.rs`).
//!
//! Built once from `countries.tsv`, `organizations.tsv`, `people.tsv` and `roles.tsv` (formats in
//! `index-config/README.md`; loading is in `load.rs`). Matching is leftmost-longest and
//! ASCII-case-insensitive (aliases are ASCII-lower-cased and the automaton folds the text's ASCII
//! case, which keeps byte offsets): [`Gazetteer::find`] searches the automaton anchored at each word
//! start for the longest alias there, then checks the case rules of the alias (acronyms must match exactly,
//! capitalised words must stay capitalised) and the word boundary after it, so one pass over the
//! body finds every alias.

mod aliases;
mod load;

use jiff::civil::Date;

use crate::enrich::hash::{WordMap, WordSet};
use aliases::Aliases;

/// A country of `countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// Canonical short name.
    pub name: String,
    /// Its people's names are written family name first ("Xi Jinping", "Kim Jong Un"): a lone
    /// first word may then be the person's surname (`family-first` in the sixth column).
    pub family_name_first: bool,
}

/// One dated role of a person.
#[derive(Debug, Clone)]
pub struct Role {
    /// The role's title ("US Secretary of State"), possibly empty.
    pub title: String,
    /// First day, if known.
    pub from: Option<Date>,
    /// Last day, if known (none: still in office).
    pub to: Option<Date>,
}

impl Role {
    /// True when the role is held on `date`.
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A person of `people.tsv`.
#[derive(Debug, Clone)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// The person's country (alpha-3), if known.
    pub country: Option<String>,
    /// Roles, in file order.
    pub roles: Vec<Role>,
}

impl Person {
    /// The title of the role held on `date`; without a date, the last role listed.
    pub fn role_on(&self, date: Option<Date>) -> Option<&str> {
        let role = match date {
            Some(d) => self.roles.iter().rev().find(|r| r.holds_on(d)),
            None => self.roles.last(),
        };
        role.map(|r| r.title.as_str()).filter(|t| !t.is_empty())
    }

    /// True when the person is plausibly in the news on `date`: a role held within ten years
    /// before it (or one year after), or no dated role at all.
    fn active_near(&self, date: Option<Date>) -> bool {
        let Some(d) = date else { return true };
        let mut dated = self.roles.iter().filter(|r| r.from.is_some() || r.to.is_some()).peekable();
        if dated.peek().is_none() {
            return true;
        }
        let early = d.saturating_sub(jiff::Span::new().years(10));
        let late = d.saturating_add(jiff::Span::new().years(1));
        dated.any(|r| r.from.is_none_or(|f| f <= late) && r.to.is_none_or(|t| t >= early))
    }

    /// How well the person fits `date`: 2 when a role is held then, 1 when active near it.
    fn fit(&self, date: Option<Date>) -> u8 {
        match date {
            Some(d) if self.roles.iter().any(|r| r.holds_on(d) && (r.from.is_some() || r.to.is_some())) => 2,
            _ if self.active_near(date) => 1,
            _ => 0,
        }
    }
}

/// An organisation of `organizations.tsv`.
#[derive(Debug, Clone)]
pub struct Org {
    /// Canonical name.
    pub name: String,
    /// The state it belongs to (alpha-3), if any.
    pub country: Option<String>,
}

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into [`Gazetteer::countries`].
    Country(u32),
    /// Index into [`Gazetteer::persons`].
    Person(u32),
    /// Index into [`Gazetteer::orgs`].
    Org(u32),
    /// A name that hides a shorter country name ("Latin America").
    Block,
}

/// How an alias names its target: by a name, by a demonym or adjective ("Russian"), or by a
/// capital or seat of government ("Moscow", "the Kremlin").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A name or an alias.
    Name,
    /// A demonym or adjective (countries only).
    Demonym,
    /// A capital or seat of government (countries only): a metonym.
    Seat,
}

/// One meaning of one alias, with the rules that decide whether a match counts.
#[derive(Debug, Clone)]
struct Meaning {
    target: Target,
    /// The exact spelling required (acronyms written in capitals only).
    exact: Option<Box<str>>,
    /// `~` in countries.tsv, or a one-word person alias: ignored when glued to another name.
    ambiguous: bool,
    /// How the alias names its target.
    form: Form,
    /// A one-word person alias (a surname), counted only while the person is active.
    surname: bool,
}

/// A verified gazetteer match in a text.
#[derive(Debug, Clone)]
pub struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The country named, with whether the match is a metonym.
    pub country: Option<(u32, bool)>,
    /// The country is named by a demonym or adjective ("Russian").
    pub demonym: bool,
    /// The organisation named.
    pub org: Option<u32>,
    /// The person named (the best fit for the date when several share the alias).
    pub person: Option<u32>,
    /// The person match is a lone surname.
    pub surname: bool,
    /// The match is a demonym or name of a country used as a blocker only.
    pub blocked: bool,
}

/// Word lists that reveal names in running text (`roles.tsv` and the speech verbs).
#[derive(Debug, Default)]
pub struct Cues {
    /// Office nouns written before a name ("president", "minister"), lower-case.
    pub titles: WordSet,
    /// Courtesy and rank words before a name ("mr", "sheikh"), lower-case.
    pub honorifics: WordSet,
    /// Courtesy titles that say nothing of the name after them ("mr", "ms"): a given name after
    /// one is a surname ("Ms. Kelly"), lower-case. Also among the honorifics.
    pub courtesy: WordSet,
    /// Titles of monarchs, princes and popes ("king", "prince", "pope"), lower-case, after which
    /// a given name alone is the whole name ("Prince William"). Also among the honorifics.
    pub regnal: WordSet,
    /// Generational suffixes written after a surname ("jr", "iii"), lower-case and without a
    /// period: a later lone surname is the word before one ("Romeo Brawner Jr." … "Brawner").
    pub suffixes: WordSet,
    /// Abbreviated ranks, lower-case and without their period ("sen"), with the word they stand
    /// for as written in a role ("Senator").
    pub spelled: WordMap<String>,
    /// Honorifics that are no office ("mr", "sir", "dr"), lower-case and without a period: never
    /// a person's role on their own.
    pub norole: WordSet,
    /// Places that are no country ("iowa", "new york"), lower-case: a sentence opener starting
    /// one ("New") is part of the place, not a word to strip; one ending a longer name is no
    /// part of it ("Bernie Sanders Iowa campaign").
    pub places: WordSet,
    /// Words that only qualify a title ("foreign", "prime"), lower-case.
    pub modifiers: WordSet,
    /// Fields of an office written after `of` ("commerce", "affairs"), lower-case.
    pub departments: WordSet,
    /// Role nouns ("spokesman"), lower-case.
    pub roles: WordSet,
    /// Nouns that describe a person but are adjectives too ("official"), lower-case: a name
    /// only when one heads an apposition ("Ann Smith, a city official, said").
    pub describers: WordSet,
    /// Given names, lower-case.
    pub given: WordSet,
    /// Words that say a person is a woman: given names, courtesy titles ("mrs"), nouns
    /// ("spokeswoman"), lower-case (`roles.tsv` kind `female`).
    pub female: WordSet,
    /// Words that say a person is a man (`roles.tsv` kind `male`), lower-case.
    pub male: WordSet,
    /// Lower-case particles allowed inside names ("bin").
    pub particles: WordSet,
    /// Words saying that a role written after them is no longer held ("former", "ousted"),
    /// lower-case (`roles.tsv` kind `past`).
    pub past: WordSet,
    /// Plural nouns without an `s` whose possessive sits inside organisations' names
    /// ("people", as in "Uganda People's Defence Force"), lower-case.
    pub collective: WordSet,
    /// Capitalised words that are never part of a person's name, lower-case.
    pub notname: WordSet,
    /// Organisation head words ("ministry"), lower-case.
    pub heads: WordSet,
    /// The head words that `of` and a name may follow ("Ministry of Health"), lower-case.
    pub heads_of: WordSet,
    /// Verbs that mostly take a person as subject ("scored"), lower-case.
    pub verbs: WordSet,
    /// Speech verbs ("said"), lower-case.
    pub speech: WordSet,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    /// Every alias, ASCII-lower-cased, walked from each word start.
    aliases: Aliases,
    patterns: Vec<String>,
    meanings: Vec<Vec<Meaning>>,
    /// All countries.
    pub countries: Vec<Country>,
    /// All known persons.
    pub persons: Vec<Person>,
    /// All known organisations.
    pub orgs: Vec<Org>,
    /// Cue words.
    pub cues: Cues,
    /// Lower-case name, alias, code, demonym or seat -> actor key.
    keys: WordMap<String>,
    /// Normalised full name -> the persons bearing it.
    book: WordMap<Vec<u32>>,
    /// The first words of the full names in `book`: words that open some known person's name.
    openers: WordSet,
    /// The codes of the countries whose names are written family name first (a handful: looked
    /// up for every person named in an article).
    family_first: Vec<String>,
}

/// The lookup form of a name: lower-case, runs of white space made single spaces.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_name_key(&mut key, name);
    key
}

/// Appends [`name_key`]`(name)` to `key` (to build keys in a reused buffer).
fn push_name_key(key: &mut String, name: &str) {
    let from = key.len();
    for word in name.split_whitespace() {
        if key.len() > from {
            key.push(' ');
        }
        if word.is_ascii() {
            // The common case, without decoding characters one by one.
            let at = key.len();
            key.push_str(word);
            key[at..].make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

/// Calls `f` with the [`name_key`] of `name`. Called for every sub-run of capitalised words:
/// short ASCII keys are built on the stack.
fn with_name_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 96];
    match ascii_name_key(name, &mut buf) {
        Some(key) => f(key),
        None => f(&name_key(name)),
    }
}

/// [`name_key`]`(name)` written into `buf`, for an ASCII name whose key fits.
fn ascii_name_key<'a>(name: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    if !name.is_ascii() {
        return None;
    }
    let mut len = 0;
    for word in name.split_whitespace() {
        if len > 0 {
            *buf.get_mut(len)? = b' ';
            len += 1;
        }
        let dest = buf.get_mut(len..len + word.len())?;
        dest.copy_from_slice(word.as_bytes());
        dest.make_ascii_lowercase();
        len += word.len();
    }
    std::str::from_utf8(&buf[..len]).ok()
}

impl Gazetteer {
    /// Every verified alias match in `text`, in order; `date` picks among persons sharing an
    /// alias and decides whether a lone surname counts.
    pub fn find(&self, text: &str, date: Option<Date>) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        // No match may start before the end of the last accepted hit.
        let mut pos = 0;
        let mut prev_alnum = false;
        // A match must start a word, so the automaton is only searched anchored at word starts, for the
        // longest alias there. This finds what a leftmost-longest scan of the whole text would,
        // resuming one character after each rejected match (so a rejected "The Un" in "The
        // United States" never hides a valid match starting inside it), without looking for
        // aliases inside words.
        //
        // Stepped by bytes, decoding only non-ASCII characters: most of the text is ASCII, and this
        // loop visits all of it.
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            let start = at;
            let alnum = if b.is_ascii() {
                at += 1;
                let alnum = b.is_ascii_alphanumeric();
                if alnum {
                    // The rest of an ASCII word starts nothing: skipped whole, rather than
                    // each of its bytes going through the checks below.
                    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                        at += 1;
                    }
                }
                alnum
            } else {
                let c = text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                at += c.len_utf8();
                c.is_alphanumeric()
            };
            let word_start = !prev_alnum;
            prev_alnum = alnum;
            if start < pos || !word_start {
                continue;
            }
            let Some((mut end, mut pattern)) = self.aliases.longest_at(bytes, start) else {
                continue;
            };
            // The longest alias may end inside a word ("US Congress" in "US congressional"):
            // the longest that ends where a word does is the match.
            while !boundary_after(text, end) {
                let Some(shorter) = self.aliases.longest_below(bytes, start, end) else { break };
                (end, pattern) = shorter;
            }
            if !boundary_after(text, end) {
                continue;
            }
            let mut capitals_ok = capitals_match(&self.patterns[pattern], &text[start..end]);
            // "the Abu Sayyaf group": an alias written otherwise ("Abu Sayyaf Group") yields to
            // the longest one written as it is ("Abu Sayyaf").
            while !capitals_ok {
                let Some((shorter, p)) = self.aliases.longest_below(bytes, start, end) else { break };
                (end, pattern) = (shorter, p);
                capitals_ok =
                    boundary_after(text, end) && capitals_match(&self.patterns[pattern], &text[start..end]);
            }
            let mut hit = Hit {
                start,
                end,
                country: None,
                demonym: false,
                org: None,
                person: None,
                surname: false,
                blocked: false,
            };
            let mut best_fit = 0u8;
            for meaning in &self.meanings[pattern] {
                if meaning.exact.as_deref().is_some_and(|e| e.as_bytes() != &bytes[start..end]) {
                    continue;
                }
                if !capitals_ok {
                    continue;
                }
                // "Peruvian Congress", "Peru's Congress": a country's name or adjective before a
                // body's name glues nothing to it, but says whose the body is. Nor does a comma
                // glue a body's name to a place ("Lindsey Graham, Congress' most zealous").
                let org = matches!(meaning.target, Target::Org(_));
                if meaning.ambiguous
                    && self.glued(text, start, end, org)
                    && !(org && after_country(&hits, text, start))
                {
                    continue;
                }
                match meaning.target {
                    Target::Block => hit.blocked = true,
                    Target::Country(i) => {
                        if hit.country.is_none() {
                            hit.country = Some((i, meaning.form == Form::Seat));
                            hit.demonym = meaning.form == Form::Demonym;
                        }
                    }
                    Target::Org(i) => {
                        if hit.org.is_none() {
                            hit.org = Some(i);
                        }
                    }
                    Target::Person(i) => {
                        let person = &self.persons[i as usize];
                        let fit = person.fit(date);
                        if meaning.surname && fit == 0 {
                            continue;
                        }
                        // Full names always count; among several persons, the best fit wins.
                        let fit = fit + 1;
                        if fit > best_fit {
                            best_fit = fit;
                            hit.person = Some(i);
                            hit.surname = meaning.surname;
                        }
                    }
                }
            }
            if hit.country.is_some() || hit.org.is_some() || hit.person.is_some() || hit.blocked {
                hits.push(hit);
                pos = end;
            }
        }
        hits
    }

    /// True when the match at `start..end` is glued to another capitalised word, so it is part of
    /// a longer name ("George Washington", "Jordan Henderson"), or follows "Town, " ("Atlanta,
    /// Georgia"). A capitalised compound ending in lower case describes ("Republican-controlled
    /// Congress") and glues nothing.
    ///
    /// For an organisation's name (`org`), a comma glues nothing ("Lindsey Graham, Congress'
    /// most zealous"), and a word that is never a person's, capitalised within a sentence, glues
    /// ("the National Congress", "Provincial People's Congress"): only a sentence's first word
    /// may be capitalised for another reason ("In Congress"), and an article before a name is
    /// not of it ("The Guardian").
    fn glued(&self, text: &str, start: usize, end: usize, org: bool) -> bool {
        // An organisation's name may open with a possessive ("People's Congress"), read here
        // without its `'s`.
        let before = &text[..start];
        let possessive = ["'s ", "\u{2019}s "].iter().find_map(|s| before.strip_suffix(s)).filter(|_| org);
        // The word before, and the text before that word.
        let prev = possessive.or_else(|| before.strip_suffix(' ')).map(|b| {
            let w = last_word(b);
            (w, &b[..b.len() - w.len()])
        });
        if let Some((w, before_word)) = prev {
            // "George W. Bush", "George H.W. Bush", "Bingu wa Mutharika": initials or a
            // particle glue too.
            let initials = w.ends_with('.')
                && w.split('.')
                    .filter(|p| !p.is_empty())
                    .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase());
            if (initials && w.len() >= 2) || self.cues.particles.contains(w) {
                return true;
            }
            // "JD Vance": initials written without dots glue when they make a known name.
            let bare_initials = (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
            if bare_initials
                && with_name_key(&format!("{w} {}", &text[start..end]), |key| self.book.contains_key(key))
            {
                return true;
            }
            let lower = w.to_lowercase();
            let lower = lower.trim_end_matches('.');
            let cue = |set: &WordSet| set.contains(lower);
            let within_sentence = || {
                let trimmed = before_word.trim_end();
                !trimmed.is_empty()
                    && !before_word[trimmed.len()..].contains('\n')
                    && !trimmed.ends_with(['.', '!', '?', '"', '\u{201c}', ':', ';'])
            };
            if is_capitalised(w)
                && !described(w)
                && !cue(&self.cues.titles)
                && !cue(&self.cues.honorifics)
                && !cue(&self.cues.modifiers)
                && (!cue(&self.cues.notname) || org && !matches!(w, "The" | "A" | "An") && within_sentence())
            {
                return true;
            }
        }
        if let Some(w) = before.strip_suffix(", ").map(last_word).filter(|_| !org) {
            // "Atlanta, Georgia", but not "Iraq, Jordan": a known name before the comma is a list.
            let lower = w.to_lowercase();
            if is_capitalised(w) && !self.cues.notname.contains(&lower) && !self.keys.contains_key(&lower) {
                return true;
            }
        }
        let after = &text[end..];
        if let Some(rest) = after.strip_prefix(' ') {
            let w = first_word(rest);
            if is_capitalised(w) && !self.cues.notname.contains(&w.to_lowercase()) {
                return true;
            }
        }
        false
    }

    /// True when `word` opens the full name of some known person ("Abid", "Ivana"): mostly a
    /// given name, and in any case no word of the language ("Absent", "Given").
    pub fn opens_a_known_name(&self, word: &str) -> bool {
        with_name_key(word, |key| self.openers.contains(key))
    }

    /// The known person named exactly `name` (a run of capitalised words of a text), the best fit
    /// for `date` when several share the name.
    pub fn known_person(&self, name: &str, date: Option<Date>) -> Option<u32> {
        let list = with_name_key(name, |key| self.book.get(key))?;
        list.iter().copied().max_by_key(|&p| (self.persons[p as usize].fit(date), std::cmp::Reverse(p)))
    }

    /// The key of a user's actor name, alias, code, demonym or capital (case-insensitive),
    /// after any leading "the" and titles ("the Kremlin", "Secretary Blinken", "Mr. Putin").
    pub fn resolve(&self, name: &str) -> Option<String> {
        let lower = name.trim().to_lowercase();
        if let Some(k) = self.keys.get(&lower) {
            return Some(k.clone());
        }
        let cues = &self.cues;
        let titlish = |w: &str| {
            let w = w.trim_end_matches('.');
            w == "the" || cues.titles.contains(w) || cues.honorifics.contains(w) || cues.modifiers.contains(w)
        };
        let mut rest = lower.as_str();
        while let Some((first, after)) = rest.split_once(' ') {
            if !titlish(first) {
                break;
            }
            rest = after.trim_start();
            if let Some(k) = self.keys.get(rest) {
                return Some(k.clone());
            }
        }
        None
    }

    /// The name, alias, code, demonym or seat the gazetteer knows that is closest to `name`
    /// (lower-cased): within one edit, or two for names of six letters or more; of equally
    /// close ones the shortest, then the first in byte order. What a user who typed `name` and
    /// matched nothing likely meant (`pyongang` -> `pyongyang`); `None` for names under four
    /// letters or nothing that close.
    pub fn closest(&self, name: &str) -> Option<&str> {
        let typed = name_key(name);
        let letters = typed.chars().count();
        if letters < 4 {
            return None;
        }
        let limit = if letters >= 6 { 2 } else { 1 };
        self.keys
            .keys()
            .filter(|k| k.len().abs_diff(typed.len()) <= limit)
            .map(|k| (strsim::damerau_levenshtein(k, &typed), k))
            .filter(|&(distance, _)| distance <= limit)
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.len().cmp(&b.1.len())).then(a.1.cmp(b.1)))
            .map(|(_, k)| k.as_str())
    }

    /// True when the people of the country with alpha-3 `code` write their family name first
    /// (see [`Country::family_name_first`]).
    pub fn family_name_first(&self, code: &str) -> bool {
        self.family_first.iter().any(|c| c == code)
    }

    /// The country of an alpha-3 code, if known.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
}

/// True when every word the alias starts with a capital starts with one in the text too ("Islamic
/// State" is not "Islamic state"). The automaton folds ASCII case only, so both have the same bytes
/// up to case.
fn capitals_match(alias: &str, text: &str) -> bool {
    let (a, t) = (alias.as_bytes(), text.as_bytes());
    if a.len() != t.len() {
        return text.chars().next().is_some_and(char::is_uppercase);
    }
    (0..a.len()).all(|i| {
        let word_start = i == 0 || matches!(a[i - 1], b' ' | b'-');
        !(word_start && a[i].is_ascii_uppercase()) || t[i].is_ascii_uppercase()
    })
}

fn boundary_after(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

fn last_word(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(s.len());
    &s[..end]
}

/// True for a capitalised compound whose later parts are in lower case ("Republican-controlled",
/// "All-rounder"): a description, where a name's parts are capitalised ("Jean-Pierre").
pub(crate) fn described(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.split('-').skip(1).any(|part| part.starts_with(char::is_lowercase))
}

fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// True when the last of `hits` is a country's name or adjective (not its capital: "Moscow State
/// University" is one name) right before byte `start` of `text`, joined by a space or a
/// possessive.
fn after_country(hits: &[Hit], text: &str, start: usize) -> bool {
    hits.last().is_some_and(|h| {
        h.country.is_some_and(|(_, seat)| !seat)
            && text.get(h.end..start).is_some_and(|gap| matches!(gap, " " | "'s " | "\u{2019}s "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_config(&Config::builtin()).expect("built-in gazetteer loads")
    }

    #[test]
    fn resolves_codes_names_and_capitals() {
        let g = gazetteer();
        assert_eq!(g.resolve("PRK").as_deref(), Some("PRK"));
        assert_eq!(g.resolve("pyongyang").as_deref(), Some("PRK"));
        assert_eq!(g.resolve("the United States").as_deref(), Some("USA"));
        assert_eq!(g.resolve("blinken").as_deref(), Some("Antony Blinken"));
        assert_eq!(g.resolve("NATO").as_deref(), Some("North Atlantic Treaty Organization"));
        assert_eq!(g.resolve("Atlantis"), None);
        // Titles before a name, as a user may type them.
        assert_eq!(g.resolve("Secretary Blinken").as_deref(), Some("Antony Blinken"));
        assert_eq!(g.resolve("Mr. Blinken").as_deref(), Some("Antony Blinken"));
        assert_eq!(g.resolve("Secretary Atlantis"), None);
    }

    #[test]
    fn family_name_order_is_a_column_of_countries() {
        let g = gazetteer();
        assert!(g.family_name_first("CHN") && g.family_name_first("KOR") && !g.family_name_first("USA"));
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("countries.tsv"), "XXA\tXland\t\t\t\tfamily-last\n").expect("written");
        let config = Config::load(dir.path()).expect("the folder loads");
        let err = Gazetteer::countries_from_config(&config).expect_err("an unknown naming").to_string();
        assert!(err.contains("line 1") && err.contains("sixth column"), "{err}");
    }

    #[test]
    fn the_closest_known_name_to_a_typo() {
        let g = gazetteer();
        assert_eq!(g.closest("Pyongang"), Some("pyongyang"));
        assert_eq!(g.closest("Noth  Korea"), Some("north korea"), "within two edits, spaces folded");
        assert_eq!(g.closest("Narnia"), None);
        assert_eq!(g.closest("PRQ"), None, "too short to guess from");
    }

    #[test]
    fn courtesy_titles_are_honorifics_too() {
        let cues = &gazetteer().cues;
        assert!(cues.courtesy.contains("ms") && cues.honorifics.contains("ms"));
        assert!(cues.honorifics.contains("sheikh") && !cues.courtesy.contains("sheikh"));
    }

    #[test]
    fn stack_name_keys_equal_name_key() {
        let mut buf = [0u8; 96];
        for name in ["George  W. Bush", " Kofi\tAnnan ", "", "ABC"] {
            assert_eq!(ascii_name_key(name, &mut buf), Some(name_key(name).as_str()));
        }
        assert_eq!(ascii_name_key("Zoë Ball", &mut buf), None, "not ASCII");
        assert_eq!(ascii_name_key(&"Long ".repeat(30), &mut buf), None, "too long");
    }

    #[test]
    fn acronyms_need_their_case_and_names_a_capital() {
        let g = gazetteer();
        let hits = g.find("Let us talk turkey in Turkey, says the US.", None);
        let texts: Vec<&str> =
            hits.iter().map(|h| &"Let us talk turkey in Turkey, says the US."[h.start..h.end]).collect();
        assert_eq!(texts, ["Turkey", "US"]);
    }

    #[test]
    fn a_longer_alias_ending_inside_a_word_yields_to_a_shorter_one() {
        // "US Congress" is an alias; "US congressional" holds it but for the word's end.
        let g = gazetteer();
        let text = "A rapt audience filled a US congressional chamber.";
        let texts: Vec<&str> = g.find(text, None).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(texts, ["US"]);
    }

    #[test]
    fn congress_alone_is_the_us_congress_not_a_word_of_another_name() {
        let g = gazetteer();
        let congress = |text: &str| {
            let us =
                g.orgs.iter().position(|o| o.name == "US Congress").expect("the US Congress is known") as u32;
            g.find(text, None).iter().any(|h| h.org == Some(us) && &text[h.start..h.end] == "Congress")
        };
        assert!(congress("The bill was sent to Congress on Tuesday."));
        assert!(congress("It stalled in the Republican-controlled Congress."), "a description glues nothing");
        assert!(
            congress("Sen. Lindsey Graham, Congress' most zealous hawk, spoke."),
            "a comma glues no body"
        );
        assert!(congress("The Peruvian Congress approved a bill."), "the owner rule names Peru's");
        assert!(!congress("Sudan's ruling National Congress met."));
        assert!(!congress("the Guangdong Provincial People's Congress"));
        assert!(!congress("Atiku Abubakar's new party, the Action Congress (AC), said"));
        assert!(!congress("the Nepali Congress Party"));
    }

    #[test]
    fn a_longer_alias_written_otherwise_yields_to_a_shorter_one() {
        // "US Military", "UN Secretary General" and "Hang Seng Index" are aliases as written in
        // capitals; in lower case their first words still name the country, the body or the
        // index (before: nothing).
        let g = gazetteer();
        let text = "The US military and the UN secretary general watched the Hang Seng index.";
        let texts: Vec<&str> = g.find(text, None).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(texts, ["US", "UN", "Hang Seng"]);
    }

    #[test]
    fn ambiguous_names_glued_to_names_are_ignored() {
        let g = gazetteer();
        let text = "Michael Jordan visited Atlanta, Georgia, then Jordan.";
        let found: Vec<&str> = g
            .find(text, None)
            .iter()
            .filter(|h| h.country.is_some())
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, ["Jordan"]);
        assert_eq!(g.find(text, None).iter().filter(|h| h.country.is_some()).count(), 1);
    }
}
