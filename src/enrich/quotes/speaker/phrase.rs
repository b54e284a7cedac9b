//! The noun phrase that names a speaker around the speech verb: `said X, the …` after it,
//! `the … X said` before it, with the appositions, roles and possessives such phrases hold.

use crate::enrich::company_suffix;
use crate::enrich::quotes::lexicon::{
    lower_in, ADVERBIAL_PREPOSITIONS, ADVERBS, DETERMINERS, ING_PREPOSITIONS, INSTITUTIONS,
    MORE_PREPOSITIONS, PARTICLES, PERIODICALS, PERSONAL, PREPOSITIONS,
};
use crate::enrich::quotes::names::{ends_ly, name_word, noun_phrase, party_tag, Who, WhoKind};
use crate::enrich::quotes::text::Text;
use crate::enrich::quotes::tokens::Kind;

use super::Grammar;

impl Grammar {
    /// The noun phrase that starts `seq` (after a verb): `said X, the …`.
    pub(super) fn forward_np(&self, text: &Text, seq: &[usize]) -> Option<Who> {
        let mut end = 0;
        while end < seq.len() {
            let i = seq[end];
            let t = text.toks[i];
            let inner = t.is_punct('/') || t.is_punct('-');
            // "a source familiar with the talks": the adjective and its complement follow the
            // phrase.
            let complement = text.word_in(i, &COMPLEMENTED_ADJECTIVES)
                && seq.get(end + 1).is_some_and(|&n| text.word_in(n, &["to", "with"]));
            // `says Mafokate afterwards`, `said Ruiz later`: an adverb after the phrase ends it.
            // (After a name only: "the mostly young crowds", "the business daily".)
            let adverb = end > 0
                && text.is_cap(seq[end - 1])
                && !text.is_cap(i)
                && !text.word_in(i, &PERIODICALS)
                && (text.word_in(i, &ADVERBS) || ends_ly(text, i) || text.word(i).ends_with("wards"));
            // `said one of two witnesses`, `said one of those advisers`: the quantifier's "of"
            // phrase is the speaker's.
            let partitive = end == 1
                && text.word_in(i, &["of"])
                && text
                    .word_in(seq[0], &["one", "another", "some", "several", "many", "two", "three", "each"]);
            // Other prepositions end it too, written in lower case ("the government following
            // reports", not "Under Secretary"), the -ing ones among them.
            let preposition = || {
                !text.is_cap(i)
                    && (text.word_in(i, &MORE_PREPOSITIONS)
                        || (text.word(i).ends_with("ing") && text.word_in(i, &ING_PREPOSITIONS)))
            };
            if !(t.is_word() || inner || text.abbreviation_dot(i))
                || (text.word_in(i, &PREPOSITIONS) && !partitive)
                || self.is_verb(text, i)
                || complement
                || adverb
                || preposition()
            {
                break;
            }
            end += 1;
            if end >= 8 {
                break;
            }
        }
        // `said a statement issued by the Defense Ministry`, `according to a document filed by
        // Ana Ruiz`: the agent of the participle closing the phrase is who speaks through it.
        // Not after a clause of its own: `said a beaming Houllier when interviewed by Canal Plus`.
        let by_agent = end >= 2
            && seq.get(end).is_some_and(|&k| text.word_in(k, &["by"]))
            && !seq[..end]
                .iter()
                .any(|&k| text.word_in(k, &["when", "while", "after", "before", "if", "as", "once"]))
            && text.is_word(seq[end - 1])
            && !text.is_cap(seq[end - 1])
            && text.word(seq[end - 1]).ends_with("ed");
        if by_agent {
            let rest = &seq[end + 1..];
            let agent =
                rest.iter().take_while(|&&k| !text.word_in(k, &PREPOSITIONS) && !self.is_verb(text, k));
            if let Some(who) = noun_phrase(text, &rest[..agent.count().min(8)]) {
                return Some(who);
            }
        }
        apposed_name(text, seq, end)
            .or_else(|| self.name_after_field(text, seq, end))
            .or_else(|| noun_phrase(text, &seq[..end]))
    }

    /// `said former secretary of state Hillary Clinton`, `said the deputy director of the
    /// tournament Qin Weichang`, `said Secretary of State John Kerry`: a role noun, `of` or
    /// `for` and its field, then the name that closes the phrase, who speaks. Not a name
    /// qualifying a noun after it ("head of the North Korean delegation").
    fn name_after_field(&self, text: &Text, seq: &[usize], end: usize) -> Option<Who> {
        let &last = seq[..end].last()?;
        let role = text.is_role_noun(last) || text.is_title(last);
        if !role || !seq.get(end).is_some_and(|&i| text.word_in(i, &["of", "for"])) {
            return None;
        }
        let field = end + 1;
        let mut k = field;
        while k < seq.len() && k - field < 3 && text.is_word(seq[k]) && !text.is_cap(seq[k]) {
            k += 1;
        }
        let lower_field = k > field;
        let mut from = k;
        while k < seq.len() && name_word(text, seq[k]) {
            k += 1;
        }
        let qualifies =
            seq.get(k).is_some_and(|&i| text.is_word(i) && !text.is_cap(i) && !self.is_verb(text, i));
        if qualifies {
            return None;
        }
        if !lower_field {
            // `said Secretary of State John Kerry`, `said Minister for Europe Douglas Alexander`:
            // a field written in capitals runs into the name, which is its last two words (the
            // speaker's mention, which the name overlaps, says who it is), or the last one
            // after a one-word field. Only after a title in capitals: the name after a role
            // noun's field is the field's ("the spokesman of President Ana Ruiz").
            let run = k - from;
            if run < 2 || !text.is_cap(last) {
                return None;
            }
            from = k - if run >= 3 { 2 } else { 1 };
        } else if k - from < 2 {
            return None;
        }
        noun_phrase(text, &seq[from..k]).filter(|w| w.kind == WhoKind::Name)
    }

    /// The subject before a speech verb that ends `seq`, skipping adverbs and one appositive.
    /// The name before an appositive that the reporting left open, a bare role noun and what
    /// qualifies it between a comma and the verb: `Ana Ruiz, head of marketing at Lima said`
    /// (not Lima). Only a bare role noun: after a determiner, the role phrase is the subject
    /// itself (`After meeting Ruiz, the head of the party said`).
    fn name_before_open_appositive(&self, text: &Text, seq: &[usize]) -> Option<Who> {
        let comma = (seq.len().saturating_sub(12)..seq.len()).rev().find(|&c| !text.is_word(seq[c]))?;
        if !text.toks[seq[comma]].is_punct(',') || comma == 0 || comma + 1 >= seq.len() {
            return None;
        }
        let role = &seq[comma + 1..];
        if !text.is_role_noun(role[0]) || role.iter().any(|&i| self.is_verb(text, i)) {
            return None;
        }
        let before = &seq[..comma];
        let names =
            before.iter().rev().take_while(|&&i| name_word(text, i) || text.abbreviation_dot(i)).count();
        if names == 0 {
            return None;
        }
        noun_phrase(text, &before[before.len() - names..]).filter(|w| w.kind == WhoKind::Name)
    }

    pub(super) fn backward_np(&self, text: &Text, seq: &[usize], depth: usize) -> Option<Who> {
        let mut j = seq.len();
        // Lower-case only: "Will wrote" is George Will. After a determiner, "daily" names a
        // newspaper ("the daily said"), where "swiftly" stays an adverb ("a swiftly called").
        let periodical =
            |k: usize| k > 0 && text.word_in(seq[k - 1], &DETERMINERS) && text.word_in(seq[k], &PERIODICALS);
        while j > 0
            && !periodical(j - 1)
            && ((text.word_in(seq[j - 1], &ADVERBS) && !text.is_cap(seq[j - 1])) || ends_ly(text, seq[j - 1]))
        {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        if is_dash(text, seq[j - 1]) {
            // `John McCain — who lost in 2008 — said`, `A former candidate -- John McCain, who
            // lost in 2008 -- said`: the parenthesis between dashes is skipped like an
            // appositive, unless it opens with the name of the phrase before it.
            let mut close = j - 1;
            while close > 0 && is_dash(text, seq[close - 1]) {
                close -= 1;
            }
            let open = (close.saturating_sub(30)..close).rev().find(|&k| is_dash(text, seq[k]))?;
            let inner = &seq[open + 1..close];
            let name_len = inner.iter().take_while(|&&k| text.is_cap(k) || text.abbreviation_dot(k)).count();
            let named = name_len > 0 && inner.get(name_len).is_none_or(|&k| text.toks[k].is_punct(','));
            if let Some(who) = named.then(|| noun_phrase(text, &inner[..name_len])).flatten() {
                if who.kind == WhoKind::Name {
                    return Some(who);
                }
            }
            let mut start = open;
            while start > 0 && is_dash(text, seq[start - 1]) {
                start -= 1;
            }
            return self.backward_np(text, &seq[..start], depth);
        }
        if let Some(who) = self.name_before_open_appositive(text, &seq[..j]) {
            return Some(who);
        }
        if text.toks[seq[j - 1]].is_punct(',') {
            // `X, the foreign minister, said`, `X, speaking in Paris, said`
            // Up to 40 words back: `Trump, who previously questioned whether … on the
            // Mexican border, said` holds a long relative clause.
            let from = j.saturating_sub(40);
            let k = (from..j - 1).rev().find(|&k| text.toks[seq[k]].is_punct(','))?;
            // `After winning Ohio, Gov. John Kasich, said`: the part between the commas is the
            // name itself when it is a capitalised phrase.
            let between = &seq[k + 1..j - 1];
            let all_caps = between
                .iter()
                .all(|&i| text.is_cap(i) || text.abbreviation_dot(i) || text.word_in(i, &PARTICLES));
            // `… in Columbus, Ohio, said`: one capitalised word after a capitalised word and a
            // comma is the state of a city, not a name.
            let city_state = between.len() == 1 && k > 0 && text.is_cap(seq[k - 1]);
            if !between.is_empty() && all_caps && !city_state && !party_and_state(text, between) {
                if let Some(who) = noun_phrase(text, between).filter(|w| w.kind == WhoKind::Name) {
                    return Some(who);
                }
            }
            j = k;
            // `Karaha, speaking at the news conference in Goma, on the border, said`: the phrase
            // before the skipped one may itself be an appositive opened by a participle or a
            // relative pronoun; it is skipped too (twice at most).
            for _ in 0..2 {
                let Some(c) = (j.saturating_sub(20)..j).rev().find(|&c| text.toks[seq[c]].is_punct(','))
                else {
                    break;
                };
                let Some(&opener) = seq.get(c + 1).filter(|_| c + 1 < j) else { break };
                let w = if text.is_word(opener) { text.word(opener) } else { "" };
                let appositive = w.starts_with(|c: char| c.is_lowercase())
                    && (w.ends_with("ing") || lower_in(w, &["who", "whose", "which"]));
                if !appositive {
                    break;
                }
                j = c;
            }
            if j == 0 {
                return None;
            }
        }
        // "A letter from the Legion obtained by The Associated Press warns": who obtained, saw
        // or reviewed a document did not write it; the subject is before the participle. (An
        // author's participle is kept: "a statement issued by the ministry said" is the
        // ministry's.)
        if depth == 0 {
            let clause = (j.saturating_sub(12)..j).rev().take_while(|&k| text.is_word(seq[k]));
            let acquired = |&b: &usize| {
                b > 1
                    && text.word(seq[b]) == "by"
                    && text.word_in(
                        seq[b - 1],
                        &["obtained", "seen", "reviewed", "received", "viewed", "examined"],
                    )
            };
            if let Some(b) = clause.filter(acquired).last() {
                return self.backward_np(text, &seq[..b - 1], depth + 1);
            }
        }
        // "a White House official who spoke anonymously to discuss strategy said": the subject
        // is before the relative clause that runs, unpunctuated, up to the verb. Not after a
        // comma, nor when "who" is the clause's object ("Trump, who he blasted as").
        if depth == 0 {
            let clause = (j.saturating_sub(12)..j).rev().take_while(|&k| text.is_word(seq[k]));
            let subject_who = |&w: &usize| {
                w > 0 && w + 1 < j && text.is_word(seq[w - 1]) && !text.word_in(seq[w + 1], &PERSONAL)
            };
            if let Some(w) = clause.filter(|&k| text.word(seq[k]) == "who").last().filter(subject_who) {
                if let Some(who) = self.backward_np(text, &seq[..w], depth + 1) {
                    return Some(who);
                }
            }
        }
        // The period of a company's suffix ending the phrase is no word of it: "Harushige
        // Kobayashi of Yamaichi Securities Co. Ltd. said". (Not a state's: "Hewlett-Packard, a
        // Palo Alto, Calif., computer company, said" names no "Calif".)
        if j > 1
            && text.abbreviation_dot(seq[j - 1])
            && text.is_word(seq[j - 2])
            && company_suffix(text.word(seq[j - 2]))
        {
            j -= 1;
        }
        let last = seq[j - 1];
        if !text.is_word(last) {
            return None;
        }
        let w = text.word(last);
        if depth == 0 && (w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which") || w == "that") {
            let mut k = j - 1;
            if k > 0 && text.toks[seq[k - 1]].is_punct(',') {
                k -= 1;
            }
            return self.backward_np(text, &seq[..k], depth + 1);
        }
        if text.word_in(last, &PERSONAL) {
            return Some(Who {
                start: text.toks[last].start,
                end: text.toks[last].end,
                kind: WhoKind::Pronoun,
            });
        }
        // The phrase: words back to a determiner, a preposition, a verb or punctuation.
        let mut k = j - 1;
        // A name with its institution may run longer: "Jeffrey Lewis of the James Martin Center
        // for Nonproliferation Studies wrote".
        let named_chain =
            |k: usize| seq[k..j].iter().all(|&i| text.is_cap(i) || text.word_in(i, &["of", "for", "the"]));
        while k > 0 && (j - k < 8 || (j - k < 14 && named_chain(k))) {
            let p = seq[k - 1];
            // "Marco Rubio of Florida", "the Center for Nonproliferation Studies": "of" and
            // "for" between capitals stay inside the phrase.
            let inner_of =
                text.word_in(p, &["of", "for"]) && k >= 2 && text.is_cap(seq[k - 2]) && text.is_cap(seq[k]);
            let ok = (text.is_word(p) && !self.is_verb(text, p) && !text.word_in(p, &PREPOSITIONS))
                || text.abbreviation_dot(p)
                || possessive_mark(text, p)
                || inner_of;
            if !ok {
                break;
            }
            // "Mr. Morgan of the Sierra Club": so does "of the".
            if k >= 3
                && text.word_in(p, &["the"])
                && text.word_in(seq[k - 2], &["of"])
                && text.is_cap(seq[k - 3])
            {
                k -= 2;
                continue;
            }
            // ("As one employee told …": "one" is a determiner too, not part of a longer phrase.)
            let determiner = ["the", "a", "an", "his", "her", "their", "its", "one", "another"];
            if text.is_word(p) && lower_in(text.word(p), &determiner) {
                k -= 1;
                break;
            }
            if text.is_word(p) && !text.is_cap(p) && !text.is_cap(seq[k]) && !text.word_in(p, &PARTICLES) {
                // Two lower-case words in a row: keep the phrase short ("the campaign aide"),
                // unless it names whose it is: "the former vice president's spokeswoman".
                let owned = seq[k..j].iter().any(|&i| {
                    possessive_mark(text, i)
                        || (text.is_word(i) && ["'s", "’s"].iter().any(|s| text.word(i).ends_with(s)))
                });
                if j - k >= 3 && !owned {
                    break;
                }
            }
            k -= 1;
        }
        if !text.is_cap(last)
            && !seq[k..j].iter().any(|&i| {
                text.is_word(i) && lower_in(text.word(i), &["the", "a", "an", "his", "her", "their", "its"])
            })
        {
            // A lone lower-case word before the verb is rarely a subject ("that said"), unless
            // it is a plural role noun ("officials said") that no preposition governs ("from
            // farmers to professors, called").
            let governed = k > 0 && text.word_in(seq[k - 1], &PREPOSITIONS);
            if j - k < 2 && (!text.is_plural_role_noun(last) || governed) {
                return None;
            }
        }
        // `The senator from Vermont said`, `a spokeswoman for the agency said`: the place or body
        // after a role noun only qualifies it; the phrase ending with the role noun is the
        // subject.
        // So does a chain of such names: `an official with the Central Committee of the Youth
        // League said` (`m` steps back over the names to the preposition after the role noun).
        // (An office speaks for where it is too: "the police office of Kavre said" is the
        // office's, not Kavre's.)
        let speaks_for = |at: usize| text.is_role_noun(seq[at]) || text.word_in(seq[at], &INSTITUTIONS);
        let mut m = k;
        while m >= 2 && text.word_in(seq[m - 1], &["from", "of", "for", "with"]) && !speaks_for(m - 2) {
            let mut q = m - 1;
            while q > 0 && m - 1 - q < 6 && (text.is_cap(seq[q - 1]) || text.word_in(seq[q - 1], &["the"])) {
                q -= 1;
            }
            if q == m - 1 || !text.is_cap(seq[m - 2]) {
                break;
            }
            m = q;
        }
        if m >= 2 && text.word_in(seq[m - 1], &["from", "of", "for", "with"]) && speaks_for(m - 2) {
            if let Some(who) = self.backward_np(text, &seq[..m - 1], depth) {
                // Whom a spokesman speaks for is part of the description: "a spokesman for the
                // agency", "an official with the ministry", and so is where a senator is from.
                let whole = text.word_in(seq[m - 1], &["for", "with", "from"]);
                // (Not the place the reporter writes from: "a spokesman from the ministry here".)
                let last =
                    if j - 1 > m && text.word_in(seq[j - 1], &["here", "there"]) { j - 2 } else { j - 1 };
                let end = if whole { text.toks[seq[last]].end } else { who.end };
                return Some(Who { end, ..who });
            }
        }
        // `Sanders' email to his supporters notes`, `a letter to the editor says`: whom a document
        // is addressed to did not write it; the subject is the phrase ending with the document.
        if k >= 2 && text.word_in(seq[k - 1], &["to"]) && text.word_in(seq[k - 2], &super::DOCUMENTS) {
            if let Some(who) = self.backward_np(text, &seq[..k - 1], depth) {
                return Some(who);
            }
        }
        // `a source familiar with the talks said`, `an aide close to Putin said`: what follows
        // the adjective's preposition, a name or not, is its complement; the subject stands
        // before the adjective.
        if k >= 3
            && text.word_in(seq[k - 1], &["to", "with"])
            && text.word_in(seq[k - 2], &COMPLEMENTED_ADJECTIVES)
        {
            if let Some(who) = self.backward_np(text, &seq[..k - 2], depth) {
                return Some(who);
            }
        }
        // `a source speaking to Fox News said`, `Ben Ode talking with CNN said`: whom a participle
        // of speech addresses is its object; the subject stands before the participle.
        if k >= 3
            && text.word_in(seq[k - 1], &["to", "with", "on"])
            && text.word_in(seq[k - 2], &SPEAKING_PARTICIPLES)
        {
            if let Some(who) = self.backward_np(text, &seq[..k - 2], depth) {
                return Some(who);
            }
        }
        let phrase = noun_phrase(text, &seq[k..j]);
        // `a staffer in the room wondered`, `Beck, who has in the past described`: a common noun
        // phrase (not a name) after a preposition of place or time is an adverbial; the subject
        // stands before it (past an auxiliary).
        let common = phrase.as_ref().is_none_or(|w| w.kind == WhoKind::Other);
        if common && k >= 2 && text.word_in(seq[k - 1], &ADVERBIAL_PREPOSITIONS) {
            let mut m = k - 1;
            if text.word_in(seq[m - 1], &["has", "have", "had"]) {
                m -= 1;
            }
            // Only a phrase that opens like one (a capital or a determiner): not `improve India's
            // relations in the region said`.
            let opens = |w: &Who| {
                let first = seq.iter().find(|&&i| text.toks[i].start == w.start);
                first.is_some_and(|&i| text.is_cap(i) || text.word_in(i, &DETERMINERS))
            };
            if let Some(who) = self.backward_np(text, &seq[..m], depth).filter(opens) {
                return Some(who);
            }
        }
        phrase
    }
}

/// True when token `i` is a dash standing apart from words ("—", "–", or one of the two hyphens
/// of "--"), which sets off a parenthesis.
pub(super) fn is_dash(text: &Text, i: usize) -> bool {
    matches!(text.toks[i].kind, Kind::Punct('—' | '–' | '―' | '-'))
}

/// True when token `i` is the apostrophe of a plural's possessive, glued to its word ("a miners'
/// union official", "Sanders' campaign"): part of a noun phrase.
pub(super) fn possessive_mark(text: &Text, i: usize) -> bool {
    matches!(text.toks[i].kind, Kind::Punct('\'' | '’'))
        && i > 0
        && text.toks[i - 1].end == text.toks[i].start
}

/// Adjectives that take a complement after a speaker's phrase ("a source familiar with the
/// talks", "an aide close to Putin"): the complement is never the speaker.
const COMPLEMENTED_ADJECTIVES: [&str; 4] = ["close", "closest", "familiar", "loyal"];

/// Participles of speaking whose object (`speaking to Fox News`) may stand between a subject and
/// its speech verb.
const SPEAKING_PARTICIPLES: [&str; 6] =
    ["speaking", "talking", "writing", "appearing", "posting", "testifying"];

/// True when the phrase `between` two commas is a legislator's party and state ("Mitch
/// McConnell, R-Ky., said", "D-S.C.").
fn party_and_state(text: &Text, between: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (between.first(), between.last()) else { return false };
    party_tag(&text.body[text.toks[first].start..text.toks[last].end])
}

/// The name set in apposition after the phrase `seq[..end]` when that phrase ends in a role or
/// title: the person it describes. `said the Saudi intelligence chief, Prince Muqrin bin Abdul
/// Aziz.`, `said Britain's Minister for Europe, Douglas Alexander, whose …` (one short phrase
/// after a preposition may complete the role).
fn apposed_name(text: &Text, seq: &[usize], end: usize) -> Option<Who> {
    let &last = seq[..end].last()?;
    if !(text.is_title(last) || text.is_role_noun(last)) {
        return None;
    }
    let mut k = end;
    if seq.get(k).is_some_and(|&i| text.word_in(i, &["for", "of", "to", "at", "in"])) {
        k += 1;
        let start = k;
        // The phrase may describe its body in lower case ("an analyst at investment bank
        // Investec, Bruce Evers"), as long as a name ends it.
        while k < seq.len()
            && k - start < 5
            && (text.is_word(seq[k]) || text.abbreviation_dot(seq[k]))
            && !text.word_in(seq[k], &PERSONAL)
        {
            k += 1;
        }
        if k == start || !(text.is_cap(seq[k - 1]) || text.abbreviation_dot(seq[k - 1])) {
            return None;
        }
    }
    if !seq.get(k).is_some_and(|&i| text.toks[i].is_punct(',')) {
        return None;
    }
    let from = k + 1;
    let mut to = from;
    while to < seq.len()
        && (text.is_cap(seq[to]) || text.abbreviation_dot(seq[to]) || text.word_in(seq[to], &PARTICLES))
    {
        to += 1;
    }
    // The name closes the sentence or its own apposition.
    if to == from || !(to == seq.len() || text.toks[seq[to]].is_punct(',')) {
        return None;
    }
    noun_phrase(text, &seq[from..to]).filter(|w| w.kind == WhoKind::Name)
}
