//! Mentioned dates, resolved against the publication date.
//!
//! [`DateExtractor::extract`] finds date expressions in an article body and resolves each to a
//! calendar value, following the TimeML (TIMEX3) conventions that news annotation uses. It is a
//! hand-written grammar over tokens (see `grammar`): one linear pass per article, no regexes and
//! no allocation beyond the token buffer and the mentions themselves.
//!
//! # What is recognised
//!
//! * Full and partial calendar dates: "August 7, 1998", "Aug. 7", "7 August 1998", "August 1998",
//!   "January of 1990", "June last year", "1998-08-07", US numeric "8/7/98" (month first), the
//!   first day of a range ("Nov. 4-5"). A bare month name ("in June") is a mention; "May" and
//!   "March" only after "in", "of", "early", "late" or "mid", or with a day or year, since they
//!   are verbs and names too. Month and weekday names must be capitalised.
//! * Weekdays: "Friday", "last Friday", "next Monday", "Friday morning". In "Friday, Aug. 7"
//!   the weekday and the date are two mentions, and the weekday takes the date's value.
//! * Days relative to publication: "today", "yesterday", "tomorrow", "tonight", "this morning",
//!   "last night", "late yesterday" (not "the people of tomorrow").
//! * Units relative to publication: "this week", "last month", "next year", "the past year",
//!   "earlier this year", "early next year", "earlier in the year", "last November",
//!   "this fall", "the weekend", "two weeks ago", "a year earlier", "year-earlier".
//! * Quarters: "the third quarter", "third-quarter", "the fourth quarter of 1990",
//!   "this year's third quarter", "the year-ago quarter", "the latest quarter"; halves only with
//!   their year ("the first half of 1997"), since a bare "first half" is as often a game's.
//! * Years, decades and centuries: "1997", "'89", "fiscal 1989", "early 1991", "mid-1996",
//!   "the 1990s", "the late '80s", "the nineties", "the 20th century", "nineteen ninety-six",
//!   "the year two thousand". A four-digit number is not a year when it is an amount ("$1990",
//!   "1990 million"), a decimal or a range of decimals ("2082.1", "1.1700-1702"), a percentage or
//!   a clock time ("0735 GMT"), a count of people ("1400 injured") or a resolution's number
//!   ("Resolution 1718"). Ranges ("from 1995 to 1998") give one mention per end.
//! * Boundaries: "the end of 1990", "the beginning of October", "the end of the year",
//!   "year-end".
//! * Holidays with a computable date: "Thanksgiving (Day)", "Christmas", "Election Day".
//! * Clock times: "10:35 a.m.", "6 p.m.", "noon", "1600 GMT", "0900 local time", optionally with
//!   their day ("10 p.m. Wednesday").
//! * References without a calendar value: "now", "right now", "currently", "recently",
//!   "these days", "recent years", "the past few weeks", "coming months", "the (near) future".
//! * Expressions anchored on the story's own timeline: "the following year", "later that year",
//!   "that same day", "the next morning", "October of that year".
//!
//! # How values are resolved (invariants)
//!
//! * Every mention's `text` is exactly `body[start..end]` (UTF-8 byte offsets); mentions are in
//!   body order, never overlap, and never span a line break. A leading "the" is not part of a
//!   mention ("third quarter", "end of the year").
//! * `value` is written at the mention's own granularity: `YYYY-MM-DD` for a day, `YYYY-MM` for a
//!   month, `YYYY` for a year, `YYYY-Www` for an ISO 8601 week, `YYYY-Qn` for a quarter.
//!   Expressions with no such granularity (seasons, halves, decades, centuries, weekends, clock
//!   times without a day, "now") have `value: None`.
//! * An explicit year is taken as written. Anything relative ("Friday", "last year", "March 3")
//!   is resolved against the publication date, and has `value: None` without one.
//! * Direction comes from the sentence before the expression: a future cue ("will", "would" but
//!   not "would have", "scheduled", "adjourned", "expected to", "set for", "planning to", "is to",
//!   "as early as" right before it) points ahead; the search stops at the sentence start, a
//!   quotation mark or a reporting verb ("said Friday" dates the statement). Without a cue,
//!   reporting is taken to be about the past.
//! * A bare weekday is the most recent such day on or before the publication date, or after a
//!   future cue the first on or after it; a possessive ("Friday's vote") is always the past.
//!   "last Friday" is strictly before, "next Friday" strictly after, "this Friday" on or after.
//! * A scheduled event told in the present right before its day or month ("which begins
//!   Monday", "resumes on Tuesday", "the fiscal year, which ends Sept. 30") is still to come.
//! * A month (or month and day) without a year is taken from a one-year window around the
//!   publication date: from 270 days before it to about three months after, or after a future
//!   cue from 31 days before it (a month: not yet ended). The publication month is this year's.
//!   "last November" is the most recent November before the publication month, "next May" the
//!   first May after it. The start of a range ("from January to October", "the January-September
//!   period") is in the year of its end, when it runs forward within that year and has no
//!   future cue of its own.
//! * An expression anchored on the story's timeline counts from the latest dated mention before
//!   it in the body: "that same day" and "the next morning" from a day, "that week" from a day,
//!   "later that month" and "the following month" from a day or a month, "that year" and "the
//!   following year" from any dated mention; with no such mention its value is `None`. In
//!   "October of that year" and "In September that year" the year counts from the mention
//!   before the month, and the month takes that year. "Within the next year" and "over the
//!   next week" are stretches from the publication date, resolved as "next year" and "next
//!   week".
//! * "this/last/next week|month|year|quarter" shift the publication date's week, month, year or
//!   quarter by 0, -1 or +1; "N days/weeks/months/years ago" by -N at that unit's granularity.
//!   "A year ago" and "a year earlier" in a paragraph that named a quarter of the publication
//!   year are that quarter a year before ("third-quarter net rose to $9 million from $7 million
//!   a year earlier" is 1988-Q3 in 1989), else the year before publication.
//! * A quarter without a year is in the publication year ("a year-ago" one, the year before),
//!   unless its sentence tells of a game (seconds, yards, a match, what someone scored);
//!   "the quarter" / "the latest quarter" is the last completed quarter, "the current quarter"
//!   the publication's.

mod grammar;
mod lexicon;
mod resolve;

use jiff::civil::Date;
use serde::Serialize;

use crate::config::Config;
use crate::error::Result;

use grammar::{Grammar, LEAD};
use lexicon::Tok;
use resolve::{Unit, Val};

/// A date mentioned in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Exactly `body[start..end]`.
    pub text: String,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www` or `YYYY-Qn`; `None` when it cannot be resolved.
    pub value: Option<String>,
}

/// Finds and resolves date expressions.
#[derive(Debug)]
pub struct DateExtractor {}

impl DateExtractor {
    /// Builds the extractor.
    ///
    /// # Errors
    /// Never at present; the signature leaves room for configurable vocabularies.
    pub fn from_config(_config: &Config) -> Result<DateExtractor> {
        Ok(DateExtractor {})
    }

    /// All date mentions in `body`, in order, resolved against `published`.
    pub fn extract(&self, body: &str, published: Option<Date>) -> Vec<DateMention> {
        let mut toks: Vec<Tok> = Vec::with_capacity(body.len() / 5);
        lexicon::tokenize(body, &mut toks);
        let mut out = Vec::new();
        let mut timeline = Timeline { last: Val::None, before: Val::None };
        // Expressions never cross a line break: the grammar sees one line at a time.
        let mut line_start = 0;
        for k in 1..=toks.len() {
            if k == toks.len() || toks[k].nl_before {
                scan_line(body, &toks[line_start..k], published, &mut timeline, &mut out);
                line_start = k;
            }
        }
        out
    }
}

/// The story's own timeline: the dated mentions "the next day" or "that year" count from.
struct Timeline {
    /// The value of the latest dated mention.
    last: Val,
    /// The value `last` had before that mention: what "that year" in "October of that year"
    /// counts from.
    before: Val,
}

impl Timeline {
    /// Records a dated mention.
    fn saw(&mut self, val: Val) {
        if val != Val::None {
            self.before = self.last;
            self.last = val;
        }
    }
}

/// Appends the mentions of one line's tokens to `out`, resolving those anchored on the story's
/// timeline against `timeline`, which it keeps up to date.
fn scan_line(
    body: &str,
    toks: &[Tok],
    published: Option<Date>,
    timeline: &mut Timeline,
    out: &mut Vec<DateMention>,
) {
    let grammar = Grammar::new(body, toks, published);
    // The previous mention on this line: its last token, and its value.
    let mut previous: Option<(usize, Val)> = None;
    // The last quarter this line (a paragraph) named.
    let mut quarter_here = Val::None;
    // The first anchor token at or after `i`: an expression starts at most LEAD tokens before
    // one, so the tokens further from it are skipped without trying the grammar.
    let mut anchor = 0;
    let mut i = 0;
    while i < toks.len() {
        anchor = anchor.max(i);
        while anchor < toks.len() && !toks[anchor].anchor {
            anchor += 1;
        }
        if anchor == toks.len() {
            break;
        }
        i = i.max(anchor.saturating_sub(LEAD));
        match grammar.at(i) {
            Some(hit) if hit.end > hit.start && hit.start >= i => {
                // A leading "the" is left out of the mention: it carries no date.
                let first = if hit.end - hit.start > 1 && grammar.is_the(hit.start) {
                    hit.start + 1
                } else {
                    hit.start
                };
                let (start, end) = (toks[first].start, toks[hit.end - 1].end);
                // "October of that year", "In September that year": the year is the month's, and
                // both count from the date before the month.
                let joined = |last: usize| {
                    last + 1 == hit.start
                        || (last + 2 == hit.start && {
                            let t = &toks[last + 1];
                            matches!(&body[t.start..t.end], "of" | "in")
                        })
                };
                let qualified = match (hit.val, previous) {
                    (Val::Story(Unit::Year, 0), Some((last, val @ (Val::Month(..) | Val::Day(_)))))
                        if joined(last) =>
                    {
                        Some((hit.val.on_timeline(timeline.before), val))
                    }
                    _ => None,
                };
                let val = match qualified {
                    Some((Val::Year(y), month_or_day)) => {
                        let redated = month_or_day.in_year(y);
                        if let Some(m) = out.last_mut() {
                            m.value = redated.render();
                        }
                        timeline.last = redated;
                        Val::Year(y)
                    }
                    Some(_) => Val::None,
                    None => {
                        if let Val::YearBack(_) = hit.val {
                            // Only a quarter of this paragraph is the one "a year ago" compares
                            // with ("For the nine months, … a year earlier" is no quarter's).
                            hit.val.on_timeline(quarter_here)
                        } else {
                            let val = hit.val.on_timeline(timeline.last);
                            timeline.saw(val);
                            if let Val::Quarter(..) = val {
                                quarter_here = val;
                            }
                            val
                        }
                    }
                };
                out.push(DateMention { start, end, text: body[start..end].to_string(), value: val.render() });
                previous = Some((hit.end - 1, val));
                i = hit.end;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str, published: Option<Date>) -> Vec<(String, Option<String>)> {
        let x = DateExtractor::from_config(&Config::builtin()).expect("builds");
        let found = x.extract(body, published);
        for m in &found {
            assert_eq!(&body[m.start..m.end], m.text);
        }
        found.into_iter().map(|m| (m.text, m.value)).collect()
    }

    fn pubd() -> Option<Date> {
        Some(jiff::civil::date(1998, 8, 8)) // a Saturday
    }

    fn pair(t: &str, v: Option<&str>) -> (String, Option<String>) {
        (t.to_string(), v.map(str::to_string))
    }

    /// Throughput on the newswire sample when it is present (`cargo test -- --ignored`); debug
    /// builds are many times slower than release, so this only guards against pathologies.
    #[test]
    #[ignore]
    fn throughput_on_newswire() {
        let dir = std::path::Path::new("../shared/data/newswire");
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let bodies: Vec<String> =
            entries.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect();
        let x = DateExtractor::from_config(&Config::builtin()).expect("builds");
        let start = std::time::Instant::now();
        let n: usize = bodies.iter().map(|b| x.extract(b, pubd()).len()).sum();
        let secs = start.elapsed().as_secs_f64();
        eprintln!("{} articles, {n} mentions, {:.0} articles/s", bodies.len(), bodies.len() as f64 / secs);
    }

    #[test]
    fn every_expression_starts_within_lead_tokens_of_an_anchor() {
        // The longest leads of every rule, and some of everything else.
        let bodies = [
            "At the end of late-the past fiscal year, and the beginning of early-the 1990s.",
            "The latest fiscal-third quarter, its current fiscal-first half of 1997, the quarter.",
            "Sales fell in the past few weeks, in the coming months and the near future, right now.",
            "That same morning, later that year, the following week, earlier in the month, a few \
             years ago, two weeks earlier, the previous Friday, this coming Sunday, last night.",
            "Election Day, last Christmas, the year two thousand, nineteen ninety-six, the '80s, \
             mid-May, the 20th century, Q3 of 2023, 10:35 a.m. Wednesday, noon Thursday, these days.",
            "He said on Tuesday that the May 5 and the 7th of August 1998 meetings (0735 GMT) were \
             held year-end, the year-ago quarter, this year's third quarter, in the weekend.",
        ];
        for body in bodies {
            let mut toks = Vec::new();
            lexicon::tokenize(body, &mut toks);
            let grammar = Grammar::new(body, &toks, pubd());
            for i in 0..toks.len() {
                if grammar.at(i).is_some() {
                    let near = toks[i..].iter().take(LEAD + 1).any(|t| t.anchor);
                    assert!(near, "{:?} in {body}", &body[toks[i].start..]);
                }
            }
        }
    }

    #[test]
    fn full_and_partial_dates() {
        let got = run("The treaty was signed on March 5, 1946, and ratified in June 1947.", pubd());
        assert_eq!(got, vec![pair("March 5, 1946", Some("1946-03-05")), pair("June 1947", Some("1947-06"))]);
        let got = run("Talks resumed Aug. 7 after 12 August 1990 and 1998-08-01 and 8/3/98.", pubd());
        assert_eq!(
            got,
            vec![
                pair("Aug. 7", Some("1998-08-07")),
                pair("12 August 1990", Some("1990-08-12")),
                pair("1998-08-01", Some("1998-08-01")),
                pair("8/3/98", Some("1998-08-03")),
            ]
        );
    }

    #[test]
    fn weekdays_follow_tense() {
        let got = run("The minister resigned Thursday.", pubd());
        assert_eq!(got, vec![pair("Thursday", Some("1998-08-06"))]);
        let got = run("The council will vote Tuesday on the plan.", pubd());
        assert_eq!(got, vec![pair("Tuesday", Some("1998-08-11"))]);
        let got = run("He arrived last Saturday and leaves next Saturday.", pubd());
        assert_eq!(
            got,
            vec![pair("last Saturday", Some("1998-08-01")), pair("next Saturday", Some("1998-08-15"))]
        );
    }

    #[test]
    fn relative_units() {
        let got = run("Exports fell last year and this month, yesterday and two weeks ago.", pubd());
        assert_eq!(
            got,
            vec![
                pair("last year", Some("1997")),
                pair("this month", Some("1998-08")),
                pair("yesterday", Some("1998-08-07")),
                pair("two weeks ago", Some("1998-W30")),
            ]
        );
        let got = run("Sales rose in the third quarter and this week.", pubd());
        assert_eq!(got, vec![pair("third quarter", Some("1998-Q3")), pair("this week", Some("1998-W32"))]);
    }

    #[test]
    fn a_relative_month_keeps_its_day() {
        // Published Saturday 8 August 1998.
        let got =
            run("He was shot last Oct. 23, the vote ended last August 3 and comes next August 30.", pubd());
        assert_eq!(
            got,
            vec![
                pair("last Oct. 23", Some("1997-10-23")),
                pair("last August 3", Some("1998-08-03")),
                pair("next August 30", Some("1998-08-30")),
            ]
        );
        let got = run("It ended last August and starts next August.", pubd());
        assert_eq!(got, vec![pair("last August", Some("1997-08")), pair("next August", Some("1999-08"))]);
    }

    #[test]
    fn relative_without_publication_date_is_unresolved() {
        let got = run("The vote took place yesterday, not in 1997.", None);
        assert_eq!(got, vec![pair("yesterday", None), pair("1997", Some("1997"))]);
    }

    #[test]
    fn numbers_that_are_not_years() {
        let got = run("The index closed at 2082.1 after $1990 was paid to 1500 people; may we go?", pubd());
        assert!(got.iter().all(|(t, _)| t != "2082" && t != "1990" && t != "may"), "{got:?}");
    }

    #[test]
    fn four_digit_clock_times_counts_and_resolutions_are_no_years() {
        let got = run(
            "Voting ends at 1600 GMT Friday and resumes at 0900 local time; 600 dead and 1400 injured; \
             Resolution 1718 stands.",
            pubd(),
        );
        assert_eq!(
            got,
            vec![pair("1600 GMT Friday", Some("1998-08-07")), pair("0900 local time", None)],
            "{got:?}"
        );
    }

    #[test]
    fn cues_and_reporting_verbs_set_the_direction() {
        // Published on a Saturday: "Friday" is the day before unless a cue points ahead.
        let got = run("The summit is expected to open Friday in Geneva.", pubd());
        assert_eq!(got, vec![pair("Friday", Some("1998-08-14"))]);
        let got = run("\"We will not give in,\" the minister said Friday.", pubd());
        assert_eq!(got, vec![pair("Friday", Some("1998-08-07"))]);
        // "expected" as an adjective is no cue.
        let got = run("Shares fell after lower-than-expected results on Friday.", pubd());
        assert_eq!(got, vec![pair("Friday", Some("1998-08-07"))]);
        // A recent day after a future cue stays in the past.
        let got = run("The suspects will be tried for the Aug. 3 attack.", pubd());
        assert_eq!(got, vec![pair("Aug. 3", Some("1998-08-03"))]);
        // Reported plans point ahead ("would", "adjourned until", "as early as"); what would have
        // happened, and what followed "as soon as", are past.
        for (text, day, value) in [
            ("The ministers would meet Friday in Rome.", "Friday", "1998-08-14"),
            ("The trial was adjourned until Tuesday.", "Tuesday", "1998-08-11"),
            ("The father could arrive as early as Tuesday.", "Tuesday", "1998-08-11"),
            ("He would have won on Friday.", "Friday", "1998-08-07"),
            ("As soon as the votes were counted Tuesday, the rivals clashed.", "Tuesday", "1998-08-04"),
            // What was planned for a day, and a day opening a sentence about plans, are ahead.
            ("Protesters planned a large demonstration on Tuesday.", "Tuesday", "1998-08-11"),
            ("Protesters who planned the rally said on Tuesday they were hopeful.", "Tuesday", "1998-08-04"),
            ("On Tuesday, the league plans to hold a news conference.", "Tuesday", "1998-08-11"),
            ("On Tuesday, the league held a news conference that will matter.", "Tuesday", "1998-08-04"),
            ("Tuesday, the league is to hold a news conference.", "Tuesday", "1998-08-11"),
        ] {
            assert_eq!(run(text, pubd()), vec![pair(day, Some(value))], "{text}");
        }
    }

    #[test]
    fn leading_article_and_apposition() {
        let got = run("Talks opened Thursday, Aug. 6, and continue at the weekend.", pubd());
        assert_eq!(
            got,
            vec![
                pair("Thursday", Some("1998-08-06")),
                pair("Aug. 6", Some("1998-08-06")),
                pair("weekend", None),
            ]
        );
    }

    #[test]
    fn ranges_and_non_dates() {
        let got = run("The Nov. 4-5 summit; the euro at 1.1700-1702 dollars; quarter-finals.", pubd());
        assert_eq!(got, vec![pair("Nov. 4", Some("1998-11-04"))]);
        let got = run("Profit rose in the first half, a player scored in the second half.", pubd());
        assert!(got.is_empty(), "{got:?}");
        let got = run("Output grew in the first half of 1997 and in the 1980s.", pubd());
        assert_eq!(got, vec![pair("first half of 1997", None), pair("1980s", None)]);
        // Before: the year 1990.
        let got = run("Talks began in the 1990's and in 1994.", pubd());
        assert_eq!(got, vec![pair("1990's", None), pair("1994", Some("1994"))]);
    }

    #[test]
    fn mentions_never_cross_a_line_break() {
        let got = run("The decision came in March\n\n12 people were hurt.", pubd());
        assert_eq!(got, vec![pair("March", Some("1998-03"))]);
    }

    #[test]
    fn unresolved_references() {
        let got = run("Prices are now higher than in recent years and may rise in the near future.", pubd());
        assert_eq!(got, vec![pair("now", None), pair("recent years", None), pair("near future", None)]);
    }

    #[test]
    fn a_year_ago_in_a_paragraph_about_a_quarter_is_that_quarter_a_year_before() {
        let got = run(
            "Third-quarter net rose to $9 million from $7 million a year earlier. Sales fell from a \
             year ago.\n\nFor the nine months, net rose from a year earlier.",
            pubd(),
        );
        let values: Vec<_> = got.iter().map(|(_, v)| v.as_deref()).collect();
        assert_eq!(values, [Some("1998-Q3"), Some("1997-Q3"), Some("1997-Q3"), Some("1997")]);
        // Not after "the year-ago quarter", a quarter a year back already.
        let got = run("Sales rose from the year-ago quarter, and fell from a year ago.", pubd());
        assert_eq!(got.last().map(|(_, v)| v.as_deref()), Some(Some("1997")));
    }

    #[test]
    fn the_storys_own_timeline_anchors_the_next_day_and_that_year() {
        let got = run(
            "The talks began on May 22, 1995, and ended the next day. The following year he left. \
             In June 1998 he returned, and later that month he spoke. Sales rose in 1988, a small \
             share of that year's total.",
            pubd(),
        );
        assert_eq!(
            got,
            vec![
                pair("May 22, 1995", Some("1995-05-22")),
                pair("next day", Some("1995-05-23")),
                pair("following year", Some("1996")),
                pair("June 1998", Some("1998-06")),
                pair("later that month", Some("1998-06")),
                pair("1988", Some("1988")),
                pair("that year", Some("1988")),
            ]
        );
        // A month named with "that year" takes the story's year, not the publication's.
        let got = run("He took office in January 2009. It peaked in October of that year.", pubd());
        assert_eq!(got[1..], [pair("October", Some("2009-10")), pair("that year", Some("2009"))]);
        // A day needs a day before it; a stretch ahead ("over the next week") counts from
        // publication.
        assert_eq!(run("It fell in 1990. The next day it rose.", pubd())[1], pair("next day", None));
        assert_eq!(
            run("It will close over the next week.", pubd()),
            vec![pair("next week", Some("1998-W33"))]
        );
    }

    #[test]
    fn parts_of_months_and_coming_days() {
        let got = run("Voting ends in mid-May; the rally is this coming Sunday.", pubd());
        assert_eq!(
            got,
            vec![pair("mid-May", Some("1998-05")), pair("this coming Sunday", Some("1998-08-09"))]
        );
        let got = run("Fighting resumed in late February and January nineteen ninety-seven.", pubd());
        assert_eq!(
            got,
            vec![
                pair("late February", Some("1998-02")),
                pair("January nineteen ninety-seven", Some("1997-01"))
            ]
        );
    }

    #[test]
    fn titles_and_fractions_are_not_dates() {
        let got = run("She hosted Saturday Night Live; the quarter of voters who left.", pubd());
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_holiday_qualifying_a_noun_is_no_date() {
        let dec = Some(jiff::civil::date(2006, 12, 14));
        let got = run("The ship carried China-made Christmas presents and a Christmas tree.", dec);
        assert!(got.is_empty(), "{got:?}");
        let got = run("He will conduct at Christmas time and spent Christmas with his family.", dec);
        assert_eq!(got, vec![pair("Christmas", Some("2006-12-25")), pair("Christmas", Some("2006-12-25"))]);
        let got = run("Shops closed for the Christmas holidays, last Christmas trade fell.", dec);
        assert_eq!(
            got,
            vec![pair("Christmas", Some("2006-12-25")), pair("last Christmas", Some("2005-12-25"))]
        );
    }

    #[test]
    fn months_without_year_take_the_nearest() {
        let got =
            run("Prices peaked in December and will fall in January.", Some(jiff::civil::date(1998, 2, 6)));
        assert_eq!(got, vec![pair("December", Some("1997-12")), pair("January", Some("1999-01"))]);
    }

    #[test]
    fn a_scheduled_event_told_in_the_present_is_still_to_come() {
        // Published on Saturday 8 August 1998: with no cue, a weekday is the latest before it.
        let got = run(
            "The trial resumes on Monday. The summit, which ends Sunday, opened on Tuesday. The \
             fiscal year, which ends Sept. 30, was bad.",
            pubd(),
        );
        assert_eq!(
            got,
            vec![
                pair("Monday", Some("1998-08-10")),
                pair("Sunday", Some("1998-08-09")),
                pair("Tuesday", Some("1998-08-04")),
                pair("Sept. 30", Some("1998-09-30")),
            ]
        );
    }

    #[test]
    fn a_quarter_of_a_game_is_no_date() {
        let got = run(
            "Ruiz scored with 13 seconds left in the fourth quarter. Profit rose in the third quarter, \
             and Lyon will play in the last quarter-final.",
            pubd(),
        );
        assert_eq!(got, vec![pair("third quarter", Some("1998-Q3"))]);
    }

    #[test]
    fn a_range_without_a_year_ends_where_its_end_resolves() {
        // Published 20 October 1998: a "January" with no cue lies at most 270 days back or a
        // quarter ahead, so it would be January 1999; opening a range to September, it is 1998's.
        let p = Some(jiff::civil::date(1998, 10, 20));
        let got = run("From January to September, exports rose 12 percent.", p);
        assert_eq!(got, vec![pair("January", Some("1998-01")), pair("September", Some("1998-09"))]);
    }

    #[test]
    fn a_range_takes_the_year_written_at_its_end() {
        let got = run(
            "Prices rose between March and June 2023, fell from January to April 2022, and the expo \
             runs from May 1 to October 31, 2010.",
            pubd(),
        );
        assert_eq!(
            got,
            vec![
                pair("March", Some("2023-03")),
                pair("June 2023", Some("2023-06")),
                pair("January", Some("2022-01")),
                pair("April 2022", Some("2022-04")),
                pair("May 1", Some("2010-05-01")),
                pair("October 31, 2010", Some("2010-10-31")),
            ]
        );
        // "May" with no cue and no dated range is not a month.
        assert!(run("They may and will act.", pubd()).is_empty());
        let got = run("The summit runs March 3-5, 2025; the fair ran March 30-April 2, 2023.", pubd());
        let firsts: Vec<_> = got.iter().filter(|(t, _)| t.starts_with("March")).cloned().collect();
        assert_eq!(firsts, vec![pair("March 3", Some("2025-03-03")), pair("March 30", Some("2023-03-30"))]);
    }

    #[test]
    fn quarters_written_short() {
        let got = run("Sales rose in Q3 2023 and in Q1 of 2021, and will rise in Q4.", pubd());
        assert_eq!(
            got,
            vec![
                pair("Q3 2023", Some("2023-Q3")),
                pair("Q1 of 2021", Some("2021-Q1")),
                pair("Q4", Some("1998-Q4"))
            ]
        );
    }
    #[test]
    fn the_current_quarter_is_the_publications_and_the_latest_the_last_completed() {
        let got = run("Profit fell in the latest quarter and will rise in the current quarter.", pubd());
        assert_eq!(
            got,
            vec![pair("latest quarter", Some("1998-Q2")), pair("current quarter", Some("1998-Q3"))]
        );
    }

    #[test]
    fn since_a_month_is_past_whatever_came_before() {
        // Published 1998-08-08: "will" (here a noun) would point ahead, "since" points back.
        let got = run("For all the political will, new problems have arisen since December.", pubd());
        assert_eq!(got, vec![pair("December", Some("1997-12"))]);
        let got = run("The talks will resume in December.", pubd());
        assert_eq!(got, vec![pair("December", Some("1998-12"))]);
    }

    #[test]
    fn a_past_verb_puts_a_month_ahead_of_publication_a_year_back() {
        // Published 1998-08-08: October and Oct. 31 lie ahead, unless a past verb governs them.
        let past = [
            ("The group took power in October after the vote.", "October", "1997-10"),
            ("In October, the company brought in a new chief.", "October", "1997-10"),
            ("In the fiscal year ended Oct. 31, sales rose.", "Oct. 31", "1997-10-31"),
        ];
        for (body, text, value) in past {
            assert_eq!(run(body, pubd()), vec![pair(text, Some(value))], "{body}");
        }
        // A past verb that tells when something was reported, a participle after "be", a
        // condition and a target ("by") leave the nearest month.
        let ahead = [
            ("Shares fell on worries about the general election in October.", "October", "1998-10"),
            ("The summit, to be held in October, was announced on Monday.", "October", "1998-10"),
            ("If the government fell in October, a vote would follow.", "October", "1998-10"),
            ("The firm repaid the loan by October.", "October", "1998-10"),
            ("Berlin chairs the most industrialised nations in October.", "October", "1998-10"),
        ];
        for (body, text, value) in ahead {
            assert!(run(body, pubd()).contains(&pair(text, Some(value))), "{body}");
        }
    }
}
