//! The fixed grammar words of attribution: titles, pronouns, particles, abbreviations and
//! function words. (Speech verbs, which an analyst extends, live in `speech-verbs.txt`.)

use std::sync::OnceLock;

use crate::enrich::hash::WordBits;

/// Words that may precede a name without being part of it (honorifics and offices).
#[rustfmt::skip]
pub(super) static TITLES: Words = Words::new(0, &[
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
]);

/// Lower-case words that may stand between a subject and its speech verb ("he later said").
#[rustfmt::skip]
pub(super) static ADVERBS: Words = Words::new(1, &[
    "also", "later", "then", "has", "had", "have", "would", "will", "did", "does", "once", "again",
    "previously", "recently", "earlier", "further", "simply", "flatly", "first", "often", "still",
    "just", "even", "never", "always", "had", "could", "might", "may", "should", "reportedly",
    "once", "told", "not", "now", "only", "can", "must", "finally", "publicly", "privately",
    "repeatedly", "bluntly", "candidly", "quickly",
]);

/// Prepositions after which a capitalised word is a place or an organisation, not the speaker
/// ("the senator from Vermont", "a spokesman for the Pentagon").
#[rustfmt::skip]
pub(super) static PREPOSITIONS: Words = Words::new(2, &["of", "from", "for", "at", "in", "on", "with", "to", "by", "about", "during", "after", "before"]);

/// Pronouns that attribute speech and are resolved to an earlier person.
#[rustfmt::skip]
pub(super) static PERSONAL: Words = Words::new(3, &["he", "she", "i", "we", "they"]);

/// Particles that may sit inside a name ("Ban Ki-moon", "Bashar al-Assad", "Ursula von der Leyen").
#[rustfmt::skip]
pub(super) static PARTICLES: Words = Words::new(4, &["de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "di"]);

/// Abbreviations whose period does not end a sentence.
#[rustfmt::skip]
pub(super) static ABBREVIATIONS: Words = Words::new(5, &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "sec", "sens", "reps",
]);

/// Capitalised words that never start or end a name: function words at a sentence's start,
/// days and months.
#[rustfmt::skip]
pub(super) static NOT_NAMES: Words = Words::new(6, &[
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
    // Numbers and quantities open a phrase of people, and name none ("Six in 10 Republicans said").
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "dozens", "hundreds", "thousands", "millions",
]);

/// Nouns for what speaks for someone, heading a possessive phrase that attributes a quotation
/// ("Clinton's campaign", "the ministry's statement").
#[rustfmt::skip]
pub(super) static SPEAKING_NOUNS: Words = Words::new(7, &["campaign", "statement", "slogan", "answer", "response", "reply", "message", "letter", "ad", "website", "tweet", "office", "team", "lawyers", "aides", "spokespeople", "representatives"]);

/// Words that open a common noun phrase that may name a speaker ("the aide", "a spokesman").
#[rustfmt::skip]
pub(super) static DETERMINERS: Words = Words::new(8, &["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "one", "another", "some", "two", "three", "several", "many"]);

/// A fixed list of lower-case ASCII words, looked up ignoring ASCII case. The lists are
/// consulted for most words of an article, many times each: one table of all of them
/// ([`classes`], a [`WordBits`]) tells every list that holds a word at once, and an article's
/// text keeps each token's answer.
pub(super) struct Words {
    /// The list's bit among a word's [`classes`]: its place in [`ALL`].
    bit: u32,
    list: &'static [&'static str],
}

/// The longest word of any list fits this buffer (a test checks).
pub(super) const MAX_WORD: usize = 24;

impl Words {
    /// The list `list` (lower-case ASCII words), which is `ALL[bit]`.
    pub(super) const fn new(bit: u32, list: &'static [&'static str]) -> Words {
        Words { bit, list }
    }

    /// This list's bit among a word's [`classes`].
    pub(super) const fn mask(&self) -> u64 {
        1 << self.bit
    }

    /// True when `word` is in the list, ignoring ASCII case.
    pub(super) fn contains(&self, word: &str) -> bool {
        classes(word) & self.mask() != 0
    }
}

/// Every list, each at the place of its bit (a test checks).
static ALL: [&Words; 28] = [
    &TITLES,
    &ADVERBS,
    &PREPOSITIONS,
    &PERSONAL,
    &PARTICLES,
    &ABBREVIATIONS,
    &NOT_NAMES,
    &SPEAKING_NOUNS,
    &DETERMINERS,
    &VERBISH,
    &CONNECTIVES,
    &AUXILIARIES,
    &CONJUNCTIONS,
    &ADVERBIAL_PREPOSITIONS,
    &MODALS,
    &BE_FORMS,
    &PERIODICALS,
    &OBJECT_VERBS,
    &WEEKDAYS,
    &LISTENER_VERBS,
    &INVERTING_VERBS,
    &MORE_PREPOSITIONS,
    &ING_PREPOSITIONS,
    &CLAUSE_JOINERS,
    &SUBORDINATORS,
    &NOT_VERBS,
    &LY_NOUNS,
    &INSTITUTIONS,
];

/// The bits below this one are the lists' (a test checks); `Text` keeps its own above them.
pub(super) const CLASS_BITS: u32 = 32;

/// The lists of [`ALL`] that hold `word`, ignoring ASCII case: the bit of each ([`Words::mask`]).
pub(super) fn classes(word: &str) -> u64 {
    static INDEX: OnceLock<WordBits<u64>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        WordBits::new(ALL.iter().flat_map(|list| list.list.iter().map(|w| (w.as_bytes(), list.mask()))))
    });
    index.get(word.as_bytes())
}

/// The bytes of `word` with its ASCII letters in lower case, in `buf`; `None` when it does not
/// fit.
fn lower_bytes<'a>(word: &str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a [u8]> {
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// `word` with its ASCII letters in lower case, in `buf`; `None` when it does not fit.
pub(super) fn ascii_lower<'a>(word: &str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a str> {
    std::str::from_utf8(lower_bytes(word, buf)?).ok()
}

/// A set of words to look a word up in, ignoring ASCII case: a [`Words`] list, or a few words
/// written in place.
pub(super) trait Lexicon {
    /// True when `word` is one of the words.
    fn has(&self, word: &str) -> bool;

    /// The bit of [`classes`] that says a word is one of them, for a [`Words`] list.
    fn mask(&self) -> Option<u64> {
        None
    }
}

impl Lexicon for Words {
    fn has(&self, word: &str) -> bool {
        self.contains(word)
    }

    fn mask(&self) -> Option<u64> {
        Some(Words::mask(self))
    }
}

impl<const N: usize> Lexicon for [&str; N] {
    fn has(&self, word: &str) -> bool {
        lower_in(word, self)
    }
}

/// True when `word` is in `list` (lower case), ignoring ASCII case: for a few words, where
/// scanning costs less than hashing.
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
pub(super) static VERBISH: Words = Words::new(9, &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "may", "might",
    "must", "should", "did", "does", "do", "said", "told", "made", "took", "gave", "got", "went",
    "came", "thought", "saw", "knew", "wrote", "spoke", "met", "left", "ran", "won", "lost", "put",
    "set", "kept", "held", "brought", "felt", "found", "became", "began", "also", "then", "later",
    "never", "still", "just", "again", "already", "often", "once", "recently", "quickly", "himself",
    "herself", "themselves", "sent", "read", "shot", "hit", "cut", "let", "meant", "paid", "sought",
    "stood", "struck", "taught", "tweeted", "urged", "not", "too",
]);

/// Connectives that may open a sentence before its subject ("But Cruz, who …").
#[rustfmt::skip]
pub(super) static CONNECTIVES: Words = Words::new(10, &[
    "but", "and", "so", "yet", "meanwhile", "however", "still", "now", "then", "also",
]);

/// Auxiliaries and copulas: after one, a clause's subject is no longer the sentence's.
#[rustfmt::skip]
pub(super) static AUXILIARIES: Words = Words::new(11, &[
    "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "said", "says",
    "that", "told", "thinks", "thought", "believes", "believed",
]);

/// Conjunctions that open a new clause after a quotation rather than its attribution.
#[rustfmt::skip]
pub(super) static CONJUNCTIONS: Words = Words::new(12, &[
    "and", "but", "or", "while", "until", "because", "when", "although", "though", "whereas",
    "unless", "since", "so", "if", "as",
]);

/// Prepositions of place and time whose phrase, between a subject and its verb, is an adverbial
/// ("a staffer in the room said"), not the subject.
#[rustfmt::skip]
pub(super) static ADVERBIAL_PREPOSITIONS: Words = Words::new(13, &[
    "in", "at", "on", "inside", "outside", "near", "during", "behind",
]);

/// Modal verbs: a speech verb's form right before one (in lower case) is a noun or the verb of a
/// clause that is itself a subject ("states can", "what he said would"), not an attribution.
/// Copulas are not among them: in "who he noted was …", "he noted" does attribute.
#[rustfmt::skip]
pub(super) static MODALS: Words = Words::new(14, &[
    "can", "could", "will", "would", "shall", "should", "must", "may", "might",
]);

/// Forms of "be": a past participle after one is passive ("the aide was charged", "she was
/// asked"), and its subject is not the one who speaks.
#[rustfmt::skip]
pub(super) static BE_FORMS: Words = Words::new(15, &["am", "is", "are", "was", "were", "be", "been", "being"]);

/// Words in "-ly" that name a periodical after a determiner ("the daily said"), not adverbs.
#[rustfmt::skip]
pub(super) static PERIODICALS: Words = Words::new(16, &["daily", "weekly", "biweekly", "fortnightly", "monthly", "quarterly"]);

/// Nouns in "-ly", never adverbs ("the family said", "the assembly said").
#[rustfmt::skip]
pub(super) static LY_NOUNS: Words = Words::new(26, &[
    "family", "assembly", "rally", "anomaly", "monopoly", "homily", "supply", "reply",
    "bully", "melancholy",
]);

/// Lower-case nouns of bodies that speak for a place or an organisation named after "of"
/// ("the police office of Kavre said").
#[rustfmt::skip]
pub(super) static INSTITUTIONS: Words = Words::new(27, &[
    "office", "ministry", "embassy", "consulate", "agency", "department", "government", "council",
    "committee", "commission", "court", "bureau", "mission", "delegation", "headquarters",
    "secretariat", "authority", "administration",
]);

/// Speech verbs whose object, not their subject, follows them right after a quotation
/// (`"…," described the impact as …`, `"…," called it …`). ("Charged" and "urged" are left out:
/// `"…," charged Mekky Latif` is inverted.)
#[rustfmt::skip]
pub(super) static OBJECT_VERBS: Words = Words::new(17, &[
    "described", "describes", "called", "calls", "accused", "accuses", "likened", "questioned",
]);

/// The days of the week ("Ruiz on Monday said").
#[rustfmt::skip]
pub(super) static WEEKDAYS: Words = Words::new(18, &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/// Speech verbs whose object is the listener, not the speaker ("told MSNBC").
#[rustfmt::skip]
pub(super) static LISTENER_VERBS: Words = Words::new(19, &["told", "tells", "tell", "telling", "asked", "asks", "ask"]);

/// Speech verbs that may come before their subject ("…, said Ana Ruiz, the mayor.") and never
/// take a listener or a target as their object (as "told", "warned" and "urged" do).
#[rustfmt::skip]
pub(super) static INVERTING_VERBS: Words = Words::new(20, &[
    "said", "says", "added", "adds", "explained", "noted", "wrote", "writes", "continued",
    "recalled", "insisted", "stated", "argued", "replied", "remarked", "observed", "conceded",
    "admitted", "acknowledged", "declared", "concluded", "claimed", "stressed", "emphasized",
    "emphasised", "commented", "reiterated",
]);

/// Prepositions besides [`PREPOSITIONS`] after which a name is an object, not a subject ("into
/// the World Cup").
#[rustfmt::skip]
pub(super) static MORE_PREPOSITIONS: Words = Words::new(21, &[
    "into", "against", "toward", "towards", "under", "over", "between", "among", "through",
    "across", "than", "like", "via", "without", "within", "near", "onto", "upon", "amid", "despite",
    "including",
]);

/// Prepositions in -ing, which are no verbs ("according", "following").
#[rustfmt::skip]
pub(super) static ING_PREPOSITIONS: Words = Words::new(22, &["according", "following", "regarding", "concerning", "pending"]);

/// Conjunctions that, after a comma, open a clause with its own subject ("…, while Huckabee
/// proposed").
pub(super) static CLAUSE_JOINERS: Words =
    Words::new(23, &["while", "whereas", "and", "but", "although", "though"]);

/// Words that open a subordinate clause or an adverbial phrase: a subject after one (and before
/// the comma closing the phrase) is not the main clause's.
#[rustfmt::skip]
pub(super) static SUBORDINATORS: Words = Words::new(24, &[
    "as", "because", "while", "when", "if", "although", "though", "since", "after", "before",
    "until", "whereas", "that", "which", "who", "whom", "where", "once", "unless", "whether",
]);

/// Words of [`VERBISH`] that are adverbs or pronouns, not verbs.
#[rustfmt::skip]
pub(super) static NOT_VERBS: Words = Words::new(25, &[
    "also", "then", "later", "never", "still", "just", "again", "already", "often", "once",
    "recently", "quickly", "himself", "herself", "themselves", "not", "too",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_at_its_bit() {
        for (k, words) in ALL.iter().enumerate() {
            assert_eq!(words.bit as usize, k, "{:?}", words.list.first());
        }
        assert!(ALL.len() as u32 <= CLASS_BITS);
    }

    #[test]
    fn lists_are_short_lower_case_ascii_words() {
        for words in ALL {
            for w in words.list {
                assert!(w.len() <= MAX_WORD && w.is_ascii() && *w == w.to_ascii_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn a_list_finds_what_a_scan_finds() {
        let probes = [
            "The",
            "MONDAY",
            "afterwards",
            "Obama",
            "Theresa",
            "",
            "Ünter",
            "separatelyandmoreandmorestill",
            "Said",
            "co-founder",
        ];
        for words in ALL {
            for w in probes.iter().chain(words.list) {
                assert_eq!(words.contains(w), lower_in(w, words.list), "{w}");
            }
        }
        assert!(NOT_NAMES.contains("However") && !NOT_NAMES.contains("Howard"));
    }
}
