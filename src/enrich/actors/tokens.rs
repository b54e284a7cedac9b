//! Word tokens with the few facts name finding needs: capitalisation, possessive, sentence start,
//! and whether a token is glued to the previous one by plain spaces.

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

/// Splits `text` into words. Hyphens and apostrophes inside a word are kept ("Jackson-Han",
/// "O'Brien"); a possessive `'s` is dropped and flagged.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut gap_start = 0;
    // Stepped by bytes, decoding only non-ASCII characters: most of the text is ASCII, and this
    // loop runs over every character of every article.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII white space and punctuation, the most of what lies between words, undecoded.
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some((c, len)) = char_at(text, i) else { break };
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut poss = false;
        // What the word holds, gathered while scanning it so that no flag needs a second pass
        // over its bytes (the tokenizer was an eighth of all enrichment).
        let mut seen = Seen::default();
        seen.add(c);
        let mut j = end;
        loop {
            // The letters and digits of ASCII words, without decoding or a character class.
            while let Some(&b) = bytes.get(j) {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                seen.add_ascii(b);
                j += 1;
                end = j;
            }
            let Some((d, d_len)) = char_at(text, j) else { break };
            if d.is_alphanumeric() {
                seen.add(d);
                end = j + d_len;
                j = end;
                continue;
            }
            if d == '-' || is_apostrophe(d) {
                let rest = &text[j + d.len_utf8()..];
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
                    poss = true;
                    break;
                }
                if is_apostrophe(d)
                    && text[start..end].ends_with(['s', 'S'])
                    && next.is_none_or(|x| !x.is_alphanumeric())
                {
                    poss = true;
                    break;
                }
                if next.is_some_and(char::is_alphanumeric) {
                    seen.joined = true;
                    j += d_len;
                    continue;
                }
            }
            break;
        }
        let word = &text[start..end];
        let mut flags = 0;
        if c.is_uppercase() || (seen.joined && article_prefixed(word)) {
            flags |= F_CAP;
        }
        let caps = if seen.non_ascii { all_caps(word) } else { !seen.lower && seen.letters >= 2 };
        if caps {
            flags |= F_ALLCAPS;
        }
        if seen.digit {
            flags |= F_DIGIT;
        }
        if poss {
            flags |= F_POSS;
        }
        let gap = &text[gap_start..start];
        let gap =
            if gap == " " { Gap::SPACE } else { Gap::read(gap, toks.last().map(|t| &text[t.start..t.end])) };
        if !toks.is_empty() && (gap.plain || gap.dotted) && !toks.last().is_some_and(|t| t.has(F_POSS)) {
            flags |= F_JOINED;
        }
        if toks.is_empty() || gap.ends_sentence {
            flags |= F_START;
        }
        if let Some(last) = toks.last_mut() {
            if gap.comma {
                last.flags |= F_COMMA;
            }
        }
        toks.push(Tok { start, end, flags });
        gap_start = end;
        if poss {
            // skip the "'s" (or lone "'") so the next gap starts after it
            let skip = if text[end..].chars().nth(1).is_some_and(|c| c == 's' || c == 'S') { 2 } else { 1 };
            gap_start = end + text[end..].chars().take(skip).map(char::len_utf8).sum::<usize>();
        }
        i = gap_start;
    }
    toks
}

/// The letters and digits of a word, as it is scanned.
#[derive(Default)]
struct Seen {
    /// A non-ASCII character (whose case the ASCII counts below do not tell).
    non_ascii: bool,
    /// An ASCII lower-case letter.
    lower: bool,
    /// ASCII letters.
    letters: usize,
    /// An ASCII digit.
    digit: bool,
    /// A hyphen or apostrophe inside the word.
    joined: bool,
}

impl Seen {
    fn add(&mut self, c: char) {
        match c {
            'a'..='z' => {
                self.lower = true;
                self.letters += 1;
            }
            'A'..='Z' => self.letters += 1,
            '0'..='9' => self.digit = true,
            _ => self.non_ascii |= !c.is_ascii(),
        }
    }

    /// [`Seen::add`] for an ASCII letter or digit.
    #[inline]
    fn add_ascii(&mut self, b: u8) {
        if b.is_ascii_digit() {
            self.digit = true;
        } else {
            self.lower |= b.is_ascii_lowercase();
            self.letters += 1;
        }
    }
}

/// What lies between two words.
struct Gap {
    /// Spaces only.
    plain: bool,
    /// The dot of an abbreviation (or initial) before it, then spaces.
    dotted: bool,
    /// A sentence (or quotation, heading, paragraph) ends in it.
    ends_sentence: bool,
    /// It starts with a comma.
    comma: bool,
}

impl Gap {
    /// The gap of one space, most gaps by far.
    const SPACE: Gap = Gap { plain: true, dotted: false, ends_sentence: false, comma: false };

    /// Reads `gap`, which follows the word `previous`.
    fn read(gap: &str, previous: Option<&str>) -> Gap {
        let spaces = |s: &str| s.chars().all(|c| c == ' ' || c == '\u{a0}');
        // Only a gap of a dot and spaces can follow an abbreviation: the previous word is looked
        // at only then.
        let dotted = gap.starts_with('.') && spaces(&gap[1..]) && previous.is_some_and(abbreviation);
        Gap {
            plain: spaces(gap),
            dotted,
            ends_sentence: gap.contains(['!', '?', ':', ';', '"', '“', '”', '\n', '(', '[', '—'])
                || (gap.contains('.') && !dotted),
            comma: gap.starts_with(','),
        }
    }
}

/// The character starting at byte `i` of `text` and its length in bytes; `None` at the end.
/// `i` is a character boundary.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
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
