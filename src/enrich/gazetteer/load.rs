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
    /// A lower-cased alias, in a buffer reused from one alias to the next: most aliases are
    /// already known (a person's name on each line of their roles), and a fresh string for each
    /// only to look it up cost more than the look-up.
    lower: String,
}

impl Builder {
    fn add(&mut self, alias: &str, target: Target, form: Form, key: &str) {
        let ambiguous = alias.starts_with('~');
        let alias = alias.trim_start_matches('~').trim();
        if alias.is_empty() {
            return;
        }
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        push_lower(&mut lower, alias);
        // Looked up before inserting: `entry` would need an owned copy of every key.
        if !self.keys.contains_key(lower.as_str()) {
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
        let slot = match self.index.get(lower.as_str()) {
            Some(&i) => i,
            None => {
                self.patterns.push(alias.to_ascii_lowercase());
                self.forms.push(alias.to_string());
                self.meanings.push(Vec::new());
                self.index.insert(lower.clone(), self.patterns.len() - 1);
                self.patterns.len() - 1
            }
        };
        self.lower = lower;
        let list = &mut self.meanings[slot];
        if !list.iter().any(|m| m.target == meaning.target && m.exact == meaning.exact) {
            list.push(meaning);
        }
    }
}

/// Appends `s` lower-cased (as [`str::to_lowercase`] does) to `out`.
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        // The common case, without decoding characters or allocating.
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
    } else {
        // Not char by char: a final capital sigma lower-cases differently.
        out.push_str(&s.to_lowercase());
    }
}

/// How many lines `text` has, at most.
fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Splits `line` at its tabs into `cols`, dropping the columns past its length, and returns how
/// many columns the line has. One pass over the bytes: `str::split` looked for each tab anew,
/// which cost more than the columns are long.
fn split_tabs<'a>(line: &'a str, cols: &mut [&'a str]) -> usize {
    let (mut found, mut from) = (0, 0);
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            if let Some(col) = cols.get_mut(found) {
                *col = line.get(from..i).unwrap_or("");
            }
            found += 1;
            from = i + 1;
        }
    }
    if let Some(col) = cols.get_mut(found) {
        *col = line.get(from..).unwrap_or("");
    }
    found + 1
}

/// True when `lower` (a lower-cased, trimmed name) is its own [`name_key`](super::name_key):
/// ASCII whose words are parted by single spaces, as nearly every name is.
fn single_spaced(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    bytes.iter().all(|&b| b.is_ascii() && !(b'\t'..=b'\r').contains(&b))
        && !bytes.windows(2).any(|w| w == b"  ")
        && !lower.starts_with(' ')
        && !lower.ends_with(' ')
}

/// Non-comment, non-blank lines with their 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))).filter(|(_, l)| {
        let l = l.trim_start();
        !l.is_empty() && !l.starts_with('#')
    })
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
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(date) = plain_date(t) {
        return Ok(Some(date));
    }
    t.parse::<Date>()
        .map(Some)
        .map_err(|_| Error::config(file, format!("line {n}: `{s}` is not a date (YYYY-MM-DD)")))
}

/// A valid date written `YYYY-MM-DD`, read directly: nearly every date of `people.tsv` is one, and
/// jiff's general parser cost ten times more. Anything else is left to that parser.
fn plain_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0i16, |n, &d| d.is_ascii_digit().then(|| n * 10 + i16::from(d - b'0')))
    };
    let (year, month, day) = (number(&b[..4])?, number(&b[5..7])?, number(&b[8..])?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
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
        // Sized once for the file: growing them line by line rehashed every key several times.
        let lines = line_count(text);
        let mut by_name: WordMap<usize> = WordMap::default();
        by_name.reserve(lines);
        out.reserve(lines);
        b.keys.reserve(lines);
        b.book.reserve(lines);
        b.index.reserve(lines / 4);
        // Lookup keys are built here and copied only when new: most lines would otherwise
        // allocate several strings just to find what is already there.
        let (mut key, mut lower) = (String::new(), String::new());
        for (n, line) in data_lines(text) {
            let mut cols = [""; 6];
            let found = split_tabs(line, &mut cols);
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
            let (idx, known) = match by_name.get(name) {
                Some(&idx) => (idx, true),
                None => {
                    out.push(Person { name: name.to_string(), country: None, roles: Vec::new() });
                    by_name.insert(name.to_string(), out.len() - 1);
                    (out.len() - 1, false)
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
            // A person's later lines repeat the name, already added with the first line.
            let target = Target::Person(idx as u32);
            for v in std::iter::once(name).filter(|_| !known).chain(values(cols[5])) {
                if v.contains(' ') {
                    // A name is read in text without the period that may end it ("Ferdinand
                    // Marcos Jr." is read "Ferdinand Marcos Jr": the period also ends sentences).
                    let written = v;
                    let v = v.strip_suffix('.').unwrap_or(v);
                    if written.len() > v.len() {
                        // Typed as the file writes it, `--actor "Ferdinand Marcos Jr."` names
                        // the person too.
                        let typed = written.to_lowercase();
                        if !b.keys.contains_key(typed.as_str()) {
                            b.keys.insert(typed, name.to_string());
                        }
                    }
                    lower.clear();
                    push_lower(&mut lower, v);
                    if !b.keys.contains_key(lower.as_str()) {
                        b.keys.insert(lower.clone(), name.to_string());
                    }
                    key.clear();
                    if single_spaced(&lower) {
                        // Its name key is the lower-cased name itself.
                        key.push_str(&lower);
                    } else {
                        push_name_key(&mut key, v);
                    }
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
                "suffix" => {
                    cues.suffixes.extend(values(words).map(|w| w.trim_end_matches('.').to_lowercase()));
                    continue;
                }
                "regnal" => {
                    // Regnal titles are honorifics too ("King Abdullah" is a person).
                    cues.honorifics.extend(values(words).map(str::to_lowercase));
                    &mut cues.regnal
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
                "collective" => &mut cues.collective,
                "past" => &mut cues.past,
                "notname" => &mut cues.notname,
                "verb" => &mut cues.verbs,
                "describer" => &mut cues.describers,
                "place" => &mut cues.places,
                "female" => &mut cues.female,
                "male" => &mut cues.male,
                // Read by quotation attribution (see `quotes::QuoteExtractor::from_config`).
                "adjective" => continue,
                other => {
                    return Err(Error::config(
                        "roles.tsv",
                        format!("line {n}: unknown kind `{other}` (title, honorific, courtesy, regnal, suffix, spelled, norole, modifier, department, role, given, particle, collective, past, notname, verb, place, adjective, describer, female, male)"),
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

    #[test]
    fn shortcuts_agree_with_the_general_forms() {
        let mut cols = [""; 3];
        assert_eq!(split_tabs("a\tb\t\tc", &mut cols), 4);
        assert_eq!(cols, ["a", "b", ""]);
        for name in ["kasit phirom", "kasit  phirom", "kasit\tphirom", "josé maría", "a", ""] {
            if single_spaced(name) {
                assert_eq!(super::super::name_key(name), name);
            }
        }
        assert!(single_spaced("kasit phirom") && !single_spaced("kasit  phirom"));
        for date in ["2008-02-29", "2007-02-29", "2008-13-01", "0000-01-01", "2008-1-05"] {
            assert_eq!(plain_date(date).is_some(), date.parse::<Date>().is_ok(), "{date}");
            if let Some(d) = plain_date(date) {
                assert_eq!(Ok(d), date.parse::<Date>().map_err(|_| ()));
            }
        }
    }
}
