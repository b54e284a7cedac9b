//! Actors: countries (ISO 3166-1 alpha-3), persons with their roles, organisations.

mod acronyms;
mod collector;
mod cue;
mod names;
mod tokens;

pub(crate) use tokens::{article_prefixed, SUFFIXES};

use std::collections::HashSet;

use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::enrich::gazetteer::{Country, Cues, Gazetteer, Hit};
use crate::enrich::hash::{FnvBuild, WordMap};
use crate::error::Result;
use collector::{link, Collector};
use names::CandKind;
use tokens::Tok;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state, by name, demonym or seat of government.
    Country,
    /// A named person.
    Person,
    /// An international body, ministry, armed force, party, armed group, agency or company.
    Organization,
}

impl ActorKind {
    /// The kind's name as used in JSON and in the index (`country`, `person`, `organization`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
}

/// One mention of an actor in the body (or the title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// First byte in the body (or the title when `field` is `title`).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention's text, exactly `body[start..end]`.
    pub text: String,
    /// True when the mention is a metonym (a capital for its government) or a plain location.
    pub metonym: bool,
    /// `Some("title")` for a mention in the title; `None` for the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// An actor found in an article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Canonical name ("North Korea", "Antony Blinken").
    pub name: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code, for countries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The actor's country (alpha-3), for persons and organisations where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The person's role valid on the publication date ("US Secretary of State").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<Mention>,
}

impl Actor {
    /// A country of the gazetteer, with no mention yet.
    fn country(country: &Country) -> Actor {
        Actor {
            name: country.name.clone(),
            kind: ActorKind::Country,
            code: Some(country.code.clone()),
            country: None,
            role: None,
            mentions: Vec::new(),
        }
    }

    /// An organisation named `name`, of `country` (alpha-3) where known, with no mention yet.
    fn organization(name: &str, country: Option<String>) -> Actor {
        Actor {
            name: name.to_string(),
            kind: ActorKind::Organization,
            code: None,
            country,
            role: None,
            mentions: Vec::new(),
        }
    }

    /// The key the index stores and filters on: the alpha-3 code for a country, else the
    /// canonical name. [`ActorExtractor::resolve`] maps what a user types to this key.
    pub fn key(&self) -> String {
        match (&self.kind, &self.code) {
            (ActorKind::Country, Some(code)) => code.clone(),
            _ => self.name.clone(),
        }
    }
}

/// Finds actors with the gazetteer and contextual cues.
#[derive(Debug)]
pub struct ActorExtractor {
    gazetteer: Gazetteer,
    /// The gazetteer's cue lists as one table.
    cue_index: names::words::CueIndex,
}

/// The length of the copy of `title` that opens `body`, if one does: the title itself, or its
/// first line ending otherwise in punctuation and quotation marks ("… ‘Very Good Reporter.’" for
/// the title "… ‘Very Good Reporter’"), or the first line that a title ending in `…` shortens.
fn title_copy(title: &str, body: &str) -> Option<usize> {
    if title.is_empty() {
        return None;
    }
    if body.starts_with(title) {
        return Some(title.len());
    }
    let line = &body[..body.find('\n').unwrap_or(body.len())];
    // A title taken from a long first line is that line shortened (`crate::article::shorten_title`).
    if let Some(cut) = title.strip_suffix('…').filter(|cut| !cut.is_empty() && line.starts_with(cut)) {
        return Some(cut.len().max(line.len()));
    }
    let bare = |s: &str| {
        s.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "‘’“”".contains(c))
            .len()
    };
    let n = bare(title);
    (n > 0 && bare(line) == n && line.as_bytes()[..n] == title.as_bytes()[..n]).then_some(line.len())
}

/// True when `title` is written in title case: 85% of its words of four letters or more
/// are capitalised, leaving out the prepositions and conjunctions that some styles keep in lower
/// case. A first sentence taken for a title fails, however many names it holds ("Dime Savings
/// Bank of New York was cleared by the Federal Deposit Insurance Corp. to acquire …").
fn title_case(title: &str) -> bool {
    const SMALL: [&str; 12] =
        ["with", "from", "into", "onto", "over", "than", "that", "upon", "about", "after", "amid", "during"];
    let long = || {
        title
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !SMALL.contains(w))
    };
    // The first letter, after any quotation mark or hashtag ("‘Proven Failure’", "#NeverTrump").
    let capitalised =
        long().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    let all = long().count();
    all >= 2 && capitalised * 20 >= all * 17
}

impl Collector {
    fn into_actors(mut self) -> Vec<Actor> {
        self.found.sort_by_key(|f| f.first);
        self.found
            .into_iter()
            // An acronym's organisation whose mentions all went to the one it spells.
            .filter(|f| !f.actor.mentions.is_empty())
            .map(|mut f| {
                f.actor.mentions.sort_by_key(|m| (m.field.is_none(), m.start));
                f.actor
            })
            .collect()
    }
}

/// A name as shown: the text with runs of white space made single spaces.
fn clean_name(text: &str) -> String {
    // Nearly every name is written with single spaces already: copied whole then, rather than
    // split into a vector and joined again (this runs for every name found).
    let mut after_space = true;
    let single_spaced = text.chars().all(|c| {
        let space = c.is_whitespace();
        let fits = !space || (c == ' ' && !after_space);
        after_space = space;
        fits
    });
    if single_spaced && !after_space {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The role a title written before a name gives its person ("Texas Sen." gives "Texas
/// Senator", "Senators" gives "Senator"), or none when it is only a courtesy ("Mr.", "Sir").
fn spelled_role(title: &str, cues: &Cues) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let bare = |w: &str| w.trim_end_matches('.').to_lowercase();
    if words.iter().all(|w| cues.norole.contains(&bare(w))) {
        return None;
    }
    let last = words.len().saturating_sub(1);
    let spelled = words.iter().enumerate().map(|(i, &w)| match cues.spelled.get(&bare(w)) {
        Some(whole) => whole.as_str(),
        // A plural title before several names ("Senators Ted Cruz and Marco Rubio").
        None if i == last => {
            w.strip_suffix('s').filter(|s| cues.titles.contains(&s.to_lowercase())).unwrap_or(w)
        }
        None => w,
    });
    Some(spelled.collect::<Vec<_>>().join(" "))
}

/// Where a title ending at byte `end` of `body` ends, with the period of an abbreviated rank
/// ("Texas Sen." rather than "Texas Sen").
fn title_end(body: &str, end: usize) -> usize {
    let word = body[..end].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if tokens::abbreviation(word) && body[end..].starts_with('.') {
        end + 1
    } else {
        end
    }
}

impl ActorExtractor {
    /// Builds the gazetteer automaton from `countries.tsv`, `organizations.tsv`, `people.tsv` and
    /// `roles.tsv`.
    ///
    /// # Errors
    /// When one of those files is malformed.
    pub fn from_config(config: &Config) -> Result<ActorExtractor> {
        let gazetteer = Gazetteer::from_config(config)?;
        let cue_index = names::words::CueIndex::new(&gazetteer.cues);
        Ok(ActorExtractor { gazetteer, cue_index })
    }

    /// All actors of `article`, in order of first mention (in the body; actors named only in
    /// the title come last). Title mentions carry `field: Some("title")`.
    pub fn extract(&self, article: &Article) -> Vec<Actor> {
        let mut col = Collector::default();
        // A body opening with its title (as a plain-text article does) reads that copy of the
        // title as the headline it is, when it is written in title case ("Dennis Prager Tells
        // Conservatives …"): a title in sentence case, or a first sentence taken for a title,
        // capitalises only names, as prose does.
        let title_copy = title_copy(&article.title, &article.body);
        let title_first = title_copy.is_some();
        let headline_end = title_copy.filter(|_| title_case(&article.title)).unwrap_or(0);
        let body_after_headline = &article.body[headline_end..];
        self.collect(&article.body, article.published, None, (headline_end, body_after_headline), &mut col);
        if !article.title.is_empty() && !title_first {
            self.collect(
                &article.title,
                article.published,
                Some("title"),
                (article.title.len(), &article.body),
                &mut col,
            );
        }
        col.into_actors()
    }

    /// Adds the actors of `body` (the article body, or its title when `field` says so) to `col`;
    /// `body[..headline_end]` is a headline, followed by the text `after_headline`.
    fn collect(
        &self,
        body: &str,
        date: Option<jiff::civil::Date>,
        field: Option<&'static str>,
        (headline_end, after_headline): (usize, &str),
        col: &mut Collector,
    ) {
        let mention = |body: &str, start: usize, end: usize, metonym: bool| Mention {
            start,
            end,
            text: body[start..end].to_string(),
            metonym,
            field,
        };
        let g = &self.gazetteer;
        let hits = g.find(body, date);
        let toks = tokens::tokenize(body);
        let hit_of = cover(&toks, &hits);
        // A quoted name is a name ("citing “Bill Maher” as his guilty pleasure"), not a title.
        let quoted_name = |quoted: &str| {
            let mut words = quoted.split_whitespace();
            let given = words.next().is_some_and(|w| g.cues.given.contains(&w.to_lowercase()));
            given && (1..=2).contains(&words.count())
        };
        let quoted_headlines =
            names::quoted_headlines(body, |quoted| title_case(quoted) && !quoted_name(quoted));

        let names = names::Names {
            text: body,
            toks: &toks,
            hit_of: &hit_of,
            hits: &hits,
            cues: &g.cues,
            gazetteer: g,
            index: &self.cue_index,
            memo: vec![std::cell::Cell::new(0); toks.len()],
            date,
            headline_end,
            after_headline,
            quoted_headlines: &quoted_headlines,
            respellings: names::respell::Respellings::default(),
        };
        let candidates = names.candidates();
        // A one-word organisation inside a person's name is the person's surname ("Mayor Don
        // Guardian"), and so is the same word standing alone later ("Guardian said").
        let mut in_name = vec![false; hits.len()];
        let mut surnames: Vec<&str> = Vec::new();
        for c in candidates.iter().filter(|c| c.kind == CandKind::Person) {
            for &h in hit_of[c.first..c.last].iter().flatten() {
                let h = h as usize;
                in_name[h] = true;
                surnames.push(&body[hits[h].start..hits[h].end]);
            }
            // An ambiguous name glued inside is no hit there ("Don ~Guardian"), but its surname
            // standing alone later is still the person's.
            if c.last - c.first >= 2 && hit_of[c.last - 1].is_none() {
                surnames.push(&body[toks[c.last - 1].start..toks[c.last - 1].end]);
            }
        }
        // ("The Guardian" stays the newspaper: a person's surname takes no article.)
        let after_the = |h: &Hit| {
            let before = body[..h.start].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            word.eq_ignore_ascii_case("the")
        };
        let is_surname = |h: &Hit| {
            (h.org.is_some() && h.country.is_none() || h.demonym)
                && h.person.is_none()
                && !after_the(h)
                && surnames.contains(&&body[h.start..h.end])
        };

        // An organisation named after an office ("UN Secretary General") right before a person's
        // name is that person's title, not a mention of the organisation.
        let person_at = |at: usize| {
            candidates.iter().any(|c| c.kind != CandKind::Org && toks[c.first].start == at)
                || hits.iter().any(|h| h.person.is_some() && h.start == at)
        };
        let office_before_person = |h: &Hit| {
            if h.org.is_none() || h.person.is_some() {
                return false;
            }
            let next = toks.partition_point(|t| t.start < h.end);
            let last = body[..h.end].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            toks.get(next).is_some_and(|t| {
                t.has(tokens::F_JOINED)
                    && t.has(tokens::F_CAP)
                    && g.cues.titles.contains(&last.to_lowercase())
                    && person_at(t.start)
            })
        };

        let full =
            hits.iter().filter(|h| !h.surname).filter_map(|h| Some((&body[h.start..h.end], h.person?)));
        let known = candidates.iter().filter_map(|c| match c.kind {
            CandKind::Known(p) => {
                let first = c.title.map_or(c.first, |(title, _)| title);
                Some((&body[toks[first].start..toks[c.last - 1].end], p))
            }
            _ => None,
        });
        col.named_in_full.extend(full.chain(known).map(|(name, p)| (name.to_string(), p)));
        // `fuller_name` looks through the names for every shorter name: a long text naming
        // people thousands of times keeps each name once (of equal ones, the first is the one
        // found).
        if col.named_in_full.len() > 64 {
            let mut seen: HashSet<(String, u32), FnvBuild> = HashSet::default();
            col.named_in_full.retain(|pair| seen.insert(pair.clone()));
        }

        // 1. Gazetteer countries, organisations and full-name persons.
        let mut surname_hits = Vec::new();
        let mut org_surnames = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            if h.blocked || in_name[i] || office_before_person(h) {
                continue;
            }
            if is_surname(h) {
                org_surnames.push(h);
                continue;
            }
            if let Some((c, metonym)) = h.country {
                let country = &g.countries[c as usize];
                col.add(ActorKind::Country, &country.code, mention(body, h.start, h.end, metonym), || {
                    Actor::country(country)
                });
            }
            if let Some(o) = h.org {
                let org = &g.orgs[o as usize];
                // "South Korea's Joint Chiefs of Staff": a state body's name after another
                // country's possessive or adjective is that country's body of that name.
                let before = names.country_before_org(toks.partition_point(|t| t.start < h.start));
                let owner = before.and_then(|b| hits[b].country).map(|(c, _)| &g.countries[c as usize].code);
                if let (Some(owner), Some(own)) = (owner, &org.country) {
                    if owner != own {
                        let name = clean_name(&body[h.start..h.end]);
                        let country = Some(owner.clone());
                        col.add(ActorKind::Organization, &name, mention(body, h.start, h.end, false), || {
                            Actor::organization(&name, country)
                        });
                        continue;
                    }
                }
                col.add(ActorKind::Organization, &org.name, mention(body, h.start, h.end, false), || {
                    Actor::organization(&org.name, org.country.clone())
                });
                // "U.S. Treasury", "British Army": the words naming the body's country are a
                // mention of that country too.
                if let Some(own) = &org.country {
                    let written = &body[h.start..h.end];
                    let prefix = written.match_indices(' ').take(2).map(|(at, _)| &written[..at]).find(|p| {
                        // By its name or adjective: "Washington Post" names no country.
                        g.find(p, None).iter().any(|x| {
                            (x.start, x.end) == (0, p.len())
                                && x.country.is_some_and(|(c, metonym)| {
                                    !metonym && g.countries[c as usize].code == *own
                                })
                        })
                    });
                    if let (Some(prefix), Some(c)) = (prefix, g.country_by_code(own)) {
                        let end = h.start + prefix.len();
                        col.add(ActorKind::Country, own, mention(body, h.start, end, false), || {
                            Actor::country(c)
                        });
                    }
                }
            }
            if let Some(p) = h.person {
                if h.surname {
                    surname_hits.push(h);
                } else {
                    let p = fuller_name(&body[h.start..h.end], p, &col.named_in_full, g).unwrap_or(p);
                    self.add_known_person(col, mention(body, h.start, h.end, false), p, date);
                }
            }
        }

        // The role a role noun before an unknown name or an apposition after it gives the person,
        // with the country a word of it names ("Iranian government spokesman").
        let noun_role = |c: &names::Candidate| {
            let (a, b) = names.role_before(c.first).or_else(|| names.role_after(c.last))?;
            let text = body.get(toks[a].start..toks[b - 1].end)?;
            let role = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let country = hit_of[a..b].iter().flatten().find_map(|&h| hits[h as usize].country);
            Some((role, country.map(|(i, _)| g.countries[i as usize].code.clone())))
        };

        // 2. Unknown names found by cues (classified first: below, they claim the gazetteer's
        // one-word organisations that are their surnames).
        let mut claimed = vec![false; toks.len()];
        let mut singles = Vec::new();
        for c in &candidates {
            let (start, end) = (toks[c.first].start, toks[c.last - 1].end);
            claimed[c.first..c.last].iter_mut().for_each(|x| *x = true);
            match c.kind {
                CandKind::Org => {
                    let name = clean_name(&body[start..end]);
                    let country =
                        c.country_hit.or_else(|| names.country_before_org(c.first)).map(|h| hits[h].country);
                    let country = country.flatten().map(|(i, _)| g.countries[i as usize].code.clone());
                    col.add(ActorKind::Organization, &name, mention(body, start, end, false), || {
                        Actor::organization(&name, country)
                    });
                }
                CandKind::Known(p) => {
                    let p = fuller_name(&body[start..end], p, &col.named_in_full, g).unwrap_or(p);
                    self.add_known_person(col, mention(body, start, end, false), p, date);
                }
                CandKind::Person if c.last - c.first == 1 => singles.push(c),
                CandKind::Person => {
                    let name = clean_name(&body[start..end]);
                    // "Le Pen" after "Marine Le Pen": a family name of several words is the one
                    // person named in full before with it. A particle opens one too ("Ben Ali",
                    // "Abu Marzuk"), though "Ben" and "Abu" are also given names. A name opening
                    // with another given name is a full name of its own ("Mike Tyson" after "Iron
                    // Mike Tyson"), unless a given name comes before it in the full name too.
                    let given = |word: &str| g.cues.given.contains(&word.to_lowercase());
                    let particle = |word: &str| g.cues.particles.contains(&word.to_lowercase());
                    let opens_with_given = name.split(' ').next().is_some_and(|w| given(w) && !particle(w));
                    let given_before = |full: &str| {
                        full[..full.len() - name.len()].split_whitespace().next_back().is_some_and(given)
                    };
                    let only = {
                        let mut fulls = col
                            .persons_ending_with(&name)
                            .into_iter()
                            .filter(|&i| !opens_with_given || given_before(&col.found[i].actor.name));
                        match (fulls.next(), fulls.next()) {
                            (Some(idx), None) => Some(idx),
                            _ => None,
                        }
                    };
                    if let Some(idx) = only {
                        link(col, idx, mention(body, start, end, false));
                        continue;
                    }
                    let country = c
                        .country_hit
                        .and_then(|h| hits[h].country)
                        .map(|(i, _)| g.countries[i as usize].code.clone());
                    // "Palestinian President": the country word before the title belongs to the role,
                    // and so does the organisation it ends ("Bank of Japan Governor").
                    let org_of = |h: usize| {
                        candidates.iter().find(|o| o.kind == CandKind::Org && o.country_hit == Some(h))
                    };
                    let role = c.title.map(|(a, b)| {
                        let from = c.country_hit.map_or(toks[a].start, |h| {
                            org_of(h).map_or(hits[h].start, |o| toks[o.first].start.min(hits[h].start))
                        });
                        &body[from..title_end(body, toks[b - 1].end)]
                    });
                    let role = role.and_then(|title| spelled_role(title, &g.cues));
                    let (role, country) = match role {
                        Some(role) => (Some(role), country),
                        None => noun_role(c)
                            .map_or((None, country.clone()), |(role, of)| (Some(role), country.or(of))),
                    };
                    col.add(ActorKind::Person, &name, mention(body, start, end, false), || Actor {
                        name: name.clone(),
                        kind: ActorKind::Person,
                        code: None,
                        country,
                        role,
                        mentions: Vec::new(),
                    });
                }
            }
        }

        // 3. Surnames: a lone "Blinken" or "Mr. Smith" is the person named in full earlier (or later).
        let links = surname_links(col, g);
        for h in surname_hits {
            let text = &body[h.start..h.end];
            let linked = links.get(text).copied();
            // "Mr. Obama" is not the Michelle Obama named before, nor is "President Obama" when
            // the gazetteer's Obama held that office on the day: the word before the surname
            // overrules the link to an earlier full name.
            let cue = cue::SurnameCue::before(body, h.start, &g.cues);
            let gazetteers = h.person.map(|p| (p, &g.persons[p as usize]));
            let known = gazetteers.filter(|(_, k)| !cue.contradicts(&k.name));
            let linked = linked.filter(|&idx| {
                let actor = &col.found[idx].actor;
                let same = gazetteers.is_some_and(|(_, k)| cue::same_ends(&k.name, &actor.name));
                let outranked = known.is_some_and(|(_, k)| cue.names_office(k.role_on(date)))
                    && !cue.names_office(actor.role.as_deref());
                !cue.contradicts(&actor.name) && (same || !outranked)
            });
            let linked = linked.map(|idx| most_named(col, text, idx, |a| !cue.contradicts(&a.name)));
            let m = mention(body, h.start, h.end, false);
            match (linked, known) {
                (Some(idx), _) => link(col, idx, m),
                (None, Some((p, _))) => self.add_known_person(col, m, p, date),
                // A surname the word before it gives to no one found: left unattributed.
                (None, None) => {}
            }
        }
        for h in org_surnames {
            let text = &body[h.start..h.end];
            if let Some(&idx) = links.get(text) {
                link(col, idx, mention(body, h.start, h.end, false));
            }
        }
        let openers = if singles.is_empty() { WordMap::default() } else { first_word_links(col) };
        for c in singles {
            let (start, end) = (toks[c.first].start, toks[c.last - 1].end);
            let text = &body[start..end];
            // "General Likulia" after "Likulia Bolongo", "Foreign Minister Ban" after "Ban
            // Ki-moon": a name its title or verb vouches for, one word long, that is no one's
            // surname, is the one person of the article whose name opens with it.
            let opened =
                || openers.get(text).copied().flatten().filter(|_| col.persons_ending_with(text).is_empty());
            match links.get(text).copied().or_else(opened) {
                Some(idx) => link(col, idx, mention(body, start, end, false)),
                None => {
                    let role = c.title.and_then(|(a, b)| {
                        spelled_role(&body[toks[a].start..title_end(body, toks[b - 1].end)], &g.cues)
                    });
                    let (role, country) = match role {
                        Some(role) => (Some(role), None),
                        None => noun_role(c).map_or((None, None), |(role, of)| (Some(role), of)),
                    };
                    let name = text.to_string();
                    col.add(ActorKind::Person, &name, mention(body, start, end, false), || Actor {
                        name: name.clone(),
                        kind: ActorKind::Person,
                        code: None,
                        country,
                        role,
                        mentions: Vec::new(),
                    });
                }
            }
        }
        if !links.is_empty() {
            for (i, t) in toks.iter().enumerate() {
                if claimed[i] || hit_of[i].is_some() || !t.has(tokens::F_CAP) {
                    continue;
                }
                let text = &body[t.start..t.end];
                let Some(&idx) = links.get(text) else { continue };
                // "graduate Lhamo Cering" is someone else than the Purbu Cering named before: a
                // surname glued to a capitalised word that neither qualifies a name nor is of the
                // person's own name ("Wasserman Schultz") is another's. Not at a sentence's
                // start, where the word before may be any word ("But Cering said"), nor in a
                // headline in title case, which capitalises every word.
                if i > 0
                    && !names.in_headline(i)
                    && t.has(tokens::F_JOINED)
                    && !toks[i - 1].has(tokens::F_START)
                {
                    let before = &toks[i - 1];
                    let word = body[before.start..before.end].trim_end_matches('.');
                    let own = col.found[idx].actor.name.split(' ').any(|w| w.trim_end_matches('.') == word);
                    if before.has(tokens::F_CAP)
                        && !claimed[i - 1]
                        && hit_of[i - 1].is_none()
                        && !own
                        && !names.qualifies_a_name(i - 1)
                    {
                        continue;
                    }
                }
                let fits = |a: &Actor| !cue::SurnameCue::before(body, t.start, &g.cues).contradicts(&a.name);
                let idx = most_named(col, text, idx, fits);
                link(col, idx, mention(body, t.start, t.end, false));
            }
        }
        // 4. Acronyms the text defines ("Human Rights Watch (HRW)").
        acronyms::link_defined(body, field, col);
        acronyms::link_initials(field, col);
    }

    fn add_known_person(&self, col: &mut Collector, m: Mention, p: u32, date: Option<jiff::civil::Date>) {
        let person = &self.gazetteer.persons[p as usize];
        col.add(ActorKind::Person, &person.name, m, || Actor {
            name: person.name.clone(),
            kind: ActorKind::Person,
            code: None,
            country: person.country.clone(),
            role: person.role_on(date).map(str::to_string),
            mentions: Vec::new(),
        });
    }

    /// Resolves a user's actor name, alias or code (`PRK`, `North Korea`, `Pyongyang`, `blinken`)
    /// to the key [`Actor::key`] gives that actor, if the gazetteer knows it (case-insensitive).
    pub fn resolve(&self, name: &str) -> Option<String> {
        self.gazetteer.resolve(name)
    }
}

/// Resolves what users call actors (`PRK`, `North Korea`, `Pyongyang`, `Blinken`) to index keys,
/// loading as little as it needs: the country table first (a few milliseconds), the whole
/// gazetteer only for a name that is not a country. Searches start fast this way.
#[derive(Debug)]
pub struct ActorResolver {
    countries: Gazetteer,
    full: std::sync::OnceLock<Option<Gazetteer>>,
    config: Config,
}

impl ActorResolver {
    /// A resolver over `config`'s gazetteer files.
    ///
    /// # Errors
    /// When `countries.tsv` is malformed.
    pub fn new(config: &Config) -> Result<ActorResolver> {
        Ok(ActorResolver {
            countries: Gazetteer::countries_from_config(config)?,
            full: std::sync::OnceLock::new(),
            config: config.clone(),
        })
    }

    /// The known name closest to `name` (see [`Gazetteer::closest`]): the hint for a name that
    /// resolves to nothing. Loads the whole gazetteer.
    pub fn closest(&self, name: &str) -> Option<String> {
        self.full()?.closest(name).map(str::to_string)
    }

    /// The whole gazetteer, loaded on first use. A malformed one was already reported when the
    /// index was built; here it is then simply absent.
    fn full(&self) -> Option<&Gazetteer> {
        self.full.get_or_init(|| Gazetteer::from_config(&self.config).ok()).as_ref()
    }

    /// The index key of `name`, as [`ActorExtractor::resolve`] gives it.
    pub fn resolve(&self, name: &str) -> Option<String> {
        // Without the whole gazetteer, the name is used as typed.
        self.countries.resolve(name).or_else(|| self.full()?.resolve(name))
    }
}

/// For each token, the index of the hit covering it (hits and tokens are both in text order).
fn cover(toks: &[Tok], hits: &[Hit]) -> Vec<Option<u32>> {
    let mut out = vec![None; toks.len()];
    let mut h = 0;
    for (i, t) in toks.iter().enumerate() {
        while h < hits.len() && hits[h].end <= t.start {
            h += 1;
        }
        if h < hits.len() && hits[h].start <= t.start && t.end <= hits[h].end {
            // (An article holds far fewer than 2^32 hits.)
            out[i] = u32::try_from(h).ok();
        }
    }
    out
}

/// The known person, other than `person`, whose name as written (`named_in_full`) the text
/// `short` shortens ("King Abdullah II" for "King Abdullah"): of two people who both fit the
/// day, the article means the one it also names in full, not another bearing the shorter name
/// (Saudi Arabia's King Abdullah).
fn fuller_name(short: &str, person: u32, named_in_full: &[(String, u32)], g: &Gazetteer) -> Option<u32> {
    // The shorter name's last word must be in the other's own name: a headline's run of names
    // ("Francois Hollande Donald Trump") opens with someone else's.
    let last = short.rsplit(' ').next()?;
    named_in_full
        .iter()
        .find(|(full, p)| {
            *p != person
                && full.strip_prefix(short).is_some_and(|rest| rest.starts_with(' '))
                && g.persons[*p as usize].name.split(' ').any(|w| w == last)
        })
        .map(|&(_, p)| p)
}

/// The person a bare `surname` names: `linked` (the one [`surname_links`] gives it, the first
/// named in full), unless another person of the article whose name ends with it, and whom `fits`
/// allows, has been called by the bare surname more often so far. "Michelle Obama" named in
/// full first does not take the "Obama" of an article that has said "President Obama" and
/// "Mr. Obama" all along; a Betty Ford named in full after her husband never takes his "Ford".
fn most_named(col: &Collector, surname: &str, linked: usize, fits: impl Fn(&Actor) -> bool) -> usize {
    // The persons compared all end with `surname`: a one-word mention of them is it.
    let named = |idx: usize| col.found[idx].one_word_mentions();
    let namesakes = col.persons_ending_with(surname).into_iter().filter(|&i| i != linked);
    namesakes.filter(|&i| fits(&col.found[i].actor)).fold(linked, |best, i| {
        if named(i) > named(best) {
            i
        } else {
            best
        }
    })
}

/// The first word of the name of every person named with two or more words, with the person,
/// or `None` when the names of two persons open with it.
fn first_word_links(col: &Collector) -> WordMap<Option<usize>> {
    let mut openers: WordMap<Option<usize>> = WordMap::default();
    for (i, f) in col.found.iter().enumerate() {
        if f.actor.kind != ActorKind::Person {
            continue;
        }
        let Some((first, _)) = f.actor.name.split_once(' ') else { continue };
        openers.entry(first.to_string()).and_modify(|idx| *idx = None).or_insert(Some(i));
    }
    openers
}

/// The surname of every person named with two or more words, with the person's index: the last
/// word, and for persons of countries whose names are written family name first (`family-first`
/// in `countries.tsv`: "Xi Jinping", so "Mr. Xi") the first, when it is a name of the `given`
/// list (`roles.tsv` lists those family names among the given names) and no other person's name
/// starts with it ("Mr. Kim" is nobody's when Kim Jong Il and Kim Jang-soo are both named).
fn surname_links(col: &Collector, g: &Gazetteer) -> WordMap<usize> {
    let given = &g.cues.given;
    // The first person of a surname keeps it.
    let mut links: WordMap<usize> = WordMap::default();
    // The first word of each name of two or more words, with the person when a family name
    // comes first in that person's country.
    let mut first_words: Vec<(&str, Option<usize>)> = Vec::new();
    for (i, f) in col.found.iter().enumerate() {
        if f.actor.kind != ActorKind::Person {
            continue;
        }
        let family_first = f.actor.country.as_deref().is_some_and(|c| g.family_name_first(c));
        for m in &f.actor.mentions {
            let words: Vec<&str> = m.text.split_whitespace().collect();
            if words.len() >= 2 {
                // "Romeo Brawner Jr" is "Brawner" later.
                let end = words[words.len() - 1].trim_end_matches('.');
                let suffixed =
                    words.len() >= 3 && end.len() <= 4 && g.cues.suffixes.contains(&end.to_ascii_lowercase());
                let last = words[words.len() - 1 - usize::from(suffixed)];
                // "Nuri al-Maliki" is "Maliki" later: the article glued to a surname is dropped
                // in a lone mention, as often as it is kept.
                let bare = article_prefixed(last).then(|| last.split_once('-').map(|(_, s)| s)).flatten();
                for surname in std::iter::once(last).chain(bare) {
                    if surname.chars().count() > 2 && !links.contains_key(surname) {
                        links.insert(surname.to_string(), i);
                    }
                }
                first_words.push((words[0], family_first.then_some(i)));
            }
        }
    }
    // Each pair once in a long text (a pair's answer below is the same every time, and
    // comparing each mention's pair with every other's was quadratic).
    if first_words.len() > 64 {
        let mut seen: HashSet<(&str, Option<usize>), FnvBuild> = HashSet::default();
        first_words.retain(|&pair| seen.insert(pair));
    }
    for &(word, person) in &first_words {
        let Some(i) = person else { continue };
        let shared = first_words.iter().any(|&(w, other)| w == word && other != person);
        if !shared && given.contains(&word.to_lowercase()) && !links.contains_key(word) {
            links.insert(word.to_string(), i);
        }
    }
    links
}

#[cfg(test)]
mod headline_tests;
#[cfg(test)]
mod tests;
