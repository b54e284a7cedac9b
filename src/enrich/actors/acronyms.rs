//! Acronyms an article defines: "Human Rights Watch (HRW) said …; HRW added" names the
//! organisation twice, though the gazetteer does not know "HRW".

use super::{link, ActorKind, Collector, Mention};

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
    for (idx, at) in defined {
        let Some(acronym) = text.get(at..).and_then(|rest| rest.split(')').next()) else {
            continue;
        };
        let claimed: Vec<(usize, usize)> = col
            .found
            .iter()
            .flat_map(|f| f.actor.mentions.iter())
            .filter(|m| m.field == field)
            .map(|m| (m.start, m.end))
            .collect();
        let free = |start: usize, end: usize| claimed.iter().all(|&(s, e)| end <= s || e <= start);
        for (start, _) in text.match_indices(acronym).filter(|&(start, _)| start >= at) {
            let end = start + acronym.len();
            let alone = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if alone && free(start, end) {
                let text = acronym.to_string();
                link(col, idx, Mention { start, end, text, metonym: false, field });
            }
        }
    }
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
}
