//! Transcripts quoted line by line: `"PENCE: Well, the question really should be …"`.
//!
//! A quotation that opens with a speaker's label in capitals and a colon is a line of a transcript,
//! and the label names its speaker better than any attribution around it (these lines usually
//! follow "Partial transcript as follows:", whose subject is the reporter's). A heading in
//! capitals ("VIDEO:", "UPDATE:") looks the same, so a label only counts when it is a speaker's:
//! it labels two or more of the article's quotations, or it is the family name of a person the
//! article names.

use crate::article::Span;
use crate::enrich::actors::{Actor, ActorKind};

/// Longest label read, in words ("SEN. TIM KAINE").
const MAX_WORDS: usize = 3;

/// The labels of `quotes` (each a quotation's text, as in the body) that name their speakers, as
/// spans relative to the start of their quotation; `None` where a quotation has no such label.
/// `actors` are the article's actors.
pub(super) fn speaker_labels(quotes: &[&str], actors: &[Actor]) -> Vec<Option<Span>> {
    let labels: Vec<Option<Span>> = quotes.iter().map(|q| label(q)).collect();
    let written = |i: usize| labels[i].map(|l| &quotes[i][l.start..l.end]);
    let family_name_of_a_person = |label: &str| {
        let family = label.rsplit(' ').next().unwrap_or(label);
        actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .any(|a| a.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(family)))
    };
    (0..quotes.len())
        .map(|i| {
            let this = written(i)?;
            let repeated = (0..quotes.len()).filter(|&j| written(j) == Some(this)).count() >= 2;
            (repeated || family_name_of_a_person(this)).then(|| labels[i]).flatten()
        })
        .collect()
}

/// The label opening a quotation's `text`: one to [`MAX_WORDS`] words in capitals (letters, and
/// an abbreviation's dot, an apostrophe or a hyphen), the first of two letters or more, followed
/// by a colon and a space.
fn label(text: &str) -> Option<Span> {
    let colon = text.find(':')?;
    let head = &text[..colon];
    let after_colon = text[colon + 1..].chars().next();
    if !after_colon.is_some_and(char::is_whitespace) {
        return None;
    }
    // At most one word more than a label may hold: a colon deep in a long quotation costs no
    // list of all the words before it.
    let words: Vec<&str> = head.split(' ').take(MAX_WORDS + 1).collect();
    let capitals = |w: &str| {
        w.chars().any(|c| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
    };
    let first_letters = words[0].chars().filter(char::is_ascii_uppercase).count();
    (words.len() <= MAX_WORDS && first_letters >= 2 && words.iter().all(|w| capitals(w)))
        .then(|| Span::new(0, colon))
}

/// A label as a name: "WALLACE" is written "Wallace", "SEN. TIM KAINE" "Sen. Tim Kaine".
pub(super) fn as_name(label: &str) -> String {
    let mut name = String::with_capacity(label.len());
    let mut word_start = true;
    for c in label.chars() {
        if word_start {
            name.push(c);
        } else {
            name.extend(c.to_lowercase());
        }
        word_start = c == ' ' || c == '-';
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    /// A person known by name alone: labels are read against names, not mentions.
    fn person(name: &str) -> Actor {
        let name = name.to_string();
        Actor { name, kind: ActorKind::Person, code: None, country: None, role: None, mentions: Vec::new() }
    }

    fn labels(quotes: &[&str], actors: &[Actor]) -> Vec<Option<String>> {
        speaker_labels(quotes, actors)
            .into_iter()
            .zip(quotes)
            .map(|(l, q)| l.map(|l| q[l.start..l.end].to_string()))
            .collect()
    }

    #[test]
    fn a_label_repeated_or_naming_a_person_is_a_speaker() {
        let quotes = [
            "HOST: Let us start with the news of the day.",
            "VIDEO: They told me it was a video when they knew it was not.",
            "KRAMER: Well, the question really should be why.",
            "HOST: Do you really see those two as equivalent?",
        ];
        let found = labels(&quotes, &[person("Anna Kramer")]);
        assert_eq!(found, [Some("HOST".into()), None, Some("KRAMER".into()), Some("HOST".into())]);
        assert_eq!(labels(&quotes[1..3], &[]), [None, None], "once, and nobody's name");
    }

    #[test]
    fn only_a_short_label_in_capitals_before_a_colon_and_space() {
        for text in [
            "The rule: nobody leaves the room.",
            "A: yes, we will, the minister said.",
            "NOTE:the room was full of people.",
            "THE VERY LONG HEADING HERE: something else entirely.",
            "no colon in these words at all",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
        assert_eq!(label("SEN. TIM KAINE: I will not."), Some(Span::new(0, 14)));
        assert_eq!(label("O'BRIEN: We are ready."), Some(Span::new(0, 7)));
    }

    #[test]
    fn labels_read_as_names() {
        assert_eq!(as_name("WALLACE"), "Wallace");
        assert_eq!(as_name("SEN. TIM KAINE"), "Sen. Tim Kaine");
        assert_eq!(as_name("JEAN-PIERRE"), "Jean-Pierre");
    }
}
