//! The fixed grammar words of attribution: titles, pronouns, particles, abbreviations and
//! function words. (Speech verbs, which an analyst extends, live in `speech-verbs.txt`.)

use std::sync::LazyLock;

use crate::enrich::hash::WordSet;

/// Words that may precede a name without being part of it (honorifics and offices).
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "sens", "rep", "reps",
    "representative", "gov", "governor", "president", "vice", "secretary", "minister", "prime",
    "foreign", "defense", "defence", "interior", "finance", "state", "general", "gen", "lt", "col",
    "maj", "capt", "adm", "admiral", "sgt", "chancellor", "king", "queen", "prince", "princess",
    "sheikh", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "speaker", "leader", "judge", "justice", "attorney", "mayor", "pope",
    "rev", "reverend", "father", "candidate", "nominee", "former", "deputy", "chief", "commander",
    "director", "premier", "democrat", "republican", "democratic", "gop", "house", "senate",
    "majority", "minority", "presidential", "pres", "sec", "congressman", "congresswoman",
    "councilman", "councilwoman", "host", "anchor", "reporter", "sheriff", "officer", "agent",
    "executive", "ceo", "founder", "co-founder", "analyst", "professor", "strategist", "adviser",
    "advisor", "aide", "manager", "pastor", "bishop", "cardinal", "rabbi", "imam",
];

/// Lower-case words that may stand between a subject and its speech verb ("he later said").
#[rustfmt::skip]
pub(super) const ADVERBS: &[&str] = &[
    "also", "later", "then", "has", "had", "have", "would", "will", "did", "does", "once", "again",
    "previously", "recently", "earlier", "further", "simply", "flatly", "first", "often", "still",
    "just", "even", "never", "always", "had", "could", "might", "may", "should", "reportedly",
    "once", "told", "not", "now",
];

/// Prepositions after which a capitalised word is a place or an organisation, not the speaker
/// ("the senator from Vermont", "a spokesman for the Pentagon").
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] =
    &["of", "from", "for", "at", "in", "on", "with", "to", "by", "about", "during", "after", "before"];

/// Pronouns that attribute speech and are resolved to an earlier person.
#[rustfmt::skip]
pub(super) const PERSONAL: &[&str] = &["he", "she", "i", "we", "they"];

/// Particles that may sit inside a name ("Ban Ki-moon", "Bashar al-Assad", "Ursula von der Leyen").
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &["de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "di"];

/// Abbreviations whose period does not end a sentence.
#[rustfmt::skip]
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "sec", "sens", "reps",
];

/// Capitalised words that never start or end a name: function words at a sentence's start,
/// days and months.
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "if", "when", "while",
    "after", "before", "then", "this", "that", "these", "those", "it", "its", "his", "her", "their",
    "our", "my", "your", "we", "they", "he", "she", "i", "you", "according", "for", "from", "with",
    "by", "to", "of", "asked", "still", "now", "meanwhile", "however", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
    "yesterday", "tonight", "here", "there", "some", "many", "all", "both", "one", "what", "why",
    "how", "who", "where", "speaking", "asked", "like", "unlike", "since", "until", "during",
    "even", "only", "also", "just", "under", "over", "did", "does", "do", "not", "no", "yes",
    "later", "earlier", "separately", "instead", "afterwards", "previously", "recently", "finally",
    "although", "though", "because", "following", "despite", "whether", "amid", "regarding",
    "including", "considering",
];

/// [`NOT_NAMES`] as a set: the test runs on every capitalised word, too often for a list scan.
static NOT_NAMES_SET: LazyLock<WordSet> =
    LazyLock::new(|| NOT_NAMES.iter().map(|w| w.to_ascii_lowercase()).collect());

/// The longest word of [`NOT_NAMES`] fits this buffer (a test checks).
const NOT_NAME_MAX: usize = 16;

/// True when `word` is in [`NOT_NAMES`], ignoring ASCII case (as `lower_in(word, NOT_NAMES)`).
pub(super) fn not_name(word: &str) -> bool {
    let mut buf = [0u8; NOT_NAME_MAX];
    // A longer word is none of them.
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| NOT_NAMES_SET.contains(w))
}

/// Words that open a common noun phrase that may name a speaker ("the aide", "a spokesman").
#[rustfmt::skip]
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "one", "another", "some", "two", "three", "several", "many"];

/// True when `word` is in `list` (lower case), ignoring ASCII case.
pub(super) fn lower_in(word: &str, list: &[&str]) -> bool {
    // Comparing the first byte before the whole word rejects most entries at once.
    let Some(first) = word.as_bytes().first() else {
        return list.contains(&"");
    };
    list.iter().any(|w| {
        w.len() == word.len() && w.as_bytes()[0].eq_ignore_ascii_case(first) && w.eq_ignore_ascii_case(word)
    })
}

/// Irregular past forms and auxiliaries that may follow a subject.
#[rustfmt::skip]
pub(super) const VERBISH: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "may", "might",
    "must", "should", "did", "does", "do", "said", "told", "made", "took", "gave", "got", "went",
    "came", "thought", "saw", "knew", "wrote", "spoke", "met", "left", "ran", "won", "lost", "put",
    "set", "kept", "held", "brought", "felt", "found", "became", "began", "also", "then", "later",
    "never", "still", "just", "again", "already", "often", "once", "recently", "quickly", "himself",
    "herself", "themselves", "sent", "read", "shot", "hit", "cut", "let", "meant", "paid", "sought",
    "stood", "struck", "taught", "tweeted", "urged", "not", "too",
];

/// Connectives that may open a sentence before its subject ("But Cruz, who …").
#[rustfmt::skip]
pub(super) const CONNECTIVES: &[&str] = &[
    "but", "and", "so", "yet", "meanwhile", "however", "still", "now", "then", "also",
];

/// Auxiliaries and copulas: after one, a clause's subject is no longer the sentence's.
#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "said", "says",
    "that", "told", "thinks", "thought", "believes", "believed",
];

/// Conjunctions that open a new clause after a quotation rather than its attribution.
#[rustfmt::skip]
pub(super) const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "while", "until", "because", "when", "although", "though", "whereas",
    "unless", "since", "so", "if", "as",
];

/// Prepositions of place and time whose phrase, between a subject and its verb, is an adverbial
/// ("a staffer in the room said"), not the subject.
#[rustfmt::skip]
pub(super) const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "inside", "outside", "near", "during", "behind",
];

/// Modal verbs: a speech verb's form right before one (in lower case) is a noun or the verb of a
/// clause that is itself a subject ("states can", "what he said would"), not an attribution.
/// Copulas are not among them: in "who he noted was …", "he noted" does attribute.
#[rustfmt::skip]
pub(super) const MODALS: &[&str] = &[
    "can", "could", "will", "would", "shall", "should", "must", "may", "might",
];

/// Speech verbs whose object is the listener, not the speaker ("told MSNBC").
#[rustfmt::skip]
pub(super) const LISTENER_VERBS: &[&str] = &["told", "tells", "tell", "telling", "asked", "asks", "ask"];

/// Prepositions besides [`PREPOSITIONS`] after which a name is an object, not a subject ("into
/// the World Cup").
#[rustfmt::skip]
pub(super) const MORE_PREPOSITIONS: &[&str] = &[
    "into", "against", "toward", "towards", "under", "over", "between", "among", "through",
    "across", "than", "like", "via", "without", "within", "near", "onto", "upon", "amid", "despite",
    "including",
];

/// Words that open a subordinate clause or an adverbial phrase: a subject after one (and before
/// the comma closing the phrase) is not the main clause's.
#[rustfmt::skip]
pub(super) const SUBORDINATORS: &[&str] = &[
    "as", "because", "while", "when", "if", "although", "though", "since", "after", "before",
    "until", "whereas", "that", "which", "who", "whom", "where", "once", "unless", "whether",
];

/// Words of [`VERBISH`] that are adverbs or pronouns, not verbs.
#[rustfmt::skip]
pub(super) const NOT_VERBS: &[&str] = &[
    "also", "then", "later", "never", "still", "just", "again", "already", "often", "once",
    "recently", "quickly", "himself", "herself", "themselves", "not", "too",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_name_agrees_with_the_list() {
        assert!(NOT_NAMES.iter().all(|w| w.len() <= NOT_NAME_MAX));
        for w in ["The", "MONDAY", "afterwards", "Obama", "Theresa", "", "Ünter", "separatelyandmore"] {
            assert_eq!(not_name(w), lower_in(w, NOT_NAMES), "{w}");
        }
        assert!(not_name("However") && !not_name("Howard"));
    }
}
