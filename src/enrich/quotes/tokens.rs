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

/// The quotation marks [`tokenize`] reads as opening or closing one: straight, curly,
/// guillemets and the low opening mark. A body with none of them holds no quotation.
pub(super) const QUOTATION_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];

/// Tokenizes `body`. Markup tags (`<tweet id="...">`) are skipped, so their attribute values are
/// never taken for quotations.
pub(super) fn tokenize(body: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(body.len() / 4);
    let mut chars = body.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            let mut newline = c == '\n';
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                newline |= d == '\n';
                end = j + d.len_utf8();
                chars.next();
            }
            if newline {
                toks.push(Tok { start: i, end, kind: Kind::Break, cap: false });
            }
            prev = Some(' ');
            continue;
        }
        if word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // A joiner counts only between two word characters.
                if joiner(d) && body[j + d.len_utf8()..].chars().next().is_some_and(word_char) {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                break;
            }
            let word = &body.as_bytes()[i..end];
            let hyphen_early = word.len() > 3 && (word[2] == b'-' || word[3] == b'-');
            let cap = c.is_uppercase() || (hyphen_early && article_prefixed(&body[i..end]));
            toks.push(Tok { start: i, end, kind: Kind::Word, cap });
            prev = body[..end].chars().next_back();
            continue;
        }
        if c == '<' && body[i + 1..].starts_with(|d: char| d.is_ascii_alphabetic() || d == '/') {
            // A markup tag: skip to its end on the same line.
            if let Some(len) = body[i..].find(['>', '\n']) {
                if body[i + len..].starts_with('>') {
                    while chars.peek().is_some_and(|&(j, _)| j <= i + len) {
                        chars.next();
                    }
                    prev = Some('>');
                    continue;
                }
            }
        }
        let end = i + c.len_utf8();
        let kind = match c {
            '“' | '«' | '„' => Kind::Open,
            '”' | '»' => Kind::Close,
            '"' => straight(prev, body[end..].chars().next()),
            _ => Kind::Punct(c),
        };
        toks.push(Tok { start: i, end, kind, cap: false });
        prev = Some(c);
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
