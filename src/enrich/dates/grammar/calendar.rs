//! Rules for named calendar dates and times: explicit dates, weekdays, years, holidays, clock
//! times.

use super::super::lexicon::{Kw, Lex};
use super::super::resolve::{self as r, Lean, Val};
use super::{rel_delta, Grammar, Hit, Rel};

/// Time zones written after a clock time, as news writes them ("1600 GMT").
const TIME_ZONES: [&str; 20] = [
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "EET", "MSK",
    "IST", "JST", "KST", "HKT", "AEST",
];

impl Grammar<'_> {
    /// Month-day-year dates, day-month dates, month-year, a month alone, ISO and US numeric dates.
    pub(super) fn explicit(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.numeric(i) {
            return Some(h);
        }
        self.explicit_date(i)
    }

    /// "early December", "late-November", "mid-May": the month (or date) with its part.
    pub(super) fn edge_month(&self, i: usize) -> Option<Hit> {
        if !matches!(self.kw(i), Some(Kw::Early | Kw::Late | Kw::Mid)) {
            return None;
        }
        let j = self.hyphen(i + 1);
        self.month(j)?;
        let h = self.explicit_date(j)?;
        Some(Hit { start: i, end: h.end, val: h.val })
    }

    /// The dates of [`Grammar::explicit`] other than numeric ones.
    pub(super) fn explicit_date(&self, i: usize) -> Option<Hit> {
        let hit = |end, val| Some(Hit { start: i, end, val });
        if let Some((m, j)) = self.month(i) {
            if let Some((d, k)) = self.day(j) {
                // "Aug. 7, 1998" / "Aug. 7 1998"
                let k2 = if self.punct(k, b',') { k + 1 } else { k };
                if let Some((y, l)) = self.year(k2) {
                    return hit(l, Val::day(y, m as i32, d as i32));
                }
                // "March 3 to April 5, 2023": the range's end gives the year.
                let lean = self.date_lean(i, k);
                let val = match (self.range_end_year(k, (m, d), lean != Lean::Future), self.pubd) {
                    (Some(y), _) => Val::day(y, m as i32, d as i32),
                    (None, Some(p)) => Val::day(r::year_for(p, m, d, lean), m as i32, d as i32),
                    (None, None) => Val::None,
                };
                return hit(k, val);
            }
            // "June 1994", "June, 1994", "January of 1990"
            let j2 = if self.punct(j, b',') || self.is_kw(j, Kw::Of) { j + 1 } else { j };
            if let Some((y, l)) = self.year(j2) {
                return hit(l, Val::month(y, m as i32));
            }
            // "January this year", "June last year"
            if self.is_kw(j, Kw::Year) {
                return None;
            }
            if let (Some(rel), true) = (self.rel_word(j), self.is_kw(j + 1, Kw::Year)) {
                let val = match self.pubd {
                    Some(p) => Val::month(p.year() as i32 + rel_delta(rel), m as i32),
                    None => Val::None,
                };
                return hit(j + 2, val);
            }
            // A month alone: "May" and "March" are verbs or names too often without a cue.
            let t = &self.t[i];
            let ambiguous = matches!(t.lex, Lex::Month(3 | 5, false));
            // The cue may sit before a hyphen: "mid-May".
            let before =
                if i >= 2 && self.punct(i - 1, b'-') && self.adj(i) { i - 2 } else { i.wrapping_sub(1) };
            // "between March and June 2023", "from January to April 2022": a month starting a
            // range whose end names its year takes that year (and needs no other cue).
            let lean = self.date_lean(i, j);
            let range_year = self.range_end_year(j, (m, 0), lean != Lean::Future);
            let cued = matches!(self.kw(before), Some(Kw::In | Kw::Of | Kw::Early | Kw::Late | Kw::Mid));
            if ambiguous && !cued && range_year.is_none() {
                return None;
            }
            if matches!(t.lex, Lex::Month(_, true)) && j == i + 1 {
                return None; // "Jan" without its period is too often a name
            }
            let val = match (range_year, self.pubd) {
                (Some(y), _) => Val::month(y, m as i32),
                (None, Some(p)) => Val::month(r::year_for(p, m, 0, lean), m as i32),
                (None, None) => Val::None,
            };
            return hit(j, val);
        }
        // "7 August 1998", "7th of August"
        let (d, j) = self.day(i)?;
        let j = if self.is_kw(j, Kw::Of) { j + 1 } else { j };
        let (m, k) = self.month(j)?;
        if let Some((y, l)) = self.year(k) {
            return hit(l, Val::day(y, m as i32, d as i32));
        }
        let val = match self.pubd {
            Some(p) => Val::day(r::year_for(p, m, d, self.date_lean(i, k)), m as i32, d as i32),
            None => Val::None,
        };
        hit(k, val)
    }

    /// The year written at the end of a range of dates that starts before token `j` on month and
    /// day `start` (day 0 for a month alone): `j` is "to", "and", "through", "until" or a dash,
    /// followed by a month (with or without its day) and a year ("… to April 2022", "… and June
    /// 5, 2023", "…-June 2023"). The range runs forward within that year ("February and January
    /// 1997" is no range). Without a written year, when `infer` (the start has no future cue of
    /// its own) and not after "and", the end's year as resolved from the publication date.
    fn range_end_year(&self, j: usize, start: (u8, u8), infer: bool) -> Option<i32> {
        let connective = self.punct(j, b'-')
            || (self.t.get(j).is_some_and(|t| !t.cap)
                && matches!(self.text(j), "to" | "and" | "through" | "until" | "till"));
        if !connective {
            return None;
        }
        // "March 3-5, 2025": a dash, the range's last day of the same month, and the year.
        let last_day = self.t.get(j + 1).filter(|t| t.lex == Lex::Number && t.digits <= 2);
        if let (true, true, Some(last)) = (start.1 > 0, self.punct(j, b'-') && self.adj(j + 1), last_day) {
            let k = if self.punct(j + 2, b',') { j + 3 } else { j + 2 };
            let (year, _) = self.year(k)?;
            return (last.num >= u32::from(start.1) && last.num <= 31).then_some(year);
        }
        self.month(j + 1)?;
        let end = self.explicit_date(j + 1)?;
        let written = (j + 2..end.end).any(|k| self.year(k).is_some_and(|(_, after)| after <= end.end));
        let (year, last) = match end.val {
            Val::Month(y, m) => (i32::from(y), (m as u8, 0)),
            Val::Day(d) => (i32::from(d.year()), (d.month() as u8, d.day() as u8)),
            _ => return None,
        };
        let forward = start.0 < last.0 || (start.0 == last.0 && start.1 <= last.1);
        if written {
            return forward.then_some(year);
        }
        // "From January to October" with no year: the end's year, resolved from the publication
        // date. Not "and", which lists months as often as it closes a range, nor a range over
        // the turn of a year ("from October to February"), whose end may as well be next year.
        (infer && forward && !self.text(j).eq_ignore_ascii_case("and")).then_some(year)
    }

    /// "1998-08-07" and US "8/7/98" or "8/7/1998".
    pub(super) fn numeric(&self, i: usize) -> Option<Hit> {
        let t = self.t;
        let a = t.get(i)?;
        if a.lex != Lex::Number || !(1..=5).contains(&(t.len() - i).min(5)) || i + 4 >= t.len() {
            return None;
        }
        let (s1, b, s2, c) = (&t[i + 1], &t[i + 2], &t[i + 3], &t[i + 4]);
        if !(self.adj(i + 1) && self.adj(i + 2) && self.adj(i + 3) && self.adj(i + 4)) {
            return None;
        }
        if b.lex != Lex::Number || c.lex != Lex::Number {
            return None;
        }
        let val = if s1.is(b'-') && s2.is(b'-') && a.digits == 4 && b.digits == 2 && c.digits == 2 {
            Val::day(a.num as i32, b.num as i32, c.num as i32)
        } else if s1.is(b'/') && s2.is(b'/') && a.digits <= 2 && b.digits <= 2 {
            let y = match c.digits {
                4 => c.num as i32,
                2 => c.num as i32 + if c.num < 30 { 2000 } else { 1900 },
                _ => return None,
            };
            Val::day(y, a.num as i32, b.num as i32)
        } else {
            return None;
        };
        if val == Val::None
            || self.t.get(i + 5).is_some_and(|n| self.adj(i + 5) && !n.is(b'.') && !n.is(b','))
        {
            return None;
        }
        Some(Hit { start: i, end: i + 5, val })
    }

    /// "Friday", "last Friday", "Friday morning", "Friday, Aug. 7".
    pub(super) fn weekday(&self, i: usize) -> Option<Hit> {
        let (rel, w) = match self.rel_word(i) {
            // "this coming Sunday"
            Some(Rel::This) if self.is_kw(i + 1, Kw::Coming) => (Some(Rel::This), i + 2),
            Some(rel) => (Some(rel), i + 1),
            None if self.is_kw(i, Kw::The) && self.is_kw(i + 1, Kw::Previous) => (Some(Rel::Last), i + 2),
            None => (None, i),
        };
        let tok = self.t.get(w)?;
        let Lex::Weekday(wd) = tok.lex else {
            return None;
        };
        if !tok.cap {
            return None;
        }
        let mut end = w + 1;
        // A date in apposition fixes the day ("Friday, Aug. 7"); it stays a mention of its own.
        let k = if self.punct(end, b',') { end + 1 } else { end };
        if let Some(h) = self.explicit(k).filter(|h| matches!(h.val, Val::Day(_))) {
            return Some(Hit { start: i, end, val: h.val });
        }
        if matches!(self.kw(end), Some(Kw::PartOfDay | Kw::Night)) {
            if self.t[end].cap {
                return None; // a title: "Saturday Night Live", "Sunday Morning Futures"
            }
            end += 1;
        }
        let val = match (self.pubd, rel) {
            (None, _) => Val::None,
            // "Wednesday's ruling" names an event already known: the past.
            (Some(p), None) if self.punct(w + 1, b'\'') => r::weekday_near(p, wd, Lean::Past),
            (Some(p), None) => {
                let lean = match self.lean(i) {
                    Lean::Past => self.lean_ahead(i, end),
                    ahead => ahead,
                };
                r::weekday_near(p, wd, lean)
            }
            (Some(p), Some(Rel::This)) => r::weekday_near(p, wd, Lean::Future),
            (Some(p), Some(Rel::Last)) => r::weekday_strict(p, wd, -1),
            (Some(p), Some(Rel::Next)) => r::weekday_strict(p, wd, 1),
        };
        Some(Hit { start: i, end, val })
    }

    /// Years and decades: "1997", "fiscal 1989", "early 1991", "mid-1996", "the 1990s",
    /// "the late '80s", "the 20th century", "nineteen ninety-six".
    pub(super) fn year_expr(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let the = self.is_kw(j, Kw::The);
        if the {
            j += 1;
        }
        let edge = matches!(self.kw(j), Some(Kw::Early | Kw::Late | Kw::Mid));
        if edge {
            j = self.hyphen(j + 1);
        }
        if self.is_kw(j, Kw::Fiscal) {
            j += 1;
            if self.is_kw(j, Kw::Year) {
                j += 1;
            }
        } else if self.is_kw(j, Kw::Year)
            && matches!(self.t.get(j + 1).map(|t| t.lex), Some(Lex::Count(2)))
            && self.is_kw(j + 2, Kw::Thousand)
        {
            return Some(Hit { start: i, end: j + 3, val: Val::year(2000) });
        }
        let t = self.t.get(j)?;
        match t.lex {
            // "30s" alone is usually an age ("in his 30s").
            Lex::Decade if t.num >= 100 || j > i => {
                return Some(Hit { start: i, end: j + 1, val: Val::None })
            }
            Lex::Punct(b'\'')
                if matches!(self.t.get(j + 1).map(|t| t.lex), Some(Lex::Decade)) && self.adj(j + 1) =>
            {
                return Some(Hit { start: i, end: j + 2, val: Val::None });
            }
            Lex::Ordinal(_) if self.is_kw(j + 1, Kw::Century) => {
                return Some(Hit { start: i, end: j + 2, val: Val::None });
            }
            _ => {}
        }
        let (y, end) = self.year(j)?;
        // "the 1990's": a decade written with an apostrophe, not the year 1990.
        if y % 10 == 0
            && self.punct(end, b'\'')
            && self.adj(end)
            && self.adj(end + 1)
            && self.text(end + 1) == "s"
        {
            return Some(Hit { start: i, end: end + 2, val: Val::None });
        }
        // "the 1988 quarter" belongs to quarter(); a bare "the" is not part of a year.
        let start = if the && !edge { i + 1 } else { i };
        // Clock times written as four digits: "0735 GMT".
        if matches!(self.t.get(end).map(|t| t.lex), Some(Lex::Other))
            && self.t.get(end).is_some_and(|t| t.cap && t.end - t.start == 3)
            && self.t[j].num % 100 < 60
            && j > 0
            && self.t[j - 1].is(b'(')
        {
            return None;
        }
        Some(Hit { start, end, val: Val::year(y) })
    }

    /// "Thanksgiving (Day)", "last Christmas", "Election Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        let rel = self.rel_word(i);
        let j = if rel.is_some() { i + 1 } else { i };
        let t = self.t.get(j)?;
        if !t.cap {
            return None;
        }
        let mut end = j + 1;
        let day_after = self.t.get(end).is_some_and(|t| t.cap && self.is_kw(end, Kw::Day));
        let which = match t.lex {
            Lex::Kw(Kw::Holiday(h)) => Some(h),
            Lex::Kw(Kw::Election) if day_after => None,
            _ => return None,
        };
        if day_after {
            end += 1;
        } else if rel.is_none() && which.is_some() && self.modifies_a_noun(i) {
            return None;
        }
        let on = |y: i16| match which {
            Some(h) => r::holiday(h, y),
            None => r::election_day(y),
        };
        let val = match self.pubd {
            None => Val::None,
            Some(p) => {
                let py = p.year();
                let mut cands = [py - 1, py, py + 1].map(|y| match on(y) {
                    Val::Day(d) => Some(d),
                    _ => None,
                });
                let pick = match rel {
                    Some(Rel::Last) => cands.iter().rev().flatten().find(|d| **d < p).copied(),
                    Some(Rel::Next) => cands.iter().flatten().find(|d| **d > p).copied(),
                    _ => {
                        cands.sort_by_key(|d| d.map_or(i64::MAX, |d| r::days_apart(p, d)));
                        cands[0]
                    }
                };
                pick.map(Val::Day).unwrap_or(Val::None)
            }
        };
        Some(Hit { start: i, end, val })
    }

    /// True when the holiday at token `i` qualifies the noun after it ("China-made Christmas
    /// presents", "a Christmas concert"): no preposition before it, and a lower-case word after
    /// it that is neither a time's noun ("Christmas holidays") nor a word of the sentence
    /// around it ("spent Christmas with", "Christmas is").
    fn modifies_a_noun(&self, i: usize) -> bool {
        const PREPOSITIONS: [&str; 14] = [
            "on", "at", "by", "before", "after", "until", "till", "since", "over", "during", "for",
            "through", "around", "from",
        ];
        // (Words the lexicon knows, "morning", "period", "will", "this", are no `Lex::Other`.)
        const NOT_A_NOUN: [&str; 21] = [
            "eve", "holiday", "holidays", "season", "break", "recess", "vacation", "time", "with", "at",
            "and", "or", "for", "as", "is", "was", "that", "when", "but", "has", "had",
        ];
        let Some(next) = self.t.get(i + 1) else { return false };
        let one_of = |list: &[&str], k: usize| list.iter().any(|w| w.eq_ignore_ascii_case(self.text(k)));
        next.lex == Lex::Other
            && !next.cap
            && !next.nl_before
            && !one_of(&NOT_A_NOUN, i + 1)
            && i.checked_sub(1).is_none_or(|b| !one_of(&PREPOSITIONS, b))
    }

    /// The number of tokens of a time zone at token `i`: an abbreviation ("GMT", "EST") or
    /// "local time".
    pub(super) fn time_zone(&self, i: usize) -> Option<usize> {
        if TIME_ZONES.contains(&self.text(i)) {
            return Some(1);
        }
        (self.text(i).eq_ignore_ascii_case("local") && self.text(i + 1).eq_ignore_ascii_case("time"))
            .then_some(2)
    }

    /// Clock times: "10:35 a.m.", "6 p.m.", "noon", "1600 GMT", optionally followed by the day
    /// ("10 p.m. Wednesday"), which gives the value.
    pub(super) fn clock(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        let mut j = match t.lex {
            Lex::Kw(Kw::Noon | Kw::Midnight) if !(i > 0 && self.text(i - 1).eq_ignore_ascii_case("high")) => {
                i + 1
            }
            Lex::Number if t.digits <= 2 && (1..=12).contains(&t.num) => {
                let mut k = i + 1;
                if self.punct(k, b':')
                    && self.adj(k)
                    && self.t.get(k + 1).is_some_and(|n| n.lex == Lex::Number && n.digits == 2)
                {
                    k += 2;
                }
                // "a.m." / "p.m." / "am" / "pm"
                let word = self.text(k);
                if word.eq_ignore_ascii_case("am") || word.eq_ignore_ascii_case("pm") {
                    k += 1;
                } else if (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("p"))
                    && self.punct(k + 1, b'.')
                    && self.adj(k + 1)
                    && self.text(k + 2).eq_ignore_ascii_case("m")
                    && self.adj(k + 2)
                {
                    k += 3;
                    if self.punct(k, b'.') && self.adj(k) {
                        k += 1;
                    }
                } else {
                    return None;
                }
                k
            }
            // Military time with its zone: "1600 GMT", "0900 local time".
            Lex::Number if t.digits == 4 && t.num / 100 < 24 && t.num % 100 < 60 => {
                i + 1 + self.time_zone(i + 1)?
            }
            _ => return None,
        };
        // A following day gives the value: "10 p.m. Wednesday", "noon Thursday".
        let k = if self.punct(j, b',') { j + 1 } else { j };
        let follow =
            [self.weekday(k), self.deictic(k), self.explicit(k)].into_iter().flatten().max_by_key(|h| h.end);
        let mut val = Val::None;
        if let Some(h) = follow.filter(|h| matches!(h.val, Val::Day(_) | Val::None) && h.end > k) {
            if matches!(self.t[k].lex, Lex::Weekday(_) | Lex::Kw(_) | Lex::Month(..)) {
                j = h.end;
                val = h.val;
            }
        }
        Some(Hit { start: i, end: j, val })
    }
}
