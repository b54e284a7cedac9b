//! Enrichment: from an [`Article`] to its [`Annotations`] (passages, actors, dates, quotes, topics).
//!
//! Every extractor is built once per run from the [`Config`] (automata, tables) and is then shared
//! read-only across threads. Enrichment knows nothing of files or indexes.

pub mod actors;
mod anchored;
pub mod dates;
pub mod gazetteer;
pub mod hash;
pub mod passages;
pub mod quotes;
pub mod topics;

use serde::Serialize;

use crate::article::{first_line, shorten_title, Article, Passage, Span};
use crate::config::Config;
use crate::error::Result;

pub use actors::{Actor, ActorExtractor, ActorKind, ActorResolver, Mention};
pub use dates::{DateExtractor, DateMention};
pub use passages::PassageSplitter;
pub use quotes::{Quote, QuoteExtractor};
pub use topics::{TopicClassifier, TopicScore};

/// True for a company's suffix ("Co", "Ltd"), ignoring ASCII case: its period ends no sentence
/// before another suffix or a speech verb ("Yamaichi Securities Co. Ltd. said"). Actors and
/// quotations tokenize apart, and both ask.
pub(crate) fn company_suffix(word: &str) -> bool {
    ["co", "cos", "corp", "inc", "ltd", "plc", "llc"].iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Everything enrichment found in one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Annotations {
    /// The passages the body is split into, in order.
    pub passages: Vec<Passage>,
    /// Countries, persons and organisations, each with all its mentions.
    pub actors: Vec<Actor>,
    /// Mentioned dates, resolved against the publication date.
    pub dates: Vec<DateMention>,
    /// Direct quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// The article's topics, best first.
    pub topics: Vec<TopicScore>,
    /// Each passage's topics, aligned with `passages`.
    pub passage_topics: Vec<Vec<TopicScore>>,
}

/// All extractors, built once from the configuration.
#[derive(Debug)]
pub struct Enricher {
    passages: PassageSplitter,
    actors: ActorExtractor,
    dates: DateExtractor,
    quotes: QuoteExtractor,
    topics: TopicClassifier,
}

impl Enricher {
    /// Builds every extractor from `config`.
    ///
    /// # Errors
    /// When a data file of `index-config` is malformed.
    pub fn new(config: &Config) -> Result<Enricher> {
        // The gazetteer takes most of the time; the other extractors are built meanwhile.
        let (actors, others) = rayon::join(|| ActorExtractor::from_config(config), || Self::others(config));
        Self::assemble(config, actors, others)
    }

    /// Builds every extractor from `config` one after another on the calling thread, without
    /// rayon: for a thread of its own that builds while other work goes on (`rayon::join` off
    /// a pool's threads would start rayon's global pool).
    ///
    /// # Errors
    /// When a data file of `index-config` is malformed.
    pub fn new_sequentially(config: &Config) -> Result<Enricher> {
        Self::assemble(config, ActorExtractor::from_config(config), Self::others(config))
    }

    /// The extractors other than the actors'.
    fn others(config: &Config) -> Result<(DateExtractor, QuoteExtractor, TopicClassifier)> {
        let dates = DateExtractor::from_config(config)?;
        let quotes = QuoteExtractor::from_config(config)?;
        let topics = TopicClassifier::from_config(config)?;
        Ok((dates, quotes, topics))
    }

    fn assemble(
        config: &Config,
        actors: Result<ActorExtractor>,
        others: Result<(DateExtractor, QuoteExtractor, TopicClassifier)>,
    ) -> Result<Enricher> {
        let (dates, quotes, topics) = others?;
        Ok(Enricher {
            passages: PassageSplitter::new(config.settings.passages.max_words),
            actors: actors?,
            dates,
            quotes,
            topics,
        })
    }

    /// Splits an article into passages only (the cheap path, for indexing without enrichment).
    pub fn passages(&self, article: &Article) -> Vec<Passage> {
        self.passages.split(&article.body)
    }

    /// Enriches one article.
    pub fn enrich(&self, article: &Article) -> Annotations {
        let passages = self.passages(article);
        let actors = self.actors(article);
        let dates = self.dates(article);
        let quotes = self.quotes(article, &actors);
        let (topics, passage_topics) = self.topics(article, &passages, &actors);
        Annotations { passages, actors, dates, quotes, topics, passage_topics }
    }

    /// The actors of an article (its title and body), as [`Enricher::enrich`] finds them.
    pub fn actors(&self, article: &Article) -> Vec<Actor> {
        self.actors.extract(article)
    }

    /// The dates mentioned in an article's body, resolved against its publication date.
    pub fn dates(&self, article: &Article) -> Vec<DateMention> {
        self.dates.extract(&article.body, article.published)
    }

    /// The quotations of an article's body; `actors` (from [`Enricher::actors`]) name their
    /// speakers.
    pub fn quotes(&self, article: &Article, actors: &[Actor]) -> Vec<Quote> {
        self.quotes.extract(article, actors)
    }

    /// The topics of an article (from its title, summary and body) and of each of its `passages`
    /// (from [`Enricher::passages`]); the names of the persons among `actors` (from
    /// [`Enricher::actors`]) are no evidence of a topic.
    pub fn topics(
        &self,
        article: &Article,
        passages: &[Passage],
        actors: &[Actor],
    ) -> (Vec<TopicScore>, Vec<Vec<TopicScore>>) {
        let summary = article.summary.as_deref().unwrap_or("");
        // A title taken from the first key point or the first line of the body (the reader's
        // fallback, or a headline the body repeats) is words the text already holds: counted
        // again, an article's first line would weigh twice. Blanked with spaces, it keeps its
        // length, so the offsets of title mentions still line up.
        let title = article.title.as_str();
        let repeated =
            [summary, article.body.as_str()].into_iter().any(|s| shorten_title(first_line(s)) == title);
        let text = if repeated && !title.is_empty() {
            format!("{:width$}\n{summary}\n{}", "", article.body, width = title.len())
        } else {
            format!("{title}\n{summary}\n{}", article.body)
        };
        let body_offset = article.title.len() + 1 + summary.len() + 1;
        let spans: Vec<_> = passages.iter().map(Passage::span).collect();
        let mut names: Vec<Span> = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .flat_map(|a| &a.mentions)
            .map(|m| {
                // The first of several words may be a title that is evidence ("Pope John Paul
                // II"), or a false person's ("Terrorism Bill"): only the words after it count
                // as the name.
                let skip = m.text.find(' ').map_or(0, |i| i + 1);
                let offset = if m.field.is_some() { 0 } else { body_offset };
                Span::new(offset + m.start + skip, offset + m.end)
            })
            .collect();
        names.sort_unstable_by_key(|n| n.start);
        self.topics.score_article(&text, body_offset, &spans, &names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics(enricher: &Enricher, article: &Article) -> Vec<TopicScore> {
        let actors = enricher.actors(article);
        enricher.topics(article, &enricher.passages(article), &actors).0
    }

    #[test]
    fn a_title_the_text_repeats_counts_once() {
        let enricher = Enricher::new(&Config::builtin()).expect("the built-in configuration builds");
        let body = "New sanctions on Iran's oil exports\n\nThe embargo widens the sanctions of last year.";
        let derived = Article::new("a", "a.txt", body);
        assert_eq!(derived.title, "New sanctions on Iran's oil exports");
        let untitled = Article { title: String::new(), ..derived.clone() };
        let found = topics(&enricher, &derived);
        assert!(found.iter().any(|t| t.id == "sanctions"), "{found:?}");
        assert_eq!(found, topics(&enricher, &untitled), "the first line counts once");

        // A key point the title repeats counts once too; a headline of its own counts.
        let key_point = Article {
            title: "Oil sanctions tightened".into(),
            summary: Some("Oil sanctions tightened\nTalks go on.".into()),
            ..derived.clone()
        };
        let without_title = Article { title: String::new(), ..key_point.clone() };
        assert_eq!(topics(&enricher, &key_point), topics(&enricher, &without_title));
        let headline = Article { title: "Oil sanctions tightened".into(), ..derived.clone() };
        let score = |found: Vec<TopicScore>| found.iter().find(|t| t.id == "sanctions").map(|t| t.score);
        assert!(score(topics(&enricher, &headline)) > score(found), "a headline of its own is evidence");
    }

    #[test]
    fn a_description_speaks_for_the_person_its_role_noun_named() {
        // Before: the speaker "the spokesman", as no one had a role; now the person the role
        // noun named, whose role the actors carry.
        let enricher = Enricher::new(&Config::builtin()).expect("the built-in configuration builds");
        let body = "Foreign ministry spokesman Tomas Kerlo met reporters on Tuesday.\n\n\
                    \"We will not accept this,\" the spokesman said.";
        let ann = enricher.enrich(&Article::new("a", "a.txt", body));
        let speakers: Vec<_> = ann.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Tomas Kerlo")]);
    }
}
