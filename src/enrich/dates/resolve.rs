//! Calendar arithmetic: resolved values and how relative expressions map onto the calendar.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// A resolved calendar value at its own granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Val {
    /// Recognised, but not expressible (or not resolvable) as a calendar value.
    None,
    /// A calendar day.
    Day(Date),
    /// A month of a year.
    Month(i16, i8),
    /// A year.
    Year(i16),
    /// An ISO 8601 week: ISO year and week number.
    Week(i16, i8),
    /// A quarter (1-4) of a year.
    Quarter(i16, i8),
    /// An offset from the time the story last named, in days, months or years ("the next day",
    /// "the following month", "later that year"): resolved by [`Val::on_timeline`], unresolved
    /// until then.
    Story(Unit, i8),
    /// "a year ago", "a year earlier": the given year (the one before publication), or, when the
    /// story last named a quarter, that quarter a year before ("third-quarter net rose to $9
    /// million from $7 million a year earlier"). Resolved by [`Val::on_timeline`], and no
    /// time of the story's own: the next "a year ago" counts from the same quarter.
    YearBack(i16),
}

/// The unit of an expression anchored on the story's own timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// "the next day", "that same morning".
    Day,
    /// "that week".
    Week,
    /// "the following month".
    Month,
    /// "that year".
    Year,
}

impl Val {
    /// The TimeML-style text of the value.
    pub fn render(self) -> Option<String> {
        match self {
            Val::None => None,
            Val::Day(d) => Some(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
            Val::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            Val::Year(y) => Some(format!("{y:04}")),
            Val::Week(y, w) => Some(format!("{y:04}-W{w:02}")),
            Val::Quarter(y, q) => Some(format!("{y:04}-Q{q}")),
            Val::Story(..) => None,
            Val::YearBack(y) => Val::Year(y).render(),
        }
    }

    /// A month or a day moved to year `y` (the 29th of February of a common year is no day);
    /// any other value unchanged.
    pub fn in_year(self, y: i16) -> Val {
        match self {
            Val::Month(_, m) => Val::Month(y, m),
            Val::Day(d) => Val::day(i32::from(y), i32::from(d.month()), i32::from(d.day())),
            other => other,
        }
    }

    /// This value when it is anchored on the story's timeline, resolved against `last`, the
    /// value of the latest date the story named before it (a day for a day or a week, a day or
    /// a month for a month, any dated value for a year, a quarter for [`Val::YearBack`]); every
    /// other value unchanged.
    pub fn on_timeline(self, last: Val) -> Val {
        if let Val::YearBack(y) = self {
            return match last {
                // A quarter of the publication year, not one a year back already.
                Val::Quarter(qy, q) if i32::from(qy) == i32::from(y) + 1 => Val::Quarter(y, q),
                _ => Val::Year(y),
            };
        }
        let Val::Story(unit, offset) = self else { return self };
        let offset = i32::from(offset);
        let year = match last {
            Val::Day(d) => Some(d.year()),
            Val::Month(y, _) | Val::Year(y) | Val::Week(y, _) | Val::Quarter(y, _) => Some(y),
            Val::None | Val::Story(..) | Val::YearBack(_) => None,
        };
        match (unit, last) {
            (Unit::Day, Val::Day(d)) => add_days(d, i64::from(offset)),
            (Unit::Week, Val::Day(d)) => week_offset(d, i64::from(offset)),
            (Unit::Month, Val::Day(d)) => month_offset(d, offset),
            (Unit::Month, Val::Month(y, m)) => {
                Date::new(y, m, 1).map(|d| month_offset(d, offset)).unwrap_or(Val::None)
            }
            (Unit::Year, _) => year.map_or(Val::None, |y| Val::year(i32::from(y) + offset)),
            _ => Val::None,
        }
    }

    /// A month value, when the month and year are valid.
    pub fn month(y: i32, m: i32) -> Val {
        match (i16::try_from(y), i8::try_from(m)) {
            (Ok(y), Ok(m)) if (1..=12).contains(&m) && (1..=9999).contains(&y) => Val::Month(y, m),
            _ => Val::None,
        }
    }

    /// A day value, when the date exists.
    pub fn day(y: i32, m: i32, d: i32) -> Val {
        match (i16::try_from(y), i8::try_from(m), i8::try_from(d)) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).map(Val::Day).unwrap_or(Val::None),
            _ => Val::None,
        }
    }

    /// A year as "a year ago" gives it (see [`Val::YearBack`]); any other value unchanged.
    pub fn year_back(self) -> Val {
        match self {
            Val::Year(y) => Val::YearBack(y),
            other => other,
        }
    }

    /// A year value, when in range.
    pub fn year(y: i32) -> Val {
        i16::try_from(y).ok().filter(|y| (1..=9999).contains(y)).map(Val::Year).unwrap_or(Val::None)
    }
}

/// The weekday from its Monday-zero index.
pub(super) fn weekday(i: u8) -> Weekday {
    Weekday::from_monday_zero_offset(i as i8).unwrap_or(Weekday::Monday)
}

/// The day `days` days from `d` (negative: before).
pub(super) fn add_days(d: Date, days: i64) -> Val {
    d.checked_add(days.days()).map(Val::Day).unwrap_or(Val::None)
}

/// The ISO week holding `d`.
pub(super) fn week_of(d: Date) -> Val {
    let w = d.iso_week_date();
    Val::Week(w.year(), w.week())
}

/// The ISO week `weeks` weeks from the one holding `d`.
pub(super) fn week_offset(d: Date, weeks: i64) -> Val {
    d.checked_add((weeks * 7).days()).map(week_of).unwrap_or(Val::None)
}

/// The month `months` months from the one holding `d`.
pub(super) fn month_offset(d: Date, months: i32) -> Val {
    let total = d.year() as i32 * 12 + d.month() as i32 - 1 + months;
    Val::month(total.div_euclid(12), total.rem_euclid(12) + 1)
}

/// The quarter `quarters` quarters from the one holding `d`.
pub(super) fn quarter_offset(d: Date, quarters: i32) -> Val {
    let total = d.year() as i32 * 4 + (d.month() as i32 - 1) / 3 + quarters;
    match i16::try_from(total.div_euclid(4)) {
        Ok(y) => Val::Quarter(y, (total.rem_euclid(4) + 1) as i8),
        Err(_) => Val::None,
    }
}

/// Which way an unanchored expression ("Friday", "March 3") points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lean {
    /// Past-tense reporting: the most recent such day on or before the publication date.
    Past,
    /// A future cue ("will", "scheduled"): the first such day on or after it.
    Future,
    /// A clause told in the past about a time it happened in ("In January, the company brought
    /// in …", "the fiscal year ended Jan. 31"): the most recent such day or month on or before
    /// the publication date, however far back.
    Before,
}

/// The weekday `wd` nearest `pubd` in the direction of `lean` (the day itself included).
pub(super) fn weekday_near(pubd: Date, wd: u8, lean: Lean) -> Val {
    let want = weekday(wd);
    if pubd.weekday() == want {
        return Val::Day(pubd);
    }
    let n = if lean == Lean::Past { -1 } else { 1 };
    pubd.nth_weekday(n, want).map(Val::Day).unwrap_or(Val::None)
}

/// The weekday `wd` strictly before (`dir < 0`) or after (`dir > 0`) `pubd`.
pub(super) fn weekday_strict(pubd: Date, wd: u8, dir: i32) -> Val {
    pubd.nth_weekday(dir.signum(), weekday(wd)).map(Val::Day).unwrap_or(Val::None)
}

/// How far back (in days) a month or day named without a year may lie: past-tense reporting
/// reaches back most of a year, and ahead only a quarter.
const REACH_BACK: i32 = 270;

/// How far back a month or day may lie after a future cue: the sentence may still name a recent
/// event ("will be tried for the Aug. 7 bombing").
const REACH_BACK_FUTURE: i32 = 31;

/// The year of a month (and day) given without one.
///
/// The occurrence is taken from a window of a year around the publication date: from
/// `REACH_BACK` days before it without a cue (news refers back more often than ahead), from
/// `REACH_BACK_FUTURE` days before it after a future cue. A month is compared by its middle
/// (after a future cue, by its end, so it must not have ended), and the publication month itself
/// is always this year's. With [`Lean::Before`], it is the latest occurrence that has begun by
/// the publication date.
pub(super) fn year_for(pubd: Date, month: u8, day: u8, lean: Lean) -> i32 {
    let py = pubd.year() as i32;
    if day == 0 && month == pubd.month() as u8 {
        return py;
    }
    let pub_ord = pubd.month() as i32 * 31 + pubd.day() as i32;
    if lean == Lean::Before {
        // A month counts from its first day: it has begun by the publication date.
        let ord = month as i32 * 31 + i32::from(day.max(1));
        return if ord <= pub_ord { py } else { py - 1 };
    }
    let (ord, back) = match (day, lean) {
        // "will ... in January": a month ahead, from its last day.
        (0, Lean::Future) => (month as i32 * 31 + 31, 0),
        (0, Lean::Past) => (month as i32 * 31 + 16, REACH_BACK),
        (d, Lean::Future) => (month as i32 * 31 + d as i32, REACH_BACK_FUTURE),
        (d, Lean::Past | Lean::Before) => (month as i32 * 31 + d as i32, REACH_BACK),
    };
    let diff = ord - pub_ord; // within this year, in approximate days
    [(py - 1, diff - 372), (py, diff), (py + 1, diff + 372)]
        .into_iter()
        .find(|&(_, d)| (-back..372 - back).contains(&d))
        .map_or(py, |(y, _)| y)
}

/// The named holiday in year `y`.
pub(super) fn holiday(h: super::lexicon::Holiday, y: i16) -> Val {
    use super::lexicon::Holiday;
    match h {
        Holiday::Thanksgiving => Date::new(y, 11, 1)
            .and_then(|d| d.nth_weekday_of_month(4, Weekday::Thursday))
            .map(Val::Day)
            .unwrap_or(Val::None),
        Holiday::Christmas => Val::day(y as i32, 12, 25),
    }
}

/// US Election Day of year `y`: the Tuesday after the first Monday of November.
pub(super) fn election_day(y: i16) -> Val {
    Date::new(y, 11, 1)
        .and_then(|d| d.nth_weekday_of_month(1, Weekday::Monday))
        .map(|d| add_days(d, 1))
        .unwrap_or(Val::None)
}

/// The number of days between `a` and `b`, either way round.
pub(super) fn days_apart(a: Date, b: Date) -> i64 {
    a.until(b).map_or(i64::MAX, |s| i64::from(s.get_days()).abs())
}
