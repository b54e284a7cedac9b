//! Parsing and validating `topics.toml` into the tables the classifier scans with.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};

/// The config file's name.
pub(super) const FILE: &str = "topics.toml";

/// A topic of the taxonomy.
#[derive(Debug)]
pub(super) struct Topic {
    pub(super) id: String,
    pub(super) label: String,
}

/// One automaton pattern: how it must match and which topics it feeds.
#[derive(Debug)]
pub(super) struct Pattern {
    /// `true` for a `word*` phrase: the last word may continue (`sanction*` matches
    /// "sanctioned").
    pub(super) prefix: bool,
    /// The phrase as written, when it must match with exact case (acronyms such as `WHO`).
    pub(super) exact: Option<String>,
    /// Written with a capital (`Christian*`, `Olympic*`): a name itself, which counts inside a
    /// person's name too.
    pub(super) capitalised: bool,
    /// `(topic index, weight, strong)` for each topic listing this phrase.
    pub(super) feeds: Vec<(usize, f32, bool)>,
}

/// `[settings]`: how scores become topics (documented in `topics.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    pub(super) threshold: f32,
    pub(super) reference_words: f32,
    pub(super) relative_cut: f32,
    pub(super) max_topics: usize,
    pub(super) without_strong: f32,
}

/// The parsed taxonomy: topics, the automaton's phrases and, aligned with them, their patterns.
#[derive(Debug)]
pub(super) struct Taxonomy {
    pub(super) topics: Vec<Topic>,
    pub(super) phrases: Vec<String>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) settings: Settings,
}

/// `[weights]`: the weight of each tier.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Weights {
    strong: f32,
    medium: f32,
    weak: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    settings: Settings,
    weights: Weights,
    #[serde(default)]
    topic: Vec<TopicSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicSpec {
    id: Spanned<String>,
    label: String,
    /// Documentation for the analyst editing the file; not used by the program.
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    #[serde(default)]
    strong: Vec<Spanned<String>>,
    #[serde(default)]
    medium: Vec<Spanned<String>>,
    #[serde(default)]
    weak: Vec<Spanned<String>>,
}

/// Parses the text of a `topics.toml`.
///
/// # Errors
/// A config error naming the line of the first problem.
pub(super) fn parse(text: &str) -> Result<Taxonomy> {
    let spec: FileSpec = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| format!("line {}: ", line_of(text, s.start))).unwrap_or_default();
        Error::config(FILE, format!("{at}{}", e.message().replace('\n', " ")))
    })?;
    let err =
        |offset: usize, what: String| Error::config(FILE, format!("line {}: {what}", line_of(text, offset)));
    let s = &spec.settings;
    if !(s.threshold > 0.0
        && s.reference_words > 0.0
        && s.without_strong >= 1.0
        && (0.0..=1.0).contains(&s.relative_cut))
    {
        return Err(Error::config(
            FILE,
            "[settings]: threshold and reference_words must be positive, without_strong at least 1, relative_cut in 0..=1",
        ));
    }
    let w = &spec.weights;
    if ![w.strong, w.medium, w.weak].iter().all(|x| x.is_finite() && *x > 0.0) {
        return Err(Error::config(FILE, "[weights]: strong, medium and weak must be positive"));
    }

    let mut topics: Vec<Topic> = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (t, spec) in spec.topic.iter().enumerate() {
        let id = spec.id.get_ref();
        if !valid_id(id) {
            return Err(err(
                spec.id.span().start,
                format!("topic id `{id}` must be lowercase ASCII words joined by hyphens"),
            ));
        }
        if topics.iter().any(|other| other.id == *id) {
            return Err(err(spec.id.span().start, format!("topic id `{id}` is defined twice")));
        }
        if spec.label.trim().is_empty() {
            return Err(err(spec.id.span().start, format!("topic `{id}` has an empty label")));
        }
        if spec.strong.is_empty() && spec.medium.is_empty() {
            return Err(err(spec.id.span().start, format!("topic `{id}` needs strong or medium phrases")));
        }
        topics.push(Topic { id: id.clone(), label: spec.label.trim().to_string() });
        let tiers =
            [(&spec.strong, w.strong, true), (&spec.medium, w.medium, false), (&spec.weak, w.weak, false)];
        for (list, weight, strong) in tiers {
            for phrase in list {
                let raw = phrase.get_ref();
                let (body, prefix) = match raw.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (raw.as_str(), false),
                };
                if body.trim().is_empty() || body != body.trim() || body.contains("  ") || body.contains('*')
                {
                    return Err(err(
                        phrase.span().start,
                        format!(
                            "phrase `{raw}` of `{id}`: words separated by single spaces, `*` only at the end"
                        ),
                    ));
                }
                let exact = is_acronym(body).then(|| body.to_string());
                // Typographic apostrophes are as common as ASCII ones in news text.
                let mut forms = vec![body.to_string()];
                if body.contains('\'') {
                    forms.push(body.replace('\'', "\u{2019}"));
                }
                for form in forms {
                    let exact = exact.as_ref().map(|_| form.clone());
                    let key = format!(
                        "{}{}{}",
                        form.to_lowercase(),
                        if prefix { "*" } else { "" },
                        if exact.is_some() { "!" } else { "" }
                    );
                    let capitalised = form.starts_with(char::is_uppercase);
                    let p = *index.entry(key).or_insert_with(|| {
                        phrases.push(form.clone());
                        patterns.push(Pattern { prefix, exact, capitalised, feeds: Vec::new() });
                        patterns.len() - 1
                    });
                    patterns[p].capitalised |= capitalised;
                    match patterns[p].feeds.iter_mut().find(|feed| feed.0 == t) {
                        // A phrase listed twice in one topic keeps its highest weight.
                        Some(feed) => {
                            feed.1 = feed.1.max(weight);
                            feed.2 |= strong;
                        }
                        None => patterns[p].feeds.push((t, weight, strong)),
                    }
                }
            }
        }
    }
    Ok(Taxonomy { topics, phrases, patterns, settings: spec.settings })
}

/// Lowercase ASCII words joined by single hyphens (`arms-transfers`), so `topic:ID` is one
/// query term.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// A phrase written in capitals (at least two, no lowercase letter) is an acronym and must match
/// with exact case: `WHO` is not "who", `AIDS` is not "aids".
fn is_acronym(phrase: &str) -> bool {
    phrase.chars().filter(|c| c.is_uppercase()).count() >= 2 && !phrase.chars().any(char::is_lowercase)
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[settings]\nthreshold = 3.0\nreference_words = 50\nrelative_cut = 0.2\n\
                        max_topics = 3\nwithout_strong = 2.0\n\
                        [weights]\nstrong = 3.0\nmedium = 1.5\nweak = 0.5\n\
                        [[topic]]\nid = \"rail-strikes\"\nlabel = \"Rail strikes\"\n\
                        strong = [\"walkout*\", \"signal box\"]\nmedium = [\"rail\", \"drivers' union\"]\n\
                        [[topic]]\nid = \"trains\"\nlabel = \"Trains\"\nstrong = [\"rail\"]\n";

    fn error(text: &str) -> String {
        parse(text).map(|_| ()).unwrap_err().to_string()
    }

    #[test]
    fn phrases_are_shared_and_get_apostrophe_variants() {
        let t = parse(GOOD).expect("parses");
        assert_eq!(t.topics.len(), 2);
        assert_eq!(t.phrases.len(), t.patterns.len());
        // "rail" serves both topics through one pattern, strong in one and medium in the other.
        let rail = t.phrases.iter().position(|p| p == "rail").expect("rail is a phrase");
        assert_eq!(t.patterns[rail].feeds, [(0, 1.5, false), (1, 3.0, true)]);
        assert!(t.phrases.iter().any(|p| p == "drivers\u{2019} union"));
        let walkout = t.phrases.iter().position(|p| p == "walkout").expect("walkout is a phrase");
        assert!(t.patterns[walkout].prefix && t.patterns[walkout].exact.is_none());
    }

    #[test]
    fn malformed_files_name_the_line() {
        let e = error(&GOOD.replace("id = \"trains\"", "id = \"Trains Topic\""));
        assert!(e.contains("topics.toml") && e.contains("line 17") && e.contains("Trains Topic"), "{e}");
        let e = error(&GOOD.replace("id = \"trains\"", "id = \"rail-strikes\""));
        assert!(e.contains("line 17") && e.contains("defined twice"), "{e}");
        let e = error(&GOOD.replace("\"signal box\"", "\"signal  box\""));
        assert!(e.contains("line 14") && e.contains("signal  box"), "{e}");
        let e = error(&GOOD.replace("\"walkout*\"", "\"walk*out\""));
        assert!(e.contains("line 14") && e.contains("walk*out"), "{e}");
        let e = error(&GOOD.replace("threshold = 3.0", "threshold = "));
        assert!(e.contains("line 2"), "{e}");
        let e = error(&GOOD.replace("label = \"Trains\"", "label = \"Trains\"\nlabels = \"x\""));
        assert!(e.contains("line 19") && e.contains("labels"), "{e}");
        let e = error(&GOOD.replace("strong = [\"rail\"]", "weak = [\"rail\"]"));
        assert!(e.contains("needs strong or medium"), "{e}");
        assert!(error(&GOOD.replace("relative_cut = 0.2", "relative_cut = 2.0")).contains("relative_cut"));
    }
}
