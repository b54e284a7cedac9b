//! What each passage of an enriched article carries, whichever engine indexes it.
//!
//! casefile's tantivy documents ([`crate::index::document::documents`]) and the documents
//! exported for a distributed engine (`crate::export`) are both built from the
//! [`PassageView`]s of [`passage_views`], so that both filter on the same values.
//!
//! A view costs time in proportion to what its passage holds, not to what the whole article
//! holds: the article's dates, quotations and actor mentions are sorted by position once, and
//! each passage takes its own by binary search. (Each passage looking through all of them made a
//! long transcript's indexing quadratic.)

use crate::article::{Article, Passage};
use crate::enrich::{Actor, ActorKind, Annotations};
use crate::index::document::{PassageActor, PassageQuote, PassageTopic};

/// At most this many actors of an article are prominent (see [`prominent`]). No article of the
/// shared dev sets and `newswire` has more than 28 actors named twice; a transcript naming
/// thousands would put all of them on each of its passages.
pub const MAX_PROMINENT: usize = 32;

/// Whether `actor` may be prominent in its article: named in the title, or at least twice in the
/// body. A prominent actor is indexed with every passage of the article (so `--actor X` finds
/// the whole article about X), any other only with the passages that name it. Of more than
/// [`MAX_PROMINENT`] such actors, only those named most often are (see [`prominent`]).
pub fn is_prominent(actor: &Actor) -> bool {
    actor.mentions.iter().any(|m| m.field.is_some()) || actor.mentions.len() >= 2
}

/// Which of the article's actors are prominent, by place in [`Annotations::actors`]: those
/// [`is_prominent`] accepts, and of more than [`MAX_PROMINENT`], the ones named in the title
/// first, then the ones named most often, then the ones listed first.
pub fn prominent(ann: &Annotations) -> Vec<bool> {
    let mut flags: Vec<bool> = ann.actors.iter().map(is_prominent).collect();
    if flags.iter().filter(|&&f| f).count() > MAX_PROMINENT {
        let mut ranked: Vec<usize> = (0..flags.len()).filter(|&i| flags[i]).collect();
        let rank = |i: &usize| {
            let actor = &ann.actors[*i];
            let in_title = actor.mentions.iter().any(|m| m.field.is_some());
            (!in_title, std::cmp::Reverse(actor.mentions.len()), *i)
        };
        ranked.sort_by_key(rank);
        for &i in &ranked[MAX_PROMINENT..] {
            flags[i] = false;
        }
    }
    flags
}

/// The keys of the article's prominent actors (see [`prominent`]), sorted, each once: they go
/// with every passage of the article.
pub fn prominent_keys(ann: &Annotations) -> Vec<String> {
    let flags = prominent(ann);
    let actors = ann.actors.iter().zip(flags).filter(|(_, f)| *f);
    let mut keys: Vec<String> = actors.map(|(a, _)| a.key()).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The `mentioned` keys of a date value: the value, and the month and year that hold it, so that
/// `mentioned:2024-11` finds "5 November 2024" as well as "November 2024". A week (`2024-W45`) or
/// a quarter (`2024-Q4`) is found by its year, not by the months it overlaps.
///
/// ```
/// use casefile::index::view::mentioned_keys;
/// assert_eq!(mentioned_keys("2024-11-05").collect::<Vec<_>>(), ["2024-11-05", "2024-11", "2024"]);
/// assert_eq!(mentioned_keys("2024-W45").collect::<Vec<_>>(), ["2024-W45", "2024"]);
/// assert_eq!(mentioned_keys("2024").collect::<Vec<_>>(), ["2024"]);
/// ```
pub fn mentioned_keys(value: &str) -> impl Iterator<Item = &str> {
    let month =
        value.get(..7).filter(|m| value.len() > 7 && m.as_bytes()[4] == b'-' && !m.contains(['W', 'Q']));
    let year = value.get(..4).filter(|_| value.len() > 4 && value.as_bytes()[4] == b'-');
    std::iter::once(value).chain(month).chain(year)
}

/// What one passage of an enriched article carries.
#[derive(Debug, Clone)]
pub struct PassageView<'a> {
    /// The passage.
    pub passage: &'a Passage,
    /// Its text, exactly `body[passage.start..passage.end]`.
    pub text: &'a str,
    /// The passage's own topics (the article's are in [`Annotations::topics`]).
    pub topics: Vec<PassageTopic>,
    /// The `mentioned` keys of the dates inside the passage (see [`mentioned_keys`]), sorted,
    /// each once.
    pub mentioned: Vec<&'a str>,
    /// The quotations that start inside the passage, in the article's order.
    pub quotes: Vec<PassageQuote>,
    /// The actors named in the passage's text, in the article's order.
    pub actors: Vec<PassageActor>,
    /// The keys of the actors named in the passage that are not prominent in the article (the
    /// prominent ones, [`prominent_keys`], go with every passage).
    pub named_keys: Vec<String>,
}

/// The [`PassageView`]s of an enriched article, in body order.
pub fn passage_views<'a>(
    article: &'a Article,
    ann: &'a Annotations,
) -> impl Iterator<Item = PassageView<'a>> {
    let places = Places::new(ann);
    ann.passages.iter().enumerate().map(move |(i, passage)| passage_view(article, ann, &places, i, passage))
}

/// An article's annotations by position: what each passage takes its own from.
struct Places {
    /// Per actor, whether it is prominent.
    prominent: Vec<bool>,
    /// The body mentions of every actor as (start, end, actor), by start.
    mentions: Vec<(usize, usize, usize)>,
    /// The places of the dates in [`Annotations::dates`], by start.
    dates: Vec<usize>,
    /// The places of the quotations in [`Annotations::quotes`], by start.
    quotes: Vec<usize>,
}

impl Places {
    fn new(ann: &Annotations) -> Places {
        let mut mentions: Vec<(usize, usize, usize)> = ann
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.mentions.iter().filter(|m| m.field.is_none()).map(move |m| (m.start, m.end, i))
            })
            .collect();
        mentions.sort_unstable();
        let mut dates: Vec<usize> = (0..ann.dates.len()).collect();
        dates.sort_by_key(|&d| ann.dates[d].start);
        let mut quotes: Vec<usize> = (0..ann.quotes.len()).collect();
        quotes.sort_by_key(|&q| ann.quotes[q].start);
        Places { prominent: prominent(ann), mentions, dates, quotes }
    }
}

fn passage_view<'a>(
    article: &'a Article,
    ann: &'a Annotations,
    places: &Places,
    i: usize,
    passage: &'a Passage,
) -> PassageView<'a> {
    let span = passage.span();
    let topics: Vec<PassageTopic> = ann
        .passage_topics
        .get(i)
        .into_iter()
        .flatten()
        .map(|t| PassageTopic { id: t.id.clone(), label: t.label.clone(), score: t.score })
        .collect();
    // The dates inside the passage: starting in it (at its end only an empty one could), and
    // ending in it.
    let from = places.dates.partition_point(|&d| ann.dates[d].start < span.start);
    let mut mentioned: Vec<&str> = places.dates[from..]
        .iter()
        .map(|&d| &ann.dates[d])
        .take_while(|d| d.start <= span.end)
        .filter(|d| d.end <= span.end)
        .filter_map(|d| d.value.as_deref())
        .flat_map(mentioned_keys)
        .collect();
    mentioned.sort_unstable();
    mentioned.dedup();
    let from = places.quotes.partition_point(|&q| ann.quotes[q].start < span.start);
    let mut starting: Vec<usize> =
        places.quotes[from..].iter().copied().take_while(|&q| ann.quotes[q].start < span.end).collect();
    starting.sort_unstable();
    let quotes: Vec<PassageQuote> = starting
        .iter()
        .map(|&q| &ann.quotes[q])
        .map(|q| PassageQuote {
            text: q.text.clone(),
            speaker: q.speaker.clone(),
            start: q.start,
            end: q.end,
        })
        .collect();
    let from = places.mentions.partition_point(|&(start, _, _)| start < span.start);
    let mut named: Vec<usize> = places.mentions[from..]
        .iter()
        .take_while(|&&(start, _, _)| start <= span.end)
        .filter(|&&(_, end, _)| end <= span.end)
        .map(|&(_, _, a)| a)
        .collect();
    named.sort_unstable();
    named.dedup();
    let named_keys: Vec<String> =
        named.iter().filter(|&&a| !places.prominent[a]).map(|&a| ann.actors[a].key()).collect();
    let actors: Vec<PassageActor> = named
        .iter()
        .map(|&a| &ann.actors[a])
        .map(|a| PassageActor {
            name: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            code: a.code.clone(),
            role: if a.kind == ActorKind::Person { a.role.clone() } else { None },
        })
        .collect();
    PassageView { passage, text: article.text(span), topics, mentioned, quotes, actors, named_keys }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::enrich::Enricher;

    /// The views equal what a walk over all of the article's annotations finds for each passage.
    #[test]
    fn each_passage_takes_exactly_its_own_annotations() {
        let body = "Officials in Tokyo met on Monday, 4 November 2024, with Russia's envoy.\n\n\
                    \"We will talk again,\" said Antony Blinken, \"and we will meet again.\" Russia said the \
                    sanctions had failed.\n\n\
                    Moscow will reply next week, Russia added. \"Not now, not ever,\" Sergei Lavrov said on \
                    Tuesday in Tokyo.";
        let mut article = Article::new("v1", "v1.txt", body);
        article.title = "Russia and Japan".into();
        article.published = Some(jiff::civil::date(2024, 11, 8));
        let ann = Enricher::new(&Config::builtin()).unwrap().enrich(&article);
        assert!(ann.passages.len() == 3 && ann.quotes.len() >= 3 && ann.dates.len() >= 3);
        for (view, p) in passage_views(&article, &ann).zip(&ann.passages) {
            let span = p.span();
            let inside = |start: usize, end: usize| span.start <= start && end <= span.end;
            let mut dates: Vec<&str> = ann
                .dates
                .iter()
                .filter(|d| inside(d.start, d.end))
                .filter_map(|d| d.value.as_deref())
                .flat_map(mentioned_keys)
                .collect();
            dates.sort_unstable();
            dates.dedup();
            assert_eq!(view.mentioned, dates);
            let quotes: Vec<usize> = ann
                .quotes
                .iter()
                .filter(|q| span.start <= q.start && q.start < span.end)
                .map(|q| q.start)
                .collect();
            assert_eq!(view.quotes.iter().map(|q| q.start).collect::<Vec<_>>(), quotes);
            let named: Vec<&str> = ann
                .actors
                .iter()
                .filter(|a| a.mentions.iter().any(|m| m.field.is_none() && inside(m.start, m.end)))
                .map(|a| a.name.as_str())
                .collect();
            assert_eq!(view.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), named);
        }
    }

    #[test]
    fn of_many_actors_named_twice_those_named_most_are_prominent() {
        // 40 people named twice each, one named three times, one in the title.
        let mut body = String::new();
        for i in 0..40 {
            let name = format!("Ana Quentin{}", "x".repeat(i + 1));
            body.push_str(&format!("Minister {name} arrived. Later {name} left.\n\n"));
        }
        body.push_str("Russia spoke. Russia spoke again. Russia left.");
        let mut article = Article::new("v2", "v2.txt", body.as_str());
        article.title = "Japan watches".into();
        let ann = Enricher::new(&Config::builtin()).unwrap().enrich(&article);
        let candidates = ann.actors.iter().filter(|a| is_prominent(a)).count();
        assert!(candidates > MAX_PROMINENT, "{candidates}");
        let flags = prominent(&ann);
        assert_eq!(flags.iter().filter(|&&f| f).count(), MAX_PROMINENT);
        let is = |name: &str| ann.actors.iter().position(|a| a.name == name).is_some_and(|i| flags[i]);
        assert!(is("Japan"), "named in the title");
        assert!(is("Russia"), "named most often");
        let keys = prominent_keys(&ann);
        assert_eq!(keys.len(), MAX_PROMINENT);
        // An actor left out is indexed with the passages that name it.
        let left_out = ann.actors.iter().zip(&flags).find(|(a, f)| !**f && is_prominent(a)).unwrap().0;
        let views: Vec<PassageView> = passage_views(&article, &ann).collect();
        assert!(views.iter().any(|v| v.named_keys.contains(&left_out.key())));
    }
}
