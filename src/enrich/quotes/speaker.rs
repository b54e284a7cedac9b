//! Finding the mention that attributes a quotation: `"…," said X`, `"…," X said`, `X said: "…"`,
//! `X said that … "…"`, `according to X`, `X, the foreign minister, said`, `he added`.

use crate::enrich::hash::WordSet;

use super::lexicon::{
    ADVERBS, BE_FORMS, CONJUNCTIONS, DETERMINERS, ING_PREPOSITIONS, INVERTING_VERBS, LISTENER_VERBS, MODALS,
    MORE_PREPOSITIONS, OBJECT_VERBS, PERSONAL, PREPOSITIONS,
};
use super::names::{ends_ly, name_runs, name_word, noun_phrase, verbish, Who, WhoKind};
use super::text::{Memo, Text};
use super::tokens::Kind;
use super::MIN_WORDS;

mod phrase;

use phrase::{is_dash, possessive_mark};

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
            if !text.memo(i, Memo::SpeechVerb, || self.verbs.contains(w)) {
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
            // right after a quotation that does not end its sentence. After a question or an
            // exclamation, which may end it, only a name and a verb that end the sentence or
            // their clause: `"…!" Conservatives still praise his refusal …` is the next sentence.
            let continues = close > 0 && text.toks[close - 1].is_punct(',');
            let ends = i < text.toks.len() && text.ends_sentence(i);
            let name_len = seq.iter().take_while(|&&k| text.is_cap(k) || text.abbreviation_dot(k)).count();
            let verb = seq.get(name_len).copied();
            let short = name_len == seq.len().saturating_sub(1) && ends;
            // (`"…?" Trump went on, as if …`: or a name and a verb, with a particle at most, that a
            // comma closes.)
            let clause = (name_len + 1..=name_len + 2)
                .any(|k| seq.get(k).is_some_and(|&c| text.toks[c].is_punct(',')));
            // (Not a name and a word running into the next quotation: `"…," Rubio already "paid a
            // heavy price"` quotes Rubio's predicate; it attributes nothing.)
            let into_quotation = stopped_at_mark && seq.len() == name_len + 1;
            if (1..=4).contains(&name_len)
                && verb.is_some_and(|v| verbish(text, v))
                && (short || clause || continues)
                && !into_quotation
            {
                return noun_phrase(text, &seq[..name_len]).filter(|w| w.kind == WhoKind::Name);
            }
            return None;
        };
        // `After Ruiz said that … "less advanced schools," Vey said: "…"`: a speech verb and a
        // colon introduce the quotation after them, not the clause the one before ends (but
        // `"…," Vey said, adding: "…"` attributes both, and `a deal "down the line" he warned:
        // "…"` is one sentence of his).
        let clause_ends = close > 0 && text.toks[close - 1].is_punct(',');
        if clause_ends
            && stopped_at_mark
            && seq.get(v + 1) == seq.last()
            && seq.last().is_some_and(|&k| text.toks[k].is_punct(':'))
        {
            return None;
        }
        // `… is broken." Hillary Clinton said Wednesday she, too, wants an inquiry.`: after a
        // quotation that ends its sentence, a speech verb taking a clause of its own (a subject
        // pronoun or "that" after it) reports a new statement, not this one.
        if closes_sentence
            && seq[v + 1..].iter().take(4).any(|&k| text.word_in(k, &PERSONAL) || text.word_in(k, &["that"]))
        {
            return None;
        }
        if (v > 0 && text.word_in(seq[v - 1], &["and", "but", "then"]))
            || infinitives_to(text, &seq, v).is_some()
        {
            // `"…" sponsored by NBC News and said …`: the verb shares the subject of the clause
            // the quotation is in, which `before` finds. (`his "…," he was the only pollster to
            // predict …`: nor does an infinitive attribute what comes before it.)
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
        // `Win Htein said that according to its analysis, … "…"`: "according to" inside what a
        // speech verb reports is part of the report; that verb's subject speaks.
        let according = self.according_to(text, &seq).filter(|_| {
            let at =
                seq.iter().position(|&k| text.is_word(k) && text.word(k).eq_ignore_ascii_case("according"));
            let reported = |v: usize| self.is_verb(text, seq[v]) && !self.participle(text, &seq, v);
            !at.is_some_and(|at| (0..at).any(reported))
        });
        if let Some(who) = according.or_else(|| quoted_as(text, &seq)) {
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
        if let Some(who) = name_and_verb_before_colon(text, &seq) {
            return Some(who);
        }
        let sentence_start = text.toks[first.min(open)].start;
        // The speech verb nearest the quote with a subject; a common noun phrase ("a voice that
        // said") only when no name or pronoun attributes the quote further left.
        let mut fallback = None;
        // The nearest speech verb's participle after a comma (`…, chanting "…"`), whose subject
        // is its clause's when no finite speech verb names a speaker.
        let mut comma_participle = None;
        // The speaker of the nearest infinitive of a speech verb (`to say`), kept for last.
        let mut infinitive = None;
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
                // `…, chanting "…"`, and `released a statement saying …`: what a document says,
                // its sender says.
                let after_comma = v > 0 && text.toks[seq[v - 1]].is_punct(',');
                // (A day may come between: `a statement Wednesday saying`.)
                let after_document = seq[v.saturating_sub(3)..v].iter().any(|&k| text.word_in(k, &DOCUMENTS));
                if (after_comma || after_document) && comma_participle.is_none() {
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
            // An infinitive (`to say`, `to flatly deny`) speaks for the name it governs
            // (`prompted Foreign Minister Klaus Kinkel to say`) or its clause's subject, when no
            // other verb of the sentence has a speaker: never for the phrase ending in "to" (`the
            // stage Tuesday night to`).
            if let Some(to) = infinitives_to(text, &seq, v) {
                if infinitive.is_none() {
                    infinitive = self.infinitives_subject(text, &seq, to, sentence_start, first);
                }
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
        colon_name
            .or(fallback)
            .or(infinitive)
            .or_else(|| self.participles_subject(text, &seq, comma_participle?))
    }

    /// The speaker of an infinitive whose "to" is `seq[to]`, in a sentence opening at token
    /// `first` (byte `sentence_start`): the name right before "to", which the main verb governs
    /// (`prompted Klaus Kinkel to say`), else the clause's subject (`Hale went on to say`),
    /// else the phrase opening the sentence (`The judge pointed to a previous case to say`).
    fn infinitives_subject(
        &self,
        text: &Text,
        seq: &[usize],
        to: usize,
        sentence_start: usize,
        first: usize,
    ) -> Option<Who> {
        if to == 0 {
            return None;
        }
        let governed = self.backward_np(text, &seq[..to], 0).filter(|w| {
            w.kind != WhoKind::Other && w.start > sentence_start && w.end == text.toks[seq[to - 1]].end
        });
        let to_start = text.toks[seq[to]].start;
        governed
            .or_else(|| {
                let who = text.subject_between(sentence_start, to_start)?;
                Some(text.speaking_subject(first, who, to_start))
            })
            .or_else(|| self.participles_subject(text, seq, to))
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
                    || text.word_in(seq[k], &["sent", "put", "wrote", "gave", "made", "took", "went"])
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
}

/// Documents whose sender speaks through them ("released a statement saying …").
#[rustfmt::skip]
const DOCUMENTS: [&str; 11] =
    ["statement", "release", "letter", "email", "e-mail", "memo", "note", "post", "tweet", "message", "report"];

/// `When Trump suggested …, Rubio fired back forcefully: "…"`: the clause closed by the colon
/// before a quotation is a name and its verb (any verb, a particle or adverb after it), so the
/// name speaks, not the subject of a speech verb earlier in the sentence.
fn name_and_verb_before_colon(text: &Text, seq: &[usize]) -> Option<Who> {
    let (&colon, clause) = seq.split_last()?;
    if !text.toks[colon].is_punct(':') {
        return None;
    }
    let from = clause.iter().rposition(|&k| text.toks[k].is_punct(',')).map_or(0, |c| c + 1);
    let clause = &clause[from..];
    let name_len = clause.iter().take_while(|&&k| text.is_cap(k)).count();
    let rest = &clause[name_len..];
    let verb = rest.first().is_some_and(|&v| verbish(text, v));
    let trailing = rest.iter().skip(1).all(|&k| text.is_word(k) && !text.is_cap(k));
    if !(1..=3).contains(&name_len) || !verb || !trailing || rest.len() > 3 {
        return None;
    }
    noun_phrase(text, &clause[..name_len]).filter(|w| w.kind == WhoKind::Name)
}

/// The "to" of the infinitive whose verb is `seq[v]`, with one adverb between them allowed ("to
/// say", "to flatly deny", "to further explain").
fn infinitives_to(text: &Text, seq: &[usize], v: usize) -> Option<usize> {
    let is_to = |k: usize| text.word(seq[k]) == "to";
    let adverb = |k: usize| ends_ly(text, seq[k]) || text.word_in(seq[k], &ADVERBS);
    match v {
        0 => None,
        _ if is_to(v - 1) => Some(v - 1),
        _ if v > 1 && adverb(v - 1) && is_to(v - 2) => Some(v - 2),
        _ => None,
    }
}

/// The closing mark of a short quoted name opening at token `open` ("“Ted Cruz” campaign
/// pins"): one to four capitalised words, then the closing mark.
fn quoted_name_end(text: &Text, open: usize) -> Option<usize> {
    let words = (open + 1..text.toks.len()).take_while(|&k| text.is_cap(k)).count();
    let close = open + 1 + words;
    ((1..=4).contains(&words) && text.toks.get(close).is_some_and(|t| t.kind == Kind::Close)).then_some(close)
}

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

#[cfg(test)]
mod tests;
