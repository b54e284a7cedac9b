//! Wire datelines: the metadata a body carries in its first words.
//!
//! Wire copy opens with a dateline: the place in capitals, often the date, often the outlet in
//! parentheses, then a dash: `SINGAPORE, June 12, 2018 (Casefile Wire) - U.S. President ...`,
//! `BEIJING, Nov. 15 (Xinhua) -- ...`, `WASHINGTON (AP) — ...`. A file saved without front
//! matter keeps its publication date and outlet only there. [`fill`] reads them into the
//! article's empty metadata fields, so that relative dates ("on Tuesday") resolve, roles are
//! those of the day, and `--since` and `--source` find the article. Metadata the file states
//! always wins, and the body is left as it is (every offset still points into it).
//!
//! A dateline must name a date or an outlet: a paragraph opening "NATO - the alliance ..." has
//! neither and is no dateline. A date without a year ("Sept 30") gives no publication date:
//! nothing in the text says which year it is.

use jiff::civil::Date;

use crate::article::Article;

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The place, as written ("SINGAPORE", "ST. PETERSBURG, Fla.").
    pub place: &'a str,
    /// The date, when the dateline gives its year.
    pub date: Option<Date>,
    /// The outlet in parentheses ("Xinhua").
    pub outlet: Option<&'a str>,
}

/// Fills the article's empty `published`, `source` and `dateline` fields from a dateline that
/// opens its body's first line, or its second when the first is the headline (a file whose
/// first line is its title).
pub fn fill(article: &mut Article) {
    if article.published.is_some() && article.source.is_some() && article.dateline.is_some() {
        return;
    }
    let lines = article.body.lines().filter(|l| !l.trim().is_empty());
    let Some(found) = lines.take(2).find_map(parse) else {
        return;
    };
    let (place, date, outlet) = (found.place.to_string(), found.date, found.outlet.map(str::to_string));
    article.published = article.published.or(date);
    if article.source.is_none() {
        article.source = outlet;
    }
    if article.dateline.is_none() {
        article.dateline = Some(place);
    }
}

/// Reads the dateline at the start of `paragraph`, if it opens with one.
///
/// ```
/// use casefile::read::dateline::parse;
///
/// let d = parse("BEIJING, Nov. 15, 2005 (Xinhua) -- China said ...").unwrap();
/// assert_eq!((d.place, d.outlet), ("BEIJING", Some("Xinhua")));
/// assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2005-11-15"));
/// assert!(parse("NATO - the alliance said ...").is_none(), "neither a date nor an outlet");
/// ```
pub fn parse(paragraph: &str) -> Option<Dateline<'_>> {
    let text = paragraph.trim_start();
    let place_end = place_len(text)?;
    let place = text[..place_end].trim_end_matches([',', ' ']);
    let mut rest = &text[place_end..];
    let mut date = None;
    let mut dated = false;
    if let Some(after) = rest.strip_prefix(", ") {
        // A region in its own case may follow the place ("ST. PETERSBURG, Fla., June 3").
        let (region, after) = match after.find(", ") {
            Some(i) if is_region(&after[..i]) => (i + 2, &after[i + 2..]),
            _ => (0, after),
        };
        if let Some((d, len)) = read_date(after) {
            date = d;
            dated = true;
            rest = &after[len..];
        } else if region > 0 || is_region(after.split(" (").next().unwrap_or("")) {
            // "ATLANTA, Ga. (AP) -": the region, then the outlet.
            let end = after.find(" (").unwrap_or(after.len());
            rest = &after[end..];
        } else {
            return None;
        }
    }
    let mut outlet = None;
    if let Some(after) = rest.trim_start_matches(' ').strip_prefix('(') {
        let close = after.find(')')?;
        let name = after[..close].trim();
        if name.is_empty() || name.len() > 60 || name.contains('\n') || !starts_upper(name) {
            return None;
        }
        outlet = Some(name);
        rest = &after[close + 1..];
    }
    if !dated && outlet.is_none() {
        return None;
    }
    let rest = rest.trim_start_matches(' ');
    let dash = ["--", "-", "\u{2014}", "\u{2013}"].iter().find_map(|d| rest.strip_prefix(d))?;
    if !(dash.is_empty() || dash.starts_with([' ', '\r', '\n'])) {
        return None;
    }
    Some(Dateline { place, date, outlet })
}

/// The byte length of the place: words in capitals (letters, and `.`, `'`, `-`, `/` inside
/// them), at most 40 bytes, ending before a comma, a parenthesis or a dash.
fn place_len(text: &str) -> Option<usize> {
    let mut letters = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
        } else if !matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-' | '/') {
            if matches!(c, ',' | '(') {
                end = i;
            }
            break;
        } else if c == ' ' && text[i..].starts_with(" -") {
            // The dash of "WASHINGTON - ..." (which a date or outlet must precede anyway).
            end = i;
            break;
        }
        if i >= 40 {
            return None;
        }
    }
    let place = text[..end].trim_end();
    (letters >= 2 && !place.is_empty() && place.chars().next().is_some_and(char::is_uppercase)).then_some(end)
}

/// True for a region after the place: one to four words, each opening with a capital
/// ("Fla.", "Democratic Republic of Congo"; "of" allowed inside).
fn is_region(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| starts_upper(w) || matches!(*w, "of" | "and" | "the"))
        && read_date(s).is_none()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A date at the start of `s`: "June 12, 2018", "Oct. 5", "12 June 2018", "Sept 30". Returns the
/// date (when the year is given and the day exists) and the byte length read.
fn read_date(s: &str) -> Option<(Option<Date>, usize)> {
    let word_end = |s: &str| s.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(s.len());
    let first = &s[..word_end(s)];
    let (month, day, mut len) = if let Some(month) = month_number(first) {
        let mut len = first.len();
        len += usize::from(s[len..].starts_with('.'));
        let rest = s[len..].strip_prefix(' ')?;
        let digits = &rest[..word_end(rest)];
        (month, day_number(digits)?, len + 1 + digits.len())
    } else {
        let day = day_number(first)?;
        let rest = s[first.len()..].strip_prefix(' ')?;
        let word = &rest[..word_end(rest)];
        let month = month_number(word)?;
        let mut len = first.len() + 1 + word.len();
        len += usize::from(s[len..].starts_with('.'));
        (month, day, len)
    };
    let rest = &s[len..];
    let year_at = if rest.starts_with(", ") { 2 } else { usize::from(rest.starts_with(' ')) };
    let year = rest.get(year_at..year_at + 4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let after_year = rest.get(year_at + 4..).and_then(|r| r.chars().next());
    let year = year.filter(|_| after_year.is_none_or(|c| !c.is_alphanumeric()));
    let date = match year.and_then(|y| y.parse::<i16>().ok()) {
        Some(y) => {
            len += year_at + 4;
            Some(Date::new(y, month, day).ok()?)
        }
        None => None,
    };
    Some((date, len))
}

fn day_number(s: &str) -> Option<i8> {
    let day: i8 = s.parse().ok().filter(|_| (1..=2).contains(&s.len()))?;
    (1..=31).contains(&day).then_some(day)
}

fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [(&str, &str); 12] = [
        ("jan", "january"),
        ("feb", "february"),
        ("mar", "march"),
        ("apr", "april"),
        ("may", "may"),
        ("jun", "june"),
        ("jul", "july"),
        ("aug", "august"),
        ("sep", "september"),
        ("oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ];
    let word = word.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|(short, long)| word == *short || word == *long || (*short == "sep" && word == "sept"))?;
    i8::try_from(month + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().expect("a valid date"))
    }

    #[test]
    fn wire_datelines_give_place_date_and_outlet() {
        let cases = [
            (
                "SINGAPORE, June 12, 2018 (Casefile Wire) - U.S. President",
                "SINGAPORE",
                date("2018-06-12"),
                Some("Casefile Wire"),
            ),
            ("BEIJING, Nov. 15 (Xinhua) -- China", "BEIJING", None, Some("Xinhua")),
            (
                "VIENNA, Oct. 5, 2022 (Compass Point) - The",
                "VIENNA",
                date("2022-10-05"),
                Some("Compass Point"),
            ),
            ("WASHINGTON (AP) \u{2014} The", "WASHINGTON", None, Some("AP")),
            ("ST. PETERSBURG, Fla., June 3, 2019 (AP) - A", "ST. PETERSBURG", date("2019-06-03"), Some("AP")),
            ("ATLANTA, Ga. (AP) - A", "ATLANTA", None, Some("AP")),
            ("KYIV, 24 February 2022 - Russian", "KYIV", date("2022-02-24"), None),
            ("SAO PAULO, Sept 30 (Reuters) - Brazil", "SAO PAULO", None, Some("Reuters")),
        ];
        for (text, place, day, outlet) in cases {
            let d = parse(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!((d.place, d.date, d.outlet), (place, day, outlet), "{text}");
        }
    }

    #[test]
    fn openings_that_are_no_datelines() {
        for text in [
            "NATO - the alliance said",
            "NATO (the alliance) said on Monday",
            "The SEOUL government said",
            "U.S. President Donald Trump said",
            "SEOUL, South Korea's capital, was quiet",
            "WASHINGTON, June 31, 2018 (AP) - no such day",
            "EU, June 12, 2018 (AP) without a dash",
            "UN, June 12, 2018 (AP) -glued to a word",
            "A BIG HEADLINE IN CAPITALS THAT RUNS ON AND ON, June 12, 2018 (AP) - Text",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn fill_keeps_what_the_metadata_says() {
        let body = "Trump and Kim sign a pledge\n\nSINGAPORE, June 12, 2018 (Casefile Wire) - Text.";
        let mut a = Article::new("a", "a.txt", body);
        fill(&mut a);
        assert_eq!(a.published, date("2018-06-12"));
        assert_eq!(a.source.as_deref(), Some("Casefile Wire"));
        assert_eq!(a.dateline.as_deref(), Some("SINGAPORE"));
        assert_eq!(a.body, body, "the body is left as it is");

        let mut b = Article::new("b", "b.txt", body);
        b.published = date("2018-06-13");
        b.source = Some("Other Wire".into());
        fill(&mut b);
        assert_eq!((b.published, b.source.as_deref()), (date("2018-06-13"), Some("Other Wire")));
        assert_eq!(b.dateline.as_deref(), Some("SINGAPORE"), "an empty field is still filled");

        let mut c = Article::new("c", "c.txt", "One.\r\n\r\nTwo.\n\nLONDON, June 12, 2018 (Wire) - Three.");
        fill(&mut c);
        assert_eq!(c.published, None, "only the first two lines open a body");
        let mut d = Article::new("d", "d.txt", "Headline\r\n\r\nLONDON, June 12, 2018 (Wire) -\r\nText.");
        fill(&mut d);
        assert_eq!(d.published, date("2018-06-12"), "CRLF lines, the dash ending its line");
    }
}
