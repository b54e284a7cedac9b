//! The words of prose and names, lower-cased and folded to ASCII, in one pass over the text.
//!
//! [`FoldedWords`] gives exactly the tokens of tantivy's
//! `SimpleTokenizer -> RemoveLongFilter::limit(40) -> LowerCaser -> AsciiFoldingFilter`: the same
//! texts, byte offsets and positions. Those four stages each went over every word again (decoding
//! its characters, then looking for a byte beyond ASCII twice), and together took about 8% of the
//! indexing threads' time in a plain run. Here a word of ASCII letters and digits, most words of
//! English prose, is found byte by byte and lower-cased in place; a word with any other character
//! goes through tantivy's own `LowerCaser` and `AsciiFoldingFilter`, so that it folds as it
//! always did.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Words of this many bytes or more are left out, as `RemoveLongFilter::limit(LONGEST)` leaves
/// them (their positions still count).
pub const LONGEST: usize = 40;

/// Tokenizer of words: maximal runs of alphanumeric characters, lower-cased, folded to ASCII,
/// those of [`LONGEST`] bytes or more left out.
///
/// ```
/// use casefile::index::words::FoldedWords;
/// use tantivy::tokenizer::{TextAnalyzer, TokenStream};
///
/// let mut words = TextAnalyzer::from(FoldedWords::default());
/// let mut stream = words.token_stream("Blinken, in Séoul: 2024");
/// let mut found = Vec::new();
/// while let Some(token) = stream.next() {
///     found.push((token.text.clone(), token.offset_from, token.position));
/// }
/// assert_eq!(found, [("blinken".into(), 0, 0), ("in".into(), 9, 1), ("seoul".into(), 12, 2), ("2024".into(), 20, 3)]);
/// ```
#[derive(Clone)]
pub struct FoldedWords {
    token: Token,
    /// tantivy's lower-casing and folding, for a word with a character beyond ASCII.
    fold: TextAnalyzer,
}

impl Default for FoldedWords {
    fn default() -> Self {
        let fold =
            TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter);
        FoldedWords { token: Token::default(), fold: fold.build() }
    }
}

impl Tokenizer for FoldedWords {
    type TokenStream<'a> = FoldedWordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldedWordsStream<'a> {
        self.token.reset();
        FoldedWordsStream { text, at: 0, token: &mut self.token, fold: &mut self.fold }
    }
}

/// The token stream of [`FoldedWords`].
pub struct FoldedWordsStream<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    at: usize,
    token: &'a mut Token,
    fold: &'a mut TextAnalyzer,
}

/// The character starting at byte `at` of `text` (a character boundary), if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

impl FoldedWordsStream<'_> {
    /// The next word from `self.at`, as (start, end, whether it is all ASCII).
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let mut start = self.at;
        loop {
            let &b = bytes.get(start)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                start += 1;
            } else {
                let c = char_at(self.text, start)?;
                if c.is_alphanumeric() {
                    break;
                }
                start += c.len_utf8();
            }
        }
        let mut end = start;
        let mut ascii = true;
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                end += 1;
            } else {
                match char_at(self.text, end) {
                    Some(c) if c.is_alphanumeric() => {
                        ascii = false;
                        end += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        // The character at `end`, if any, is no part of a word: the next search may skip it.
        self.at = end;
        Some((start, end, ascii))
    }
}

impl TokenStream for FoldedWordsStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end, ascii)) = self.next_word() {
            // Every word takes a position, a word left out too (as with `RemoveLongFilter`).
            self.token.position = self.token.position.wrapping_add(1);
            if end - start >= LONGEST {
                continue;
            }
            let word = &self.text[start..end];
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.text.clear();
            if ascii {
                self.token.text.push_str(word);
                self.token.text.make_ascii_lowercase();
            } else {
                let mut folded = self.fold.token_stream(word);
                if folded.advance() {
                    self.token.text.push_str(&folded.token().text);
                }
            }
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The tokens `analyzer` makes of `text`, as (text, start, end, position): what the tests of
/// casefile's tokenizers compare with tantivy's.
#[cfg(test)]
pub(crate) fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
    let mut out = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t| out.push((t.text.clone(), t.offset_from, t.offset_to, t.position)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    fn tantivys() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    #[test]
    fn the_same_tokens_as_tantivys_four_stages() {
        let long = "x".repeat(LONGEST);
        let texts = [
            String::new(),
            "  ".into(),
            "Moscow intends to share \"advanced space and satellite technology\" with Pyongyang.".into(),
            "Séoul, Zürich and ŒUVRES; İstanbul's ΣΟΦΙΑ — Пхеньян 平壤 ١٢٣ x²".into(),
            "naïve café-au-lait e\u{301}e\u{301} ﬁnance Ⅻ ß".into(),
            format!("short {long} after {}x tail", &long[1..]),
            format!("{long}é é{long} Dr.Kim 3.5% 2024-11-18"),
        ];
        let (mut ours, mut theirs) = (TextAnalyzer::from(FoldedWords::default()), tantivys());
        for text in &texts {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text), "{text:?}");
        }
    }

    #[test]
    fn the_same_tokens_on_generated_text() {
        // Words of every length around the limit, from pieces of ASCII, accented, non-Latin,
        // combining and non-alphanumeric characters, in a fixed pseudo-random order.
        let pieces = [
            "a",
            "Bc",
            "7",
            "é",
            "É",
            "ß",
            "ı",
            "İ",
            "Ω",
            "ж",
            "平",
            "\u{301}",
            "²",
            " ",
            ",",
            "-",
            "'",
            "\n",
            "—",
            "\u{a0}",
            "xyz",
            "Ǆ",
            "abcdefghijklmnopqrs",
            "ÀÉÎÕÜàéîõü",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut text = String::new();
        for _ in 0..40_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        let (mut ours, mut theirs) = (TextAnalyzer::from(FoldedWords::default()), tantivys());
        let expected = tokens(&mut theirs, &text);
        assert!(expected.len() > 5_000, "{}", expected.len());
        assert_eq!(tokens(&mut ours, &text), expected);
    }
}
