//! Classifying a run of capitalised words by its cues: the title or role before it, the verb
//! after it, an apposition, a head word that makes it an organisation.

use super::words::{
    COURTESY, DEPARTMENTS, DESCRIBERS, GIVEN, HEADS, HEADS_OF, HONORIFICS, MODIFIERS, NOTNAME, REGNAL,
    SPEECH, SUFFIX, TIME, TITLES, VERBS,
};
use super::{CandKind, Candidate, Names};
use crate::enrich::actors::tokens::{F_ALLCAPS, F_CAP, F_COMMA, F_DIGIT, F_JOINED, F_POSS, F_START};
use crate::enrich::gazetteer::described;

/// Auxiliary verbs that open a question before its subject ("Will Cruz …?", "Is Sanders …?").
const AUXILIARIES: [&str; 12] =
    ["Is", "Are", "Was", "Will", "Would", "Can", "Could", "Should", "Does", "Did", "Has", "Have"];

/// True for a word with the ending of an abstract or collective noun, long enough that no
/// common surname has it ("Operations", "Amendment", "Responsibility", "Friendship", "Politics";
/// not "Sessions", "Clement", "Hannity", "Draskovics").
pub(super) fn abstract_noun(word: &str) -> bool {
    const ENDINGS: [(&str, usize); 10] = [
        ("tion", 7),
        ("tions", 8),
        ("sions", 9),
        ("ment", 9),
        ("ments", 10),
        ("ity", 9),
        ("ities", 9),
        ("ship", 8),
        ("tics", 8),
        ("mics", 8),
    ];
    ENDINGS.iter().any(|&(ending, shortest)| word.len() >= shortest && word.ends_with(ending))
}

impl Names<'_> {
    /// Classifies the run of capitalised tokens `a..b` that the gazetteer does not know: a person
    /// or organisation its cues vouch for goes to `out`; a plausible name that only a later
    /// mention could confirm (a coordinated person, its surname recurring alone) to `maybes`.
    pub(super) fn classify(&self, a: usize, b: usize, out: &mut Vec<Candidate>, maybes: &mut Vec<Candidate>) {
        let toks = self.toks;
        // Organisation: a head word anywhere in the run (after leading openers).
        // Leading openers are dropped ("The", "In"), not qualifiers ("Northern Grain Corporation").
        // (Not one opening a place: "New York University", "South Carolina State University".)
        let opens_place = |k: usize| k + 1 < b && self.is_place(k, k + 2);
        let opener = |k: usize| {
            self.is(k, NOTNAME)
                && (matches!(self.word(k), "The" | "A" | "An") || (toks[k].has(F_START) && !opens_place(k)))
        };
        let org_start = (a..b).find(|&k| !opener(k)).unwrap_or(b);
        // A capital right before the run opens the organisation's name ("Tokyo Electric Power
        // Company", "Moscow State University", "Kyiv Post"). So does a country's adjective before
        // a name of its own ("Thai News Agency", "American Medical Association"), but not before
        // a state's generic body ("Russian Foreign Ministry" is the ministry, of Russia).
        // (The body's words end at its last head word: "Israeli Defense Forces Chief of Staff
        // Dan Halutz" names a generic body.)
        let demonym_opens = || {
            let body_end = (a..b).rev().find(|&k| self.is(k, HEADS)).map_or(b, |h| h + 1);
            !self.generic_body(a, body_end)
        };
        let seat = if org_start == a { self.seat_opening(a, demonym_opens) } else { None };
        let first = seat.map_or(org_start, |(k, _)| k);
        // A trailing day or month is not part of the name ("Tokyo Stock Exchange Wednesday").
        let mut last = b;
        while last > org_start + 1 && self.is(last - 1, TIME) {
            last -= 1;
        }
        let last_head = (org_start..last).rev().find(|&k| self.is(k, HEADS));
        // An office or a rank after the organisation's head word makes the run a title and a name
        // ("White House Press Secretary Josh Earnest", "Police Chief Bill Bratton", "Army Capt.
        // Humayun Khan").
        let office_then_name = last_head.is_some_and(|h| {
            (h + 1..last - 1).any(|k| self.is(k, TITLES) || self.is(k, HONORIFICS))
                && !toks[last - 1].has(F_ALLCAPS | F_DIGIT)
                && !self.is(last - 1, TITLES)
        });
        // "Bank of Korea", "University of Tokyo", "Central Bank of Russia": a run ending in a
        // head word, then `of` and a country or its capital, is one organisation, of that country.
        // A capital opening the name ends it at its head word; a country's name does not ("US
        // Department of Agriculture").
        let capital = seat.is_some_and(|(_, h)| matches!(self.hits[h].country, Some((_, true))));
        let of_country =
            if !capital && last == b && last_head == Some(b - 1) { self.country_after_of(b) } else { None };
        if let Some((end, h)) = of_country {
            out.push(Candidate { kind: CandKind::Org, first, last: end, title: None, country_hit: Some(h) });
            return;
        }
        // "Ministry of Foreign Affairs", "National Bureau of Statistics": a run ending in a head
        // word, then `of` and a name, is one organisation.
        if !capital && last == b && last_head == Some(b - 1) && self.is(b - 1, HEADS_OF) {
            if let Some(end) = self.name_after_of(b) {
                let country_hit = seat.map(|(_, h)| h).or_else(|| self.country_before_org(first));
                out.push(Candidate { kind: CandKind::Org, first, last: end, title: None, country_hit });
                return;
            }
        }
        // "Securities and Exchange Commission": the fields named before "and" open the name.
        let first = if seat.is_none() && first == a && last_head.is_some() && last - first >= 2 {
            self.fields_before_and(first).unwrap_or(first)
        } else {
            first
        };
        // "Managing Director of Sosoliso Airlines Oscar Ikwuemesi": a name opening with a given
        // name after the organisation's last head word is a person, whom the title before the
        // organisation belongs to, not part of the organisation's name.
        // A name its speech verb vouches for will do too: "of Cosmic Air Simrik Shrestha said".
        let vouched = || {
            last == b
                && toks.get(last).is_some_and(|t| t.has(F_JOINED) && !t.has(F_CAP))
                && self.is(last, SPEECH)
        };
        let person_after = last_head.map(|h| h + 1).filter(|&p| {
            // (Or whose surname recurs alone, outside a headline, where every word is
            // capitalised: "chairman of the Nobel Committee Ole Mjoes … Mjoes said".)
            (2..=3).contains(&(last - p))
                && (self.is(p, GIVEN)
                    || vouched()
                    || (!self.in_headline(p) && self.recurs_alone(last - 1, false, true)))
                && (p..last).all(|k| {
                    !toks[k].has(F_ALLCAPS | F_DIGIT)
                        && !self.is(k, NOTNAME)
                        && !self.is_titlish(k)
                        && !self.is(k, DEPARTMENTS)
                })
        });
        if let Some(p) = person_after.filter(|&p| p - first >= 2 && !office_then_name) {
            let country_hit = seat.map(|(_, h)| h);
            out.push(Candidate { kind: CandKind::Org, first, last: p, title: None, country_hit });
            out.push(Candidate { kind: CandKind::Person, first: p, last, title: None, country_hit: None });
            return;
        }
        // "Group A", "Division 2": a head word labelled by a letter or a number is a part of
        // something (a tournament's group), not a body of its own.
        let labelled = last_head.is_some_and(|h| {
            h == first && last == h + 2 && {
                let label = self.word(h + 1);
                label.len() == 1 || label.bytes().all(|c| c.is_ascii_digit())
            }
        });
        if labelled {
            return;
        }
        if last - first >= 2 && last_head.is_some() && !office_then_name {
            // An office after the head word with no name after it is no part of the name: "the
            // Fox News Chairman said" names Fox News, "Air Force Chief" the Air Force.
            let mut end = last;
            while last_head.is_some_and(|h| end > h + 1) && self.is_titlish(end - 1) {
                end -= 1;
            }
            if end - first >= 2 {
                let country_hit = seat.map(|(_, h)| h);
                out.push(Candidate { kind: CandKind::Org, first, last: end, title: None, country_hit });
            }
            return;
        }
        let mut s = a;
        let mut title_start = None;
        // Everything up to the last office noun is a title: "Environment Minister Alfonso Scanio",
        // "Europe Minister Geoff Hoon", and up to an abbreviated rank: "Texas Sen. Ted Cruz".
        let office = |k: usize| {
            self.is(k, TITLES) || (self.text[toks[k].end..].starts_with('.') && self.is(k, HONORIFICS))
        };
        if let Some(k) = (a..b.saturating_sub(1)).rev().find(|&k| office(k)) {
            // "New York Gov. Andrew Cuomo" opening a sentence: "New" is the place's first word.
            s = (a..=k).find(|&i| !opener(i) || opens_place(i)).unwrap_or(k);
            title_start = Some(s);
            s = k + 1;
            // "Attorney General Lord Peter Goldsmith", "US Secretary Treasury Robert Rubin"
            while s + 1 < b && (self.is_titlish(s) || self.is(s, DEPARTMENTS)) {
                s += 1;
            }
        } else {
            // Leading sentence openers, honorifics and modifiers ("The", "Mr.", "Sheikh").
            while s + 1 < b {
                if self.is(s, NOTNAME) {
                    if !opener(s) {
                        // "Los Angeles Clippers", "Northern Alliance": not a person's name
                        return;
                    }
                    title_start = None;
                } else if s == a && described(self.word(s)) && !self.given_compound(s) {
                    // "Man-of-the-match Sanath Jayasuriya", "Under-fire Rangers", "Botox-maker
                    // Allergan": a compound written with lower-case parts describes the name.
                    title_start = None;
                } else if toks[s].has(F_START) && self.is_gerund(s) {
                    // "Bashing Trump may be job one", "Debating Clinton's character".
                    title_start = None;
                } else if AUXILIARIES.contains(&self.word(s)) && self.opens_sentence(s) && self.asks(b) {
                    // "Is Sanders finally connecting …?", "Will Cruz …?": a question's verb.
                    title_start = None;
                } else if matches!(self.word(s), "Said" | "Says") && self.opens_sentence(s) && self.set_off(b)
                {
                    // `Said Comey, "The thought …"`: an attribution inverted at a sentence's
                    // start; not `," Said Mohammad Azam, director of …` (a name).
                    title_start = None;
                } else if self.is_titlish(s) || (title_start.is_some() && self.is(s, DEPARTMENTS)) {
                    // A field of an office is the end of its title: "US Secretary Treasury
                    // Robert Rubin", "Minister for Home Affairs Ho Peng Kee".
                    title_start.get_or_insert(s);
                } else {
                    break;
                }
                s += 1;
            }
            if s == a && b - a == 1 && self.is(s, NOTNAME) {
                return;
            }
        }
        // "Minister of Child Welfare Edward Mabiza": after "of", the name starts at a given name.
        if s > 0
            && title_start.is_none()
            && matches!(self.word(s - 1), "of" | "for" | "and")
            && !self.is(s, GIVEN)
        {
            if let Some(k) = (s + 1..b.saturating_sub(1)).find(|&k| self.is(k, GIVEN)) {
                title_start = Some(s);
                s = k;
            }
        }
        // A trailing day or month is not part of the name ("Liu Jianchao Thursday"); another
        // non-name word means the run is not a person ("Gerald Ford Museum").
        let mut e = b;
        while e > s && self.is(e - 1, NOTNAME) {
            if !self.is(e - 1, TIME) {
                return;
            }
            e -= 1;
        }
        // A place after a name of two words or more qualifies what follows ("the Bernie Sanders
        // Iowa campaign"); a name of one word and a place may be a name ("Whitney Houston").
        if let Some(from) = [e.saturating_sub(1), e.saturating_sub(2)]
            .into_iter()
            .find(|&k| k >= s + 2 && self.is_place(k, e))
        {
            e = from;
        }
        if s >= e {
            return;
        }
        let len = e - s;
        // Two words, one a place, and no given name: "Florida Latino", "Milwaukee Brewers", "Gaza
        // Strip", "the Sanders Iowa campaign", unless a title or a speech verb vouches for them
        // ("Whitney Houston said").
        let place_pair =
            len == 2 && !self.is(s, GIVEN) && (self.is_place(s, s + 1) || self.is_place(s + 1, e));
        // A word of an abstract noun's ending makes a run no one's name unless a given name
        // opens it: "Special Operations", "Fifth Amendment", "Responsive Politics" (but "Sean
        // Hannity", "Jeff Sessions", "Jean-Pierre Chevenement").
        if !self.given_like(s) && (s..e).any(|k| abstract_noun(self.word(k))) {
            return;
        }
        // Initials alone are no name: "Washington D.C. has", "the U.S. is".
        let initials_only = (s..e).all(|k| toks[k].end - toks[k].start == 1);
        if len > 4
            || initials_only
            || (self.is_titlish(e - 1) && !self.surname_like_honorific(a, s, e))
            || (s..e).any(|k| {
                // (A generational suffix ending a name of three or more words is written in
                // capitals: "Harold Pemberton III".)
                (toks[k].has(F_ALLCAPS | F_DIGIT) && !(k + 1 == e && len >= 3 && self.is(k, SUFFIX)))
                    || self.is(k, NOTNAME)
                    || self.is(k, HEADS)
                    // Fields of an office are never surnames ("Aviation and Sustainable Tourism").
                    || self.is(k, DEPARTMENTS)
            })
        {
            return;
        }
        // "21st Century Fox", "3rd Infantry Division": a name after an ordinal is a thing's.
        let ordinal = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].iter().any(|o| w.ends_with(o))
        };
        if s == a && a > 0 && toks[a].has(F_JOINED) && toks[a - 1].has(F_DIGIT) && ordinal(self.word(a - 1)) {
            return;
        }
        let title = title_start.map(|t| (t, s));
        let prev_role = a > 0 && toks[a].has(F_JOINED) && !toks[a - 1].has(F_CAP) && self.is_role(a - 1);
        // A name of two words or more set off by commas after a role noun: "his Greek Cypriot
        // counterpart, Glafcos Clerides, to try".
        let role_apposition = s == a
            && a > 0
            && len >= 2
            && e == b
            && toks[a - 1].has(F_COMMA)
            && !toks[a - 1].has(F_CAP)
            && self.is_role(a - 1)
            && (toks[e - 1].has(F_COMMA) || toks.get(e).is_none_or(|t| t.has(F_START)));
        let country_hit = self.country_before(a);
        let cand = Candidate { kind: CandKind::Person, first: s, last: e, title, country_hit };
        if len == 1 {
            // "President Chirac", "Mr. Smith"; not "Noordin" glued to a known "Mohammad Top".
            let titled = s > a && (self.is(s - 1, TITLES) || self.is(s - 1, HONORIFICS));
            let glued = e < toks.len()
                && toks[e].has(F_JOINED)
                && self.hit(e).is_some_and(|h| self.hits[h].person.is_some());
            // A given name after a title is mostly the start of a name cut by an initial
            // ("President George W. Bush"); after "Mr." or "Ms." it is a surname ("Ms. Kelly",
            // "Mr. Kim"), and after a monarch's or a prince's title the whole name ("Prince
            // William").
            let whole = s > a && self.is(s - 1, COURTESY | REGNAL);
            if titled && !glued && (whole || !self.is(s, GIVEN)) {
                out.push(cand);
            }
            return;
        }
        let given = self.is(s, GIVEN);
        let next_is = |lists: u32| {
            e == b
                && e < toks.len()
                && !toks[e].has(F_CAP)
                // "Name said", or ", Name, said" (a name set off by commas, after its role)
                && (toks[e].has(F_JOINED) || (toks[e - 1].has(F_COMMA) && a > 0 && toks[a - 1].has(F_COMMA)))
                && self.is(e, lists)
        };
        // "residents of Manhattan said", "The Kremlin expressed": a name after an article or a
        // preposition is no speaker by its verb alone.
        let introduced = a > 0
            && matches!(
                self.word(a - 1),
                "the" | "The" | "of" | "in" | "from" | "at" | "for" | "to" | "with"
            );
        let speech_after =
            !introduced && (next_is(SPEECH) || self.verb_after(e, b) || self.of_then_speech(e, b));
        let who = e == b && e < toks.len() && self.word(e) == "who";
        let speech_before = a > 0 && toks[a].has(F_JOINED) && self.is(a - 1, SPEECH);
        let byline = s > 0
            && self.word(s - 1).eq_ignore_ascii_case("by")
            && (toks[s - 1].has(F_START) || (self.in_headline(s) && !self.in_headline(e)))
            && toks[s].has(F_JOINED);
        let apposition = e == b && toks[e - 1].has(F_COMMA) && self.apposition(e);
        // A headline opening with a name and a colon quotes that person ("Ann Coulter: And Then
        // There Was the One"); elsewhere in a headline capitals prove nothing.
        let headline_speaker = toks[a].start == 0 && self.text[toks[e - 1].end..].starts_with(':');
        let given = given && (!self.in_headline(s) || headline_speaker);
        // Quoting them right after the colon vouches for a name of three words at most whose
        // last word the text names again: "Cecile Richards: ‘I’m …’ … Richards also spoke"
        // (not "Trump Addresses Munich Attack: ‘…’").
        let quoted_speaker = headline_speaker
            && e - s <= 3
            && self.after_headline.contains(self.word(e - 1))
            && self.text[toks[e - 1].end + 1..].trim_start().starts_with(['"', '\'', '\u{2018}', '\u{201C}']);
        // "Russia's Lavrov" names a person in a headline too; "Czech Formally Join" does not.
        // Between an article's country adjective and a lower-case noun, the run qualifies the
        // noun: "the Nepalese Peace Keeping contingent" names no one.
        let attributive = || {
            country_hit.is_some_and(|h| self.after_article(self.hits[h].start))
                && e == b
                && toks.get(e).is_some_and(|t| t.has(F_JOINED) && !t.has(F_CAP))
                && !self.is(e, SPEECH)
        };
        // A capital's possessive before a name is mostly a place's ("London's Hyde Park",
        // "Stockholm's Concert Hall"); a country's, a person's ("Russia's Lavrov").
        let seat = |h: usize| matches!(self.hits[h].country, Some((_, true)));
        let country_cue = country_hit.is_some_and(|h| !seat(h))
            && (!self.in_headline(s) || (a > 0 && toks[a - 1].has(F_POSS)))
            && !attributive();
        // "the Dallas Mavericks who", "the Melbourne Test boasting", "the Emma Maersk": a name
        // after the definite article is a team, an event, a ship or a place far more often than
        // a person, whatever its first word or the verb after it; only a title vouches for it
        // there, or the name recurring alone.
        // (A "The" opening the sentence is one too: "The Emma Maersk docked".)
        let definite = (a > 0 && toks[a].has(F_JOINED) && matches!(self.word(a - 1), "the" | "The"))
            || (s > a && self.word(s - 1) == "The");
        if place_pair && title.is_none() && !prev_role && !speech_after && !speech_before {
            return;
        }
        if definite && title.is_none() && !prev_role {
            maybes.push(cand);
        } else if title.is_some()
            || prev_role
            || role_apposition
            || given
            || quoted_speaker
            || country_cue
            || speech_after
            || speech_before
            || who
            || byline
            || apposition
        {
            out.push(cand);
        } else {
            maybes.push(cand);
        }
    }

    /// True when tokens `from..to` are a place of `roles.tsv` ("Iowa", "New York").
    fn is_place(&self, from: usize, to: usize) -> bool {
        let words: Vec<&str> = (from..to).map(|k| self.word(k)).collect();
        self.cues.places.contains(&words.join(" ").to_lowercase())
    }

    /// True when token `i`'s word, or the first part of a compound ("Jean-Pierre"), is a given
    /// name or one of a woman's or a man's.
    fn given_like(&self, i: usize) -> bool {
        let first = self.word(i).split('-').next().unwrap_or("").to_lowercase();
        self.is(i, GIVEN)
            || self.cues.given.contains(&first)
            || self.cues.female.contains(&first)
            || self.cues.male.contains(&first)
    }

    /// True when token `i` is a compound opened by a given name ("Dan-el Padilla Peralta").
    fn given_compound(&self, i: usize) -> bool {
        let first = self.word(i).split('-').next().unwrap_or("");
        self.cues.given.contains(&first.to_lowercase())
    }

    /// Token `i` opens a sentence or paragraph (not merely a quotation, as [`F_START`] says).
    fn opens_sentence(&self, i: usize) -> bool {
        let before = self.text[..self.toks[i].start].trim_end_matches(' ');
        before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
    }

    /// The sentence going on from token `b` ends in a question mark.
    fn asks(&self, b: usize) -> bool {
        let from = self.toks.get(b.saturating_sub(1)).map_or(self.text.len(), |t| t.end);
        let rest = &self.text[from..];
        rest.find(['.', '!', '?', '\n']).is_some_and(|i| rest[i..].starts_with('?'))
    }

    /// The run ending before token `b` is set off by a comma or a colon after it.
    fn set_off(&self, b: usize) -> bool {
        self.toks[b - 1].has(F_COMMA) || self.text[self.toks[b - 1].end..].starts_with(':')
    }

    /// A person verb right after the name, maybe after one adverb ("Mao Asada also reached" is
    /// not one, "Darren Bent then scored" is).
    fn verb_after(&self, e: usize, b: usize) -> bool {
        let toks = self.toks;
        if e != b || e >= toks.len() || !toks[e].has(F_JOINED) || toks[e].has(F_CAP) {
            return false;
        }
        if self.is(e, VERBS) {
            return true;
        }
        let adverb = matches!(self.word(e), "then" | "also" | "later" | "finally" | "eventually")
            || self.word(e).ends_with("ly");
        adverb && e + 1 < toks.len() && toks[e + 1].has(F_JOINED) && self.is(e + 1, VERBS)
    }

    /// "Harushige Kobayashi of Yamaichi Securities said": `of`, the capitalised words of where
    /// the name works or comes from, then a speech verb.
    fn of_then_speech(&self, e: usize, b: usize) -> bool {
        let toks = self.toks;
        if e != b || e + 1 >= toks.len() || self.word(e) != "of" || !toks[e].has(F_JOINED) {
            return false;
        }
        let from = e + 1;
        let end = (from..toks.len().min(from + 8))
            .find(|&k| !toks[k].has(F_JOINED) || !toks[k].has(F_CAP))
            .unwrap_or(toks.len());
        end > from
            && end < toks.len()
            && toks[end].has(F_JOINED)
            && !toks[end].has(F_CAP)
            && !toks[end - 1].has(F_COMMA)
            && self.is(end, SPEECH)
    }

    /// After "Name,": a role noun before the next comma or full stop ("Nicholas Burns, the State
    /// Department spokesman"), a describer closing it ("Ann Smith, a city official,"), or
    /// an age ("John Smith, 45,").
    fn apposition(&self, from: usize) -> bool {
        let toks = self.toks;
        if from < toks.len()
            && toks[from].has(F_DIGIT)
            && toks[from].end - toks[from].start <= 2
            && toks[from].has(F_COMMA)
        {
            return true;
        }
        // A describer ("official") is a person only as the head of an apposition closed by a
        // comma: "a Tehran pollution official," or "an official with the ministry,". In "…, an
        // official with the ministry said" it opens a new subject; in "the official news
        // agency," it qualifies a noun.
        let mut described = false;
        for (k, t) in toks.iter().enumerate().skip(from).take(10) {
            if k > from && t.has(F_START) {
                return false;
            }
            if k < from + 7 && !t.has(F_CAP) && self.is_role(k) {
                return true;
            }
            let heads = t.has(F_COMMA)
                || (k + 1 < toks.len()
                    && matches!(self.word(k + 1), "with" | "at" | "of" | "in" | "from" | "for" | "on"));
            described |= heads && !t.has(F_CAP) && self.is(k, DESCRIBERS);
            if t.has(F_COMMA) {
                return described;
            }
        }
        false
    }

    /// True when the run's last word `e - 1`, an honorific that is no title nor modifier
    /// ("King", "Lord"), is a surname: after a name opened by a given name or a title before it
    /// (`s..e` of the run `a..`: "Billie Jean King", "Senator Angus King"), or alone after a
    /// courtesy title ("Mr. King").
    fn surname_like_honorific(&self, a: usize, s: usize, e: usize) -> bool {
        let last = e - 1;
        let honorific_only = self.is(last, HONORIFICS) && !self.is(last, TITLES) && !self.is(last, MODIFIERS);
        let after_given = e - s >= 2 && (s > a || self.is(s, GIVEN));
        let after_courtesy = e - s == 1 && s > a && self.is(s - 1, COURTESY);
        honorific_only && (after_given || after_courtesy)
    }
}
