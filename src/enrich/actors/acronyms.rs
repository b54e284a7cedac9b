//! Acronyms an article defines: "Human Rights Watch (HRW) said …; HRW added" names the
//! organisation twice, though the gazetteer does not know "HRW".

use std::collections::{BTreeSet, HashMap};

use super::collector::{link, Collector};
use super::{ActorKind, Mention};

/// Adds, for each organisation mention of `field` that `text` follows with an acronym in
/// brackets, every later whole-word occurrence of that acronym that no actor claims yet as a
/// mention of the organisation (the bracketed definition too).
///
/// An acronym is 2 to 8 capital letters whose first is the first letter of the organisation's
/// name as written (after "the"), so that "(ZTA)" after "Zimbabwe Tourism Authority" is one,
/// and a ticker or a country's code after a company's name ("Acme Corp (USA)") usually is not.
pub(super) fn link_defined(text: &str, field: Option<&'static str>, col: &mut Collector) {
    let mut defined: Vec<(usize, usize)> = Vec::new();
    for (idx, found) in col.found.iter().enumerate() {
        if found.actor.kind != ActorKind::Organization {
            continue;
        }
        for m in found.actor.mentions.iter().filter(|m| m.field == field) {
            if let Some(at) = definition(text, m) {
                defined.push((idx, at));
            }
        }
    }
    if defined.is_empty() {
        return;
    }
    // Every mention of `field` claims its span; links claim theirs as they are made.
    let mut claims = Claims::default();
    for m in col.found.iter().flat_map(|f| f.actor.mentions.iter()).filter(|m| m.field == field) {
        claims.insert(m.start, m.end);
    }
    // For each acronym, where the text from which its occurrences have all been looked at starts:
    // those occurrences are linked or claimed, and claims only grow, so an acronym defined again
    // (a feed of many articles defines "UN" hundreds of times) looks only before that point.
    let mut looked_from: HashMap<&str, usize> = HashMap::new();
    for (idx, at) in defined {
        let Some(acronym) = text.get(at..).and_then(|rest| rest.split(')').next()) else {
            continue;
        };
        let until = looked_from.get(acronym).copied().unwrap_or(text.len());
        if at >= until {
            continue;
        }
        looked_from.insert(acronym, at);
        // An acronym is letters: an occurrence inside a run of letters (where occurrences could
        // overlap) is never alone, so looking from `at` finds the same ones as from the start.
        for (offset, _) in text[at..].match_indices(acronym) {
            let start = at + offset;
            if start >= until {
                break;
            }
            let end = start + acronym.len();
            let alone = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if alone && claims.free(start, end) {
                let text = acronym.to_string();
                link(col, idx, Mention { start, end, text, metonym: false, field });
                claims.insert(start, end);
            }
        }
    }
}

/// The spans that mentions claim, for the question whether a span overlaps any.
#[derive(Default)]
struct Claims {
    /// `(start, end)` of each claimed span.
    spans: BTreeSet<(usize, usize)>,
    /// The longest span's length: a span starting further back ends before the one asked about.
    longest: usize,
}

impl Claims {
    fn insert(&mut self, start: usize, end: usize) {
        self.spans.insert((start, end));
        self.longest = self.longest.max(end.saturating_sub(start));
    }

    /// Whether no claimed span overlaps `start..end`.
    fn free(&self, start: usize, end: usize) -> bool {
        let from = start.saturating_sub(self.longest);
        !self.spans.range((from, 0)..(end, 0)).any(|&(s, e)| s < end && e > start)
    }
}

/// Reconciles an organisation the article names only by an acronym with an organisation it
/// names in full whose initials the acronym spells. When the two names are one name spelled two
/// ways ("Organisation of Petroleum Exporting Countries"), the full name's mentions go to the
/// acronym's organisation, as the gazetteer spells it. Otherwise the acronym is the article's
/// organisation: "EC", beside the "Election Commission" of Nepal, is that commission and not the
/// European Commission the gazetteer knows as "EC". Only the mentions of `field` move.
pub(super) fn link_initials(field: Option<&'static str>, col: &mut Collector) {
    let acronym_only = |actor: &super::Actor| {
        let first = actor.mentions.first()?;
        let only = actor.kind == ActorKind::Organization
            && is_acronym(&first.text)
            && actor.mentions.iter().all(|m| m.text == first.text);
        only.then(|| first.text.clone())
    };
    for a in 0..col.found.len() {
        let Some(acronym) = acronym_only(&col.found[a].actor) else { continue };
        let spelled = col.found.iter().position(|f| {
            f.actor.kind == ActorKind::Organization
                && f.actor.mentions.iter().any(|m| !is_acronym(&m.text))
                && initials(&f.actor.name) == acronym
        });
        let Some(b) = spelled.filter(|&b| b != a) else { continue };
        let (from, to) =
            if same_name(&col.found[a].actor.name, &col.found[b].actor.name) { (b, a) } else { (a, b) };
        let (moved, kept): (Vec<Mention>, Vec<Mention>) =
            col.found[from].take_mentions().into_iter().partition(|m| m.field == field);
        col.found[from].set_mentions(kept);
        for m in moved {
            link(col, to, m);
        }
    }
}

/// Two spellings of one name: "Organisation of Petroleum Exporting Countries" and "Organization
/// of the Petroleum Exporting Countries", "Co-operation" and "Cooperation".
fn same_name(a: &str, b: &str) -> bool {
    let plain = |name: &str| name.to_lowercase().replace("the ", "").replace('-', "");
    strsim::normalized_damerau_levenshtein(&plain(a), &plain(b)) >= 0.85
}

/// 2 to 6 capital letters.
fn is_acronym(text: &str) -> bool {
    (2..=6).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The first letters of a name's capitalised words ("EC" for "Election Commission", "CII" for
/// "Confederation of Indian Industry").
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Where the acronym defined right after mention `m` starts (" (HRW)"), if one is.
fn definition(text: &str, m: &Mention) -> Option<usize> {
    let rest = text.get(m.end..)?;
    let inner = rest.strip_prefix(" (")?;
    let acronym = &inner[..inner.find(')')?];
    let initial = m.text.strip_prefix("the ").unwrap_or(&m.text).bytes().next()?;
    let ok = (2..=8).contains(&acronym.len())
        && acronym.bytes().all(|b| b.is_ascii_uppercase())
        && acronym.as_bytes()[0] == initial.to_ascii_uppercase();
    ok.then_some(m.end + 2)
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::config::Config;
    use crate::enrich::actors::{ActorExtractor, ActorKind};

    fn mentions_of(body: &str, name: &str) -> Vec<String> {
        let extractor = ActorExtractor::from_config(&Config::builtin()).expect("built-in gazetteer loads");
        let actors = extractor.extract(&Article::new("t", "t.txt", body));
        let actor = actors.iter().find(|a| a.name == name && a.kind == ActorKind::Organization);
        actor.map(|a| a.mentions.iter().map(|m| m.text.clone()).collect()).unwrap_or_default()
    }

    #[test]
    fn an_acronym_is_the_organisation_named_in_full_whose_initials_it_spells() {
        // Before: "EC" was the European Commission the gazetteer knows, beside Nepal's.
        let body = "Nepal's Election Commission met on Monday. The EC said the vote would be held.";
        assert_eq!(mentions_of(body, "Election Commission"), ["Election Commission", "EC"]);
        assert!(mentions_of(body, "European Commission").is_empty());
        // One name spelled two ways is the gazetteer's organisation.
        let body = "The Organisation of Petroleum Exporting Countries met. OPEC said output would rise.";
        let opec = "Organization of the Petroleum Exporting Countries";
        assert_eq!(mentions_of(body, opec), ["Organisation of Petroleum Exporting Countries", "OPEC"]);
        // An acronym no name spells keeps its organisation.
        let body = "The Election Board met. The EC said the vote would be held.";
        assert_eq!(mentions_of(body, "European Commission"), ["EC"]);
    }

    #[test]
    fn an_acronym_defined_in_brackets_names_the_organisation() {
        // Before: "ORWA" was nobody, and a quotation "ORWA said" had the acronym for speaker.
        let body = "The Oria River Watch Association (ORWA) said the dam leaks. ORWA will sue, and \
                    the BORWAS group agreed.";
        assert_eq!(
            mentions_of(body, "Oria River Watch Association"),
            ["Oria River Watch Association", "ORWA", "ORWA"]
        );
        // Not an acronym of the name: a code after it.
        let body = "The Oria River Watch Association (USA) said the dam leaks.";
        assert_eq!(mentions_of(body, "Oria River Watch Association"), ["Oria River Watch Association"]);
    }

    #[test]
    fn an_acronym_defined_again_links_its_earlier_occurrences_only_once() {
        // Two articles of one feed define "ORWA"; the occurrences between them and after them
        // are the association's once each.
        let one = "The Oria River Watch Association (ORWA) said the dam leaks. ORWA will sue.";
        let body = format!("{one}\n\n{one}\n\nORWA met.");
        assert_eq!(mentions_of(&body, "Oria River Watch Association").len(), 2 * 3 + 1);
    }

    #[test]
    fn a_span_is_free_when_no_claim_overlaps_it() {
        let mut claims = super::Claims::default();
        claims.insert(10, 40);
        claims.insert(50, 52);
        assert!(claims.free(0, 10) && claims.free(40, 50) && claims.free(52, 60));
        assert!(!claims.free(39, 41) && !claims.free(5, 11) && !claims.free(51, 70) && !claims.free(20, 21));
    }
}
