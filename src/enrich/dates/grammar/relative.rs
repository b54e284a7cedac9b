//! Rules for expressions relative to the publication date (or to the story's own timeline):
//! "yesterday", "last month", "two weeks ago", quarters, boundaries, present and past references.

use jiff::civil::Date;

use super::super::lexicon::{Kw, Lex};
use super::super::resolve::{self as r, Unit, Val};
use super::{rel_delta, Grammar, Hit, Rel};

impl Grammar<'_> {
    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night", with an
    /// optional "early"/"late" before and a part of the day after.
    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        let j = if matches!(self.kw(i), Some(Kw::Early | Kw::Late | Kw::Earlier | Kw::Later)) {
            i + 1
        } else {
            i
        };
        let (offset, mut end) = match self.kw(j)? {
            Kw::Today | Kw::Tonight => (0, j + 1),
            Kw::Yesterday => (-1, j + 1),
            Kw::Tomorrow => (1, j + 1),
            Kw::This if self.is_kw(j + 1, Kw::PartOfDay) && !self.t[j + 1].cap => (0, j + 2),
            Kw::Last if self.is_kw(j + 1, Kw::Night) => (-1, j + 2),
            _ => return None,
        };
        if j == end - 1 && matches!(self.kw(end), Some(Kw::PartOfDay | Kw::Night)) {
            end += 1;
        }
        // "the people of tomorrow", "the chips of today's computers": an age, not a day.
        if j == i && i > 0 && self.text(i - 1).eq_ignore_ascii_case("of") {
            return None;
        }
        let val = self.pubd.map(|p| r::add_days(p, offset)).unwrap_or(Val::None);
        Some(Hit { start: i, end, val })
    }

    /// "this week", "last month", "next year", "earlier this year", "the past year",
    /// "last November", "this fall", "the weekend".
    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let edge = matches!(self.kw(j), Some(Kw::Early | Kw::Late | Kw::Earlier | Kw::Later | Kw::Mid));
        if edge {
            j = self.hyphen(j + 1);
        }
        let the = self.is_kw(j, Kw::The);
        if the {
            j += 1;
        }
        let rel = match self.rel_word(j) {
            Some(rel) => rel,
            // "the weekend", "the latest quarter" is in quarter()
            None if the && !edge && self.is_kw(j, Kw::Weekend) => {
                return Some(Hit { start: i, end: j + 1, val: Val::None });
            }
            None => return None,
        };
        // "the last" with a unit is a duration ("the last week" is still a date in TimeML).
        let u = j + 1;
        if self.t.get(u).is_some_and(|t| t.cap && matches!(t.lex, Lex::Kw(_))) {
            return None; // "This Week", a title
        }
        let p = self.pubd;
        let d = rel_delta(rel);
        let val = |f: &dyn Fn(Date) -> Val| p.map(f).unwrap_or(Val::None);
        let (val, end) = match self.t.get(u).map(|t| t.lex) {
            Some(Lex::Kw(Kw::Week)) => (val(&|p| r::week_offset(p, d as i64)), u + 1),
            Some(Lex::Kw(Kw::Month)) => (val(&|p| r::month_offset(p, d)), u + 1),
            Some(Lex::Kw(Kw::Year)) => (val(&|p| Val::year(p.year() as i32 + d)), u + 1),
            // "the last quarter-final" is a round of a tournament.
            Some(Lex::Kw(Kw::Quarter)) if self.punct(u + 1, b'-') && self.adj(u + 1) => return None,
            Some(Lex::Kw(Kw::Quarter)) => (val(&|p| r::quarter_offset(p, d)), u + 1),
            Some(Lex::Kw(Kw::Weekend | Kw::Decade | Kw::Century | Kw::Season(_))) => (Val::None, u + 1),
            Some(Lex::Kw(Kw::Fiscal)) if self.is_kw(u + 1, Kw::Year) => {
                (val(&|p| Val::year(p.year() as i32 + d)), u + 2)
            }
            Some(Lex::Month(m, _)) if self.month(u).is_some() && !the => {
                let (m, e) = (m, self.month(u).map_or(u + 1, |x| x.1));
                // "last Oct. 23", "next March 5": the day is part of the date.
                let day = self.day(e);
                let v = val(&|p| {
                    let py = p.year() as i32;
                    // "last December" is a December before the publication's month; "last
                    // December 14" the latest December 14 before its day (six days before a
                    // December 20).
                    let written = (m, day.map_or(0, |(d, _)| d));
                    let published = (p.month() as u8, if day.is_some() { p.day() as u8 } else { 0 });
                    let y = match rel {
                        Rel::This => py,
                        Rel::Last if written < published => py,
                        Rel::Last => py - 1,
                        Rel::Next if written > published => py,
                        Rel::Next => py + 1,
                    };
                    match day {
                        Some((d, _)) => Val::day(y, m as i32, d as i32),
                        None => Val::month(y, m as i32),
                    }
                });
                (v, day.map_or(e, |(_, end)| end))
            }
            _ => return None,
        };
        Some(Hit { start: i, end, val })
    }

    /// "two weeks ago", "a year ago", "five years earlier", "several years ago".
    pub(super) fn ago(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        let (n, j) = match t.lex {
            Lex::Kw(Kw::A) if matches!(self.t.get(i + 1).map(|t| t.lex), Some(Lex::Count(0))) => (0, i + 2),
            Lex::Kw(Kw::A) => (1, i + 1),
            Lex::Count(c) => (c as i32, i + 1),
            Lex::Number if t.digits <= 3 => (t.num as i32, i + 1),
            _ => return None,
        };
        let unit = self.kw(j)?;
        if !matches!(self.kw(j + 1), Some(Kw::Ago | Kw::Earlier)) {
            return None;
        }
        let val = match (self.pubd, n) {
            (None, _) | (_, 0) => Val::None,
            (Some(p), n) => match unit {
                Kw::Day | Kw::Days => r::add_days(p, -(n as i64)),
                Kw::Week | Kw::Weeks => r::week_offset(p, -(n as i64)),
                Kw::Month | Kw::Months => r::month_offset(p, -n),
                Kw::Year if n == 1 => Val::year(p.year() as i32 - 1).year_back(),
                Kw::Year | Kw::Years => Val::year(p.year() as i32 - n),
                Kw::Decade | Kw::Decades => Val::None,
                _ => return None,
            },
        };
        if !matches!(
            unit,
            Kw::Day
                | Kw::Days
                | Kw::Week
                | Kw::Weeks
                | Kw::Month
                | Kw::Months
                | Kw::Year
                | Kw::Years
                | Kw::Decade
                | Kw::Decades
        ) {
            return None;
        }
        Some(Hit { start: i, end: j + 2, val })
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1990", "this year's third
    /// quarter", "the year-ago quarter", "the latest quarter", "the first half".
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
        let p = self.pubd;
        // "Q3 2023", "Q3 of 2023", "Q3": a quarter written short, of the year that follows or,
        // like "the third quarter", of the publication's.
        if let Some(q) = short_quarter(self.text(i)) {
            let of = if self.is_kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
            let (year, end) = match self.year(of) {
                Some((y, l)) => (Some(y), l),
                None => (p.map(|p| p.year() as i32), i + 1),
            };
            let val = year.and_then(|y| i16::try_from(y).ok()).map_or(Val::None, |y| Val::Quarter(y, q));
            return Some(Hit { start: i, end, val });
        }
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut back = 0; // "year-ago": a year before
        let mut latest = false;
        let mut current = false;
        if matches!(self.kw(j), Some(Kw::The | Kw::Its)) {
            j += 1;
        }
        // "this year's", "last year's"
        if let (Some(rel), true) = (self.rel_word(j), self.is_kw(j + 1, Kw::Year)) {
            if self.punct(j + 2, b'\'') {
                year = p.map(|p| p.year() as i32 + rel_delta(rel));
                j += 4;
            }
        }
        if let Some((y, k)) = self.year(j) {
            if j > i {
                year = Some(y);
                j = k;
            }
        }
        if self.is_kw(j, Kw::Year)
            && self.hyphen(j + 1) == j + 2
            && matches!(self.kw(j + 2), Some(Kw::Ago | Kw::Earlier))
        {
            back = 1;
            j += 3;
        } else if matches!(self.kw(j), Some(Kw::Latest | Kw::Current)) {
            latest = self.is_kw(j, Kw::Latest);
            current = !latest;
            j += 1;
        }
        if self.is_kw(j, Kw::Fiscal) {
            j = self.hyphen(j + 1);
        }
        let ord = match self.t.get(j).map(|t| t.lex) {
            Some(Lex::Ordinal(n @ 1..=4)) => {
                j = self.hyphen(j + 1);
                Some(n)
            }
            _ => None,
        };
        let half = self.is_kw(j, Kw::Half);
        // "quarter-finals", "half-time"
        if self.punct(j + 1, b'-') && self.adj(j + 1) {
            return None;
        }
        if !(self.is_kw(j, Kw::Quarter) || half || (ord.is_none() && self.is_kw(j, Kw::Period) && j > i + 1))
        {
            return None;
        }
        if half && ord.is_none() {
            return None;
        }
        let mut end = j + 1;
        // "of 1990", "of this year", "of fiscal 1990"
        if self.is_kw(end, Kw::Of) {
            let k = if self.is_kw(end + 1, Kw::Fiscal) { end + 2 } else { end + 1 };
            if let Some((y, l)) = self.year(k) {
                year = Some(y);
                end = l;
            }
        }
        // A bare "quarter" or "period" needs a determiner or a modifier to be a date, and is a
        // fraction when something other than a year follows "of" ("the quarter of voters").
        let bare = ord.is_none() && year.is_none() && back == 0 && !latest;
        if bare && (!self.is_kw(i, Kw::The) || self.is_kw(end, Kw::Of)) {
            return None;
        }
        if half {
            // "the first half" alone is as often a match or a game as part of a year.
            year?;
            return Some(Hit { start: i, end, val: Val::None });
        }
        // "13 seconds to play in the fourth quarter": a quarter of a game, not of a year.
        if year.is_none() && self.in_a_game(i, end) {
            return None;
        }
        let val = match (ord, p) {
            (Some(q), _) => match year.or(p.map(|p| p.year() as i32)) {
                Some(y) => i16::try_from(y - back).map(|y| Val::Quarter(y, q as i8)).unwrap_or(Val::None),
                None => Val::None,
            },
            // "the quarter", "the latest quarter": the last completed one; "the current
            // quarter": the publication's.
            (None, Some(p)) if year.is_none() => match r::quarter_offset(p, if current { 0 } else { -1 }) {
                Val::Quarter(y, q) => Val::Quarter(y - back as i16, q),
                v => v,
            },
            _ => Val::None,
        };
        Some(Hit { start: i, end, val })
    }

    /// True when the sentence around tokens `start..end` tells of a game: it names its seconds,
    /// yards, touchdowns, rebounds or innings, a game or match, or what someone scored.
    fn in_a_game(&self, start: usize, end: usize) -> bool {
        let game = |k: usize| {
            matches!(
                self.text(k),
                "seconds"
                    | "yard"
                    | "yards"
                    | "touchdown"
                    | "touchdowns"
                    | "rebounds"
                    | "innings"
                    | "halftime"
                    | "quarterback"
                    | "game"
                    | "games"
                    | "match"
                    | "scored"
            )
        };
        let before = (start.saturating_sub(40)..start).rev().take_while(|&k| !self.ends_sentence_at(k));
        let after = (end..(end + 40).min(self.t.len())).take_while(|&k| !self.ends_sentence_at(k));
        before.chain(after).any(game)
    }

    /// "the end of 1990", "the beginning of October", "the end of the year", "year-end".
    pub(super) fn boundary(&self, i: usize) -> Option<Hit> {
        let p = self.pubd;
        if self.is_kw(i, Kw::Year) {
            // "year-end", "year end", "year's end"
            let mut j = self.hyphen(i + 1);
            if self.punct(j, b'\'')
                && self.t.get(j + 1).is_some_and(|t| self.adj(j + 1) && t.end - t.start == 1)
            {
                j += 2;
            }
            if self.is_kw(j, Kw::End) {
                let val = p.map(|p| Val::year(p.year() as i32)).unwrap_or(Val::None);
                return Some(Hit { start: i, end: j + 1, val });
            }
            return None;
        }
        let j = if self.is_kw(i, Kw::The) { i + 1 } else { i };
        if !matches!(self.kw(j), Some(Kw::End | Kw::Beginning | Kw::Middle)) || !self.is_kw(j + 1, Kw::Of) {
            return None;
        }
        let k = j + 2;
        if self.is_kw(k, Kw::The) {
            let val = match (self.kw(k + 1), p) {
                (Some(Kw::Year), Some(p)) => Val::year(p.year() as i32),
                (Some(Kw::Month), Some(p)) => r::month_offset(p, 0),
                (Some(Kw::Week), Some(p)) => r::week_of(p),
                (Some(Kw::Year | Kw::Month | Kw::Week), None) => Val::None,
                _ => return None,
            };
            return Some(Hit { start: i, end: k + 2, val });
        }
        let inner = [self.explicit(k), self.relative(k), self.year_expr(k)]
            .into_iter()
            .flatten()
            .max_by_key(|h| h.end)?;
        if inner.start != k {
            return None;
        }
        Some(Hit { start: i, end: inner.end, val: inner.val })
    }

    /// Token `i` is a plural calendar unit ("days" .. "years", "quarters").
    fn plural_unit(&self, i: usize) -> bool {
        matches!(self.kw(i), Some(Kw::Days | Kw::Weeks | Kw::Months | Kw::Years | Kw::Quarters))
    }

    /// References to the present, past or future without a calendar value: "now", "currently",
    /// "recently", "the future", "the near future", "recent years", "coming months".
    pub(super) fn reference(&self, i: usize) -> Option<Hit> {
        let none = |end| Some(Hit { start: i, end, val: Val::None });
        match self.kw(i)? {
            Kw::Now => none(i + 1),
            Kw::Right if self.is_kw(i + 1, Kw::Now) => none(i + 2),
            Kw::Currently | Kw::Recently => none(i + 1),
            // "recent years", "in recent weeks"
            Kw::Latest
                if self.text(i).eq_ignore_ascii_case("recent")
                    && matches!(self.kw(i + 1), Some(Kw::Days | Kw::Weeks | Kw::Months | Kw::Years)) =>
            {
                none(i + 2)
            }
            _ if self.text(i).eq_ignore_ascii_case("these") && self.is_kw(i + 1, Kw::Days) => none(i + 2),
            // "coming months", "the coming years"
            Kw::Coming if self.plural_unit(i + 1) => none(i + 2),
            Kw::The if self.is_kw(i + 1, Kw::Coming) && self.plural_unit(i + 2) => none(i + 3),
            // "the past few weeks", "the last several quarters" (a count would make a duration)
            Kw::The
                if matches!(self.kw(i + 1), Some(Kw::Past | Kw::Last))
                    && matches!(self.t.get(i + 2).map(|t| t.lex), Some(Lex::Count(0)))
                    && self.plural_unit(i + 3) =>
            {
                none(i + 4)
            }
            Kw::The => {
                let j = if self.is_kw(i + 1, Kw::Near) { i + 2 } else { i + 1 };
                self.is_kw(j, Kw::Future).then(|| Hit { start: i, end: j + 1, val: Val::None })
            }
            _ => None,
        }
    }

    /// Expressions anchored on a time the story established, not on publication: "the following
    /// year", "later that year", "that same day", "the next morning". Their value is a
    /// [`Val::Story`] offset, resolved against the date the story named last.
    pub(super) fn anaphoric(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if matches!(self.kw(j), Some(Kw::Earlier | Kw::Later)) {
            j += 1;
        }
        let unit = |k: usize| match self.kw(k) {
            Some(Kw::Day | Kw::PartOfDay) => Some(Unit::Day),
            Some(Kw::Week) => Some(Unit::Week),
            Some(Kw::Month) => Some(Unit::Month),
            Some(Kw::Year) => Some(Unit::Year),
            _ => None,
        };
        if self.text(j).eq_ignore_ascii_case("that") {
            let k = if self.is_kw(j + 1, Kw::Same) { j + 2 } else { j + 1 };
            // "that year" alone is common enough; "that day" only with a modifier.
            let unit = unit(k).filter(|_| k > j + 1 || j > i || self.is_kw(k, Kw::Year))?;
            return Some(Hit { start: i, end: k + 1, val: Val::Story(unit, 0) });
        }
        if j == i && self.is_kw(j, Kw::The) {
            // "within the next year", "over the next week": a stretch ahead of the publication
            // date, not a time after the story's.
            let ahead = i > 0
                && ["within", "over", "in", "during", "for", "into", "through", "throughout", "until", "by"]
                    .iter()
                    .any(|w| self.text(i - 1).eq_ignore_ascii_case(w));
            let following =
                self.text(j + 1).eq_ignore_ascii_case("following") || (self.is_kw(j + 1, Kw::Next) && !ahead);
            if let Some(unit) = unit(j + 2).filter(|_| following) {
                return Some(Hit { start: i, end: j + 3, val: Val::Story(unit, 1) });
            }
        }
        // "earlier in the year", "later in the month"
        if j > i && self.text(j).eq_ignore_ascii_case("in") && self.is_kw(j + 1, Kw::The) {
            let val = match (self.kw(j + 2), self.pubd) {
                (Some(Kw::Year), Some(p)) => Val::year(p.year() as i32),
                (Some(Kw::Month), Some(p)) => r::month_offset(p, 0),
                (Some(Kw::Year | Kw::Month), None) => Val::None,
                _ => return None,
            };
            return Some(Hit { start: i, end: j + 3, val });
        }
        // A bare "year-earlier" or "year-ago" modifier ("year-earlier sales").
        if j == i
            && self.is_kw(j, Kw::Year)
            && self.hyphen(j + 1) == j + 2
            && matches!(self.kw(j + 2), Some(Kw::Earlier | Kw::Ago))
        {
            let val = self.pubd.map(|p| Val::year(p.year() as i32 - 1)).unwrap_or(Val::None);
            return Some(Hit { start: i, end: j + 3, val });
        }
        None
    }
}

/// The quarter of "Q1" .. "Q4" (a capital Q and one digit).
pub(super) fn short_quarter(word: &str) -> Option<i8> {
    match word.as_bytes() {
        [b'Q', d @ b'1'..=b'4'] => Some((d - b'0') as i8),
        _ => None,
    }
}
