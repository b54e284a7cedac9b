//! Finding the mention that attributes a quotation: `"…," said X`, `"…," X said`, `X said: "…"`,
//! `X said that … "…"`, `according to X`, `X, the foreign minister, said`, `he added`.

use crate::enrich::hash::WordSet;

use super::lexicon::{
    lower_in, ADVERBIAL_PREPOSITIONS, ADVERBS, BE_FORMS, CONJUNCTIONS, DETERMINERS, ING_PREPOSITIONS,
    INVERTING_VERBS, LISTENER_VERBS, MODALS, MORE_PREPOSITIONS, OBJECT_VERBS, PARTICLES, PERIODICALS,
    PERSONAL, PREPOSITIONS,
};
use super::names::{ends_ly, name_runs, name_word, noun_phrase, party_tag, verbish, Who, WhoKind};
use super::text::Text;
use super::tokens::Kind;
use super::MIN_WORDS;

/// The attribution grammar, with the configured speech verbs.
#[derive(Debug)]
pub(super) struct Grammar {
    verbs: WordSet,
}

impl Grammar {
    /// A grammar with the given speech verb forms (lower case).
    pub fn new(verbs: WordSet) -> Grammar {
        Grammar { verbs }
    }

    /// True for a speech verb. Only lower-case forms count, but for a sentence's first word
    /// ("Said Trump: …"): a capitalised "States" is a name.
    pub(super) fn is_verb(&self, text: &Text, i: usize) -> bool {
        if !text.is_word(i) {
            return false;
        }
        let w = text.word(i);
        // `… that states can pass such laws`: a speech verb's form followed by a lower-case modal
        // is a noun, or the verb of a clause that is itself a subject (`what he said would
        // happen`), never a quotation's attribution.
        if i + 1 < text.toks.len() && text.word_in(i + 1, &MODALS) && !text.is_cap(i + 1) {
            return false;
        }
        if w.starts_with(|c: char| c.is_lowercase()) {
            // Most words are no speech verb: that is looked up first.
            if !self.verbs.contains(w) {
                return false;
            }
            // `the aide was charged with …`, `she was asked about …`: a passive's subject is
            // spoken to or about. ("was saying" is a participle, which callers weigh apart.)
            let passive = i > 0 && !w.ends_with("ing") && text.word_in(i - 1, &BE_FORMS);
            // `a series of tweets`, `his remarks`: after an article, a possessive or a
            // preposition (but the infinitive's "to"), the form is a noun. ("Another tweeted":
            // a determiner standing alone is the subject.)
            let noun = i > 0
                && (text
                    .word_in(i - 1, &["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
                    || (text.word_in(i - 1, &PREPOSITIONS) && !text.word_in(i - 1, &["to"])));
            return !passive && !noun;
        }
        let sentence_start = i == 0 || text.toks[i - 1].kind == Kind::Break || text.ends_sentence(i - 1);
        sentence_start && self.verbs.contains(&w.to_lowercase())
    }

    /// True for a participle ("…, saying …", "issued a statement saying …"): its subject is the
    /// clause's subject, found by the caller.
    fn participle(&self, text: &Text, seq: &[usize], v: usize) -> bool {
        text.word(seq[v]).ends_with("ing")
    }

    /// The attribution after a closing mark at token `close`: `"…," said X` or `"…," X said`.
    pub fn after(&self, text: &Text, close: usize) -> Option<Who> {
        let mut seq = Vec::new();
        let mut i = close + 1;
        let mut depth = 0usize; // inside parentheses: "Rep. Ann Lee (D-Ohio) said"
        let mut dash = false;
        while i < text.toks.len() && seq.len() < 30 {
            let t = text.toks[i];
            // `"…," Texas delegate Bill Eastland, wearing "Ted Cruz" pins, said`: a quoted name
            // inside the attribution is stepped over.
            if let Some(close) =
                (t.kind == Kind::Open && !seq.is_empty()).then(|| quoted_name_end(text, i)).flatten()
            {
                i = close + 1;
                continue;
            }
            if t.kind == Kind::Break || t.is_mark() || (depth == 0 && text.ends_sentence(i)) {
                break;
            }
            match t.kind {
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => depth = depth.saturating_sub(1),
                _ if seq.is_empty() && (t.is_punct(',') || is_dash(text, i)) => {
                    dash |= is_dash(text, i);
                }
                _ if depth == 0 => seq.push(i),
                _ => {}
            }
            i += 1;
        }
        let stopped_at_mark = text.toks.get(i).is_some_and(|t| t.is_mark());
        let first = *seq.first()?;
        if let Some(who) = quoted_as(text, &seq) {
            // `"…," the agency quoted Ana Ruiz as saying`: the quoted person speaks.
            return Some(who);
        }
        // A byline-style attribution: `"…" — Ana Ruiz` closing the paragraph.
        let ends_paragraph = |k: usize| k >= text.toks.len() || text.toks[k].kind == Kind::Break;
        let at_end = ends_paragraph(i) || (text.ends_sentence(i) && ends_paragraph(i + 1));
        let words = seq.iter().filter(|&&k| !text.abbreviation_dot(k)).count();
        if dash && at_end && words <= 4 {
            return noun_phrase(text, &seq).filter(|w| w.kind == WhoKind::Name);
        }
        if self.is_verb(text, first) {
            // `… of "New York values," saying the city embodied …`, `…," described the impact
            // as …`: a participle, or a verb whose object follows it, is no inverted attribution;
            // its subject is the clause's, before the quotation.
            // `"…" suggests that Phoenix …`: a verb taking a clause is the quotation's own
            // predicate, not an attribution.
            let clause = seq.get(1).is_some_and(|&k| text.word_in(k, &["that"]));
            if self.participle(text, &seq, 0) || text.word_in(first, &OBJECT_VERBS) || clause {
                return None;
            }
            return self.forward_np(text, &seq[1..]);
        }
        if text.word_in(first, &["as"]) {
            // `"…," as Cruz said on Monday`: the name right after `as`, then the speech verb.
            let rest = &seq[1..];
            let v = rest.iter().take(8).position(|&i| self.is_verb(text, i))?;
            let opens = |w: &Who| rest.first().is_some_and(|&k| text.toks[k].start == w.start);
            return self.backward_np(text, &rest[..v], 0).filter(opens);
        }
        if text.word_in(first, &CONJUNCTIONS) {
            // `"…," but he also warned …` is a new clause, not an attribution; but a sentence
            // closing with `, said X` is all X's: `Couple exposure with a "…" and Clevelanders
            // get nervous, said Christine Link.`
            let v = seq.iter().take(24).position(|&i| text.word_in(i, &INVERTING_VERBS))?;
            let after_comma = v > 0 && text.toks[seq[v - 1]].is_punct(',');
            return self.forward_np(text, &seq[v + 1..]).filter(|w| after_comma && w.kind == WhoKind::Name);
        }
        // A quotation closing its sentence (`… nation.” Russia insisted that “…”`) is followed by
        // the next sentence, which attributes its own quotation when it has one.
        let closes_sentence = close > 0 && text.toks[close - 1].is_punct('.') && text.is_cap(first);
        if closes_sentence && stopped_at_mark {
            return None;
        }
        // `X said`, `X, the minister, said`, `… than that of Y, X said`: the first speech verb
        // within a short window, with only noun phrases and commas before it.
        // (Not a participle, `"…" had sent troops, claiming that Kabila …`, but for `X was
        // quoted as saying`.)
        let finite = |i: usize| {
            self.is_verb(text, i)
                && (!text.word(i).ends_with("ing") || (i > 0 && text.word_in(i - 1, &["as"])))
        };
        let Some(v) = seq.iter().take(24).position(|&i| finite(i)) else {
            // `"…?" Vitter demanded.`, `"…," Bennett shot back`: a name, then a verb of any kind,
            // right after a quotation that does not end its sentence.
            let continues = close > 0 && matches!(text.toks[close - 1].kind, Kind::Punct(',' | '?' | '!'));
            let ends = i < text.toks.len() && text.ends_sentence(i);
            let name_len = seq.iter().take_while(|&&k| text.is_cap(k) || text.abbreviation_dot(k)).count();
            let verb = seq.get(name_len).copied();
            let short = name_len == seq.len().saturating_sub(1) && ends;
            if (1..=4).contains(&name_len) && verb.is_some_and(|v| verbish(text, v)) && (short || continues) {
                return noun_phrase(text, &seq[..name_len]).filter(|w| w.kind == WhoKind::Name);
            }
            return None;
        };
        // `… is broken." Hillary Clinton said Wednesday she, too, wants an inquiry.`: after a
        // quotation that ends its sentence, a speech verb taking a clause of its own (a subject
        // pronoun or "that" after it) reports a new statement, not this one.
        if closes_sentence
            && seq[v + 1..].iter().take(4).any(|&k| text.word_in(k, &PERSONAL) || text.word_in(k, &["that"]))
        {
            return None;
        }
        if v > 0 && text.word_in(seq[v - 1], &["and", "but", "then"]) {
            // `"…" sponsored by NBC News and said …`: the verb shares the subject of the clause
            // the quotation is in, which `before` finds.
            return None;
        }
        let before = &seq[..v];
        if before.iter().any(|&i| {
            !(text.is_word(i)
                || text.toks[i].is_punct(',')
                || text.abbreviation_dot(i)
                || possessive_mark(text, i)
                || is_dash(text, i))
        }) {
            return None;
        }
        // The subject must stand next to the quotation (`"…," Ana Ruiz, 69, told MSNBC`) or open
        // a clause after a comma (`… than that of the agency, Ruiz said`), not end a long clause
        // (`"…" Ruiz was defensive about an aide who said`).
        let near = |w: &Who| {
            let Some(mut at) = seq.iter().position(|&k| text.toks[k].start == w.start) else {
                return false;
            };
            // The titles and roles before a name belong to its phrase: "…," Saudi interior
            // ministry spokesman General Mansur al-Turki told AFP.
            while at > 0 && {
                let k = seq[at - 1];
                text.is_cap(k) || text.abbreviation_dot(k) || text.is_title(k) || text.is_role_noun(k)
            } {
                at -= 1;
            }
            // So do an office's fields joined by "of", "for", "and" or "the", back to its title:
            // "Minister for the Environment and Water Resources Yaacob Ibrahim said" (but not
            // "Jeffrey Lewis of the Center for Nonproliferation Studies wrote").
            let mut k = at;
            while k > 0 && {
                let p = seq[k - 1];
                let joins = text.word_in(p, &["of", "for", "and", "the"])
                    && (text.is_cap(seq[k]) || text.word_in(seq[k], &["the"]));
                text.is_cap(p) || text.abbreviation_dot(p) || joins
            } {
                k -= 1;
                if text.is_title(seq[k]) {
                    at = k;
                }
            }
            // A subject after "and" opens a clause of its own: `"glow in the dark," for
            // instance, and Trump vowed to …` is not Trump's (but "Construction and Transport
            // Minister Choo said" and "Dovere and Debenedetti wrote" are one phrase).
            let joined = at > 0
                && text.word_in(seq[at - 1], &["and", "but", "while", "whereas"])
                && (at < 2 || !text.is_cap(seq[at - 2]));
            !joined && (at < 5 || (at > 0 && text.toks[seq[at - 1]].is_punct(',')))
        };
        // `"…," Anne Richards, assistant secretary of state for population, refugees, and
        // migration, said`: a name opening the attribution, closed by a comma, speaks whatever
        // commas its appositive holds.
        let name_len = before.iter().take_while(|&&k| text.is_cap(k) || text.abbreviation_dot(k)).count();
        let appositive = (1..=5).contains(&name_len)
            && before.get(name_len).is_some_and(|&k| text.toks[k].is_punct(','))
            && before.last().is_some_and(|&k| text.toks[k].is_punct(','))
            && name_len + 1 < before.len();
        if appositive {
            if let Some(who) = noun_phrase(text, &before[..name_len]).filter(|w| w.kind == WhoKind::Name) {
                return Some(who);
            }
        }
        if let Some(who) = self.backward_np(text, before, 0).filter(near) {
            return Some(who);
        }
        if v > 0 && text.toks[seq[v - 1]].is_punct(',') && !text.word_in(seq[v], &LISTENER_VERBS) {
            // `…, said Steve Elmendorf` after a partial quotation.
            return self.forward_np(text, &seq[v + 1..]).filter(|w| w.kind == WhoKind::Name);
        }
        None
    }

    /// The attribution before an opening mark at token `open`, in the same sentence:
    /// `X said: "…"`, `X said that … "…"`, `according to X, "…"`.
    pub fn before(&self, text: &Text, open: usize) -> Option<Who> {
        let mut first = open;
        // The scare quotes stepped over, as (opening, closing) mark tokens.
        let mut scare_quotes: Vec<(usize, usize)> = Vec::new();
        while first > 0 && open - first < 80 {
            let i = first - 1;
            let t = text.toks[i];
            if t.kind == Kind::Close {
                // A scare quote (`officials made "numerous requests" to …, "…"`) is part of the
                // sentence, whose speaker may stand before it; a quotation ends the search.
                match scare_quote_open(text, i) {
                    Some(o) => {
                        scare_quotes.push((o, i));
                        first = o;
                        continue;
                    }
                    None => break,
                }
            }
            if t.kind == Kind::Break || text.ends_sentence(i) {
                break;
            }
            first = i;
        }
        let mut depth = 0usize;
        let mut seq: Vec<usize> = Vec::with_capacity(open - first);
        // The marks and words of a scare quote are a term, not the sentence's own words; its
        // punctuation (`"genuine empathy,"`) is the sentence's.
        let in_scare_quote = |i: usize| scare_quotes.iter().any(|&(o, c)| o <= i && i <= c);
        for i in first..open {
            match text.toks[i].kind {
                Kind::Word | Kind::Open | Kind::Close | Kind::Ambiguous if in_scare_quote(i) => {}
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => depth = depth.saturating_sub(1),
                _ if depth == 0 => seq.push(i),
                _ => {}
            }
        }
        if let Some(who) = self.according_to(text, &seq).or_else(|| quoted_as(text, &seq)) {
            return Some(who);
        }
        // `Carl Bialik: "…"`, `WALLACE: "…"`: a name and a colon opening the sentence speaks.
        // After other words (`… doesn't surprise pollster Daron Shaw: "…"`), it speaks when no
        // speech verb names another speaker (`He said of Obama: "…"`).
        let colon_name = match self.name_before_colon(text, &seq) {
            Some((who, true)) => return Some(who),
            Some((who, false)) => Some(who),
            None => None,
        };
        let sentence_start = text.toks[first.min(open)].start;
        // The speech verb nearest the quote with a subject; a common noun phrase ("a voice that
        // said") only when no name or pronoun attributes the quote further left.
        let mut fallback = None;
        // The nearest speech verb's participle after a comma (`…, chanting "…"`), whose subject
        // is its clause's when no finite speech verb names a speaker.
        let mut comma_participle = None;
        for v in (0..seq.len()).rev() {
            if let Some(who) =
                self.passive_agent(text, &seq, v).or_else(|| with_participle(self, text, &seq, v))
            {
                return Some(who);
            }
            if !self.is_verb(text, seq[v]) {
                continue;
            }
            if self.participle(text, &seq, v) {
                if v > 0 && text.toks[seq[v - 1]].is_punct(',') && comma_participle.is_none() {
                    comma_participle = Some(v);
                }
                continue;
            }
            // `…, it said, adding "…"`: a finite speech verb attributes the quotation, or no one.
            comma_participle = None;
            // `Ruiz told Congress when asked about it: "…"`: a past participle after a
            // subordinator is a clause without a subject of its own; the main clause's verb
            // attributes the quotation.
            if v > 0
                && text.word(seq[v]).ends_with("ed")
                && text.word_in(seq[v - 1], &["when", "if", "unless", "until", "while", "after", "before"])
            {
                continue;
            }
            if v > 0 && text.word_in(seq[v - 1], &["and", "but", "then"]) {
                // `Bush thought for a moment and said that …`: the clause's subject speaks.
                let verb_start = text.toks[seq[v]].start;
                if let Some(who) = text.subject_between(sentence_start, verb_start) {
                    return Some(text.speaking_subject(first, who, verb_start));
                }
                // `A spokesman for the firm declined to comment but said …`: with no name for a
                // subject, the phrase opening the sentence before its first verb, when a role
                // noun heads it.
                if let Some(f) = seq[..v].iter().position(|&k| verbish(text, k)).filter(|&f| f > 0) {
                    let opens = |w: &Who| w.start == text.toks[seq[0]].start;
                    let role = seq[..f].iter().any(|&k| text.is_role_noun(k));
                    if let Some(who) = self.backward_np(text, &seq[..f], 0).filter(|w| role && opens(w)) {
                        fallback = fallback.or(Some(who));
                    }
                }
                // Not the object before "and" (`a forum sponsored by NBC News and said`): the
                // subject of an earlier speech verb, if any.
                continue;
            }
            // `…, The Post's Robert Costa reported, his wife whispered to him: "…"`: a reporting
            // clause set off by commas is the writer's source, not the speaker a later speech
            // verb already has.
            if fallback.is_some() && seq.get(v + 1).is_some_and(|&k| text.toks[k].is_punct(',')) {
                continue;
            }
            let who = self.backward_np(text, &seq[..v], 0).or_else(|| {
                // Inverted: `Said Trump: "…"`, `…, said Mr. Smith, "…"`; only there, for the
                // form may be a noun (`late-night tweets targeting Alicia Machado`).
                let opens = v == 0 || text.toks[seq[v - 1]].is_punct(',');
                if !opens || !text.word_in(seq[v], &INVERTING_VERBS) {
                    return None;
                }
                self.forward_np(text, &seq[v + 1..]).filter(|w| w.kind == WhoKind::Name)
            });
            match who {
                Some(w) if w.kind == WhoKind::Other => fallback = fallback.or(Some(w)),
                Some(w) => return Some(w),
                None => {}
            }
        }
        colon_name.or(fallback).or_else(|| self.participles_subject(text, &seq, comma_participle?))
    }

    /// The subject of the sentence a participle after a comma at `seq[v]` ends: `Hundreds of
    /// demonstrators marched through the city, chanting "…"` gives "Hundreds of demonstrators".
    /// It is the noun phrase opening the sentence (or following its opening adverbial, as in `On
    /// Monday, …`) right before the sentence's first finite verb, an auxiliary or a word in
    /// "-ed"; anything else (`…, when Sanders protesters interrupted her, shouting "…"`) is left
    /// to the other rules.
    fn participles_subject(&self, text: &Text, seq: &[usize], v: usize) -> Option<Who> {
        let finite = |k: usize| {
            text.is_word(seq[k]) && !text.is_cap(seq[k]) && {
                let w = text.word(seq[k]);
                text.word_in(seq[k], &["is", "was", "are", "were", "has", "had", "have", "will", "would"])
                    || (w.ends_with("ed") && w.len() > 4)
            }
        };
        // Not an adjective in "-ed" after a determiner ("The retired neurosurgeon has said").
        let verb = (0..v).find(|&k| finite(k) && (k == 0 || !text.word_in(seq[k - 1], &DETERMINERS)))?;
        let comma = seq[..verb].iter().position(|&k| text.toks[k].is_punct(','));
        let opening = match comma {
            None => 0,
            Some(c) if text.word_in(seq[0], &PREPOSITIONS) => c + 1,
            Some(_) => return None,
        };
        if opening >= verb {
            return None;
        }
        let ends_at_verb = |w: &Who| w.end == text.toks[seq[verb - 1]].end;
        if let Some(who) = self.backward_np(text, &seq[..verb], 0) {
            let opens = who.start == text.toks[seq[opening]].start;
            return (opens && ends_at_verb(&who)).then_some(who);
        }
        // `Hundreds of striking dockworkers`, `Some of the protesters`: a quantity "of" a few
        // words, in a word or two, opens the sentence.
        let of = (opening + 1..verb.min(opening + 3)).find(|&k| text.word_in(seq[k], &["of"]))?;
        // (Plural nouns in "-s" look like verbs; the clause's verb is the first "-ed" word.)
        let plain = |k: &usize| text.is_word(*k);
        let quantity = seq[opening..of].iter().all(|&k| plain(&k) && !verbish(text, k));
        let phrase = &seq[of + 1..verb];
        (quantity && (1..=4).contains(&phrase.len()) && phrase.iter().all(plain)).then(|| Who {
            start: text.toks[seq[opening]].start,
            end: text.toks[seq[verb - 1]].end,
            kind: WhoKind::Other,
        })
    }

    /// The name right before a colon ending `seq`, and whether it opens the sentence; `None`
    /// when the name is a listener or in a prepositional phrase (`The crowd chanted for Cruz:
    /// "…"`, `telling Breitbart London: "…"`, `to the Dutch daily NRC: "…"`).
    fn name_before_colon(&self, text: &Text, seq: &[usize]) -> Option<(Who, bool)> {
        let [.., name, colon] = seq[..] else { return None };
        if !text.toks[colon].is_punct(':') || !name_word(text, name) {
            return None;
        }
        let run: Vec<usize> = seq[..seq.len() - 1]
            .iter()
            .rev()
            // Not "Said" in `Said Ana Ruiz: "…"`: a speech verb opening the sentence.
            .take_while(|&&i| {
                (name_word(text, i) && !self.is_verb(text, i))
                    || text.abbreviation_dot(i)
                    || text.word_in(i, &["and"])
            })
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let &(s, e) = name_runs(text, &run).first()?;
        let who = Who { start: text.toks[run[s]].start, end: text.toks[run[e - 1]].end, kind: WhoKind::Name };
        let before = &seq[..seq.len() - run.len() - 1];
        if before.last().is_none_or(|&k| !text.is_word(k)) {
            return Some((who, true));
        }
        let object = before.iter().rev().take(4).take_while(|&&i| text.is_word(i)).any(|&i| {
            text.word_in(i, &PREPOSITIONS)
                || text.word_in(i, &MORE_PREPOSITIONS)
                || text.word_in(i, &LISTENER_VERBS)
        });
        (!object).then_some((who, false))
    }

    /// The agent of a passive speech verb at `seq[v]`: `The meeting was described by Rubin as
    /// "…"`, `al-Dhari was accused by Prime Minister Nuri al-Maliki of "…"`.
    fn passive_agent(&self, text: &Text, seq: &[usize], v: usize) -> Option<Who> {
        let by = *seq.get(v + 1)?;
        if v == 0 || !text.word_in(by, &["by"]) || !text.word_in(seq[v - 1], &BE_FORMS) {
            return None;
        }
        let w = text.word(seq[v]);
        if !w.starts_with(|c: char| c.is_lowercase()) || !self.verbs.contains(w) {
            return None;
        }
        self.forward_np(text, &seq[v + 2..])
    }

    /// The attribution of a quotation opening its paragraph, in the previous paragraph when
    /// that one ends with a colon: `X responded:` then `"…"` on a line of its own.
    pub fn colon_paragraph(&self, text: &Text, open: usize) -> Option<Who> {
        let brk = open.checked_sub(1).filter(|&b| text.toks[b].kind == Kind::Break)?;
        let colon = brk.checked_sub(1).filter(|&c| text.toks[c].is_punct(':'))?;
        // `before` reads the sentence ending just before the token it is given: the colon's.
        self.before(text, colon + 1)
    }

    /// A quotation closing its paragraph and signed on the next line by a dash and a name, as
    /// epigraphs and pull quotes are: `"…"` then `- Hillary Clinton.` (or `— Hillary Clinton`).
    pub fn signed_below(&self, text: &Text, close: usize) -> Option<Who> {
        let brk = close + 1;
        if text.toks.get(brk).is_none_or(|t| t.kind != Kind::Break) {
            return None;
        }
        let dash = brk + 1;
        if !text.toks.get(dash).is_some_and(|t| t.is_punct('-') || t.is_punct('—') || t.is_punct('–')) {
            return None;
        }
        // The name fills the line (a full stop may end it).
        let mut end = dash + 1;
        while end < text.toks.len() && text.toks[end].kind != Kind::Break {
            end += 1;
        }
        let mut line: Vec<usize> = (dash + 1..end).collect();
        if line.last().is_some_and(|&i| text.toks[i].is_punct('.')) {
            line.pop();
        }
        let all_name = !line.is_empty()
            && line.len() <= 5
            && line.iter().all(|&i| name_word(text, i) || text.abbreviation_dot(i));
        all_name.then(|| noun_phrase(text, &line)).flatten().filter(|w| w.kind == WhoKind::Name)
    }

    /// `according to X` anywhere in `seq`.
    pub fn according_to(&self, text: &Text, seq: &[usize]) -> Option<Who> {
        let at = seq.windows(2).position(|w| {
            text.is_word(w[0])
                && text.word(w[0]).eq_ignore_ascii_case("according")
                && text.is_word(w[1])
                && text.word(w[1]).eq_ignore_ascii_case("to")
        })?;
        self.forward_np(text, &seq[at + 2..])
    }

    /// The sentence tokens after a closing mark, for `according to X` placed after the quote.
    pub fn according_after(&self, text: &Text, close: usize) -> Option<Who> {
        let mut seq = Vec::new();
        let mut i = close + 1;
        while i < text.toks.len() && seq.len() < 12 {
            let t = text.toks[i];
            if t.kind == Kind::Break || t.is_mark() || text.ends_sentence(i) {
                break;
            }
            seq.push(i);
            i += 1;
        }
        self.according_to(text, &seq)
    }

    /// The noun phrase that starts `seq` (after a verb): `said X, the …`.
    fn forward_np(&self, text: &Text, seq: &[usize]) -> Option<Who> {
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
    /// tournament Qin Weichang`: a role noun, `of` or `for` and its field in lower case, then the
    /// name that closes the phrase, who speaks. Not a name qualifying a noun after it ("head of
    /// the North Korean delegation").
    fn name_after_field(&self, text: &Text, seq: &[usize], end: usize) -> Option<Who> {
        let &last = seq[..end].last()?;
        if !text.is_role_noun(last) || !seq.get(end).is_some_and(|&i| text.word_in(i, &["of", "for"])) {
            return None;
        }
        let field = end + 1;
        let mut k = field;
        while k < seq.len() && k - field < 3 && text.is_word(seq[k]) && !text.is_cap(seq[k]) {
            k += 1;
        }
        let from = k;
        while k < seq.len() && name_word(text, seq[k]) {
            k += 1;
        }
        let qualifies =
            seq.get(k).is_some_and(|&i| text.is_word(i) && !text.is_cap(i) && !self.is_verb(text, i));
        if from == field || k - from < 2 || qualifies {
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

    fn backward_np(&self, text: &Text, seq: &[usize], depth: usize) -> Option<Who> {
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
                w > 0 && w + 1 < j && text.is_word(seq[w - 1]) && !PERSONAL.contains(text.word(seq[w + 1]))
            };
            if let Some(w) = clause.filter(|&k| text.word(seq[k]) == "who").last().filter(subject_who) {
                if let Some(who) = self.backward_np(text, &seq[..w], depth + 1) {
                    return Some(who);
                }
            }
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
        if PERSONAL.contains(w) {
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
            if text.is_word(p) && !text.is_cap(p) && !text.is_cap(seq[k]) && !PARTICLES.contains(text.word(p))
            {
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
        let mut m = k;
        while m >= 2
            && text.word_in(seq[m - 1], &["from", "of", "for", "with"])
            && !text.is_role_noun(seq[m - 2])
        {
            let mut q = m - 1;
            while q > 0 && m - 1 - q < 6 && (text.is_cap(seq[q - 1]) || text.word_in(seq[q - 1], &["the"])) {
                q -= 1;
            }
            if q == m - 1 || !text.is_cap(seq[m - 2]) {
                break;
            }
            m = q;
        }
        if m >= 2 && text.word_in(seq[m - 1], &["from", "of", "for", "with"]) && text.is_role_noun(seq[m - 2])
        {
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

/// The closing mark of a short quoted name opening at token `open` ("“Ted Cruz” campaign
/// pins"): one to four capitalised words, then the closing mark.
fn quoted_name_end(text: &Text, open: usize) -> Option<usize> {
    let words = (open + 1..text.toks.len()).take_while(|&k| text.is_cap(k)).count();
    let close = open + 1 + words;
    ((1..=4).contains(&words) && text.toks.get(close).is_some_and(|t| t.kind == Kind::Close)).then_some(close)
}

/// True when token `i` is a dash standing apart from words ("—", "–", or one of the two hyphens
/// of "--"), which sets off a parenthesis.
fn is_dash(text: &Text, i: usize) -> bool {
    matches!(text.toks[i].kind, Kind::Punct('—' | '–' | '―' | '-'))
}

/// True when token `i` is the apostrophe of a plural's possessive, glued to its word ("a miners'
/// union official", "Sanders' campaign"): part of a noun phrase.
fn possessive_mark(text: &Text, i: usize) -> bool {
    matches!(text.toks[i].kind, Kind::Punct('\'' | '’'))
        && i > 0
        && text.toks[i - 1].end == text.toks[i].start
}

/// Adjectives that take a complement after a speaker's phrase ("a source familiar with the
/// talks", "an aide close to Putin"): the complement is never the speaker.
const COMPLEMENTED_ADJECTIVES: [&str; 4] = ["close", "closest", "familiar", "loyal"];

/// `…, with Ana Ruiz (recently) promising to "…"`, `with Ruiz calling them "…"`: the name before
/// the participle `seq[v]` of an absolute phrase opened by "with" speaks.
fn with_participle(grammar: &Grammar, text: &Text, seq: &[usize], v: usize) -> Option<Who> {
    // Not a preposition in -ing ("with Ode during the hearing", "according", "following").
    let participle = text.is_word(seq[v])
        && !text.is_cap(seq[v])
        && text.word(seq[v]).ends_with("ing")
        && !text.word_in(seq[v], &PREPOSITIONS)
        && !text.word_in(seq[v], &MORE_PREPOSITIONS)
        && !text.word_in(seq[v], &ING_PREPOSITIONS);
    if !participle {
        return None;
    }
    let end = if v > 0 && ends_ly(text, seq[v - 1]) { v - 1 } else { v };
    // The name stands right before the participle (not `with Clinton who is looking`).
    let adjacent = |w: &Who| end > 0 && w.end == text.toks[seq[end - 1]].end;
    let who = grammar.backward_np(text, &seq[..end], 0).filter(|w| w.kind == WhoKind::Name && adjacent(w))?;
    let at = seq.iter().position(|&k| text.toks[k].start == who.start)?;
    (at > 0 && text.word_in(seq[at - 1], &["with"])).then_some(who)
}

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

/// The opening mark of a quotation of fewer than [`MIN_WORDS`] words in lower case closed at
/// token `close`: a scare quote, which the extractor keeps no quotation of. (A capitalised one
/// may be a name, as in `"Miss Right" wrote:`, or a title.)
fn scare_quote_open(text: &Text, close: usize) -> Option<usize> {
    let mut words = 0;
    for j in (close.saturating_sub(2 * MIN_WORDS + 2)..close).rev() {
        match text.toks[j].kind {
            Kind::Open | Kind::Ambiguous => {
                let term = words > 0 && words < MIN_WORDS && !text.is_cap(j + 1);
                return term.then_some(j);
            }
            Kind::Close | Kind::Break => return None,
            Kind::Word => words += 1,
            Kind::Punct(_) => {}
        }
    }
    None
}

/// `X quoted Y as saying`, `quoting Y as telling …`, `Y was quoted as saying` in `seq`: Y, whom
/// the outlet X quotes, is the speaker. Y ends at `as` or at the comma opening an appositive
/// ("Ruiz, the mayor, as saying").
fn quoted_as(text: &Text, seq: &[usize]) -> Option<Who> {
    let q = seq.iter().position(|&i| text.word_in(i, &["quoted", "quotes", "quoting", "cited", "citing"]))?;
    let rest = &seq[q + 1..];
    let a = rest.iter().take(24).position(|&i| text.word_in(i, &["as"]))?;
    let verb = *rest.get(a + 1)?;
    if !(text.is_word(verb) && text.word(verb).ends_with("ing")) {
        return None;
    }
    let agent = a > 0 && text.word_in(rest[0], &["by"]);
    if (a == 0 || agent) && q >= 2 && text.word_in(seq[q - 1], &["was", "were", "is", "are"]) {
        // `the spokesman was quoted as saying`, `Lavrov was quoted by Interfax as saying`: the
        // passive's subject speaks: the name of `Ana Ruiz, head of the party, was quoted …`, or
        // of `the head of the party, Ana Ruiz, was quoted …`.
        let subject = &seq[..q - 1];
        let commas: Vec<usize> =
            (0..subject.len()).filter(|&k| text.toks[subject[k]].is_punct(',')).collect();
        if let [.., before_last, last] = commas[..] {
            if last + 1 == subject.len() {
                let named_first = text.is_cap(subject[0]) && !text.word_in(subject[0], &DETERMINERS);
                let part = if named_first { &subject[..commas[0]] } else { &subject[before_last + 1..last] };
                if let Some(who) = noun_phrase(text, part).filter(|w| w.kind == WhoKind::Name) {
                    return Some(who);
                }
            }
        }
        return noun_phrase(text, subject);
    }
    let np = &rest[..a];
    let np = np.iter().position(|&i| text.toks[i].is_punct(',')).map_or(np, |c| &np[..c]);
    noun_phrase(text, np)
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

#[cfg(test)]
mod tests {
    use super::super::marks::pair;
    use super::super::text::{Text, Vocabulary};
    use super::super::tokens::tokenize;
    use super::*;

    fn grammar() -> Grammar {
        let verbs = [
            "said",
            "says",
            "added",
            "told",
            "states",
            "saying",
            "described",
            "charged",
            "accused",
            "tweets",
        ];
        Grammar::new(verbs.iter().map(|s| s.to_string()).collect())
    }

    /// The speaker text of the first quote of `body`.
    /// Asserts that the first quotation of `body` is attributed to `who`, of `kind`.
    fn speaks(body: &str, who: &str, kind: WhoKind) {
        assert_eq!(speaker(body), Some((who.to_string(), kind)), "{body}");
    }

    fn speaker(body: &str) -> Option<(String, WhoKind)> {
        let toks = tokenize(body);
        let vocabulary = Vocabulary::default();
        let text = Text::new(body, &toks, &vocabulary);
        let q = pair(body, &toks)[0];
        let g = grammar();
        let who = q.close.and_then(|c| g.after(&text, c)).or_else(|| g.before(&text, q.open))?;
        Some((body[who.start..who.end].to_string(), who.kind))
    }

    #[test]
    fn said_after_the_quote() {
        assert_eq!(
            speaker("“We will never give up,” said Sen. Jane Roe, a Democrat.").unwrap().0,
            "Jane Roe"
        );
        assert_eq!(speaker("“We will never give up,” Jane Roe said.").unwrap().0, "Jane Roe");
        assert_eq!(
            speaker("“We will never give up,” she later said.").unwrap(),
            ("she".into(), WhoKind::Pronoun)
        );
    }

    #[test]
    fn appositive_and_title() {
        let s = speaker("“The talks went well,” Ana Ruiz, the foreign minister, said.").unwrap();
        assert_eq!(s.0, "Ana Ruiz");
        let s = speaker("“The talks went well,” campaign manager Tom Vale told reporters.").unwrap();
        assert_eq!(s.0, "Tom Vale");
    }

    #[test]
    fn said_before_the_quote() {
        assert_eq!(speaker("Mayor Ben Ode said: “Our city stands with you.”").unwrap().0, "Ben Ode");
        assert_eq!(speaker("Ode also said that the plan was “a clear step forward.”").unwrap().0, "Ode");
        assert_eq!(
            speaker("According to Ben Ode, the deal is “a clear step forward.”").unwrap().0,
            "Ben Ode"
        );
    }

    #[test]
    fn listeners_and_new_clauses_are_not_speakers() {
        let s = speaker("“We are not done yet,” Ana Ruiz, 54, told Radio Uno on Monday.").unwrap();
        assert_eq!(s.0, "Ana Ruiz");
        // After a partial quotation, "but he …" starts a clause of its own.
        assert_eq!(
            speaker("Ruiz said the plan was “a fair deal for all”, but he also warned Lima."),
            Some(("Ruiz".into(), WhoKind::Name))
        );
        let s = speaker("After the vote in Lima, Mayor Ben Ode, said: “We won this together.”").unwrap();
        assert_eq!(s.0, "Ben Ode");
    }

    #[test]
    fn a_name_modifying_a_common_noun_is_not_the_speaker() {
        speaks(
            "“We will review the figures,” a Peruvian trade official said.",
            "a Peruvian trade official",
            WhoKind::Other,
        );
        speaks(
            "“We will review the figures,” the Ortiz campaign said on Monday.",
            "the Ortiz campaign",
            WhoKind::Other,
        );
        // The head is the name: "agency chief Ana Ruiz".
        speaks("“We will review the figures,” agency chief Ana Ruiz said.", "Ana Ruiz", WhoKind::Name);
        // An abbreviated name's dot and a relative clause after the head are not its words.
        speaks(
            "“We will review the figures,” said a former U.S. trade official who asked not to be named.",
            "a former U.S. trade official",
            WhoKind::Other,
        );
    }

    #[test]
    fn a_verb_taking_a_clause_after_the_quote_is_its_predicate() {
        speaks("Mayor Ana Ruiz said in the letter that the advert “plainly and wrongfully” says that Lena Ortiz backs him.", "Ana Ruiz", WhoKind::Name);
    }

    #[test]
    fn a_byline_after_a_dash_may_hold_an_initial() {
        let (name, kind) = speaker("“We will win this fight together.” ― Lena Q. Ortiz Vega.").unwrap();
        assert!(name.ends_with("Ortiz Vega") && kind == WhoKind::Name, "{name}");
    }

    #[test]
    fn a_name_closed_by_a_comma_speaks_whatever_commas_its_appositive_holds() {
        speaks("“We will review the figures,” Lena Ortiz, minister for labour, trade, and industry, said on Monday.", "Lena Ortiz", WhoKind::Name);
        speaks(
            "“We will review the figures,” Tomas Vega, 51, who was jailed in 1999, told reporters.",
            "Tomas Vega",
            WhoKind::Name,
        );
    }

    #[test]
    fn a_parenthesis_between_dashes_is_skipped_or_names_the_speaker() {
        speaks(
            "“We will review the figures,” Lena Ortiz — who lost in 2008 — said.",
            "Lena Ortiz",
            WhoKind::Name,
        );
        speaks(
            "A former candidate -- Lena Ortiz, who lost in 2008 -- said the plan “offered no change at all.”",
            "Lena Ortiz",
            WhoKind::Name,
        );
    }

    #[test]
    fn a_relative_clause_after_the_speaker_is_none_of_the_phrase() {
        speaks(
            "“It is going to be hard,” said a longtime GOP data expert who has worked for the rivals.",
            "a longtime GOP data expert",
            WhoKind::Other,
        );
        speaks(
            "“It is going to be hard,” said one villager who declined to give his name.",
            "one villager",
            WhoKind::Other,
        );
    }

    #[test]
    fn a_subject_after_and_opens_a_clause_of_its_own() {
        let body = "Ortiz said he would make the sand “glow in the dark,” for instance, and Vega said he would stop.";
        assert_ne!(speaker(body).map(|(s, _)| s).as_deref(), Some("Vega"));
        let body = "“We will stop the strike,” Labor and Transport Minister Lena Ortiz said.";
        let (name, kind) = speaker(body).unwrap();
        assert!(name.ends_with("Lena Ortiz") && kind == WhoKind::Name, "{name}");
    }

    #[test]
    fn a_quoted_name_inside_the_attribution_is_stepped_over() {
        speaks(
            "“We have had better weeks,” delegate Lena Ortiz, wearing “Tomas Vega” campaign pins, said.",
            "Lena Ortiz",
            WhoKind::Name,
        );
    }

    #[test]
    fn a_compound_modifier_is_no_name() {
        speaks(
            "“Prices will stay high all winter,” said London-based analysts at a large bank.",
            "London-based analysts",
            WhoKind::Other,
        );
        speaks(
            "“Prices will stay high all winter,” the New York-based agency said.",
            "the New York-based agency",
            WhoKind::Other,
        );
        speaks(
            "“Prices will stay high all winter,” the Paris-based Ortiz Group said.",
            "Ortiz Group",
            WhoKind::Name,
        );
    }

    #[test]
    fn a_plurals_possessive_before_the_verb_is_part_of_the_subject() {
        speaks(
            "Ortiz won. Rivers' campaign said the count was a “rush to judgment on the results.”",
            "Rivers' campaign",
            WhoKind::Other,
        );
    }

    #[test]
    fn the_complement_of_familiar_or_close_is_not_the_speaker() {
        speaks("“The deal is done,” a source familiar with the talks said.", "a source", WhoKind::Other);
        speaks("“The deal is done,” an aide close to Ana Ruiz said.", "an aide", WhoKind::Other);
        speaks("“The deal is done,” said a person close to the Ortiz family.", "a person", WhoKind::Other);
    }

    #[test]
    fn the_subject_of_a_passive_is_not_the_speaker_but_its_agent_is() {
        // Before these rules: "the aide was" and "The meeting was". (No verb attributes the
        // first; the extractor gives it the clause's subject, see `quotes::tests`.)
        let s = speaker(
            "Ode called his aide “a very decent man” Tuesday, after the aide was charged with theft.",
        );
        assert_eq!(s, None);
        let s = speaker("The meeting was described by Ben Ode as “very focused on trade.”").unwrap();
        assert_eq!(s.0, "Ben Ode");
        let s = speaker("Lima was accused by Prime Minister Ana Ruiz of “stirring up strife.”").unwrap();
        assert_eq!(s.0, "Ana Ruiz");
    }

    #[test]
    fn a_preposition_in_lower_case_ends_the_speakers_phrase() {
        // Before: "the federal government following" and "the council amid".
        speaks(
            "The alert was described by the federal government following reports that two men were out to strike “somewhere in the country.”",
            "the federal government",
            WhoKind::Other,
        );
        speaks("“We stand firm,” said the council amid protests.", "the council", WhoKind::Other);
        speaks("“We stand firm,” said Under Secretary Ana Ruiz.", "Ana Ruiz", WhoKind::Name);
    }

    #[test]
    fn a_participle_after_the_quote_has_the_clauses_subject() {
        // Before: "the city embodied the values". What follows it is what was said.
        let s = speaker("Ana Ruiz defended “Lima values,” saying the city embodied the values.");
        assert_eq!(s, None);
        let s = speaker("Ana Ruiz said “Lima values,” saying the city embodied the values.");
        assert_eq!(s, Some(("Ana Ruiz".into(), WhoKind::Name)));
    }

    #[test]
    fn the_object_of_a_verb_after_the_quote_is_not_the_speaker() {
        // Before: "the impact as".
        let s = speaker("Ruiz, whose costs were “in the seven figures,” described the impact as dire.");
        assert_eq!(s, None);
        speaks("“We tried very hard to win,” said the mayor.", "the mayor", WhoKind::Other);
    }

    #[test]
    fn a_name_after_a_verb_form_speaks_only_in_an_inversion() {
        // Before: "Ana Ruiz", after "tweets" read as a verb.
        let s =
            speaker("Ode says Vale's late-night tweets targeting Ana Ruiz were “unhinged, even for him.”");
        assert_eq!(s, Some(("Ode".into(), WhoKind::Name)));
        let s = speaker("Said Ana Ruiz, “We will not give up on this.”").unwrap();
        assert_eq!(s.0, "Ana Ruiz");
        let s = speaker("Said Ana Ruiz: “We will not give up on this.”").unwrap();
        assert_eq!(s.0, "Ana Ruiz", "before: \"Said Ana Ruiz\"");
    }

    #[test]
    fn a_closing_said_x_attributes_the_whole_sentence() {
        // Before: no speaker, "and" opening a new clause.
        let s = speaker(
            "Add a “candidate who is a lightning rod” and people get nervous, said Ana Ruiz, a lawyer.",
        );
        assert_eq!(s, Some(("Ana Ruiz".into(), WhoKind::Name)));
        let s = speaker("Ruiz said the plan was “a fair deal for all”, and he warned Lima.");
        assert_eq!(s, Some(("Ruiz".into(), WhoKind::Name)), "no `, said X`: a new clause");
    }

    #[test]
    fn a_word_in_ly_after_a_determiner_is_a_noun() {
        // Before: "the", with "daily" skipped as an adverb.
        speaks("“Any execution is regrettable,” the daily said.", "the daily", WhoKind::Other);
        speaks("“Any execution is regrettable,” Ana Ruiz repeatedly said.", "Ana Ruiz", WhoKind::Name);
        let s = speaker("After a swiftly said prayer, Ana Ruiz said: “Any execution is regrettable.”");
        assert_eq!(s.unwrap().0, "Ana Ruiz");
    }

    #[test]
    fn a_name_before_a_colon_speaks_unless_a_verb_or_a_preposition_says_otherwise() {
        // Before: no speaker.
        let s = speaker(
            "The result does not surprise pollster Daron Shaw: “Lesser-known candidates get a boost.”",
        );
        assert_eq!(s.unwrap().0, "Daron Shaw");
        speaks("He said of Ana Ruiz: “She is a decent woman and a good mayor.”", "He", WhoKind::Pronoun);
        let s = speaker("Ben Ode was critical, telling Radio Uno: “The plan is typical of them.”");
        assert_eq!(s, None, "a listener; the extractor gives the clause's subject");
        let s = speaker("Ode broke down the plan to the daily El Sol: “It is so insensitive to farmers.”");
        assert_eq!(s, None);
    }

    #[test]
    fn quoted_as_saying() {
        let s = speaker("“The port will reopen soon,” the daily quoted Ana Ruiz as saying.").unwrap();
        assert_eq!(s.0, "Ana Ruiz");
        let body = "The paper quoted Tomas Vidal, the harbour master, as saying: “The port will reopen.”";
        assert_eq!(speaker(body).unwrap().0, "Tomas Vidal");
        speaks("“The port will reopen soon,” the mayor was quoted as saying.", "the mayor", WhoKind::Other);
        // The passive with its agent: the subject speaks, before its appositive.
        speaks(
            "“The port will reopen soon,” Ana Ruiz was quoted by the Tass agency as saying.",
            "Ana Ruiz",
            WhoKind::Name,
        );
        let body =
            "“The port will reopen,” Ana Ruiz, head of the Harbour Party, was quoted by Tass as saying.";
        speaks(body, "Ana Ruiz", WhoKind::Name);
        let body = "“The port will reopen,” the head of the Harbour Party, Ana Ruiz, was quoted as saying.";
        speaks(body, "Ana Ruiz", WhoKind::Name);
    }

    #[test]
    fn an_adverb_after_an_inverted_name_is_no_part_of_it() {
        speaks("“The port will reopen,” says Ana Ruiz afterwards.", "Ana Ruiz", WhoKind::Name);
        speaks("“The port will reopen,” said Ana Ruiz later.", "Ana Ruiz", WhoKind::Name);
    }

    #[test]
    fn the_agent_of_a_statement_speaks_through_it() {
        speaks(
            "“The port will reopen,” said a statement issued by the Harbour Office.",
            "Harbour Office",
            WhoKind::Name,
        );
        speaks(
            "According to a document filed by Ana Ruiz, “the port will reopen.”",
            "Ana Ruiz",
            WhoKind::Name,
        );
        // A participle in a clause of its own is no statement's.
        speaks(
            "“The port will reopen,” said a smiling Ana Ruiz when interviewed by Tass.",
            "Ana Ruiz",
            WhoKind::Name,
        );
    }

    #[test]
    fn as_x_said_after_a_partial_quotation() {
        let body = "The race “is a dead heat right now,” as Ruiz said on Monday, and it shows.";
        assert_eq!(speaker(body), Some(("Ruiz".into(), WhoKind::Name)));
        // `as` opening any other clause is no attribution.
        assert_eq!(speaker("The race “is a dead heat right now,” as polls show."), None);
    }

    #[test]
    fn a_verb_form_before_a_modal_is_not_the_speech_verb() {
        let body = "Ruiz said in Lima, Peru, that states can pass laws because “men should not do this.”";
        assert_eq!(speaker(body).unwrap().0, "Ruiz");
        // The verb may end the text.
        assert_eq!(speaker("“We will never give up,” Ruiz said").unwrap().0, "Ruiz");
        // A capitalised modal is a name.
        assert_eq!(speaker("“It is a costly model,” said Will Doyle.").unwrap().0, "Will Doyle");
    }

    #[test]
    fn a_place_or_time_after_the_subject_is_not_the_speaker() {
        let body = "“Will he run again?” a campaign aide in the room said.";
        assert_eq!(speaker(body), Some(("a campaign aide".into(), WhoKind::Other)));
        let body = "Ruiz, who has in the past said the plan was “a fair deal for all,” left.";
        assert_eq!(speaker(body), Some(("Ruiz".into(), WhoKind::Name)));
        let body = "“We will rebuild,” a spokesman at the ministry said on Monday.";
        assert_eq!(speaker(body), Some(("a spokesman".into(), WhoKind::Other)));
        // A name after the preposition is kept: `on Monday when Ana Ruiz said`.
        let body = "Talks began on Monday when Ana Ruiz said that they had been “a fair start for all.”";
        assert_eq!(speaker(body).unwrap().0, "Ana Ruiz");
    }

    #[test]
    fn a_party_and_state_after_the_name_is_not_the_speaker() {
        for body in [
            "\"Let me make it clear,\" Senate Leader Jon Varrick, R-Ky., said.",
            "\"Let me make it clear,\" said Rep. Jon Varrick, D-S.C., on Monday.",
        ] {
            let (name, kind) = speaker(body).expect("attributed");
            assert_eq!((name.as_str(), kind), ("Jon Varrick", WhoKind::Name), "{body}");
        }
    }

    #[test]
    fn appositives_in_a_row_are_skipped_to_the_subject() {
        let body = "Ruiz, speaking at a news conference in Goma, on the border with Rwanda, said the truce was “a trap for our people.”";
        assert_eq!(speaker(body), Some(("Ruiz".into(), WhoKind::Name)));
        let body =
            "Ruiz, who arrived in Goma on Monday, a day late, said the truce was “a trap for our people.”";
        assert_eq!(speaker(body), Some(("Ruiz".into(), WhoKind::Name)));
    }

    #[test]
    fn no_attribution() {
        assert_eq!(speaker("The film “Nights in the Harbour” opened today."), None);
    }
}
