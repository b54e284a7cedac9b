//! Loading the gazetteer files (formats in `index-config/README.md`) and building the alias automaton.

use std::collections::HashSet;

use jiff::civil::Date;

use super::aliases::Aliases;
use super::{push_name_key, Country, Cues, Form, Gazetteer, Meaning, Org, Person, Role, Target};
use crate::config::Config;
use crate::enrich::hash::{WordMap, WordSet};
use crate::error::{Error, Result};

/// Speech verbs used when `speech-verbs.txt` is empty.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "declared",
    "insisted",
    "noted",
    "warned",
    "stressed",
    "explained",
    "argued",
    "claimed",
    "asked",
    "replied",
    "urged",
    "wrote",
    "quoted",
    "confirmed",
    "denied",
    "admitted",
    "acknowledged",
    "recalled",
    "commented",
    "predicted",
    "cautioned",
    "suggested",
    "reported",
    "believes",
    "thinks",
];

/// Collects aliases before the automaton is built.
#[derive(Default)]
struct Builder {
    /// ASCII-lower-cased aliases, matched against text bytes folded the same way (which keeps
    /// byte offsets).
    patterns: Vec<String>,
    /// Each alias as first written, for the capitalisation check.
    forms: Vec<String>,
    meanings: Vec<Vec<Meaning>>,
    index: WordMap<usize>,
    keys: WordMap<String>,
    /// Persons' full names (and multi-word aliases), normalised by [`name_key`](super::name_key).
    book: WordMap<Vec<u32>>,
    /// The first words of those names, normalised the same way.
    openers: WordSet,
}

impl Builder {
    fn add(&mut self, alias: &str, target: Target, form: Form, key: &str) {
        let ambiguous = alias.starts_with('~');
        let alias = alias.trim_start_matches('~').trim();
        if alias.is_empty() {
            return;
        }
        let lower = alias.to_lowercase();
        // Looked up before inserting: `entry` would need an owned copy of every key.
        if !self.keys.contains_key(&lower) {
            self.keys.insert(lower.clone(), key.to_string());
        }
        let (mut letters, mut upper) = (0, true);
        for c in alias.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper &= c.is_uppercase();
        }
        let acronym = letters <= 6 && letters > 0 && upper;
        let surname = matches!(target, Target::Person(_)) && !alias.contains(' ');
        let meaning = Meaning {
            target,
            exact: acronym.then(|| alias.into()),
            ambiguous: ambiguous || surname,
            form,
            surname,
        };
        let slot = match self.index.get(&lower) {
            Some(&i) => i,
            None => {
                self.patterns.push(alias.to_ascii_lowercase());
                self.forms.push(alias.to_string());
                self.meanings.push(Vec::new());
                self.index.insert(lower, self.patterns.len() - 1);
                self.patterns.len() - 1
            }
        };
        let list = &mut self.meanings[slot];
        if !list.iter().any(|m| m.target == meaning.target && m.exact == meaning.exact) {
            list.push(meaning);
        }
    }
}

/// Non-comment, non-blank lines with their 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Splits a `|`-separated column into its non-empty values.
fn values(col: &str) -> impl Iterator<Item = &str> {
    col.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// Adds the regular plural of a demonym ("Russian" -> "Russians").
fn plural(demonym: &str) -> Option<String> {
    let d = demonym.trim_start_matches('~');
    let invariant = ["ese", "sh", "ch", "s", "x", "z"].iter().any(|s| d.ends_with(s));
    (!invariant).then(|| format!("{d}s"))
}

fn parse_date(file: &str, n: usize, s: &str) -> Result<Option<Date>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.trim()
        .parse::<Date>()
        .map(Some)
        .map_err(|_| Error::config(file, format!("line {n}: `{s}` is not a date (YYYY-MM-DD)")))
}

fn code_ok(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl Gazetteer {
    /// Loads every gazetteer file of `config` and builds the alias automaton.
    ///
    /// # Errors
    /// When a line of one of the files is malformed.
    pub fn from_config(config: &Config) -> Result<Gazetteer> {
        let mut b = Builder::default();
        let mut countries = Vec::new();
        Self::load_countries(config.text("countries.tsv"), &mut b, &mut countries)?;
        let mut persons = Vec::new();
        Self::load_people(config.text("people.tsv"), &mut b, &mut persons)?;
        let mut orgs = Vec::new();
        let mut cues = Cues::default();
        Self::load_orgs(config.text("organizations.tsv"), &mut b, &mut orgs, &mut cues)?;
        Self::load_roles(config.text("roles.tsv"), &mut cues)?;
        let verbs = config.text("speech-verbs.txt");
        for (_, line) in data_lines(verbs) {
            for word in line.split(|c: char| c.is_whitespace() || c == '|' || c == ',') {
                if !word.is_empty() {
                    cues.speech.insert(word.to_lowercase());
                }
            }
        }
        if cues.speech.is_empty() {
            cues.speech.extend(SPEECH_VERBS.iter().map(|v| v.to_string()));
        }
        let aliases = Aliases::new(&b.patterns, &b.forms)?;
        let family_first = family_first(&countries);
        Ok(Gazetteer {
            aliases,
            patterns: b.forms,
            meanings: b.meanings,
            countries,
            persons,
            orgs,
            cues,
            keys: b.keys,
            book: b.book,
            openers: b.openers,
            family_first,
        })
    }

    /// Loads the country table alone, with no aliases to match: enough for [`Gazetteer::resolve`] of
    /// country names, codes, demonyms and capitals, at a fraction of the full load's cost.
    ///
    /// # Errors
    /// When a line of `countries.tsv` is malformed.
    pub fn countries_from_config(config: &Config) -> Result<Gazetteer> {
        let mut b = Builder::default();
        let mut countries = Vec::new();
        Self::load_countries(config.text("countries.tsv"), &mut b, &mut countries)?;
        let aliases = Aliases::new(&[], &[])?;
        Ok(Gazetteer {
            aliases,
            patterns: Vec::new(),
            meanings: Vec::new(),
            countries,
            persons: Vec::new(),
            orgs: Vec::new(),
            cues: Cues::default(),
            keys: b.keys,
            book: WordMap::default(),
            openers: WordSet::default(),
            family_first: Vec::new(),
        })
    }

    fn load_countries(text: &str, b: &mut Builder, out: &mut Vec<Country>) -> Result<()> {
        const FILE: &str = "countries.tsv";
        for (n, line) in data_lines(text) {
            let cols: Vec<&str> = line.split('\t').collect();
            if !(5..=6).contains(&cols.len()) {
                return Err(Error::config(
                    FILE,
                    format!("line {n}: expected 5 or 6 tab-separated columns, found {}", cols.len()),
                ));
            }
            let family_name_first = match cols.get(5).map(|c| c.trim()) {
                None | Some("") => false,
                Some("family-first") => true,
                Some(other) => {
                    return Err(Error::config(
                        FILE,
                        format!("line {n}: the sixth column is `family-first` or empty, not `{other}`"),
                    ))
                }
            };
            let code = cols[0].trim();
            if code == "-" {
                for v in cols[1..].iter().flat_map(|c| values(c)) {
                    b.add(v, Target::Block, Form::Name, "");
                }
                continue;
            }
            if !code_ok(code) {
                return Err(Error::config(
                    FILE,
                    format!("line {n}: `{code}` is not an alpha-3 code (or `-`)"),
                ));
            }
            let name = cols[1].trim();
            if name.is_empty() {
                return Err(Error::config(FILE, format!("line {n}: the name is empty")));
            }
            let target = Target::Country(out.len() as u32);
            b.keys.insert(code.to_lowercase(), code.to_string());
            // An alias marked `~` makes the same spelling in the name column ambiguous too.
            let ambiguous: HashSet<&str> = values(cols[2]).filter_map(|v| v.strip_prefix('~')).collect();
            if !ambiguous.contains(name) {
                b.add(name, target, Form::Name, code);
            }
            for v in values(cols[2]) {
                b.add(v, target, Form::Name, code);
            }
            for v in values(cols[3]) {
                b.add(v, target, Form::Demonym, code);
                if let Some(p) = plural(v) {
                    b.add(&p, target, Form::Demonym, code);
                }
            }
            for v in values(cols[4]) {
                b.add(v, target, Form::Seat, code);
            }
            out.push(Country { code: code.to_string(), name: name.to_string(), family_name_first });
        }
        Ok(())
    }

    fn load_people(text: &str, b: &mut Builder, out: &mut Vec<Person>) -> Result<()> {
        const FILE: &str = "people.tsv";
        let mut by_name: WordMap<usize> = WordMap::default();
        // Lookup keys are built here and copied only when new: most lines would otherwise
        // allocate several strings just to find what is already there.
        let mut key = String::new();
        for (n, line) in data_lines(text) {
            let mut cols = [""; 6];
            let mut found = 0;
            for (i, col) in line.split('\t').enumerate() {
                if let Some(slot) = cols.get_mut(i) {
                    *slot = col;
                }
                found += 1;
            }
            if found != 6 {
                return Err(Error::config(
                    FILE,
                    format!("line {n}: expected 6 tab-separated columns, found {found}"),
                ));
            }
            let name = cols[0].trim();
            if name.is_empty() {
                return Err(Error::config(FILE, format!("line {n}: the name is empty")));
            }
            let country = cols[1].trim();
            if !country.is_empty() && !code_ok(country) {
                return Err(Error::config(FILE, format!("line {n}: `{country}` is not an alpha-3 code")));
            }
            let from = parse_date(FILE, n, cols[3])?;
            let to = parse_date(FILE, n, cols[4])?;
            let idx = match by_name.get(name) {
                Some(&idx) => idx,
                None => {
                    out.push(Person { name: name.to_string(), country: None, roles: Vec::new() });
                    by_name.insert(name.to_string(), out.len() - 1);
                    out.len() - 1
                }
            };
            let person = &mut out[idx];
            if person.country.is_none() && !country.is_empty() {
                person.country = Some(country.to_string());
            }
            let title = cols[2].trim();
            if !title.is_empty() || from.is_some() || to.is_some() {
                person.roles.push(Role { title: title.to_string(), from, to });
            }
            // Full names go to the name book (looked up for runs of capitalised words, which
            // keeps the automaton small enough to build fast); one-word aliases (surnames) go to
            // the automaton; `find` checks them against the date and their neighbours.
            let target = Target::Person(idx as u32);
            for v in std::iter::once(name).chain(values(cols[5])) {
                if v.contains(' ') {
                    let lower = v.to_lowercase();
                    b.keys.entry(lower).or_insert_with(|| name.to_string());
                    key.clear();
                    push_name_key(&mut key, v);
                    if let Some((first, _)) = key.split_once(' ') {
                        if !b.openers.contains(first) {
                            b.openers.insert(first.to_string());
                        }
                    }
                    match b.book.get_mut(key.as_str()) {
                        Some(list) => {
                            if !list.contains(&(idx as u32)) {
                                list.push(idx as u32);
                            }
                        }
                        None => {
                            b.book.insert(key.clone(), vec![idx as u32]);
                        }
                    }
                } else {
                    b.add(v, target, Form::Name, name);
                }
            }
        }
        Ok(())
    }

    fn load_orgs(text: &str, b: &mut Builder, out: &mut Vec<Org>, cues: &mut Cues) -> Result<()> {
        const FILE: &str = "organizations.tsv";
        for (n, line) in data_lines(text) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(Error::config(
                    FILE,
                    format!("line {n}: expected 4 tab-separated columns, found {}", cols.len()),
                ));
            }
            // `~Guardian`: a name that is also a word, ignored when glued to another name
            // ("Operation Prosperity Guardian"), as a country's `~` alias is.
            let written = cols[1].trim();
            let name = written.trim_start_matches('~').trim();
            if name.is_empty() {
                return Err(Error::config(FILE, format!("line {n}: the name is empty")));
            }
            match cols[0].trim() {
                "head" => {
                    cues.heads.insert(name.to_lowercase());
                }
                "head-of" => {
                    cues.heads.insert(name.to_lowercase());
                    cues.heads_of.insert(name.to_lowercase());
                }
                "org" => {
                    let country = cols[2].trim();
                    if !country.is_empty() && !code_ok(country) {
                        return Err(Error::config(
                            FILE,
                            format!("line {n}: `{country}` is not an alpha-3 code"),
                        ));
                    }
                    let target = Target::Org(out.len() as u32);
                    b.add(written, target, Form::Name, name);
                    for v in values(cols[3]) {
                        b.add(v, target, Form::Name, name);
                    }
                    let country = (!country.is_empty()).then(|| country.to_string());
                    out.push(Org { name: name.to_string(), country });
                }
                other => {
                    return Err(Error::config(
                        FILE,
                        format!("line {n}: unknown kind `{other}` (expected `org`, `head` or `head-of`)"),
                    ));
                }
            }
        }
        Ok(())
    }

    fn load_roles(text: &str, cues: &mut Cues) -> Result<()> {
        for (n, line) in data_lines(text) {
            let Some((kind, words)) = line.split_once('\t') else {
                return Err(Error::config("roles.tsv", format!("line {n}: expected `kind<TAB>words`")));
            };
            let set = match kind.trim() {
                "title" => &mut cues.titles,
                "honorific" => &mut cues.honorifics,
                "courtesy" => {
                    // Courtesy titles are honorifics too ("Mr. Smith" is a person).
                    cues.honorifics.extend(values(words).map(str::to_lowercase));
                    &mut cues.courtesy
                }
                "spelled" => {
                    for pair in values(words) {
                        let Some((short, word)) = pair.split_once('=') else {
                            return Err(Error::config(
                                "roles.tsv",
                                format!("line {n}: `{pair}` is no `spelled` pair; write each as `Abbr=Word`, e.g. `Sen=Senator`"),
                            ));
                        };
                        let short = short.trim().trim_end_matches('.').to_lowercase();
                        cues.spelled.insert(short, word.trim().to_string());
                    }
                    continue;
                }
                "norole" => {
                    cues.norole.extend(values(words).map(|w| w.trim_end_matches('.').to_lowercase()));
                    continue;
                }
                "modifier" => &mut cues.modifiers,
                "department" => &mut cues.departments,
                "role" => &mut cues.roles,
                "given" => &mut cues.given,
                "particle" => &mut cues.particles,
                "notname" => &mut cues.notname,
                "verb" => &mut cues.verbs,
                "describer" => &mut cues.describers,
                "place" => {
                    cues.places.extend(values(words).filter(|w| w.contains(' ')).map(str::to_lowercase));
                    continue;
                }
                // Read by quotation attribution (see `quotes::QuoteExtractor::from_config`).
                "adjective" | "female" | "male" => continue,
                other => {
                    return Err(Error::config(
                        "roles.tsv",
                        format!("line {n}: unknown kind `{other}` (title, honorific, courtesy, spelled, norole, modifier, department, role, given, particle, notname, verb, place, adjective, describer, female, male)"),
                    ))
                }
            };
            for w in values(words) {
                // Particles are case-sensitive ("bin" inside a name, "Bin" may start one).
                set.insert(if kind.trim() == "particle" { w.to_string() } else { w.to_lowercase() });
            }
        }
        Ok(())
    }
}

/// The codes of the countries whose people write their family name first.
fn family_first(countries: &[Country]) -> Vec<String> {
    countries.iter().filter(|c| c.family_name_first).map(|c| c.code.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let mut b = Builder::default();
        let err = Gazetteer::load_countries("# c\nXX\tNowhere\t\t\t\n", &mut b, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = Gazetteer::load_roles("spelled\tGov=Governor|Sen\n", &mut Cues::default()).unwrap_err();
        assert!(err.to_string().contains("line 1: `Sen` is no `spelled` pair"), "{err}");
    }
}
