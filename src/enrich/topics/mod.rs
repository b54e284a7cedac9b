//! Topics: a taxonomy of weighted phrases, scored over any text.
//!
//! `topics.toml` defines each topic by phrases in three weight tiers (`strong`, `medium`,
//! `weak`). All phrases of all topics go into one case-insensitive Aho-Corasick automaton, built
//! once; scoring a text is one anchored search per word start. A text's score for a topic is the sum of the weights
//! of its phrase matches, damped for texts longer than `reference_words` (by the square root of
//! the excess, so a long article needs more evidence than a passage, but not proportionally
//! more), and a topic is kept when that score reaches `threshold` and `relative_cut` times the
//! best topic's score. The format is documented in `index-config/README.md`.

mod phrases;
mod taxonomy;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::MatchKind;
use serde::Serialize;

use crate::article::Span;
use crate::config::Config;
use crate::enrich::passages::word_count;
use crate::error::{Error, Result};

use phrases::{Phrases, ALNUM};
use taxonomy::{Pattern, Settings, Topic, FILE};

/// A topic assigned to a text, with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// Stable id (`sanctions`).
    pub id: String,
    /// Human label ("Sanctions").
    pub label: String,
    /// Score; higher is stronger.
    pub score: f32,
}

/// Scores texts against the taxonomy of `topics.toml`.
#[derive(Debug)]
pub struct TopicClassifier {
    topics: Vec<Topic>,
    /// One automaton over every distinct phrase (case-insensitive, overlapping semantics, so
    /// that a match failing its word-boundary check never hides a shorter phrase), with the
    /// bytes phrases start with.
    automaton: Option<Phrases>,
    /// Per automaton pattern: how it must match and which topics it feeds.
    patterns: Vec<Pattern>,
    settings: Settings,
}

impl TopicClassifier {
    /// Builds the classifier.
    ///
    /// # Errors
    /// When `topics.toml` is malformed.
    pub fn from_config(config: &Config) -> Result<TopicClassifier> {
        TopicClassifier::parse(config.text(FILE))
    }

    /// The topic ids of `config`'s taxonomy, in file order, without building the phrase
    /// automaton: what a search needs to check a `--topic` filter, at a fraction of the cost.
    ///
    /// # Errors
    /// When `topics.toml` is malformed.
    pub fn ids_from_config(config: &Config) -> Result<Vec<String>> {
        Ok(taxonomy::parse(config.text(FILE))?.topics.into_iter().map(|t| t.id).collect())
    }

    /// The topic id of `ids` that `typed` most likely means: the one holding it as a word
    /// ("nuclear" for `nuclear-weapons`) or starting with it ("sanction"), else the nearest
    /// within two edits of the id or of one of its words ("satelites" for
    /// `space-and-satellites`); `None` when nothing is that close.
    pub fn closest_id<'a>(typed: &str, ids: &'a [String]) -> Option<&'a str> {
        let typed = typed.trim().to_lowercase();
        if typed.len() >= 3 {
            let holds =
                |id: &&String| id.split('-').any(|part| part.starts_with(&typed)) || id.starts_with(&typed);
            if let Some(id) = ids.iter().find(holds) {
                return Some(id);
            }
        }
        if typed.len() < 4 {
            return None;
        }
        let distance = |id: &str| {
            let words = id.split('-').filter(|part| part.len() >= 4);
            let parts = words.map(|part| strsim::damerau_levenshtein(part, &typed));
            parts.chain([strsim::damerau_levenshtein(id, &typed)]).min().unwrap_or(usize::MAX)
        };
        ids.iter()
            .map(|id| (distance(id), id))
            .filter(|&(distance, _)| distance <= 2)
            .min_by_key(|&(distance, _)| distance)
            .map(|(_, id)| id.as_str())
    }

    /// Builds the classifier from the text of a `topics.toml`.
    fn parse(text: &str) -> Result<TopicClassifier> {
        let taxonomy::Taxonomy { topics, phrases, patterns, settings } = taxonomy::parse(text)?;
        let automaton = if phrases.is_empty() {
            None
        } else {
            // Phrases and texts are ASCII-lower-cased before matching (same offsets, same
            // matches as a case-insensitive automaton): without upper-case transitions the
            // automaton is a fraction of the size.
            let lower: Vec<String> = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
            // A contiguous NFA rather than a DFA: the DFA of the built-in phrases takes 3 MB,
            // more than a core's cache, and while an article is indexed its walks missed the
            // cache so often that the NFA, with more work per byte but 0.2 MB, makes a whole
            // indexing run about 5% faster (BENCHMARKS.md, session 15).
            let automaton = contiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(&lower)
                .map_err(|e| Error::config(FILE, format!("cannot build the phrase automaton: {e}")))?;
            let phrases = Phrases::new(automaton);
            Some(phrases.ok_or_else(|| Error::config(FILE, "the phrase automaton has no anchored start"))?)
        };
        Ok(TopicClassifier { topics, automaton, patterns, settings })
    }

    /// The topics of `text`, best first.
    pub fn score(&self, text: &str) -> Vec<TopicScore> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        // The general walk, not the table-driven one of `score_article`: the tests comparing the
        // two methods check one walk against the other.
        let raw = occurrences(automaton, text, Phrases::walk_general);
        let mut found = Vec::new();
        self.select(text, 0, &raw, &mut found);
        self.rank(text, &found, &mut Sums::default())
    }

    /// The topics of a whole article and of each of its passages, from one scan.
    ///
    /// `text` is the article's title, summary and body; the body starts at byte `body_offset` and
    /// `passages` are byte ranges of the body. Scoring each passage on its own would scan the body
    /// twice; instead the occurrences of the one scan that lie inside a passage are exactly those
    /// a scan of the passage alone would report, so each passage only re-checks them against its
    /// own edges. Without `names`, the results equal [`TopicClassifier::score`] on the article
    /// and on each passage.
    ///
    /// `names` are byte ranges of `text` that name persons (sorted): a phrase starting inside one
    /// is part of a name, not evidence of a topic (Condoleezza Rice is no food, Barry Bonds no
    /// market), unless the phrase is written with a capital, as a name itself (`Christian*`).
    pub fn score_article(
        &self,
        text: &str,
        body_offset: usize,
        passages: &[Span],
        names: &[Span],
    ) -> (Vec<TopicScore>, Vec<Vec<TopicScore>>) {
        let Some(automaton) = &self.automaton else {
            return (Vec::new(), vec![Vec::new(); passages.len()]);
        };
        let mut raw = occurrences(automaton, text, Phrases::walk);
        if !names.is_empty() {
            raw.retain(|&(start, _, p)| {
                let at = names.partition_point(|n| n.end <= start);
                self.patterns[p].capitalised || names.get(at).is_none_or(|n| start < n.start)
            });
        }
        let (mut found, mut sums) = (Vec::new(), Sums::default());
        self.select(text, 0, &raw, &mut found);
        let article = self.rank(text, &found, &mut sums);
        let per_passage = passages
            .iter()
            .map(|p| {
                let (start, end) = (body_offset + p.start, body_offset + p.end);
                let Some(passage) = text.get(start..end) else {
                    return Vec::new();
                };
                // `raw` is sorted by start: the passage's occurrences are one contiguous run.
                let from = raw.partition_point(|&(s, _, _)| s < start);
                let to = raw.partition_point(|&(s, _, _)| s < end);
                self.select(passage, start, &raw[from..to], &mut found);
                self.rank(passage, &found, &mut sums)
            })
            .collect();
        (article, per_passage)
    }

    /// The topics of `text` given its phrase matches (from [`TopicClassifier::select`]).
    fn rank(&self, text: &str, found: &[(usize, usize, usize)], buf: &mut Sums) -> Vec<TopicScore> {
        if found.is_empty() {
            return Vec::new();
        }
        // Per topic: the sum of weights, and whether a strong phrase matched; only the topics
        // some phrase fed are looked at again (the others can be no topic: they score 0).
        let sums = &mut buf.sums;
        sums.resize(self.topics.len(), (0f32, false));
        buf.touched.clear();
        for &(_, _, p) in found {
            for &(topic, weight, strong) in &self.patterns[p].feeds {
                let sum = &mut sums[topic];
                if *sum == (0f32, false) {
                    buf.touched.push(topic);
                }
                sum.0 += weight;
                sum.1 |= strong;
            }
        }
        let s = &self.settings;
        let words = word_count(text) as f32;
        let damping = if words > s.reference_words { (s.reference_words / words).sqrt() } else { 1.0 };
        // Medium and weak phrases alone make a topic only with much more evidence.
        let unanchored_floor = s.threshold * s.without_strong;
        let eligible = |&(raw, anchored): &(f32, bool)| anchored || raw * damping >= unanchored_floor;

        // The relative cut is taken against the best topic that could be kept at all.
        let touched = || buf.touched.iter().map(|&t| (t, sums[t]));
        let best = touched().filter(|(_, x)| eligible(x)).map(|(_, x)| x.0).fold(0f32, f32::max) * damping;
        let floor = s.threshold.max(best * s.relative_cut);
        let kept = &mut buf.kept;
        kept.clear();
        kept.extend(
            touched()
                .filter(|(_, x)| eligible(x))
                .map(|(t, x)| (t, x.0 * damping))
                .filter(|&(_, score)| score >= floor),
        );
        for &t in &buf.touched {
            sums[t] = (0f32, false);
        }
        kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        kept.iter()
            .take(s.max_topics)
            .map(|&(t, score)| TopicScore {
                id: self.topics[t].id.clone(),
                label: self.topics[t].label.clone(),
                score: (score * 100.0).round() / 100.0,
            })
            .collect()
    }

    /// The phrase matches of `text` as `(start, end, pattern)`, in text order: of the raw
    /// occurrences `raw` (sorted as [`occurrences`] sorts them, none starting before `base`,
    /// offsets made relative to `text` by subtracting `base`), those that pass the word-boundary and case checks, then a greedy
    /// leftmost-longest pass, so "nuclear weapons" counts for its own topics, not also as a bare
    /// "weapons".
    fn select(
        &self,
        text: &str,
        base: usize,
        raw: &[(usize, usize, usize)],
        found: &mut Vec<(usize, usize, usize)>,
    ) {
        found.clear();
        for &(start, end, p) in raw {
            let (start, end) = (start - base, end - base);
            // An occurrence running past the end of `text` (a passage) is not one of its own.
            if end > text.len() {
                continue;
            }
            let pattern = &self.patterns[p];
            if !starts_word(text, start) || !(pattern.prefix || ends_word(text, end)) {
                continue;
            }
            if let Some(exact) = &pattern.exact {
                if text.get(start..end) != Some(exact.as_str()) {
                    continue;
                }
            }
            found.push((start, end, p));
        }
        // Distinct patterns matching the very same span (`arms embargo` and `arms embargo*`)
        // all count: they are one phrase listed by several topics.
        let mut last = (0, 0);
        found.retain(|&(start, end, _)| {
            let keep = start >= last.1 || (start, end) == last;
            if keep {
                last = (start, end);
            }
            keep
        });
    }

    /// The phrase matches of `text` (for the debugging test).
    #[cfg(test)]
    fn matches(&self, automaton: &Phrases, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        self.select(text, 0, &occurrences(automaton, text, Phrases::walk), &mut found);
        found
    }

    /// Whether `id` is a topic of the taxonomy.
    pub fn knows(&self, id: &str) -> bool {
        self.topics.iter().any(|t| t.id == id)
    }
}

/// Buffers of [`TopicClassifier::rank`], kept from one text of an article to the next.
#[derive(Debug, Default)]
struct Sums {
    /// Per topic: the sum of weights and whether a strong phrase matched; all zero between calls.
    sums: Vec<(f32, bool)>,
    /// The topics whose sum is not zero.
    touched: Vec<usize>,
    /// The topics kept, with their scores.
    kept: Vec<(usize, f32)>,
}

/// Every phrase occurrence starting a word of `text` (ignoring ASCII case), unchecked, as
/// (start, end, pattern), sorted by start, then longest first, then by pattern (a total order,
/// so that any run of it is sorted the same way a scan of just that part of the text would be).
///
/// Only occurrences at word starts can be kept (see `select`), so instead of scanning the whole
/// text for every overlapping occurrence (most of them inside words: "war" in "award"), each
/// word start gets one anchored walk, `walk`, which dies within a few bytes for most words.
fn occurrences(
    phrases: &Phrases,
    text: &str,
    walk: impl Fn(&Phrases, &[u8], usize, &mut Vec<(usize, usize, usize)>),
) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut raw: Vec<(usize, usize, usize)> = Vec::new();
    let mut prev_alnum = false;
    let mut at = 0;
    // Byte by byte, decoding only non-ASCII characters (most of the text is ASCII, and this loop
    // visits all of it).
    while let Some(&b) = bytes.get(at) {
        let class = phrases.class[usize::from(b)];
        if !prev_alnum && !phrases.automaton.is_dead(phrases.first.from(b)) {
            walk(phrases, bytes, at, &mut raw);
        }
        if class == ALNUM {
            // The rest of an ASCII word starts nothing: skip it whole.
            at += 1;
            while bytes.get(at).is_some_and(|&b| phrases.class[usize::from(b)] == ALNUM) {
                at += 1;
            }
            prev_alnum = true;
        } else if class == 0 {
            prev_alnum = false;
            at += 1;
        } else {
            let c =
                text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
            prev_alnum = c.is_alphanumeric();
            at += c.len_utf8();
        }
    }
    raw
}

fn starts_word(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn ends_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> TopicClassifier {
        TopicClassifier::from_config(&Config::builtin()).expect("the built-in topics.toml parses")
    }

    fn ids(scores: &[TopicScore]) -> Vec<&str> {
        scores.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn a_phrase_inside_a_persons_name_is_no_evidence() {
        let c = builtin();
        let text = "T\n\nCondoleezza Rice met envoys. Rice said the Christian Democrats would win.";
        let name = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).expect("in the text").0;
            Span::new(start, start + word.len())
        };
        let names = [name("Rice", 0), name("Rice", 1)];
        let (plain, _) = c.score_article(text, 3, &[], &[]);
        let (named, _) = c.score_article(text, 3, &[], &names);
        assert!(ids(&plain).contains(&"agriculture-and-food"), "rice: {plain:?}");
        assert!(!ids(&named).contains(&"agriculture-and-food"), "a name: {named:?}");
        // A phrase written with a capital is a name itself, and counts inside one.
        let christian = [Span::new(text.find("Christian").unwrap(), text.find(" Democrats").unwrap())];
        let (with_name, _) = c.score_article(text, 3, &[], &christian);
        assert_eq!(ids(&with_name), ids(&plain));
    }

    const SMALL: &str = r#"
[settings]
threshold = 3.0
reference_words = 20
relative_cut = 0.2
max_topics = 3
without_strong = 2.0

[weights]
strong = 3.0
medium = 1.5
weak = 0.5

[[topic]]
id = "nukes"
label = "Nukes"
strong = ["nuclear weapons", "warhead*"]
medium = ["reactor"]

[[topic]]
id = "guns"
label = "Guns"
strong = ["arms deal"]
medium = ["weapons", "rifles"]

[[topic]]
id = "health"
label = "Health"
strong = ["WHO", "coup d'etat"]
weak = ["doctors"]
"#;

    fn small() -> TopicClassifier {
        TopicClassifier::parse(SMALL).expect("the test taxonomy parses")
    }

    #[test]
    fn a_mistyped_topic_id_is_the_closest_one() {
        let ids = TopicClassifier::ids_from_config(&Config::builtin()).expect("the built-in topics parse");
        assert_eq!(TopicClassifier::closest_id("Sanction", &ids), Some("sanctions"));
        assert_eq!(TopicClassifier::closest_id("nuclear", &ids), Some("nuclear-weapons"));
        assert_eq!(TopicClassifier::closest_id("satelites", &ids), Some("space-and-satellites"));
        assert_eq!(TopicClassifier::closest_id("ab", &ids), None);
        assert_eq!(TopicClassifier::closest_id("xyzzy", &ids), None);
    }

    #[test]
    fn builtin_taxonomy_is_large_and_valid() {
        let c = builtin();
        assert!(c.topics.len() >= 25, "{} topics", c.topics.len());
        assert!(c.topics.iter().all(|t| taxonomy::valid_id(&t.id)));
        assert!(c.knows("sanctions") && c.knows("space-and-satellites"));
        assert!(!c.knows("Sanctions") && !c.knows("weather"));
    }

    #[test]
    fn a_passage_about_a_topic_beats_a_passing_mention() {
        let c = builtin();
        let about = "The council imposed sanctions on the regime, freezing assets and widening an \
                     arms embargo that neighbours are accused of evading.";
        assert_eq!(ids(&c.score(about)).first(), Some(&"sanctions"), "{:?}", c.score(about));
        let passing = "The minister, who once studied economic penalties, opened a new bridge over the \
                       river on Tuesday and praised the workers who built it.";
        assert!(!ids(&c.score(passing)).contains(&"sanctions"));
    }

    #[test]
    fn an_election_race_is_no_sport() {
        let c = builtin();
        let night = "Ruiz won the race in Ohio, a big win. Ode won Utah and claimed victory in the \
                     race for delegates; Lima beat Ode in Iowa, a defeat Ode called a narrow win. ";
        assert!(!ids(&c.score(night)).contains(&"sports"), "{:?}", c.score(night));
        let game = "Lyon won the football championship at the stadium, a win that ended a record \
                    season for the club; the coach praised his players and the fans. ";
        assert!(ids(&c.score(game)).contains(&"sports"), "{:?}", c.score(game));
    }

    #[test]
    fn a_killing_investigated_is_crime() {
        let c = builtin();
        let text = "A doctor was slain at home by a gunman; forensic experts and detectives searched \
                    the woods and found the rifle.";
        assert!(ids(&c.score(text)).contains(&"crime-and-justice"), "{:?}", c.score(text));
    }

    #[test]
    fn long_texts_need_more_than_one_mention() {
        let c = builtin();
        let filler = "The delegates walked along the river and talked about the weather and the food. ";
        let once = format!("A ceasefire was mentioned. {}", filler.repeat(20));
        assert!(!ids(&c.score(&once)).contains(&"ceasefires-and-peace-talks"));
        let often = format!(
            "{}{}",
            "The ceasefire held and peace talks resumed under a truce. ".repeat(6),
            filler.repeat(20)
        );
        assert!(ids(&c.score(&often)).contains(&"ceasefires-and-peace-talks"));
    }

    #[test]
    fn whole_words_prefixes_and_case() {
        let c = small();
        // "warhead*" matches word continuations, but only at the start of a word.
        assert_eq!(ids(&c.score("They counted warheads.")), ["nukes"]);
        assert!(c.score("They counted prewarheads.").is_empty());
        // A phrase without `*` must end on a word boundary.
        assert!(c.score("An arms dealer arrived.").is_empty());
        assert_eq!(ids(&c.score("An ARMS DEAL was signed.")), ["guns"]);
        // Capitals mean an acronym that must match as written.
        assert_eq!(ids(&c.score("The WHO said so.")), ["health"]);
        assert!(c.score("Those who said so.").is_empty());
        // The typographic apostrophe matches the ASCII one of the phrase.
        assert_eq!(ids(&c.score("A coup d\u{2019}etat failed.")), ["health"]);
    }

    #[test]
    fn longest_match_counts_once_and_medium_alone_never_makes_a_topic() {
        let c = small();
        let scores = c.score("Talks on nuclear weapons.");
        assert_eq!(ids(&scores), ["nukes"]);
        assert_eq!(scores[0].score, 3.0);
        // Three medium matches reach the threshold, but without a strong phrase a topic needs
        // twice that.
        assert!(c.score("Weapons, rifles and more weapons.").is_empty());
        assert_eq!(ids(&c.score("Weapons, rifles and more weapons and rifles.")), ["guns"]);
        // With an anchor, medium matches add up.
        assert_eq!(c.score("An arms deal for weapons and rifles.")[0].score, 6.0);
    }

    #[test]
    fn one_scan_scores_like_separate_scans() {
        let c = builtin();
        let body = "Talks on a ceasefire resumed.\n\nThe council imposed sanctions and an arms \
                    embargo.\n\nNuclear weapons and missiles were not discussed; the truce held.";
        let text = format!("Sanctions talks\nA summary about the truce\n{body}");
        let offset = text.len() - body.len();
        let passages: Vec<Span> =
            crate::enrich::PassageSplitter::new(150).split(body).iter().map(|p| p.span()).collect();
        assert_eq!(passages.len(), 3);
        let (article, each) = c.score_article(&text, offset, &passages, &[]);
        assert_eq!(article, c.score(&text));
        assert!(!article.is_empty());
        for (p, scores) in passages.iter().zip(&each) {
            assert_eq!(*scores, c.score(&body[p.start..p.end]), "passage {p:?}");
        }
        assert!(each.iter().any(|s| !s.is_empty()));
    }

    /// The walks of `score_article` begin from a table of first steps and fold case themselves;
    /// the general walks of `score` go through aho-corasick's own steps. On text made of the
    /// phrases themselves, cut short, re-cased and run together with other words, both find the
    /// same occurrences.
    #[test]
    fn the_table_driven_walks_find_what_the_general_walks_find() {
        let c = builtin();
        let phrases = taxonomy::parse(Config::builtin().text(FILE)).unwrap().phrases;
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let fillers = ["the", "said", "UN", "a", "of", "Th", "x", "\u{2019}s", "é", "—", "1", ""];
        let mut text = String::new();
        for _ in 0..20_000 {
            let piece = if next(3) == 0 {
                fillers[next(fillers.len())].to_string()
            } else {
                let phrase = &phrases[next(phrases.len())];
                let cut =
                    phrase.char_indices().map(|(i, _)| i).nth(next(phrase.len() + 2)).unwrap_or(phrase.len());
                let piece = &phrase[..cut];
                match next(3) {
                    0 => piece.to_uppercase(),
                    1 => piece.to_lowercase(),
                    _ => piece.to_string(),
                }
            };
            text.push_str(&piece);
            text.push_str([" ", " ", ", ", "-", "", "\n\n"][next(6)]);
        }
        let automaton = c.automaton.as_ref().unwrap();
        let general = occurrences(automaton, &text, Phrases::walk_general);
        assert!(general.len() > 3_000, "{}", general.len());
        assert_eq!(occurrences(automaton, &text, Phrases::walk), general);
        // Cut short at its very end, too.
        for end in text.len() - 8..text.len() {
            if let Some(text) = text.get(..end) {
                assert_eq!(
                    occurrences(automaton, text, Phrases::walk),
                    occurrences(automaton, text, Phrases::walk_general)
                );
            }
        }
    }

    /// The seed article (read from `../shared/data`, never copied) is about satellites, arms and
    /// troops traded between allies, and missiles.
    #[test]
    fn seed_article_topics() {
        let Ok(text) = std::fs::read_to_string("../shared/data/seed/000_8158477548d8fd67.txt") else {
            return;
        };
        let topics = builtin().score(&text);
        let found = ids(&topics);
        for expected in [
            "space-and-satellites",
            "arms-transfers",
            "troop-deployment",
            "alliances-and-treaties",
            "missiles",
        ] {
            assert!(found.contains(&expected), "{expected} missing from {found:?}");
        }
        assert_eq!(found[0], "space-and-satellites");
    }

    /// Scores every article and paragraph of `../shared/data/newswire` and prints the rate:
    /// `cargo test --lib topics::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        let c = builtin();
        let texts: Vec<String> = std::fs::read_dir("../shared/data/newswire")
            .map(|d| d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
            .unwrap_or_default();
        let start = std::time::Instant::now();
        let mut kept = 0;
        for text in &texts {
            kept += c.score(text).len();
            for para in text.split("\n\n") {
                kept += c.score(para).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{} articles (and their paragraphs) in {secs:.3}s: {:.0}/s, {kept} topics",
            texts.len(),
            texts.len() as f64 / secs
        );
    }

    /// Prints the topics and matched phrases of the passages of the files in `TOPICS_DEBUG`
    /// (space-separated paths): `TOPICS_DEBUG=a.txt cargo test --lib topics::tests::debug -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn debug() {
        let c = builtin();
        let Some(automaton) = &c.automaton else {
            return;
        };
        for path in std::env::var("TOPICS_DEBUG").unwrap_or_default().split_whitespace() {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            println!(
                "== {path}\n   ARTICLE {:?}",
                c.score(&text).iter().map(|s| (&s.id, s.score)).collect::<Vec<_>>()
            );
            for para in text.split("\n\n").chain(if text.contains("\n\n") { None } else { Some("") }) {
                let para = para.trim();
                if para.is_empty() {
                    continue;
                }
                let hits: Vec<String> = c
                    .matches(automaton, para)
                    .into_iter()
                    .map(|(s, e, p)| {
                        let feeds: Vec<String> = c.patterns[p]
                            .feeds
                            .iter()
                            .map(|(t, w, _)| format!("{}:{w}", c.topics[*t].id))
                            .collect();
                        format!("{}[{}]", &para[s..e], feeds.join(","))
                    })
                    .collect();
                println!(
                    "-- {}\n   {:?}\n   {}",
                    &para[..para.len().min(100)],
                    c.score(para).iter().map(|s| (&s.id, s.score)).collect::<Vec<_>>(),
                    hits.join(" ")
                );
            }
        }
    }
}
