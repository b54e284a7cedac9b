//! HTML articles: metadata from the usual meta tags and the main text.
//!
//! Metadata comes from Open Graph and article meta tags, `<title>`, `<time datetime>`,
//! `<link rel=canonical>` and, as a fallback, a JSON-LD `NewsArticle` block. The body is the text
//! of the page's `<article>` (else `<main>`, else `<body>`) without navigation, headers, footers,
//! asides, scripts, styles and forms: every block element (paragraph, heading, list item,
//! blockquote, ...) becomes one paragraph, whitespace collapsed, paragraphs separated by a blank
//! line. The body is rebuilt text, so its origin is [`BodyOrigin::Derived`].

use std::path::Path;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::{Map, Value};

use crate::article::{title_from_body, Article, BodyOrigin};
use crate::read::{id_from_path, json, nesting, FileRead, Problem, SkipReason};

/// Subtrees that are never article text.
const SKIPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "form", "noscript", "template", "svg", "iframe",
    "button", "select", "textarea", "object", "embed", "canvas", "dialog", "menu", "head",
];

/// Elements that start and end a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "hr",
    "body",
    "center",
];

/// Meta keys (`name`, `property` or `itemprop`) for each metadata field, in order of preference.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title"];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
];
const SOURCE_KEYS: &[&str] = &["og:site_name", "application-name", "publisher"];
const SUMMARY_KEYS: &[&str] = &["description", "og:description", "twitter:description"];
const AUTHOR_KEYS: &[&str] = &["author", "article:author", "byl", "dc.creator", "sailthru.author"];
const ID_KEYS: &[&str] = &["article:id", "article-id", "id", "dc.identifier", "dcterms.identifier"];

/// Reads an HTML page.
///
/// Containers nested deeper than [`nesting::MAX_DEPTH`] are flattened first (see
/// [`nesting::flatten_deep_nesting`]): parsing such a page took time in the square of its depth.
pub fn read(path: &Path, text: &str) -> FileRead {
    let document = Html::parse_document(&nesting::flatten_deep_nesting(text, nesting::MAX_DEPTH));
    let meta = Meta::collect(&document);
    let body = main_text(&document);
    if body.is_empty() {
        let reason = if document.root_element().text().any(|t| !t.trim().is_empty()) {
            SkipReason::Malformed(
                "HTML page has no article text outside navigation, headers, footers and scripts".to_string(),
            )
        } else {
            SkipReason::Empty
        };
        return FileRead { skipped: Some(reason), ..FileRead::default() };
    }

    let mut article = Article::new(id_from_path(path), path, body);
    article.origin = BodyOrigin::Derived;
    article.title.clear();
    let mut problems = Vec::new();
    let mut fields = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            fields.insert(key.to_string(), Value::String(v));
        }
    };
    put("id", meta.first(ID_KEYS));
    put(
        "title",
        meta.first(TITLE_KEYS)
            .or_else(|| meta.title.as_deref().map(|t| strip_site(t, meta.first(SOURCE_KEYS).as_deref())))
            .or_else(|| meta.ld_headline.clone())
            .or_else(|| meta.h1.clone()),
    );
    put("source", meta.first(SOURCE_KEYS));
    put("url", meta.canonical.clone().or_else(|| meta.first(&["og:url"])));
    put("summary", meta.first(SUMMARY_KEYS));
    put("language", meta.language.clone());
    // The first candidate date that parses wins; a page whose only dates do not parse gets a
    // problem naming the first of them.
    let dates: Vec<String> = PUBLISHED_KEYS
        .iter()
        .flat_map(|k| meta.all(k))
        .chain(meta.ld_published.clone())
        .chain(meta.time.clone())
        .collect();
    match dates.iter().find(|d| json::parse_date(d).is_some()) {
        Some(date) => put("published", Some(date.clone())),
        None => {
            if let Some(first) = dates.first() {
                problems.push(Problem {
                    line: None,
                    message: format!("publication date `{first}` is not a date (YYYY-MM-DD) or RFC 3339 date-time; ignored"),
                });
            }
        }
    }
    let mut authors: Vec<String> = AUTHOR_KEYS.iter().flat_map(|k| meta.all(k)).collect();
    if authors.is_empty() {
        authors = meta.ld_authors.clone();
    }
    // `article:author` is often a profile URL, not a name.
    authors.retain(|a| !a.starts_with("http://") && !a.starts_with("https://"));
    authors.dedup();
    if !authors.is_empty() {
        fields.insert("authors".into(), Value::Array(authors.into_iter().map(Value::String).collect()));
    }
    if let Err(e) = json::apply_fields(&mut article, &fields) {
        problems.push(Problem { line: None, message: e });
    }
    if article.title.is_empty() {
        article.title = title_from_body(&article.body);
    }
    FileRead { articles: vec![article], problems, skipped: None }
}

/// The metadata found in a page.
#[derive(Debug, Default)]
struct Meta {
    /// `(key, content)` of every `<meta>` with a `name`, `property` or `itemprop`; keys lowercase.
    tags: Vec<(String, String)>,
    title: Option<String>,
    h1: Option<String>,
    time: Option<String>,
    canonical: Option<String>,
    language: Option<String>,
    ld_headline: Option<String>,
    ld_published: Option<String>,
    ld_authors: Vec<String>,
}

impl Meta {
    fn collect(document: &Html) -> Meta {
        let mut meta = Meta::default();
        let root = document.root_element();
        meta.language = root.attr("lang").map(collapse).filter(|l| !l.is_empty());
        for element in root.descendent_elements() {
            let e = element.value();
            match e.name() {
                "meta" => {
                    let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, e.attr("content")) {
                        let content = collapse(content);
                        if !content.is_empty() {
                            meta.tags.push((key.trim().to_ascii_lowercase(), content));
                        }
                    } else if e.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                    {
                        meta.language = meta.language.take().or(e.attr("content").map(collapse));
                    }
                }
                "title" if meta.title.is_none() && !inside(element, "svg") => {
                    meta.title =
                        Some(collapse(&element.text().collect::<String>())).filter(|t| !t.is_empty());
                }
                "h1" if meta.h1.is_none() => {
                    meta.h1 = Some(collapse(&element.text().collect::<String>())).filter(|t| !t.is_empty());
                }
                "time" if meta.time.is_none() => meta.time = e.attr("datetime").map(collapse),
                "link" if meta.canonical.is_none() => {
                    let canonical = e.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        meta.canonical = e.attr("href").map(collapse).filter(|h| !h.is_empty());
                    }
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    if let Ok(value) = serde_json::from_str::<Value>(&element.text().collect::<String>()) {
                        meta.linked_data(&value);
                    }
                }
                _ => {}
            }
        }
        meta
    }

    /// Takes headline, publication date and authors from a JSON-LD object (or `@graph` or array
    /// of them) that has them, when none was found before.
    fn linked_data(&mut self, value: &Value) {
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.linked_data(v)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.linked_data(graph);
                }
                let text =
                    |k: &str| map.get(k).and_then(Value::as_str).map(collapse).filter(|s| !s.is_empty());
                if self.ld_published.is_none() {
                    self.ld_published = text("datePublished");
                }
                if self.ld_headline.is_none() && map.contains_key("datePublished") {
                    self.ld_headline = text("headline");
                }
                if self.ld_authors.is_empty() {
                    let authors = match map.get("author") {
                        Some(Value::Array(items)) => items.iter().filter_map(person_name).collect(),
                        Some(one) => person_name(one).into_iter().collect(),
                        None => Vec::new(),
                    };
                    self.ld_authors = authors;
                }
            }
            _ => {}
        }
    }

    /// Every content of meta key `key` (lowercase), in page order.
    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = String> + 'a {
        self.tags.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// The content of the first key of `keys` present.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.all(k).next())
    }
}

/// `title` without a trailing " | Site", " - Site" or " — Site" naming the site, as `<title>`
/// elements usually carry.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A JSON-LD author: a string or an object with a `name`.
fn person_name(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(s) => s.as_str(),
        Value::Object(map) => map.get("name")?.as_str()?,
        _ => return None,
    };
    Some(collapse(name)).filter(|n| !n.is_empty())
}

/// Whether `element` has an ancestor named `name`.
fn inside(element: ElementRef<'_>, name: &str) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == name)
}

/// The main text: `<article>` (the longest, when a page has several), else `<main>`, else
/// `<body>`, as paragraphs separated by blank lines.
fn main_text(document: &Html) -> String {
    let root = document.root_element();
    let pick = |name: &str| {
        root.descendent_elements()
            .filter(|e| e.value().name() == name && !skipped_ancestor(*e))
            .map(paragraphs)
            .filter(|p| !p.is_empty())
            .max_by_key(|p| p.iter().map(String::len).sum::<usize>())
    };
    let paras =
        pick("article").or_else(|| pick("main")).or_else(|| pick("body")).unwrap_or_else(|| paragraphs(root));
    paras.join("\n\n")
}

/// Whether an element sits inside a subtree that is never article text (an `<article>` teaser
/// inside an `<aside>`).
fn skipped_ancestor(element: ElementRef<'_>) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(|a| SKIPPED.contains(&a.value().name()))
}

/// The paragraphs of `element`: block elements split, whitespace collapsed, empty ones dropped.
fn paragraphs(element: ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    walk(element, &mut current, &mut out);
    flush(&mut current, &mut out);
    out
}

/// Appends the text under `element` to `current`, moving each finished paragraph to `out`.
///
/// A walk of the tree's edges, not a recursion: a page nesting elements tens of thousands deep
/// overflowed the stack of a reading thread and aborted the whole indexing run.
fn walk(element: ElementRef<'_>, current: &mut String, out: &mut Vec<String>) {
    // The element whose subtree is being passed over, if any.
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() || node.id() == element.id() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => current.push_str(text),
                    Node::Element(e) => {
                        let name = e.name();
                        if SKIPPED.contains(&name)
                            || e.attr("hidden").is_some()
                            || e.attr("aria-hidden") == Some("true")
                        {
                            skipping = Some(node.id());
                        } else if name == "br" {
                            current.push(' ');
                            skipping = Some(node.id());
                        } else if BLOCKS.contains(&name) {
                            flush(current, out);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping.is_some() {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    }
                    continue;
                }
                if node.id() == element.id() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if BLOCKS.contains(&name) {
                        flush(current, out);
                    } else if matches!(name, "img" | "input" | "wbr") {
                        current.push(' ');
                    }
                }
            }
        }
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let para = collapse(current);
    if !para.is_empty() {
        out.push(para);
    }
    current.clear();
}

/// `text` with every run of white space (including non-breaking spaces) turned into one space,
/// trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <title>Harbour talks | The Coastal Ledger</title>
  <meta property="og:title" content="Harbour talks resume after a long pause">
  <meta property="og:site_name" content="The Coastal Ledger">
  <meta property="og:url" content="https://ledger.example/og">
  <link rel="canonical" href="https://ledger.example/harbour-talks">
  <meta property="article:published_time" content="2024-03-05T22:30:00-05:00">
  <meta name="author" content="Ada Writer">
  <meta name="author" content="Bo Reporter">
  <meta name="description" content="Negotiators met again on Tuesday.">
  <style>p { color: red }</style>
  <script>var tracking = "do not index me";</script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <article>
    <header><h1>Harbour talks resume</h1><p class="byline">By Ada Writer</p></header>
    <p>Negotiators from the two port cities met again on Tuesday,
       after a pause of   six&nbsp;months.</p>
    <h2>What is at stake</h2>
    <p>The dispute concerns <b>fishing</b> rights<br>and a shared lighthouse.</p>
    <ul><li>Quotas for trawlers.</li><li>Maintenance of the beacon.</li></ul>
    <blockquote><p>"We are close," one envoy said.</p></blockquote>
    <aside>Related: other stories you may like</aside>
    <form><input name="q"><button>Search</button></form>
    <figure><img src="x.png"><figcaption>The lighthouse at dusk.</figcaption></figure>
  </article>
  <footer>Copyright the Ledger</footer>
</body>
</html>"#;

    #[test]
    fn metadata_and_main_text() {
        let r = read(Path::new("pages/harbour.html"), PAGE);
        assert!(r.skipped.is_none() && r.problems.is_empty(), "{:?} {:?}", r.skipped, r.problems);
        let a = &r.articles[0];
        assert_eq!(a.id, "pages/harbour");
        assert_eq!(a.title, "Harbour talks resume after a long pause");
        assert_eq!(a.source.as_deref(), Some("The Coastal Ledger"));
        assert_eq!(a.url.as_deref(), Some("https://ledger.example/harbour-talks"));
        // The calendar date in the article's own offset, not UTC's next day.
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(a.authors, ["Ada Writer", "Bo Reporter"]);
        assert_eq!(a.summary.as_deref(), Some("Negotiators met again on Tuesday."));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.origin, BodyOrigin::Derived);
        assert_eq!(
            a.body,
            "Negotiators from the two port cities met again on Tuesday, after a pause of six months.\n\n\
             What is at stake\n\n\
             The dispute concerns fishing rights and a shared lighthouse.\n\n\
             Quotas for trawlers.\n\n\
             Maintenance of the beacon.\n\n\
             \"We are close,\" one envoy said.\n\n\
             The lighthouse at dusk."
        );
    }

    #[test]
    fn fallbacks_title_time_main_and_og_url() {
        let page = r#"<html><head><title> A  quiet
            election | Hill Times</title><meta property="og:site_name" content="Hill Times"><meta property="og:url" content="https://x.example/a">
            <meta name="article:id" content="X-17"></head>
            <body><nav>Menu</nav><main><p>Voters queued <i>early</i>.</p>
            <p><time datetime="2023-11-02">2 November</time> was cold.</p></main>
            <div>Sidebar text outside main.</div></body></html>"#;
        let r = read(Path::new("b.htm"), page);
        let a = &r.articles[0];
        assert_eq!(a.id, "X-17");
        assert_eq!(a.title, "A quiet election");
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2023-11-02"));
        assert_eq!(a.body, "Voters queued early.\n\n2 November was cold.");
    }

    #[test]
    fn h1_title_body_fallback_and_json_ld() {
        let page = r#"<html><body><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge reopens after repairs",
             "datePublished":"2022-07-14T08:00:00+02:00","author":[{"@type":"Person","name":"Cy Author"}]}
            </script><div class="c"><h1>Bridge reopens</h1>Traffic flowed again<br>by noon.</div></body></html>"#;
        let r = read(Path::new("c.html"), page);
        let a = &r.articles[0];
        // The JSON-LD headline is preferred to the first <h1>.
        assert_eq!(a.title, "Bridge reopens after repairs");
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-07-14"));
        assert_eq!(a.authors, ["Cy Author"]);
        assert_eq!(a.body, "Bridge reopens\n\nTraffic flowed again by noon.");

        let plain = "<html><body><h1>Only a heading</h1><p>And text.</p></body></html>";
        assert_eq!(read(Path::new("d.html"), plain).articles[0].title, "Only a heading");
    }

    #[test]
    fn pages_without_text_are_skipped_and_bad_dates_reported() {
        let chrome = "<html><body><nav>Home News</nav><footer>Contact</footer></body></html>";
        assert!(matches!(read(Path::new("e.html"), chrome).skipped, Some(SkipReason::Malformed(_))));
        let empty = "<html><head><title></title></head><body>  </body></html>";
        assert_eq!(read(Path::new("f.html"), empty).skipped, Some(SkipReason::Empty));
        let bad =
            r#"<html><head><meta name="date" content="last Tuesday"></head><body><p>Text.</p></body></html>"#;
        let r = read(Path::new("g.html"), bad);
        assert_eq!(r.articles[0].published, None);
        assert!(r.problems[0].message.contains("last Tuesday"));
    }

    #[test]
    fn a_page_nested_thousands_deep_is_read_on_a_small_stack() {
        // A recursive walk of 20,000 nested elements overflowed a reading thread's stack and
        // aborted the whole run; a quarter of a megabyte is well under a thread's default. (The
        // parse of 50,000 took seconds before the nesting was capped; now it takes milliseconds.)
        let depth = 50_000;
        let page = format!(
            "<html><body>{}<p>Blinken said it in Seoul.</p><p>Then he left.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let read = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || read(Path::new("deep.html"), &page))
            .expect("a thread starts")
            .join()
            .expect("no stack overflow");
        assert_eq!(read.articles.len(), 1);
        assert_eq!(read.articles[0].body, "Blinken said it in Seoul.\n\nThen he left.");
    }
}
