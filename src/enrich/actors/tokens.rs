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
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut poss = false;
        let mut j = end;
        while let Some((d, d_len)) = char_at(text, j) {
            if d.is_alphanumeric() {
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
                    j += d_len;
                    continue;
                }
            }
            break;
        }
        let word = &text[start..end];
        let mut flags = 0;
        if c.is_uppercase() || article_prefixed(word) {
            flags |= F_CAP;
        }
        if all_caps(word) {
            flags |= F_ALLCAPS;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            flags |= F_DIGIT;
        }
        if poss {
            flags |= F_POSS;
        }
        let gap = &text[gap_start..start];
        let plain = gap.chars().all(|c| c == ' ' || c == '\u{a0}');
        // Only a gap of a dot and spaces can follow an abbreviation: the previous word is looked
        // at only then.
        let dotted = gap.starts_with('.')
            && gap[1..].chars().all(|c| c == ' ' || c == '\u{a0}')
            && toks.last().is_some_and(|t| abbreviation(&text[t.start..t.end]));
        if !toks.is_empty() && (plain || dotted) && !toks.last().is_some_and(|t| t.has(F_POSS)) {
            flags |= F_JOINED;
        }
        let ends_sentence = gap.contains(['!', '?', ':', ';', '"', '“', '”', '\n', '(', '[', '—'])
            || (gap.contains('.') && !dotted);
        if toks.is_empty() || ends_sentence {
            flags |= F_START;
        }
        if let Some(last) = toks.last_mut() {
            if gap.starts_with(',') {
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
