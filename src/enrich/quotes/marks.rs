//! Pairing quotation marks into quoted spans, paragraph by paragraph.

use super::tokens::{Kind, Tok};

/// A quoted span before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quoted {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to the end of its paragraph.
    pub close: Option<usize>,
    /// First byte of the quoted words.
    pub start: usize,
    /// One past the last byte of the quoted words.
    pub end: usize,
    /// Index of the paragraph (counted in line breaks) the quote opens in.
    pub paragraph: usize,
    /// True when the opening mark is the first token of its paragraph.
    pub opens_paragraph: bool,
}

/// Pairs the marks of `toks` into quoted spans, in body order.
///
/// A quotation never crosses a line break: a paragraph that opens a quotation without closing it
/// yields the quote up to the paragraph's end when the next paragraph opens with a quotation mark
/// (the convention for a quotation running over several paragraphs), or when the quotation opened
/// the paragraph; otherwise the stray mark is ignored.
pub(super) fn pair(body: &str, toks: &[Tok]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut para_first = 0; // token index where the current paragraph starts
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Break => {
                if let Some(o) = open.take() {
                    let next_opens =
                        toks.get(i + 1).is_some_and(|n| matches!(n.kind, Kind::Open | Kind::Ambiguous));
                    if o == para_first || next_opens {
                        push(body, toks, &mut out, o, None, toks[i - 1].end, paragraph, o == para_first);
                    }
                }
                paragraph += 1;
                para_first = i + 1;
            }
            Kind::Open => open = Some(i),
            Kind::Close => {
                if let Some(o) = open.take() {
                    push(body, toks, &mut out, o, Some(i), t.start, paragraph, o == para_first);
                }
            }
            Kind::Ambiguous => match open.take() {
                Some(o) => push(body, toks, &mut out, o, Some(i), t.start, paragraph, o == para_first),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        if o == para_first {
            let end = toks.last().map_or(body.len(), |t| t.end);
            push(body, toks, &mut out, o, None, end, paragraph, true);
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    body: &str,
    toks: &[Tok],
    out: &mut Vec<Quoted>,
    open: usize,
    close: Option<usize>,
    end: usize,
    paragraph: usize,
    opens_paragraph: bool,
) {
    let start = toks[open].end;
    if end <= start {
        return;
    }
    let inner = &body[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if start < end {
        out.push(Quoted { open, close, start, end, paragraph, opens_paragraph });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quoted(body: &str) -> Vec<String> {
        pair(body, &tokenize(body)).iter().map(|q| body[q.start..q.end].to_string()).collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        let body = "“We will stay,” she said, calling it \"a long fight\" and « a duty to all ».";
        assert_eq!(quoted(body), ["We will stay,", "a long fight", "a duty to all"]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let body = "“The first part goes on.\n\n“The second part ends here,” he said.";
        assert_eq!(quoted(body), ["The first part goes on.", "The second part ends here,"]);
    }

    #[test]
    fn stray_mark_inside_a_paragraph_is_ignored() {
        let body = "He called it a 12” pipe and left.\n\nNothing here.";
        assert!(quoted(body).is_empty());
    }
}
