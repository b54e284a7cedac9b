//! A small tokenizer for attribution: words, punctuation, quotation marks and line breaks, each
//! with its byte range in the body. One linear pass per article.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("O'Malley", "U.S").
    Word,
    /// Any other visible character.
    Punct(char),
    /// A line break: paragraphs and headings end here, and so does every quotation.
    Break,
    /// An opening double quotation mark (`“`, `«`, `„`, or `"` before a word).
    Open,
    /// A closing double quotation mark (`”`, `»`, or `"` after a word or punctuation).
    Close,
    /// A straight `"` with white space on both sides: it toggles.
    Ambiguous,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its kind.
    pub kind: Kind,
    /// A word starting with a capital, or with an article glued to one ("al-Assad"): decided
    /// once here, since attribution asks it of every word many times.
    pub cap: bool,
}

impl Tok {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// True for the given punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for any quotation mark.
    pub fn is_mark(&self) -> bool {
        matches!(self.kind, Kind::Open | Kind::Close | Kind::Ambiguous)
    }
}

use crate::enrich::actors::article_prefixed;

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that may join two word characters into one word ("AT&T", "P&G" too).
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑' | '&')
}

/// The character at byte `i` of `body` (a character boundary) and its length in bytes. ASCII,
/// most of any article, is read from its byte, with no UTF-8 decoding.
#[inline]
fn char_at(body: &str, i: usize) -> (char, usize) {
    match body.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        _ => body.get(i..).and_then(|s| s.chars().next()).map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// True when `body` holds a quotation mark that [`tokenize`] reads as opening or closing one:
/// straight, curly, guillemets or the low opening mark. A body with none holds no quotation.
/// The marks are found by their first bytes, so a body without any is not decoded.
pub(super) fn has_quotation_mark(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).any(|i| match bytes[i] {
        b'"' => true,
        // “ ” „ are E2 80 9C/9D/9E; « » are C2 AB/BB.
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C..=0x9E)),
        _ => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
    })
}

/// Tokenizes `body`. Markup tags (`<tweet id="...">`) are skipped, so their attribute values are
/// never taken for quotations.
pub(super) fn tokenize(body: &str) -> Vec<Tok> {
    let bytes = body.as_bytes();
    let mut toks = Vec::with_capacity(body.len() / 4);
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A single space between words, the commonest separator, makes no token.
        if bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&d| d > b' ' && d.is_ascii()) {
            prev = Some(' ');
            i += 1;
            continue;
        }
        let (c, len) = char_at(body, i);
        if c.is_whitespace() {
            let mut newline = c == '\n';
            let mut end = i + len;
            while end < bytes.len() {
                let (d, l) = char_at(body, end);
                if !d.is_whitespace() {
                    break;
                }
                newline |= d == '\n';
                end += l;
            }
            if newline {
                toks.push(Tok { start: i, end, kind: Kind::Break, cap: false });
            }
            prev = Some(' ');
            i = end;
            continue;
        }
        if word_char(c) {
            let mut end = i + len;
            loop {
                // Runs of ASCII letters and digits, most of a word, are skipped byte by byte.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                if end >= bytes.len() {
                    break;
                }
                let (d, l) = char_at(body, end);
                // A joiner counts only between two word characters.
                let joins = || joiner(d) && end + l < bytes.len() && word_char(char_at(body, end + l).0);
                if word_char(d) || joins() {
                    end += l;
                    continue;
                }
                break;
            }
            let word = &bytes[i..end];
            let hyphen_early = word.len() > 3 && (word[2] == b'-' || word[3] == b'-');
            let cap = c.is_uppercase() || (hyphen_early && article_prefixed(&body[i..end]));
            toks.push(Tok { start: i, end, kind: Kind::Word, cap });
            prev = match bytes[end - 1] {
                b if b.is_ascii() => Some(char::from(b)),
                _ => body[..end].chars().next_back(),
            };
            i = end;
            continue;
        }
        if c == '<' && bytes.get(i + 1).is_some_and(|&d| d.is_ascii_alphabetic() || d == b'/') {
            // A markup tag: skip to its end on the same line.
            if let Some(len) = memchr::memchr2(b'>', b'\n', &bytes[i..]) {
                if bytes[i + len] == b'>' {
                    prev = Some('>');
                    i += len + 1;
                    continue;
                }
            }
        }
        let end = i + len;
        let kind = match c {
            '“' | '«' | '„' => Kind::Open,
            '”' | '»' => Kind::Close,
            '"' => straight(prev, (end < bytes.len()).then(|| char_at(body, end).0)),
            _ => Kind::Punct(c),
        };
        toks.push(Tok { start: i, end, kind, cap: false });
        prev = Some(c);
        i = end;
    }
    toks
}

/// Whether a straight double quote opens or closes, from its neighbours.
fn straight(prev: Option<char>, next: Option<char>) -> Kind {
    let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/>".contains(p));
    let after_space = next.is_none_or(|n| n.is_whitespace());
    match (before_space, after_space) {
        (true, false) => Kind::Open,
        (false, _) => Kind::Close,
        (true, true) => Kind::Ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTATION_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];

    #[test]
    fn a_quotation_mark_is_found_by_its_bytes() {
        for body in
            ["", "plain", "a “b", "a ” b", "«x»", "„y", "\"", "é – — ‘single’ ¡ ©", "x\u{2019}s", "€ « "]
        {
            assert_eq!(has_quotation_mark(body), body.contains(QUOTATION_MARKS), "{body}");
        }
    }

    #[test]
    fn the_quotation_marks_are_those_that_open_and_close() {
        for c in QUOTATION_MARKS {
            let body = format!("a {c}b{c} c");
            assert!(tokenize(&body).iter().any(Tok::is_mark), "{c}");
        }
    }

    fn kinds(body: &str) -> Vec<(String, Kind)> {
        tokenize(body).iter().map(|t| (body[t.start..t.end].to_string(), t.kind)).collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        let k = kinds("O’Malley met U.S. envoys.");
        assert_eq!(k[0].0, "O’Malley");
        assert_eq!(k[2].0, "U.S");
        assert_eq!(k[3], (".".to_string(), Kind::Punct('.')));
    }

    #[test]
    fn straight_quotes_open_and_close_by_context() {
        let k = kinds("He said \"we won,\" then left.");
        assert_eq!(k[2].1, Kind::Open);
        assert_eq!(k[6].1, Kind::Close);
    }

    #[test]
    fn tags_are_skipped_and_newlines_break() {
        let k = kinds("<tweet id=\"1\">Hello there</tweet>\nNext");
        let texts: Vec<&str> = k.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Hello", "there", "\n", "Next"]);
        assert_eq!(k[2].1, Kind::Break);
    }
}
