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
    /// One of the tokens every date expression contains (see [`is_anchor`]).
    pub anchor: bool,
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

/// Byte class of an ASCII letter or digit (see [`CLASS`]).
const WORD: u8 = 1;
/// Byte class of ASCII whitespace (see [`CLASS`]).
const SPACE: u8 = 2;

/// The class of every byte: one table lookup per byte is cheaper than the range tests of
/// `is_ascii_alphanumeric` and `is_ascii_whitespace`, and the tokenizer looks at every byte.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = WORD;
        } else if c.is_ascii_whitespace() {
            table[b] = SPACE;
        }
        b += 1;
    }
    table
};

/// Cuts `body` into tokens, appending to `out` (cleared first).
pub(super) fn tokenize(body: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut nl = false;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class == SPACE {
            nl |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        if class == WORD || (b >= 0x80 && is_alnum_at(body, i)) {
            // Whether the word is all ASCII is known from the scan: no second pass over it.
            let mut ascii = true;
            loop {
                while i < bytes.len() && CLASS[bytes[i] as usize] == WORD {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] >= 0x80 && is_alnum_at(body, i) {
                    ascii = false;
                    i += char_len(bytes[i]);
                } else {
                    break;
                }
            }
            out.push(classify_word(bytes, start, i, ascii, nl));
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
            out.push(Tok {
                start,
                end: i,
                lex: Lex::Punct(p),
                num: 0,
                digits: 0,
                cap: false,
                nl_before: nl,
                anchor: false,
            });
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

/// Classifies the word `bytes[start..end]` (`ascii` when all its characters are ASCII letters and
/// digits).
fn classify_word(bytes: &[u8], start: usize, end: usize, ascii: bool, nl_before: bool) -> Tok {
    let word = &bytes[start..end];
    let mut tok = Tok {
        start,
        end: start + word.len(),
        lex: Lex::Other,
        num: 0,
        digits: 0,
        cap: word[0].is_ascii_uppercase(),
        nl_before,
        anchor: false,
    };
    let ndig = word.iter().take_while(|b| b.is_ascii_digit()).count();
    if ndig == word.len() {
        if ndig <= 9 {
            tok.lex = Lex::Number;
            // Nine digits never overflow a u32.
            tok.num = word.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            tok.digits = ndig as u8;
            tok.anchor = true;
        }
        return tok;
    }
    if word.len() > 16 || !ascii {
        return tok;
    }
    tok.anchor = matches!(word, [b'Q', b'1'..=b'4']);
    let buf = lowered(bytes, start, word.len()).to_le_bytes();
    let lower = &buf[..word.len()];
    if ndig > 0 {
        let lower = std::str::from_utf8(lower).unwrap_or("");
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
        tok.anchor = is_anchor(tok.lex);
        return tok;
    }
    tok.lex = classify_lower(lower);
    if let Some(n) = spelled_decade(lower) {
        tok.lex = Lex::Decade;
        tok.num = n;
    }
    tok.anchor |= is_anchor(tok.lex);
    tok
}

/// True for the classes of token every date expression contains, within `grammar::LEAD` tokens
/// of its start: a number, a month or weekday name, a decade, a calendar unit, a word for a day,
/// a part of one or the present ("today", "night", "now"), a season or a holiday (with "Q1" ..
/// "Q4", which have no class of their own). Far from all of them, no rule needs to be tried.
fn is_anchor(lex: Lex) -> bool {
    use Kw::*;
    match lex {
        Lex::Number | Lex::Month(..) | Lex::Weekday(_) | Lex::Decade => true,
        Lex::Kw(k) => matches!(
            k,
            Week | Weeks
                | Month
                | Months
                | Year
                | Years
                | Day
                | Days
                | Decade
                | Decades
                | Quarter
                | Quarters
                | Half
                | Period
                | Weekend
                | Season(_)
                | Century
                | Today
                | Yesterday
                | Tomorrow
                | Tonight
                | PartOfDay
                | Night
                | Now
                | Currently
                | Recently
                | Future
                | Noon
                | Midnight
                | Nineteen
                | Holiday(_)
        ),
        _ => false,
    }
}

/// The word of `len` (at most 16) ASCII letters and digits at `bytes[start..]`, lower-cased, as the
/// bytes of an integer padded with spaces. Setting bit 5 lower-cases the letters and keeps the
/// digits, which have it already. The word is read with the 15 bytes after it where the text
/// has them, in one load: a copy of its bytes into a buffer, then read whole, stalled the load
/// until the copy's narrower stores had landed (the `por` after it took a seventh of the
/// tokenizer's time).
fn lowered(bytes: &[u8], start: usize, len: usize) -> u128 {
    let raw = match bytes.get(start..start + 16).and_then(|window| <[u8; 16]>::try_from(window).ok()) {
        Some(window) => u128::from_le_bytes(window),
        None => {
            let mut buf = [0u8; 16];
            let word = bytes.get(start..start + len).unwrap_or_default();
            buf[..word.len()].copy_from_slice(word);
            u128::from_le_bytes(buf)
        }
    };
    let kept = if len >= 16 { u128::MAX } else { (1u128 << (8 * len)) - 1 };
    (raw & kept) | u128::from_le_bytes([0x20; 16])
}

/// "twenties" .. "nineties": the decade as two digits.
fn spelled_decade(w: &[u8]) -> Option<u32> {
    let tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    if !w.ends_with(b"ies") {
        return None;
    }
    tens.iter().position(|t| t.as_bytes() == w).map(|p| 20 + 10 * p as u32)
}

/// The class of a lowercase ASCII word.
fn classify_lower(w: &[u8]) -> Lex {
    use Kw::*;
    let month = |m: u8, abbr: bool| Lex::Month(m, abbr);
    let kw = Lex::Kw;
    match w {
        b"january" => month(1, false),
        b"february" => month(2, false),
        b"march" => month(3, false),
        b"april" => month(4, false),
        b"may" => month(5, false),
        b"june" => month(6, false),
        b"july" => month(7, false),
        b"august" => month(8, false),
        b"september" => month(9, false),
        b"october" => month(10, false),
        b"november" => month(11, false),
        b"december" => month(12, false),
        b"jan" => month(1, true),
        b"feb" => month(2, true),
        b"mar" => month(3, true),
        b"apr" => month(4, true),
        b"jun" => month(6, true),
        b"jul" => month(7, true),
        b"aug" => month(8, true),
        b"sep" | b"sept" => month(9, true),
        b"oct" => month(10, true),
        b"nov" => month(11, true),
        b"dec" => month(12, true),
        b"monday" => Lex::Weekday(0),
        b"tuesday" => Lex::Weekday(1),
        b"wednesday" => Lex::Weekday(2),
        b"thursday" => Lex::Weekday(3),
        b"friday" => Lex::Weekday(4),
        b"saturday" => Lex::Weekday(5),
        b"sunday" => Lex::Weekday(6),
        b"first" => Lex::Ordinal(1),
        b"second" => Lex::Ordinal(2),
        b"third" => Lex::Ordinal(3),
        b"fourth" => Lex::Ordinal(4),
        b"fifth" => Lex::Ordinal(5),
        b"sixth" => Lex::Ordinal(6),
        b"seventh" => Lex::Ordinal(7),
        b"eighth" => Lex::Ordinal(8),
        b"ninth" => Lex::Ordinal(9),
        b"tenth" => Lex::Ordinal(10),
        b"eleventh" => Lex::Ordinal(11),
        b"twelfth" => Lex::Ordinal(12),
        b"one" => Lex::Count(1),
        b"two" => Lex::Count(2),
        b"three" => Lex::Count(3),
        b"four" => Lex::Count(4),
        b"five" => Lex::Count(5),
        b"six" => Lex::Count(6),
        b"seven" => Lex::Count(7),
        b"eight" => Lex::Count(8),
        b"nine" => Lex::Count(9),
        b"ten" => Lex::Count(10),
        b"eleven" => Lex::Count(11),
        b"twelve" => Lex::Count(12),
        b"fifteen" => Lex::Count(15),
        b"several" | b"few" => Lex::Count(0),
        b"this" => kw(This),
        b"last" => kw(Last),
        b"next" => kw(Next),
        b"past" => kw(Past),
        b"coming" => kw(Coming),
        b"previous" | b"preceding" | b"prior" => kw(Previous),
        b"early" => kw(Early),
        b"late" => kw(Late),
        b"mid" => kw(Mid),
        b"earlier" => kw(Earlier),
        b"later" => kw(Later),
        b"the" => kw(The),
        b"a" | b"an" => kw(A),
        b"of" => kw(Of),
        b"in" | b"since" | b"until" | b"by" | b"from" | b"during" | b"before" | b"after" | b"through"
        | b"till" | b"to" | b"on" => kw(In),
        b"week" => kw(Week),
        b"weeks" => kw(Weeks),
        b"month" => kw(Month),
        b"months" => kw(Months),
        b"year" => kw(Year),
        b"years" => kw(Years),
        b"day" => kw(Day),
        b"days" => kw(Days),
        b"decade" => kw(Decade),
        b"decades" => kw(Decades),
        b"quarter" => kw(Quarter),
        b"quarters" => kw(Quarters),
        b"half" => kw(Half),
        b"weekend" => kw(Weekend),
        b"spring" => kw(Season(1)),
        b"summer" => kw(Season(2)),
        b"fall" | b"autumn" => kw(Season(3)),
        b"winter" => kw(Season(4)),
        b"ago" => kw(Ago),
        b"today" => kw(Today),
        b"yesterday" => kw(Yesterday),
        b"tomorrow" => kw(Tomorrow),
        b"tonight" => kw(Tonight),
        b"morning" | b"afternoon" | b"evening" => kw(PartOfDay),
        b"night" => kw(Night),
        b"now" => kw(Now),
        b"currently" | b"nowadays" => kw(Currently),
        b"recently" => kw(Recently),
        b"future" => kw(Future),
        b"near" => kw(Near),
        b"right" => kw(Right),
        b"fiscal" => kw(Fiscal),
        b"end" => kw(End),
        b"beginning" | b"start" => kw(Beginning),
        b"middle" => kw(Middle),
        b"century" => kw(Century),
        b"noon" | b"midday" => kw(Noon),
        b"midnight" => kw(Midnight),
        b"current" => kw(Current),
        b"latest" | b"recent" | b"most" => kw(Latest),
        b"same" => kw(Same),
        b"period" => kw(Period),
        b"nineteen" => kw(Nineteen),
        b"twenty" => kw(Tens(2)),
        b"thirty" => kw(Tens(3)),
        b"forty" => kw(Tens(4)),
        b"fifty" => kw(Tens(5)),
        b"sixty" => kw(Tens(6)),
        b"seventy" => kw(Tens(7)),
        b"eighty" => kw(Tens(8)),
        b"ninety" => kw(Tens(9)),
        b"thousand" => kw(Thousand),
        b"thanksgiving" => kw(Holiday(self::Holiday::Thanksgiving)),
        b"christmas" => kw(Holiday(self::Holiday::Christmas)),
        b"election" => kw(Election),
        b"will" | b"ll" | b"shall" | b"might" | b"would" | b"plans" | b"scheduled" | b"postponed"
        | b"adjourned" => kw(FutureCue),
        b"expected" | b"due" | b"set" | b"slated" | b"planned" | b"planning" | b"going" => kw(ScheduleCue),
        b"around" | b"about" => kw(Around),
        b"its" => kw(Its),
        _ => Lex::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_lowered_alike_wherever_it_stands() {
        // Words far from the end (read in one load) and near it (copied), of 1 to 16 bytes.
        let text = "Monday MAY 2024 x Thanksgiving2016 1990s ABCDEFGHIJKLMNOP late Q3";
        let bytes = text.as_bytes();
        let mut at = 0;
        for word in text.split(' ') {
            let mut want = [b' '; 16];
            for (w, b) in want.iter_mut().zip(word.bytes()) {
                *w = b.to_ascii_lowercase();
            }
            assert_eq!(lowered(bytes, at, word.len()).to_le_bytes(), want, "{word}");
            at += word.len() + 1;
        }
    }

    #[test]
    fn words_near_the_end_of_a_text_are_classified_as_elsewhere() {
        let mut toks = Vec::new();
        for text in ["May", "in May", "on Monday", "in 1990s", "Sept", "yesterday"] {
            tokenize(text, &mut toks);
            let last = toks.last().map(|t| t.lex);
            tokenize(&format!("{text} and a long tail of other words"), &mut toks);
            let word_count = text.split(' ').count();
            assert_eq!(toks.get(word_count - 1).map(|t| t.lex), last, "{text}");
            assert_ne!(last, Some(Lex::Other), "{text}");
        }
    }
}
