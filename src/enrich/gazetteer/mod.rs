//! The gazetteer: every alias of every known actor in one aho-corasick automaton.
//!
//! Built once from `countries.tsv`, `organizations.tsv`, `people.tsv` and `roles.tsv` (formats in
//! `index-config/README.md`; loading is in `load.rs`). Matching is leftmost-longest and
//! ASCII-case-insensitive (aliases and text are ASCII-lower-cased, which keeps byte offsets); the
//! case rules of each alias (acronyms must match exactly, capitalised words must stay
//! capitalised) and word boundaries are checked by [`Gazetteer::find`], so one pass over the body
//! finds every alias.

mod load;

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;
use jiff::civil::Date;

/// A country of `countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// Canonical short name.
    pub name: String,
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
        let dated: Vec<&Role> = self.roles.iter().filter(|r| r.from.is_some() || r.to.is_some()).collect();
        if dated.is_empty() {
            return true;
        }
        let early = d.saturating_sub(jiff::Span::new().years(10));
        let late = d.saturating_add(jiff::Span::new().years(1));
        dated.iter().any(|r| r.from.is_none_or(|f| f <= late) && r.to.is_none_or(|t| t >= early))
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

/// One meaning of one alias, with the rules that decide whether a match counts.
#[derive(Debug, Clone)]
struct Meaning {
    target: Target,
    /// The exact spelling required (acronyms written in capitals only).
    exact: Option<Box<str>>,
    /// `~` in countries.tsv, or a one-word person alias: ignored when glued to another name.
    ambiguous: bool,
    /// A capital or seat of government.
    metonym: bool,
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
    pub titles: HashSet<String>,
    /// Courtesy and rank words before a name ("mr", "sheikh"), lower-case.
    pub honorifics: HashSet<String>,
    /// Words that only qualify a title ("foreign", "prime"), lower-case.
    pub modifiers: HashSet<String>,
    /// Role nouns ("spokesman"), lower-case.
    pub roles: HashSet<String>,
    /// Given names, lower-case.
    pub given: HashSet<String>,
    /// Lower-case particles allowed inside names ("bin").
    pub particles: HashSet<String>,
    /// Capitalised words that are never part of a person's name, lower-case.
    pub notname: HashSet<String>,
    /// Organisation head words ("ministry"), lower-case.
    pub heads: HashSet<String>,
    /// Verbs that mostly take a person as subject ("scored"), lower-case.
    pub verbs: HashSet<String>,
    /// Speech verbs ("said"), lower-case.
    pub speech: HashSet<String>,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    automaton: AhoCorasick,
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
    keys: HashMap<String, String>,
    /// Normalised full name -> the persons bearing it.
    book: HashMap<String, Vec<u32>>,
}

/// The lookup form of a name: lower-case, runs of white space made single spaces.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

impl Gazetteer {
    /// Every verified alias match in `text`, in order; `date` picks among persons sharing an
    /// alias and decides whether a lone surname counts.
    pub fn find(&self, text: &str, date: Option<Date>) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let folded = text.to_ascii_lowercase();
        let mut pos = 0;
        while let Some(m) = self.automaton.find(aho_corasick::Input::new(&folded).range(pos..)) {
            let (start, end) = (m.start(), m.end());
            // A rejected match must not hide a valid one starting inside it ("The Un" in "The
            // United States"): resume just after its first character.
            pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
            if !boundary_before(text, start) || !boundary_after(text, end) {
                continue;
            }
            let capitals_ok = capitals_match(&self.patterns[m.pattern().as_usize()], &text[start..end]);
            let mut hit =
                Hit { start, end, country: None, org: None, person: None, surname: false, blocked: false };
            let mut best_fit = 0u8;
            for meaning in &self.meanings[m.pattern().as_usize()] {
                if meaning.exact.as_deref().is_some_and(|e| e.as_bytes() != &bytes[start..end]) {
                    continue;
                }
                if !capitals_ok {
                    continue;
                }
                if meaning.ambiguous && self.glued(text, start, end) {
                    continue;
                }
                match meaning.target {
                    Target::Block => hit.blocked = true,
                    Target::Country(i) => {
                        if hit.country.is_none() {
                            hit.country = Some((i, meaning.metonym));
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
    /// Georgia").
    fn glued(&self, text: &str, start: usize, end: usize) -> bool {
        let before = &text[..start];
        let prev = before.strip_suffix(' ').map(last_word);
        if let Some(w) = prev {
            // "George W. Bush", "Bingu wa Mutharika": an initial or a particle glues too.
            let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase());
            if initial || self.cues.particles.contains(w) {
                return true;
            }
            let lower = w.to_lowercase();
            let lower = lower.trim_end_matches('.');
            let cue = |set: &HashSet<String>| set.contains(lower);
            if is_capitalised(w)
                && !cue(&self.cues.titles)
                && !cue(&self.cues.honorifics)
                && !cue(&self.cues.modifiers)
                && !cue(&self.cues.notname)
            {
                return true;
            }
        }
        if let Some(w) = before.strip_suffix(", ").map(last_word) {
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

    /// The known person named exactly `name` (a run of capitalised words of a text), the best fit
    /// for `date` when several share the name.
    pub fn known_person(&self, name: &str, date: Option<Date>) -> Option<u32> {
        let list = self.book.get(&name_key(name))?;
        list.iter().copied().max_by_key(|&p| (self.persons[p as usize].fit(date), std::cmp::Reverse(p)))
    }

    /// The key of a user's actor name, alias, code, demonym or capital (case-insensitive).
    pub fn resolve(&self, name: &str) -> Option<String> {
        let lower = name.trim().to_lowercase();
        if let Some(k) = self.keys.get(&lower) {
            return Some(k.clone());
        }
        // "the United States", "the Kremlin"
        lower.strip_prefix("the ").and_then(|rest| self.keys.get(rest.trim()).cloned())
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

fn boundary_before(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
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

fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
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
