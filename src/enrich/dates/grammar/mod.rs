//! The grammar of date expressions over tokens, and their resolution.
//!
//! Every rule looks at the tokens from a position and returns the longest expression it
//! recognises there, as a [`Hit`]. The caller keeps the longest hit over all rules.

mod calendar;
mod relative;

use jiff::civil::Date;

use super::lexicon::{Kw, Lex, Tok};
use super::resolve::{Lean, Val};

/// A recognised expression: tokens `[start, end)` and the resolved value.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved value.
    pub val: Val,
}

/// The grammar over one line's tokens, with the publication date to resolve against.
pub(super) struct Grammar<'a> {
    body: &'a str,
    t: &'a [Tok],
    pubd: Option<Date>,
}

/// The most tokens an expression can have before its first anchor token ([`Tok::anchor`]): "the
/// end of" takes three, and the longest lead of a rule after it five ("late-the past fiscal
/// year", in `relative`). [`Grammar::at`] finds nothing further than this from an anchor, so
/// callers need not try it there; a rule with a longer lead must raise it.
pub(super) const LEAD: usize = 8;

/// How a relative unit expression is anchored ("this", "last", "next").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    This,
    Last,
    Next,
}

/// Verbs of a scheduled event in the present tense: right before a day or month, they tell of
/// what is still to come ("which begins Monday", "resumes on Tuesday", "falls on Friday").
const SCHEDULED_PRESENT: [&str; 13] = [
    "begins",
    "starts",
    "opens",
    "ends",
    "closes",
    "resumes",
    "reopens",
    "falls",
    "meets",
    "convenes",
    "expires",
    "runs",
    "concludes",
];

/// Past and reporting forms that end the search of [`Grammar::lean_ahead`] ("On Tuesday, the
/// league held …"), besides those in "-ed".
const PAST_FORMS: &[&str] = &[
    "said", "says", "told", "was", "were", "had", "did", "held", "met", "took", "gave", "made", "went",
    "came", "saw", "won", "lost", "left", "sent", "spoke", "wrote", "began", "became", "brought", "kept",
    "found", "ran", "fell", "rose", "struck", "sought", "paid", "led", "fled", "stood", "got", "thought",
    "knew", "felt", "heard",
];

impl<'a> Grammar<'a> {
    /// A grammar over `t` (tokens of one line).
    pub fn new(body: &'a str, t: &'a [Tok], pubd: Option<Date>) -> Grammar<'a> {
        Grammar { body, t, pubd }
    }

    /// The longest expression starting at token `i`.
    pub fn at(&self, i: usize) -> Option<Hit> {
        // Most tokens cannot begin an expression: skip them before trying every rule.
        match self.t.get(i)?.lex {
            Lex::Punct(c) if c != b'\'' => return None,
            Lex::Other
                if !matches!(self.text(i), "that" | "That" | "these" | "These")
                    && relative::short_quarter(self.text(i)).is_none() =>
            {
                return None
            }
            Lex::Kw(Kw::In | Kw::Of | Kw::FutureCue | Kw::Around) => return None,
            _ => {}
        }
        let rules = [
            self.explicit(i),
            self.edge_month(i),
            self.weekday(i),
            self.deictic(i),
            self.relative(i),
            self.ago(i),
            self.quarter(i),
            self.year_expr(i),
            self.boundary(i),
            self.holiday(i),
            self.reference(i),
            self.anaphoric(i),
            self.clock(i),
        ];
        rules.into_iter().flatten().max_by_key(|h| (h.end, std::cmp::Reverse(h.start)))
    }

    // ---- token helpers -------------------------------------------------------------------

    /// The text of token `i` ("" past the end).
    fn text(&self, i: usize) -> &'a str {
        self.t.get(i).and_then(|t| self.body.get(t.start..t.end)).unwrap_or("")
    }

    /// Token `i` is the article "the".
    pub fn is_the(&self, i: usize) -> bool {
        self.is_kw(i, Kw::The)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        self.t.get(i).and_then(Tok::kw)
    }

    fn is_kw(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.is(c))
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn adj(&self, i: usize) -> bool {
        i > 0 && self.t.get(i).is_some_and(|t| t.start == self.t[i - 1].end)
    }

    /// Skips an optional hyphen glued to both neighbours ("third-quarter", "mid-1990s").
    fn hyphen(&self, i: usize) -> usize {
        if self.punct(i, b'-') && self.adj(i) && self.adj(i + 1) {
            i + 1
        } else {
            i
        }
    }

    /// A month name at `i` (abbreviations may take their period): month and next token.
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.t.get(i)?;
        let Lex::Month(m, abbr) = t.lex else {
            return None;
        };
        if !t.cap {
            return None;
        }
        let next = if abbr && self.punct(i + 1, b'.') && self.adj(i + 1) { i + 2 } else { i + 1 };
        Some((m, next))
    }

    /// A day of the month at `i` ("7", "7th", "eighth").
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.t.get(i)?;
        match t.lex {
            Lex::Number if t.digits <= 2 && (1..=31).contains(&t.num) => {
                // "May 5 percent" or "March 3-2 vote" are not dates; "Nov. 4-5" is a range whose
                // first day is taken.
                if self.punct(i + 1, b'-') && self.adj(i + 1) {
                    let to = self.t.get(i + 2).filter(|n| n.lex == Lex::Number && self.adj(i + 2));
                    // "March 30-April 2": a range into the next month.
                    let next_month = self.adj(i + 2) && self.month(i + 2).is_some();
                    if !to.is_some_and(|n| n.num > t.num && n.num <= 31) && !next_month {
                        return None;
                    }
                }
                if self.punct(i + 1, b'%') {
                    return None;
                }
                if self.punct(i + 1, b'.') && self.t.get(i + 2).is_some_and(|n| n.lex == Lex::Number) {
                    return None;
                }
                Some((t.num as u8, i + 1))
            }
            Lex::Ordinal(n) if (1..=31).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// A year at `i`: four digits 1000-2099 that are not part of a larger number, an amount or a
    /// clock time; "'89"; or a spelled-out year ("nineteen ninety-six").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t.get(i)?;
        match t.lex {
            Lex::Number if t.digits == 4 && (1000..=2099).contains(&t.num) => {
                let glued_before = |c| i > 0 && self.t[i - 1].is(c) && self.adj(i);
                if glued_before(b'$') || glued_before(b'#') || glued_before(b'.') || glued_before(b',') {
                    return None;
                }
                let glued_after = |c| self.punct(i + 1, c) && self.adj(i + 1);
                if (glued_after(b'.') || glued_after(b',') || glued_after(b':'))
                    && self.t.get(i + 2).is_some_and(|n| n.lex == Lex::Number && self.adj(i + 2))
                {
                    return None;
                }
                if glued_after(b'%') {
                    return None;
                }
                // The end of a range of decimals: "1.1700-1702".
                if i >= 3
                    && glued_before(b'-')
                    && self.t[i - 2].lex == Lex::Number
                    && self.adj(i - 1)
                    && self.t[i - 3].is(b'.')
                    && self.adj(i - 2)
                {
                    return None;
                }
                let next = self.text(i + 1);
                if ["million", "billion", "trillion", "percent"].iter().any(|w| next.eq_ignore_ascii_case(w))
                {
                    return None;
                }
                // A count of people ("600 dead and 1400 injured"), a clock time ("1600 GMT"), a
                // numbered resolution ("Resolution 1718").
                let count =
                    ["injured", "wounded", "dead", "killed", "missing", "hurt", "people"].contains(&next);
                let before = if i > 0 { self.text(i - 1) } else { "" };
                let numbered =
                    before.eq_ignore_ascii_case("resolution") || before.eq_ignore_ascii_case("resolutions");
                if count || numbered || (t.num % 100 < 60 && self.time_zone(i + 1).is_some()) {
                    return None;
                }
                Some((t.num as i32, i + 1))
            }
            Lex::Punct(b'\'') => {
                let n = self.t.get(i + 1)?;
                if i > 0 && self.t[i - 1].is(b'\'') {
                    return None; // a closing or opening double quote
                }
                if n.lex == Lex::Number && n.digits == 2 && self.adj(i + 1) {
                    let y = if n.num < 30 { 2000 } else { 1900 } + n.num as i32;
                    return Some((y, i + 2));
                }
                None
            }
            Lex::Kw(Kw::Nineteen) => {
                let Some(Kw::Tens(t)) = self.kw(i + 1) else {
                    return None;
                };
                let mut y = 1900 + 10 * t as i32;
                let mut next = i + 2;
                if self.punct(next, b'-') {
                    if let Some(Lex::Count(c @ 1..=9)) = self.t.get(next + 1).map(|t| t.lex) {
                        y += c as i32;
                        next += 2;
                    }
                }
                Some((y, next))
            }
            _ => None,
        }
    }

    /// Token `i` is an abbreviation that takes a period: an initial, a title or a month.
    fn abbreviation(&self, i: usize) -> bool {
        let t = &self.t[i];
        let w = self.text(i);
        t.end - t.start == 1
            || matches!(t.lex, Lex::Month(_, true))
            || matches!(
                w,
                "Mr" | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "St"
                    | "Jr"
                    | "Sr"
                    | "Gen"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Lt"
                    | "Col"
                    | "Inc"
                    | "Corp"
                    | "Co"
                    | "Ltd"
                    | "No"
                    | "Prof"
                    | "Rev"
            )
    }

    /// Looks back in the sentence for a cue that the expression points forward in time: a
    /// future modal or a scheduling word ("will", "expected to", "scheduled", "is to"). The
    /// search stops at the sentence start, a quotation mark (a cue inside a quotation does not
    /// govern the reporting clause) and a reporting verb ("said Friday" dates the statement).
    fn lean(&self, i: usize) -> Lean {
        let lo = i.saturating_sub(20);
        for j in (lo..i).rev() {
            let t = &self.t[j];
            if self.ends_sentence_at(j) {
                break;
            }
            // '' and `` are quotation marks too.
            if t.is(b'\'') && j > 0 && self.t[j - 1].is(b'\'') && self.adj(j) {
                break;
            }
            let w = self.text(j);
            if matches!(w, "said" | "says" | "told" | "announced" | "added" | "reported") {
                break;
            }
            // "have arisen just since December": what something has lasted since is past,
            // whatever future cue stands earlier in the sentence ("political will").
            if j + 1 == i && w.eq_ignore_ascii_case("since") {
                return Lean::Past;
            }
            let next = self.text(j + 1);
            let to_or_for = next.eq_ignore_ascii_case("to") || next.eq_ignore_ascii_case("for");
            match t.kw() {
                Some(Kw::FutureCue) if !self.unreal(j) => return Lean::Future,
                // "expected to", "set for", "due to": the bare words are adjectives or nouns too.
                Some(Kw::ScheduleCue) if to_or_for => return Lean::Future,
                // "planned a large demonstration on Saturday": what was planned for a day (not
                // "had planned on Friday to …", when the planning was done, nor "a service
                // planned for Saturday was canceled").
                Some(Kw::ScheduleCue)
                    if matches!(w, "planned" | "planning" | "slated")
                        && (3..=8).contains(&(i - j))
                        && matches!(self.text(i - 1), "on" | "for")
                        && !matches!(self.text(i + 1), "was" | "were" | "had") =>
                {
                    return Lean::Future
                }
                _ => {}
            }
            if self.is_to(j) {
                return Lean::Future;
            }
            // "the convention, which begins Monday", "the trial resumes on Tuesday": a scheduled
            // event told in the present is still to come.
            let right_before = j + 1 == i || (j + 2 == i && matches!(next, "on" | "in"));
            if right_before && SCHEDULED_PRESENT.contains(&w) {
                return Lean::Future;
            }
            // "as soon as Tuesday", "as early as Monday": the earliest of what is still to come
            // (not "as soon as the results were counted Tuesday").
            if matches!(w, "soon" | "early") && j + 2 == i && next.eq_ignore_ascii_case("as") {
                return Lean::Future;
            }
        }
        Lean::Past
    }

    /// The lean of a month or day named without a year at tokens `i..end`: that of
    /// [`Grammar::lean`], or [`Lean::Before`] when nothing points ahead, the date follows a
    /// preposition of the time something happened in ("in", "on", "since", "during", or
    /// "ended"; not "to" or "by", which name a target) and the verb it belongs to is in the past:
    /// among the few words before the preposition ("took power in March", "the fiscal year ended
    /// Jan. 31"), or, for a date opening its sentence, the first verb after it ("In January, the
    /// company brought in …"). A past verb further away tells when something was reported, not
    /// when the date's event is ("Sterling fell on uncertainty about an election on May 1").
    fn date_lean(&self, i: usize, end: usize) -> Lean {
        let lean = self.lean(i);
        if lean == Lean::Future {
            return lean;
        }
        // "in early December", "in mid-May": the preposition stands before the modifier.
        let mut p = i;
        while p > 0
            && (matches!(self.kw(p - 1), Some(Kw::Early | Kw::Late | Kw::Mid)) || self.punct(p - 1, b'-'))
        {
            p -= 1;
        }
        if p == 0 {
            return lean;
        }
        let prep = self.text(p - 1);
        if prep == "ended" {
            return Lean::Before;
        }
        if !matches!(prep, "in" | "In" | "on" | "On" | "since" | "Since" | "during" | "During") {
            return lean;
        }
        let opens = self.opens_sentence(p - 1);
        let past = if opens { self.past_verb_after(end) } else { self.past_verb_before(p - 1) };
        if past {
            Lean::Before
        } else {
            lean
        }
    }

    /// True when token `start` is the first of its sentence: after a full stop, an opening
    /// quotation mark or a line break.
    fn opens_sentence(&self, start: usize) -> bool {
        start == 0
            // An opening mark touches the word after it; a closing one ('"Good Morning America"
            // on April 15') does not.
            || (matches!(self.t.get(start - 1).map(|t| t.lex), Some(Lex::Punct(b'"'))) && self.adj(start))
            || (self.t[start - 1].is(b'.') && start > 1 && !self.abbreviation(start - 2))
            || self.body.get(self.t[start - 1].end..self.t[start].start).is_some_and(|gap| gap.contains('\n'))
    }

    /// True when token `j` ends a sentence or is a quotation mark: `!`, `?`, `;`, `"`, or a
    /// period that ends no abbreviation ("U.S.", "Mr.", "Aug.").
    fn ends_sentence_at(&self, j: usize) -> bool {
        let t = &self.t[j];
        matches!(t.lex, Lex::Punct(b'!' | b'?' | b';' | b'"'))
            || (t.is(b'.') && j > 0 && !self.abbreviation(j - 1))
    }

    /// True when token `j` ends a clause: [`Grammar::ends_sentence_at`], a comma or a colon.
    fn sentence_stop(&self, j: usize) -> bool {
        self.ends_sentence_at(j) || matches!(self.t[j].lex, Lex::Punct(b',' | b':'))
    }

    /// True when token `j` is a verb in the past: a form of [`PAST_FORMS`] other than "says", or a
    /// word in "-ed" that is no cue word; not a participle after "be", "is", "have", "to", an
    /// article or an adverb of degree ("is held", "to be held", "have called", "the proposed",
    /// "most industrialised"), nor "was" or "were" before "to" ("were to win").
    fn past_verb(&self, j: usize) -> bool {
        let w = self.text(j);
        let form = (w != "says" && PAST_FORMS.contains(&w))
            || (w.len() >= 4 && w.ends_with("ed") && self.kw(j).is_none());
        let participle = j > 0
            && matches!(
                self.text(j - 1),
                "be" | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "have"
                    | "has"
                    | "to"
                    | "the"
                    | "a"
                    | "an"
                    | "The"
                    | "A"
                    | "An"
                    // An adverb of degree makes an adjective: "the most industrialised nations".
                    | "most"
                    | "more"
                    | "less"
                    | "least"
                    | "highly"
                    | "newly"
            );
        let planned = matches!(w, "was" | "were") && self.text(j + 1) == "to";
        form && !participle && !planned
    }

    /// A past verb among the four words before token `prep`, within its clause and not in a
    /// condition. A reporting verb counts only right before it ("said in August", not "said the
    /// gathering in September").
    fn past_verb_before(&self, prep: usize) -> bool {
        for j in (prep.saturating_sub(4)..prep).rev() {
            if self.sentence_stop(j) {
                return false;
            }
            let reporting = matches!(self.text(j), "said" | "told");
            if self.past_verb(j) && (!reporting || j + 1 == prep) {
                // "If the government fell on Dec. 8": a condition, not what happened.
                let clause = j.saturating_sub(3)..j;
                return !clause
                    .into_iter()
                    .any(|k| matches!(self.text(k), "if" | "If" | "unless" | "Unless"));
            }
        }
        false
    }

    /// Whether the first verb after token `end` (within ten tokens and the sentence) is in the
    /// past, rather than a future cue ("will", "plans to", "is to").
    fn past_verb_after(&self, end: usize) -> bool {
        for j in end..(end + 10).min(self.t.len()) {
            if self.ends_sentence_at(j) {
                return false;
            }
            let w = self.text(j);
            let modal = matches!(w, "will" | "ll" | "shall" | "would") && !self.unreal(j);
            let cue = matches!(self.kw(j), Some(Kw::FutureCue | Kw::ScheduleCue));
            if modal || cue || self.is_to(j) {
                return false;
            }
            if self.past_verb(j) {
                return true;
            }
        }
        false
    }

    /// "would have won", "a would-be candidate" at token `j`: a past that did not happen, not a
    /// future.
    fn unreal(&self, j: usize) -> bool {
        self.text(j).eq_ignore_ascii_case("would")
            && (self.text(j + 1).eq_ignore_ascii_case("have") || self.punct(j + 1, b'-'))
    }

    /// "is to resume", "are to meet": `to` at token `j` after "is" or "are", a future.
    fn is_to(&self, j: usize) -> bool {
        self.text(j).eq_ignore_ascii_case("to") && j > 0 && matches!(self.text(j - 1), "is" | "are")
    }

    /// The direction of a day that opens its sentence, from the words after it (`end` is the
    /// token after the expression): "On Tuesday, the league plans to hold …" is ahead, "On
    /// Tuesday, the league held …" behind. The first past form, reporting verb or quotation
    /// mark ends the search.
    fn lean_ahead(&self, start: usize, end: usize) -> Lean {
        let start =
            if start > 0 && self.text(start - 1).eq_ignore_ascii_case("on") { start - 1 } else { start };
        if !self.opens_sentence(start) {
            return Lean::Past;
        }
        for j in end..(end + 10).min(self.t.len()) {
            let t = &self.t[j];
            if matches!(t.lex, Lex::Punct(b'!' | b'?' | b';' | b'"' | b'.')) {
                break;
            }
            let w = self.text(j);
            let next = self.text(j + 1);
            // A modal, or a plan with its verb ("plans to hold"; "vacation plans" is a noun).
            let modal = matches!(w, "will" | "ll" | "shall" | "would") && !self.unreal(j);
            let plan =
                matches!(t.kw(), Some(Kw::FutureCue | Kw::ScheduleCue)) && matches!(next, "to" | "for");
            if modal || plan || self.is_to(j) {
                return Lean::Future;
            }
            if w.ends_with("ed") || PAST_FORMS.contains(&w) || w == "when" {
                break;
            }
        }
        Lean::Past
    }
    /// "this"/"last"/"next" and their synonyms at `i`.
    fn rel_word(&self, i: usize) -> Option<Rel> {
        match self.kw(i)? {
            Kw::This | Kw::Current => Some(Rel::This),
            Kw::Last | Kw::Past | Kw::Previous => Some(Rel::Last),
            Kw::Next | Kw::Coming => Some(Rel::Next),
            _ => None,
        }
    }
}

/// The year (or unit) offset of a relative word.
fn rel_delta(rel: Rel) -> i32 {
    match rel {
        Rel::This => 0,
        Rel::Last => -1,
        Rel::Next => 1,
    }
}
