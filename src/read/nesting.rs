//! A guard against pages that nest elements thousands deep.
//!
//! The HTML5 tree builder looks through its whole stack of open elements at every block start tag
//! (is a `<p>` open "in button scope"?), so a page of 50,000 nested `<div>`s took seconds to parse
//! and one of 200,000 took minutes: a single hostile or broken file could hold up a reading
//! thread for the length of a run. Browsers cap the depth for the same reason (Chromium stops
//! nesting at 512 and adds deeper elements as siblings). [`flatten_deep_nesting`] does the like
//! before parsing: the start and end tags of containers beyond [`MAX_DEPTH`] are replaced by a
//! space, so their text is kept, in order, and only their grouping is lost.
//!
//! The depth is counted over the container tags a page has to close explicitly (`div`, `span`,
//! `section`, lists, ...), in one counter: an estimate of the tree's depth, exact for well-formed
//! nesting, and a page whose estimate stays within the cap (every ordinary page) is parsed as
//! written.

use std::borrow::Cow;

/// The deepest nesting of container elements that a page is parsed with, as in Chromium's parser.
pub const MAX_DEPTH: usize = 512;

/// Containers whose nesting is counted: elements that nest in themselves and that the parser
/// closes only at their end tag (a `<p>` or `<li>` is closed by the next one, so it never deepens
/// the tree by repetition).
const CONTAINERS: &[&[u8]] = &[
    b"div",
    b"span",
    b"section",
    b"article",
    b"aside",
    b"nav",
    b"header",
    b"footer",
    b"main",
    b"figure",
    b"center",
    b"blockquote",
    b"ul",
    b"ol",
    b"dl",
];

/// Elements whose content is raw text: a `<div` inside a script is not a tag.
const RAW_TEXT: &[&[u8]] =
    &[b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript"];

/// `html` with the start and end tags of containers nested deeper than `max_depth` replaced by a
/// space each; the page itself when no container is nested that deep.
///
/// ```
/// use casefile::read::nesting::flatten_deep_nesting;
///
/// let page = "<div><div><div>deep</div></div></div>";
/// assert_eq!(flatten_deep_nesting(page, 2), "<div><div> deep </div></div>");
/// assert_eq!(flatten_deep_nesting(page, 3), page);
/// ```
pub fn flatten_deep_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // The byte ranges of the tags to replace, found in one pass.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_end =
            name_start + bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &bytes[name_start..name_end];
        let Some(tag_end) = memchr::memchr(b'>', &bytes[name_end..]).map(|i| name_end + i + 1) else {
            break;
        };
        at = tag_end;
        if name.is_empty() {
            continue;
        }
        if !closing && RAW_TEXT.iter().any(|raw| name.eq_ignore_ascii_case(raw)) {
            at = raw_text_end(bytes, tag_end, name);
            continue;
        }
        if !CONTAINERS.iter().any(|c| name.eq_ignore_ascii_case(c)) {
            continue;
        }
        if closing {
            if depth > max_depth {
                cut.push((start, tag_end));
            }
            depth = depth.saturating_sub(1);
        } else if bytes[tag_end - 2] != b'/' {
            depth += 1;
            if depth > max_depth {
                cut.push((start, tag_end));
            }
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cut {
        out.push_str(&html[from..start]);
        out.push(' ');
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// The byte after the end tag that closes the raw-text element `name` whose content starts at
/// `from` (the end of the page when it is never closed).
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(lt) = find(bytes, at, b"</") {
        let name_start = lt + 2;
        let candidate = bytes.get(name_start..name_start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |i| name_start + i + 1);
        }
        at = name_start;
    }
    bytes.len()
}

/// The position of the first `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest container nesting of `html`, by the same count.
    fn depth(html: &str) -> usize {
        let (mut depth, mut deepest) = (0usize, 0);
        for piece in html.split('<').skip(1) {
            if piece.starts_with("/div") {
                depth = depth.saturating_sub(1);
            } else if piece.starts_with("div") {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        deepest
    }

    #[test]
    fn ordinary_pages_are_parsed_as_written() {
        let page = "<html><body><div class=a><section><p>One</p><ul><li>Two<li>Three</ul></section></div>\
                    <DIV><span>Four</span></DIV></body></html>";
        assert!(matches!(flatten_deep_nesting(page, MAX_DEPTH), Cow::Borrowed(_)));
        assert!(matches!(flatten_deep_nesting(page, 3), Cow::Borrowed(_)));
        assert_eq!(
            flatten_deep_nesting(page, 1),
            page.replace("<section>", " ")
                .replace("</section>", " ")
                .replace("<ul>", " ")
                .replace("</ul>", " ")
                .replace("<span>", " ")
                .replace("</span>", " ")
        );
    }

    #[test]
    fn deep_nesting_is_cut_to_the_cap_with_the_text_kept_in_order() {
        let n = 5_000;
        let page =
            format!("<body>{}<p>deep text</p>{}<p>after</p></body>", "<div>".repeat(n), "</div>".repeat(n));
        let flat = flatten_deep_nesting(&page, MAX_DEPTH);
        assert_eq!(depth(&flat), MAX_DEPTH);
        assert!(flat.contains("<p>deep text</p>"));
        assert!(flat.find("deep text") < flat.find("after"));
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
    }

    #[test]
    fn tags_in_comments_scripts_and_self_closed_are_not_counted() {
        let page = "<!-- <div><div><div> --><script>'<div><div><div>'</script>\
                    <STYLE>x</Style><div/><div/><div/><div>a</div>";
        assert!(matches!(flatten_deep_nesting(page, 1), Cow::Borrowed(_)));
        let unclosed = "<script><div><div>";
        assert!(matches!(flatten_deep_nesting(unclosed, 0), Cow::Borrowed(_)));
        let broken = "<div><div><div";
        assert_eq!(flatten_deep_nesting(broken, 1), "<div> <div");
    }

    #[test]
    fn names_are_whole_words() {
        // `<divider>` and `<spanner>` are not containers; `<div class=x>` is.
        let page = "<divider><divider><spanner><div class=x><div\n>a</div></div>";
        assert_eq!(flatten_deep_nesting(page, 1), "<divider><divider><spanner><div class=x> a </div>");
    }
}
