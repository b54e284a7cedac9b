//! Word tokens with the few facts name finding needs: capitalisation, possessive, sentence start,
//! and whether a token is glued to the previous one by plain spaces.

use crate::enrich::company_suffix;

/// A word of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte (a possessive `'s` is not part of the word).
    pub end: usize,
    /// Bit set of the `F_*` flags.
    pub flags: u8,
}

/// Starts with an upper-case letter.
pub const F_CAP: u8 = 1;
/// Two or more letters, all upper-case.
pub const F_ALLCAPS: u8 = 2;
/// Contains a digit.
pub const F_DIGIT: u8 = 4;
/// Followed by a possessive `'s` (or `’s`, or a bare `'` after an `s`).
pub const F_POSS: u8 = 8;
/// First word of a sentence (or of a quotation, heading or paragraph).
pub const F_START: u8 = 16;
/// Separated from the previous word by spaces only (or by the dot of an initial or a title
/// abbreviation: "George W. Bush", "Mr. Smith").
pub const F_JOINED: u8 = 32;
/// Followed directly by a comma.
pub const F_COMMA: u8 = 64;

impl Tok {
    /// True when `flag` is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Rep", "Sen", "Gov", "Prof", "Jr",
    "Sr", "Adm", "Maj", "Rev", "Cpl", "Pvt", "Mt", "No", "Vol", "Messrs",
];

/// Arabic articles glued to a name ("al-Maliki"): such a word counts as capitalised.
const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud"];

/// True for a lower-case article glued to a capitalised name ("al-Maliki", "el-Sisi"), which
/// counts as a capitalised word of a name.
pub(crate) fn article_prefixed(word: &str) -> bool {
    word.bytes()
        .position(|b| b == b'-')
        .is_some_and(|at| ARTICLES.contains(&&word[..at]) && word[at + 1..].starts_with(char::is_uppercase))
}

/// Suffixes that compound a name into an adjective ("US-led", "Saddam Hussein-era").
pub(crate) const SUFFIXES: &[&str] = &[
    "led",
    "era",
    "based",
    "backed",
    "born",
    "style",
    "run",
    "owned",
    "linked",
    "made",
    "funded",
    "controlled",
    "dominated",
    "sponsored",
    "held",
    "occupied",
    "brokered",
    "bound",
    "speaking",
    "wide",
    "type",
    "like",
    "allied",
    "aligned",
    "leaning",
    "friendly",
    "inspired",
    "appointed",
    "supported",
    "trained",
    "armed",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// An initial ("W") or a title abbreviation ("Mr"), whose dot does not end a sentence.
pub(crate) fn abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    initial || ABBREVIATIONS.contains(&word)
}

/// Two or more letters, all upper-case (other characters ignored).
fn all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return word.bytes().all(|b| !b.is_ascii_lowercase()) && letters.count() >= 2;
    }
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// What a byte is, for [`tokenize`]: one table look-up per byte tells a word's letters and
/// digits from the gap between words, and what the gap holds.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

/// An ASCII lower-case letter.
const C_LOWER: u8 = 1;
/// An ASCII capital.
const C_UPPER: u8 = 2;
/// An ASCII digit.
const C_DIGIT: u8 = 4;
/// A letter or digit of an ASCII word.
const C_ALNUM: u8 = C_LOWER | C_UPPER | C_DIGIT;
/// In a gap, anything but a space (or no-break space): the gap does not glue two words.
const C_NONSPACE: u8 = 8;
/// A full stop, which ends a sentence unless it closes an abbreviation.
const C_DOT: u8 = 16;
/// A mark that ends a sentence (or opens a quotation, a parenthesis, a line).
const C_ENDER: u8 = 32;
/// A byte of a non-ASCII character, which must be decoded to be classified.
const C_NONASCII: u8 = 64;

const fn class_of(b: u8) -> u8 {
    match b {
        b'a'..=b'z' => C_LOWER,
        b'A'..=b'Z' => C_UPPER,
        b'0'..=b'9' => C_DIGIT,
        b' ' => 0,
        b'.' => C_NONSPACE | C_DOT,
        b'!' | b'?' | b':' | b';' | b'"' | b'\n' | b'(' | b'[' => C_NONSPACE | C_ENDER,
        0x80..=0xff => C_NONASCII,
        _ => C_NONSPACE,
    }
}

/// The class of a non-ASCII character between words (the ASCII ones are in [`CLASS`]).
fn gap_class(c: char) -> u8 {
    match c {
        '\u{a0}' => 0,
        '“' | '”' | '—' => C_NONSPACE | C_ENDER,
        _ => C_NONSPACE,
    }
}

/// Splits `text` into words. Hyphens and apostrophes inside a word are kept ("Jackson-Han",
/// "O'Brien"); a possessive `'s` is dropped and flagged.
// Not inlined: alone, the loops keep their state in registers (inlined into the long
// `collect`, they spilled it to the stack at every word).
#[inline(never)]
pub fn tokenize(text: &str) -> Vec<Tok> {
    // About one word in six bytes of prose: rarely grown, never much too large.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    // Stepped by bytes through a class table, decoding only non-ASCII characters: most of the
    // text is ASCII, and this loop runs over every byte of every article (it was an eighth of
    // all enrichment). What a gap holds is gathered while it is skipped, so that no gap is read
    // twice.
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        let gap_start = i;
        // The classes of the gap's characters, or-ed.
        let mut gap = 0u8;
        // The word's first character, as whether it is a capital and the classes of the
        // characters of the word seen so far.
        let (cap, mut seen, mut j) = loop {
            let Some(&b) = bytes.get(i) else { return toks };
            let class = CLASS[usize::from(b)];
            if class & C_ALNUM != 0 {
                // The loop below goes on from the next byte, with this one's class already seen.
                break (class & C_UPPER != 0, class, i + 1);
            }
            if class & C_NONASCII == 0 {
                gap |= class;
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { return toks };
            if c.is_alphanumeric() {
                break (c.is_uppercase(), C_NONASCII, i + c.len_utf8());
            }
            gap |= gap_class(c);
            i += c.len_utf8();
        };
        let start = i;
        let mut end;
        // The possessive, as the bytes it takes after the word ("'s", "’s", or a bare "'").
        let mut poss = None;
        let mut joined = false;
        loop {
            // The letters and digits of ASCII words, a table look-up each; the classes or-ed
            // tell the word's flags without a second pass over its bytes.
            while let Some(&b) = bytes.get(j) {
                let class = CLASS[usize::from(b)];
                if class & C_ALNUM == 0 {
                    break;
                }
                seen |= class;
                j += 1;
            }
            // (After a hyphen or apostrophe a letter or digit always follows, so `j` ends a run
            // of them here.)
            end = j;
            let Some(&b) = bytes.get(j) else { break };
            if !(b == b'-' || b == b'\'' || !b.is_ascii()) {
                break;
            }
            let Some(d) = text.get(j..).and_then(|rest| rest.chars().next()) else { break };
            let d_len = d.len_utf8();
            if d.is_alphanumeric() {
                seen |= C_NONASCII;
                j += d_len;
                continue;
            }
            if d == '-' || is_apostrophe(d) {
                let rest = &text[j + d_len..];
                // "Singh-led", "US-backed": the name ends before a compounding suffix.
                if d == '-'
                    && SUFFIXES
                        .iter()
                        .any(|s| rest.starts_with(s) && !rest[s.len()..].starts_with(char::is_alphanumeric))
                {
                    break;
                }
                let mut after = rest.chars();
                let next = after.next();
                if is_apostrophe(d)
                    && matches!(next, Some('s' | 'S'))
                    && after.next().is_none_or(|x| !x.is_alphanumeric())
                {
                    poss = Some(d_len + 1);
                    break;
                }
                if is_apostrophe(d)
                    && matches!(bytes[..end].last(), Some(b's' | b'S'))
                    && next.is_none_or(|x| !x.is_alphanumeric())
                {
                    poss = Some(d_len);
                    break;
                }
                if next.is_some_and(char::is_alphanumeric) {
                    joined = true;
                    j += d_len;
                    continue;
                }
            }
            break;
        }
        // The word's text is sliced only for the rare flags that need it.
        let word = || text.get(start..end).unwrap_or_default();
        let mut flags = 0;
        if cap || (joined && article_prefixed(word())) {
            flags |= F_CAP;
        }
        let caps = if seen & C_NONASCII != 0 {
            all_caps(word())
        } else {
            // Counted only for the few words without a lower-case letter.
            seen & (C_LOWER | C_UPPER) == C_UPPER
                && bytes[start..end].iter().filter(|b| b.is_ascii_alphabetic()).nth(1).is_some()
        };
        if caps {
            flags |= F_ALLCAPS;
        }
        if seen & C_DIGIT != 0 {
            flags |= F_DIGIT;
        }
        if poss.is_some() {
            flags |= F_POSS;
        }
        match toks.last_mut() {
            None => flags |= F_START,
            Some(last) => {
                let first = bytes[gap_start];
                // Only a gap of a dot and spaces can follow an abbreviation: the previous word
                // is looked at only then.
                // (So can a period before a lower-case word, which ends no sentence, and one
                // between a company's suffixes: "Yamaichi Securities Co. Ltd. said"; but not
                // before "of", which would make "General Motors Corp. of the United States" a
                // name of its own.)
                let suffixes =
                    || company_suffix(&text[last.start..last.end]) && company_suffix(&text[start..end]);
                let dotted = first == b'.'
                    && spaces(&text[gap_start + 1..start])
                    && ((bytes[start].is_ascii_lowercase() && &text[start..end] != "of")
                        || abbreviation(&text[last.start..last.end])
                        || suffixes());
                if (gap & C_NONSPACE == 0 || dotted) && !last.has(F_POSS) {
                    flags |= F_JOINED;
                }
                if gap & C_ENDER != 0 || (gap & C_DOT != 0 && !dotted) {
                    flags |= F_START;
                }
                if first == b',' {
                    last.flags |= F_COMMA;
                }
            }
        }
        toks.push(Tok { start, end, flags });
        // Past the possessive, so that the next gap starts after it.
        i = end + poss.unwrap_or(0);
    }
}

/// True when `s` holds only spaces and no-break spaces.
fn spaces(s: &str) -> bool {
    s.chars().all(|c| c == ' ' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, u8)> {
        tokenize(text).iter().map(|t| (&text[t.start..t.end], t.flags)).collect()
    }

    #[test]
    fn possessives_hyphens_and_initials() {
        let text = "Mr. O'Brien met George W. Bush's aide Ana Jackson-Han.";
        let w = words(text);
        let names: Vec<&str> = w.iter().map(|(s, _)| *s).collect();
        assert_eq!(names, ["Mr", "O'Brien", "met", "George", "W", "Bush", "aide", "Ana", "Jackson-Han"]);
        assert!(w[1].1 & F_JOINED != 0, "Mr. O'Brien is one phrase");
        assert!(w[5].1 & F_JOINED != 0, "W. Bush is one phrase");
        assert!(w[5].1 & F_POSS != 0);
        assert!(w[6].1 & F_JOINED == 0, "nothing joins across a possessive");
    }

    #[test]
    fn capitals_digits_and_articles_in_any_script() {
        let text = "NATO met ÉLYSÉE aides, the G7 and al-Maliki; Élan, x-Ray and BBC’s A. Smith.";
        let w = words(text);
        let flag = |word: &str, f: u8| w.iter().find(|(s, _)| *s == word).expect(word).1 & f != 0;
        assert!(flag("NATO", F_ALLCAPS) && flag("ÉLYSÉE", F_ALLCAPS) && flag("BBC", F_ALLCAPS));
        assert!(
            !flag("aides", F_ALLCAPS)
                && !flag("Élan", F_ALLCAPS)
                && !flag("G7", F_ALLCAPS)
                && !flag("A", F_ALLCAPS),
            "one letter"
        );
        assert!(flag("G7", F_DIGIT) && !flag("NATO", F_DIGIT));
        assert!(flag("al-Maliki", F_CAP) && flag("Élan", F_CAP) && !flag("x-Ray", F_CAP));
        assert!(flag("BBC", F_POSS) && flag("aides", F_COMMA));
        assert!(flag("Smith", F_JOINED), "after an initial's dot");
        assert!(flag("Élan", F_START), "after a semicolon");
    }

    #[test]
    fn sentence_starts_and_commas() {
        let text = "Rain fell. Then, \"Snow came\" and went";
        let w = words(text);
        assert!(w[0].1 & F_START != 0);
        assert!(w[2].1 & F_START != 0, "after a full stop");
        assert!(w[2].1 & F_COMMA != 0);
        assert!(w[3].1 & F_START != 0, "after a quotation mark");
        assert!(w[6].1 & F_START == 0);
    }
}
