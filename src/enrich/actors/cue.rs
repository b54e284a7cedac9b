//! The word right before a lone surname, and what it says of the person: "Mr. Obama" is a man,
//! "President Obama" held that office.

use crate::enrich::gazetteer::Cues;

/// The capitalised word right before a lone surname, lower-case ("" when there is none).
pub(super) struct SurnameCue<'a> {
    word: String,
    cues: &'a Cues,
}

impl<'a> SurnameCue<'a> {
    /// The cue before byte `at` of `body`, across spaces and a period ("Mr. Obama"). A word in
    /// lower case is none: "Polls miss Trump's fall" has no "Miss" before Trump.
    pub fn before(body: &str, at: usize, cues: &'a Cues) -> SurnameCue<'a> {
        let word = word_before(body, at);
        let word = if word.starts_with(char::is_uppercase) { word.to_lowercase() } else { String::new() };
        SurnameCue { word, cues }
    }

    /// True when the cue gives a person of the name `name` the wrong sex: "Mr." for a name
    /// opening with a woman's given name, "Mrs." for a man's.
    pub fn contradicts(&self, name: &str) -> bool {
        let Some(first) = name.split(' ').next().map(str::to_lowercase) else { return false };
        let (female, male) = (self.cues.female.contains(&first), self.cues.male.contains(&first));
        (female && !male && self.cues.male.contains(&self.word))
            || (male && !female && self.cues.female.contains(&self.word))
    }

    /// True when the cue is an office that `role` names ("President" in "US President").
    pub fn names_office(&self, role: Option<&str>) -> bool {
        self.cues.titles.contains(&self.word)
            && role.is_some_and(|r| r.split([' ', '-']).any(|w| w.eq_ignore_ascii_case(&self.word)))
    }
}

/// True when two names share their first and last words, differing at most by middle names
/// ("John F. Kerry" and "John Kerry").
pub(super) fn same_ends(a: &str, b: &str) -> bool {
    a.split(' ').next() == b.split(' ').next() && a.rsplit(' ').next() == b.rsplit(' ').next()
}

/// The word right before byte `at` of `body`, across spaces and without a period ("Mr" for
/// "Mr. Obama"), or "" when another character comes first.
fn word_before(body: &str, at: usize) -> &str {
    let before = body[..at].trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}
