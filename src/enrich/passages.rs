//! Splitting a body into passages: paragraphs, with long paragraphs cut at sentence boundaries.

use crate::article::{Passage, Span};

/// Splits bodies into [`Passage`]s.
#[derive(Debug, Clone)]
pub struct PassageSplitter {
    max_words: usize,
}

impl PassageSplitter {
    /// A splitter that cuts paragraphs of more than `max_words` words at sentence boundaries.
    pub fn new(max_words: usize) -> PassageSplitter {
        PassageSplitter { max_words: max_words.max(1) }
    }

    /// The passages of `body`, in order, trimmed of surrounding white space.
    ///
    /// Paragraphs are separated by blank lines. A body with no blank line at all but several
    /// lines (one paragraph per line, as many plain-text exports are) is split at line breaks.
    ///
    /// ```
    /// use casefile::enrich::PassageSplitter;
    /// let body = "First paragraph.\n\nSecond one.";
    /// let passages = PassageSplitter::new(150).split(body);
    /// assert_eq!(passages.len(), 2);
    /// assert_eq!(&body[passages[1].start..passages[1].end], "Second one.");
    /// ```
    pub fn split(&self, body: &str) -> Vec<Passage> {
        let mut passages = Vec::new();
        for (number, para) in paragraphs(body).into_iter().enumerate() {
            let words = word_count(&body[para.start..para.end]);
            if words <= self.max_words {
                passages.push(Passage {
                    index: passages.len(),
                    paragraph: number + 1,
                    start: para.start,
                    end: para.end,
                });
                continue;
            }
            for chunk in self.chunks(body, para) {
                passages.push(Passage {
                    index: passages.len(),
                    paragraph: number + 1,
                    start: chunk.start,
                    end: chunk.end,
                });
            }
        }
        passages
    }

    /// Groups the sentences of a long paragraph into chunks of at most `max_words` words (a single
    /// longer sentence is its own chunk).
    fn chunks(&self, body: &str, para: Span) -> Vec<Span> {
        let mut chunks = Vec::new();
        let mut current: Option<Span> = None;
        let mut words = 0;
        for sentence in sentences(body, para) {
            let n = word_count(&body[sentence.start..sentence.end]);
            match current {
                Some(span) if words + n <= self.max_words => {
                    current = Some(Span::new(span.start, sentence.end));
                    words += n;
                }
                Some(span) => {
                    chunks.push(span);
                    current = Some(sentence);
                    words = n;
                }
                None => {
                    current = Some(sentence);
                    words = n;
                }
            }
        }
        chunks.extend(current);
        chunks
    }
}

/// The number of words of `text` as `split_whitespace` counts them, read byte by byte unless the
/// text holds white space outside ASCII (decoding every character took most of the time of
/// splitting). Passages and topics count every text: the byte count is written to vectorise.
pub(crate) fn word_count(text: &str) -> usize {
    if has_unicode_space(text.as_bytes()) {
        return text.split_whitespace().count();
    }
    // The ASCII characters of Unicode's White_Space: tab to carriage return, and space. (The
    // bytes of other characters are never white space, so they count as letters of a word.)
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = text.as_bytes();
    // A word starts at the first byte unless it is a space, and at every other byte after one.
    let opens = usize::from(bytes.first().is_some_and(|&b| !space(b)));
    // Counted in blocks of at most 255 byte pairs with a byte-wide counter, which fills a vector
    // register with the most lanes.
    let (mut later, mut at) = (0usize, 0usize);
    let pairs = bytes.len().saturating_sub(1);
    while at < pairs {
        let n = (pairs - at).min(255);
        let (before, after) = (&bytes[at..at + n], &bytes[at + 1..at + 1 + n]);
        let block = before.iter().zip(after).fold(0u8, |sum, (&p, &b)| sum + u8::from(space(p) & !space(b)));
        later += usize::from(block);
        at += n;
    }
    opens + later
}

/// True when UTF-8 `bytes` hold a white-space character outside ASCII: U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or U+3000. Only their lead bytes (0xC2,
/// 0xE1, 0xE2, 0xE3) are sought, with `memchr`, and looked at closer: curly quotes and dashes
/// (0xE2 0x80 …) cost a comparison or two each.
fn has_unicode_space(bytes: &[u8]) -> bool {
    let space_at = |i: usize| {
        let next = |k: usize| bytes.get(i + k).copied();
        matches!(
            (bytes[i], next(1), next(2)),
            (0xC2, Some(0x85 | 0xA0), _)
                | (0xE1, Some(0x9A), Some(0x80))
                | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                | (0xE2, Some(0x81), Some(0x9F))
                | (0xE3, Some(0x80), Some(0x80))
        )
    };
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(space_at)
        || memchr::memchr_iter(0xE1, bytes).any(space_at)
}

/// The paragraphs of `body` as trimmed byte ranges.
pub fn paragraphs(body: &str) -> Vec<Span> {
    let has_blank_line = body.lines().skip_while(|l| l.trim().is_empty()).any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || !has_blank_line {
            if let Some(s) = start.take() {
                out.push(trim(body, Span::new(s, last_end)));
            }
        }
        if !blank {
            if start.is_none() {
                start = Some(offset);
            }
            last_end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(trim(body, Span::new(s, last_end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn trim(body: &str, span: Span) -> Span {
    let text = &body[span.start..span.end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep",
    "Rev", "St", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Pres", "Sec",
];

/// The sentences inside `span` of `text`, as trimmed byte ranges covering the span.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets) when
/// white space and an upper-case letter, digit or opening quote follow, unless the period ends a
/// known abbreviation or a single initial ("U.S.", "J. Smith").
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = span.start;
    let mut i = span.start;
    while i < span.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while end < span.end {
                let rest = &text[end..span.end];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if end < span.end && is_boundary(text, span, start, i, end) {
                out.push(trim(text, Span::new(start, end)));
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < span.end {
        out.push(trim(text, Span::new(start, span.end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn is_boundary(text: &str, span: Span, start: usize, dot: usize, end: usize) -> bool {
    let after = &text[end..span.end];
    if !after.starts_with(char::is_whitespace) {
        return false;
    }
    let next = after.trim_start().chars().next().unwrap_or('a');
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '\'' | '‘' | '(' | '«'))
    {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    let word = text[start..dot].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let word = word.trim_start_matches(['"', '“', '\'']);
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "J. Smith"
    }
    if word.contains('.') && word.len() <= 6 {
        return false; // "U.S." followed by a name is more often mid-sentence
    }
    !ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str, spans: &[Passage]) -> Vec<String> {
        spans.iter().map(|p| body[p.start..p.end].to_string()).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let body = "  One.\nStill one.\n\n\nTwo.\n";
        let p = PassageSplitter::new(150).split(body);
        assert_eq!(texts(body, &p), ["One.\nStill one.", "Two."]);
        assert_eq!(p[1].paragraph, 2);
    }

    #[test]
    fn single_newlines_separate_paragraphs_without_blank_lines() {
        let body = "One.\nTwo.\nThree.";
        let p = PassageSplitter::new(150).split(body);
        assert_eq!(texts(body, &p), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn long_paragraphs_split_at_sentences() {
        let body = "Mr. Smith went to Washington. The U.S. Senate met him. He said \"no.\" Then he left.";
        let p = PassageSplitter::new(6).split(body);
        assert_eq!(
            texts(body, &p),
            ["Mr. Smith went to Washington.", "The U.S. Senate met him.", "He said \"no.\" Then he left."]
        );
        assert!(p.iter().all(|x| x.paragraph == 1));
    }
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "tab\there\x0bvt\x0cff\rcr\nnl",
            "caf\u{e9} au\u{a0}lait \u{2003} x",
            "a\x1fb",
            "\u{201c}Curly quotes,\u{201d} she said \u{2014} twice\u{2026}",
            "line\u{2028}separator\u{85}next\u{3000}ideographic\u{1680}ogham\u{205f}math\u{202f}narrow",
            "\u{2029}paragraph \u{200a}hair \u{200b}zero-width",
        ] {
            assert_eq!(word_count(text), text.split_whitespace().count(), "{text:?}");
        }
        // Every character up to U+3100, which holds all of Unicode's white space beyond ASCII.
        for c in ('\u{80}'..='\u{3100}').chain(['\u{feff}']) {
            let text = format!("a{c}b c");
            assert_eq!(word_count(&text), text.split_whitespace().count(), "{c:?}");
        }
    }
}
