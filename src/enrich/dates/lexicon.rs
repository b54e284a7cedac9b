//! Tokens and the small fixed vocabulary of date expressions.
//!
//! The body is cut into words (runs of alphanumeric characters) and single punctuation
//! characters; whitespace only separates. Each token is classified once, so the grammar can match
//! on [`Lex`] values without looking at text again.

/// Keywords the grammar knows. Month and weekday names have their own [`Lex`] variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kw {
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Early,
    Late,
    Mid,
    Earlier,
    Later,
    The,
    A,
    Of,
    In,
    Week,
    Weeks,
    Month,
    Months,
    Year,
    Years,
    Day,
    Days,
    Decade,
    Decades,
    Quarter,
    Quarters,
    Half,
    Weekend,
    Season(u8),
    Ago,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    PartOfDay,
    Night,
    Now,
    Currently,
    Recently,
    Future,
    Near,
    Right,
    Fiscal,
    End,
    Beginning,
    Middle,
    Century,
    Noon,
    Midnight,
    Current,
    Latest,
    Same,
    Period,
    Nineteen,
    Tens(u8),
    Thousand,
    Holiday(Holiday),
    Election,
    /// A word announcing the future ("will", "scheduled", "expected").
    FutureCue,
    /// A word announcing the future when followed by "to" or "for" ("expected to", "set for").
    ScheduleCue,
    Around,
    Its,
}

/// Holidays with a computable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
    /// Fourth Thursday of November (United States).
    Thanksgiving,
    /// December 25.
    Christmas,
}

/// The class of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    /// A month name or abbreviation: month number (1-12), and whether it was abbreviated.
    Month(u8, bool),
    /// A weekday name: 0 = Monday .. 6 = Sunday.
    Weekday(u8),
    /// A run of ASCII digits (value in [`Tok::num`]).
    Number,
    /// "7th", "third": the ordinal's value.
    Ordinal(u8),
    /// A cardinal number word ("two", "six"): its value.
    Count(u8),
    /// "1990s" or "80s": the decade's first year as written (1990 or 80).
    Decade,
    /// A known keyword.
    Kw(Kw),
    /// Any other word.
    Other,
    /// One ASCII punctuation character (apostrophes and curly quotes are folded to `'`).
    Punct(u8),
}

/// One token of the body.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its class.
    pub lex: Lex,
    /// The numeric value of a [`Lex::Number`] or [`Lex::Decade`] (0 otherwise).
    pub num: u32,
    /// Number of digits of a [`Lex::Number`].
    pub digits: u8,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A line break lies between the previous token and this one.
    pub nl_before: bool,
}

impl Tok {
    /// The keyword, when the token is one.
    pub fn kw(&self) -> Option<Kw> {
        match self.lex {
            Lex::Kw(k) => Some(k),
            _ => None,
        }
    }

    /// True for the punctuation character `c`.
    pub fn is(&self, c: u8) -> bool {
        self.lex == Lex::Punct(c)
    }
}

/// Cuts `body` into tokens, appending to `out` (cleared first).
pub(super) fn tokenize(body: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut nl = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            nl |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        if b.is_ascii_alphanumeric() || (b >= 0x80 && is_alnum_at(body, i)) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphanumeric() {
                    i += 1;
                } else if c >= 0x80 && is_alnum_at(body, i) {
                    i += char_len(c);
                } else {
                    break;
                }
            }
            out.push(classify_word(&body[start..i], start, nl));
        } else {
            let len = if b < 0x80 { 1 } else { char_len(b) };
            i += len;
            let p = match &body[start..i] {
                "\u{2019}" | "\u{2018}" | "`" => b'\'',
                "\u{2013}" | "\u{2014}" => b'-',
                "\u{201C}" | "\u{201D}" => b'"',
                s if s.len() == 1 => b,
                _ => b'?',
            };
            out.push(Tok { start, end: i, lex: Lex::Punct(p), num: 0, digits: 0, cap: false, nl_before: nl });
        }
        nl = false;
    }
}

/// Byte length of the UTF-8 character starting with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// True when the (non-ASCII) character at byte `i` is alphanumeric.
fn is_alnum_at(body: &str, i: usize) -> bool {
    body.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
}

/// Classifies one word.
fn classify_word(word: &str, start: usize, nl_before: bool) -> Tok {
    let mut tok = Tok {
        start,
        end: start + word.len(),
        lex: Lex::Other,
        num: 0,
        digits: 0,
        cap: word.as_bytes()[0].is_ascii_uppercase(),
        nl_before,
    };
    let bytes = word.as_bytes();
    let ndig = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if ndig == bytes.len() {
        if ndig <= 9 {
            tok.lex = Lex::Number;
            tok.num = word.parse().unwrap_or(0);
            tok.digits = ndig as u8;
        }
        return tok;
    }
    if word.len() > 16 || !word.is_ascii() {
        return tok;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    if ndig > 0 {
        let (digits, suffix) = lower.split_at(ndig);
        let n: u32 = digits.parse().unwrap_or(0);
        tok.lex = match suffix {
            "st" | "nd" | "rd" | "th" if (1..=99).contains(&n) => Lex::Ordinal(n as u8),
            "s" if (ndig == 2 || ndig == 4) && n.is_multiple_of(10) => {
                tok.num = n;
                Lex::Decade
            }
            _ => Lex::Other,
        };
        return tok;
    }
    tok.lex = classify_lower(lower);
    if let Some(n) = spelled_decade(lower) {
        tok.lex = Lex::Decade;
        tok.num = n;
    }
    tok
}

/// "twenties" .. "nineties": the decade as two digits.
fn spelled_decade(w: &str) -> Option<u32> {
    let tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    tens.iter().position(|t| *t == w).map(|p| 20 + 10 * p as u32)
}

/// The class of a lowercase ASCII word.
fn classify_lower(w: &str) -> Lex {
    use Kw::*;
    let month = |m: u8, abbr: bool| Lex::Month(m, abbr);
    let kw = Lex::Kw;
    match w {
        "january" => month(1, false),
        "february" => month(2, false),
        "march" => month(3, false),
        "april" => month(4, false),
        "may" => month(5, false),
        "june" => month(6, false),
        "july" => month(7, false),
        "august" => month(8, false),
        "september" => month(9, false),
        "october" => month(10, false),
        "november" => month(11, false),
        "december" => month(12, false),
        "jan" => month(1, true),
        "feb" => month(2, true),
        "mar" => month(3, true),
        "apr" => month(4, true),
        "jun" => month(6, true),
        "jul" => month(7, true),
        "aug" => month(8, true),
        "sep" | "sept" => month(9, true),
        "oct" => month(10, true),
        "nov" => month(11, true),
        "dec" => month(12, true),
        "monday" => Lex::Weekday(0),
        "tuesday" => Lex::Weekday(1),
        "wednesday" => Lex::Weekday(2),
        "thursday" => Lex::Weekday(3),
        "friday" => Lex::Weekday(4),
        "saturday" => Lex::Weekday(5),
        "sunday" => Lex::Weekday(6),
        "first" => Lex::Ordinal(1),
        "second" => Lex::Ordinal(2),
        "third" => Lex::Ordinal(3),
        "fourth" => Lex::Ordinal(4),
        "fifth" => Lex::Ordinal(5),
        "sixth" => Lex::Ordinal(6),
        "seventh" => Lex::Ordinal(7),
        "eighth" => Lex::Ordinal(8),
        "ninth" => Lex::Ordinal(9),
        "tenth" => Lex::Ordinal(10),
        "eleventh" => Lex::Ordinal(11),
        "twelfth" => Lex::Ordinal(12),
        "one" => Lex::Count(1),
        "two" => Lex::Count(2),
        "three" => Lex::Count(3),
        "four" => Lex::Count(4),
        "five" => Lex::Count(5),
        "six" => Lex::Count(6),
        "seven" => Lex::Count(7),
        "eight" => Lex::Count(8),
        "nine" => Lex::Count(9),
        "ten" => Lex::Count(10),
        "eleven" => Lex::Count(11),
        "twelve" => Lex::Count(12),
        "fifteen" => Lex::Count(15),
        "several" | "few" => Lex::Count(0),
        "this" => kw(This),
        "last" => kw(Last),
        "next" => kw(Next),
        "past" => kw(Past),
        "coming" => kw(Coming),
        "previous" | "preceding" | "prior" => kw(Previous),
        "early" => kw(Early),
        "late" => kw(Late),
        "mid" => kw(Mid),
        "earlier" => kw(Earlier),
        "later" => kw(Later),
        "the" => kw(The),
        "a" | "an" => kw(A),
        "of" => kw(Of),
        "in" | "since" | "until" | "by" | "from" | "during" | "before" | "after" | "through" | "till"
        | "to" | "on" => kw(In),
        "week" => kw(Week),
        "weeks" => kw(Weeks),
        "month" => kw(Month),
        "months" => kw(Months),
        "year" => kw(Year),
        "years" => kw(Years),
        "day" => kw(Day),
        "days" => kw(Days),
        "decade" => kw(Decade),
        "decades" => kw(Decades),
        "quarter" => kw(Quarter),
        "quarters" => kw(Quarters),
        "half" => kw(Half),
        "weekend" => kw(Weekend),
        "spring" => kw(Season(1)),
        "summer" => kw(Season(2)),
        "fall" | "autumn" => kw(Season(3)),
        "winter" => kw(Season(4)),
        "ago" => kw(Ago),
        "today" => kw(Today),
        "yesterday" => kw(Yesterday),
        "tomorrow" => kw(Tomorrow),
        "tonight" => kw(Tonight),
        "morning" | "afternoon" | "evening" => kw(PartOfDay),
        "night" => kw(Night),
        "now" => kw(Now),
        "currently" | "nowadays" => kw(Currently),
        "recently" => kw(Recently),
        "future" => kw(Future),
        "near" => kw(Near),
        "right" => kw(Right),
        "fiscal" => kw(Fiscal),
        "end" => kw(End),
        "beginning" | "start" => kw(Beginning),
        "middle" => kw(Middle),
        "century" => kw(Century),
        "noon" | "midday" => kw(Noon),
        "midnight" => kw(Midnight),
        "current" => kw(Current),
        "latest" | "recent" | "most" => kw(Latest),
        "same" => kw(Same),
        "period" => kw(Period),
        "nineteen" => kw(Nineteen),
        "twenty" => kw(Tens(2)),
        "thirty" => kw(Tens(3)),
        "forty" => kw(Tens(4)),
        "fifty" => kw(Tens(5)),
        "sixty" => kw(Tens(6)),
        "seventy" => kw(Tens(7)),
        "eighty" => kw(Tens(8)),
        "ninety" => kw(Tens(9)),
        "thousand" => kw(Thousand),
        "thanksgiving" => kw(Holiday(self::Holiday::Thanksgiving)),
        "christmas" => kw(Holiday(self::Holiday::Christmas)),
        "election" => kw(Election),
        "will" | "ll" | "shall" | "might" | "plans" | "scheduled" => kw(FutureCue),
        "expected" | "due" | "set" | "slated" | "planned" | "going" => kw(ScheduleCue),
        "around" | "about" => kw(Around),
        "its" => kw(Its),
        _ => Lex::Other,
    }
}
