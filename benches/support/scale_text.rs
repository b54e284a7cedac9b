//! The text analysis behind the scale-corpus generator: paragraphs, sentences, and the spans of
//! a sentence that generation may vary (names, years, days of the month).

/// What a slot of a sentence holds, and so how it may vary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of capitalised words of this many words, after a preposition of place (1) or not
    /// (0): names are swapped only within the same word count and context, so places tend to
    /// stay places and people people.
    Name(u8, u8),
    /// A four-digit year.
    Year(i16),
    /// A day of the month next to a month name.
    Day,
}

/// A span of a piece's text that generation may replace.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it holds.
    pub kind: Kind,
}

/// The paragraphs of a body: runs of lines separated by blank lines, trimmed.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n").flat_map(|p| p.split("\r\n\r\n")).map(str::trim).filter(|p| !p.is_empty())
}

/// Abbreviations whose period does not end a sentence (fixed English grammar).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Prof", "Jr", "Sr", "Inc", "Co",
    "Corp", "Ltd", "No", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "Mt", "Ft", "Capt",
    "Maj", "Sgt", "Adm", "Brig", "Cmdr",
];

/// Splits a paragraph at sentence ends: `.`, `!` or `?` (and any closing quotes) followed by a space
/// and a capital letter or an opening quote, unless the period closes an abbreviation or an initial.
pub fn sentences(para: &str) -> Vec<&str> {
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            // Closing curly quotes (3 bytes each).
            while para[end..].starts_with(['\u{201d}', '\u{2019}']) {
                end += 3;
            }
            let next = para[end..].strip_prefix(' ').and_then(|r| r.chars().next());
            let opens = next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\u{201c}'));
            if opens && !(b == b'.' && before_is_abbreviation(&para[start..i])) {
                out.push(para[start..end].trim());
                start = end + 1;
                i = start;
                continue;
            }
        }
        i += 1;
    }
    let rest = para[start.min(para.len())..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out.retain(|s| !s.is_empty());
    out
}

fn before_is_abbreviation(text: &str) -> bool {
    let word = text.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    (last.chars().count() == 1 && last.chars().all(char::is_uppercase)) || ABBREVIATIONS.contains(&last)
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Capitalised words that are not names (fixed grammar): they break a run of capitalised words.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "For",
    "With",
    "By",
    "From",
    "To",
    "Of",
    "There",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Some",
    "Many",
    "Most",
    "All",
];

/// Prepositions after which a capitalised word is most likely a place (fixed grammar).
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "from", "to", "into", "near", "across", "toward", "towards", "via"];

/// Words of `text`: maximal runs of alphanumerics, apostrophes and inner hyphens.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || ((c == '\'' || c == '-' || c == '\u{2019}') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // A trailing apostrophe or hyphen is punctuation, not part of the word.
    for w in &mut out {
        while w.1 > w.0 && text[..w.1].ends_with(['\'', '-', '\u{2019}']) {
            w.1 -= text[..w.1].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    out.retain(|w| w.1 > w.0);
    out
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !NOT_NAMES.contains(&word)
        && !MONTHS.contains(&word)
}

/// The variable slots of a sentence, in order and disjoint.
pub fn find_slots(text: &str) -> Vec<Slot> {
    let words = words(text);
    let mut slots = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let word = &text[s..e];
        if is_capitalised(word) {
            // Extend over capitalised words separated by single spaces.
            let mut j = i + 1;
            while j < words.len() && &text[words[j - 1].1..words[j].0] == " " {
                if !is_capitalised(&text[words[j].0..words[j].1]) {
                    break;
                }
                j += 1;
            }
            let n = j - i;
            let sentence_start = text[..s].trim_start_matches(['"', '\u{201c}', '(', ' ']).is_empty();
            let place = i > 0 && {
                let (ps, pe) = words[i - 1];
                &text[pe..s] == " " && PLACE_PREPOSITIONS.contains(&&text[ps..pe])
            };
            // Runs of more than four words are titles of bodies or headlines: left alone.
            if !(n == 1 && sentence_start) && n <= 4 {
                let kind = Kind::Name(n as u8, u8::from(place));
                slots.push(Slot { start: s as u32, end: words[j - 1].1 as u32, kind });
            }
            i = j;
            continue;
        }
        if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            let y: i16 = word.parse().unwrap_or(0);
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let in_number = matches!(before, Some(',' | '.' | '$'))
                || after == Some('%')
                || (matches!(after, Some(',' | '.'))
                    && text[e..].chars().nth(1).is_some_and(|c| c.is_ascii_digit()));
            if (1900..=2099).contains(&y) && !in_number {
                slots.push(Slot { start: s as u32, end: e as u32, kind: Kind::Year(y) });
            }
        } else if (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) {
            let after_month = i > 0 && {
                let (ps, pe) = words[i - 1];
                MONTHS.contains(&&text[ps..pe]) && matches!(&text[pe..s], " " | ". ")
            };
            let before_month = i + 1 < words.len() && {
                let (ns, ne) = words[i + 1];
                MONTHS.contains(&&text[ns..ne]) && &text[e..ns] == " "
            };
            if after_month || before_month {
                slots.push(Slot { start: s as u32, end: e as u32, kind: Kind::Day });
            }
        }
        i += 1;
    }
    slots
}

#[cfg(test)]
mod tests {
    // Bench targets (harness = false) see `cfg(test)` without compiling `#[test]` functions.
    #[allow(unused_imports)]
    use super::*;

    #[test]
    fn slots_find_names_years_and_days() {
        let text = "Officials in Port Meridian said on March 4, 1998 that Ana Dalca would resign.";
        let kinds: Vec<(&str, Kind)> =
            find_slots(text).iter().map(|s| (&text[s.start as usize..s.end as usize], s.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Port Meridian", Kind::Name(2, 1)),
                ("4", Kind::Day),
                ("1998", Kind::Year(1998)),
                ("Ana Dalca", Kind::Name(2, 0))
            ]
        );
    }

    #[test]
    fn sentences_split_but_not_after_titles() {
        let s = sentences("Mr. Dalca left. The talks resumed! \"Why?\" he asked.");
        assert_eq!(s, ["Mr. Dalca left.", "The talks resumed!", "\"Why?\" he asked."]);
    }
}
