//! Actors: countries (ISO 3166-1 alpha-3), persons with their roles, organisations.

use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::error::Result;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state, by name, demonym or seat of government.
    Country,
    /// A named person.
    Person,
    /// An international body, ministry, armed force, party, armed group, agency or company.
    Organization,
}

impl ActorKind {
    /// The kind's name as used in JSON and in the index (`country`, `person`, `organization`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
}

/// One mention of an actor in the body (or the title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// First byte in the body (or the title when `field` is `title`).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention's text, exactly `body[start..end]`.
    pub text: String,
    /// True when the mention is a metonym (a capital for its government) or a plain location.
    pub metonym: bool,
    /// `Some("title")` for a mention in the title; `None` for the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

/// An actor found in an article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Canonical name ("North Korea", "Antony Blinken").
    pub name: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code, for countries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The actor's country (alpha-3), for persons and organisations where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The person's role valid on the publication date ("US Secretary of State").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<Mention>,
}

impl Actor {
    /// The key the index stores and filters on: the alpha-3 code for a country, else the
    /// canonical name. [`ActorExtractor::resolve`] maps what a user types to this key.
    pub fn key(&self) -> String {
        match (&self.kind, &self.code) {
            (ActorKind::Country, Some(code)) => code.clone(),
            _ => self.name.clone(),
        }
    }
}

/// Finds actors with the gazetteer and contextual cues.
#[derive(Debug)]
pub struct ActorExtractor {}

impl ActorExtractor {
    /// Builds the gazetteer automaton from `countries.tsv`, `organizations.tsv`, `people.tsv` and
    /// `roles.tsv`.
    ///
    /// # Errors
    /// When one of those files is malformed.
    pub fn from_config(_config: &Config) -> Result<ActorExtractor> {
        Ok(ActorExtractor {})
    }

    /// All actors of `article`, in order of first mention.
    pub fn extract(&self, _article: &Article) -> Vec<Actor> {
        Vec::new()
    }

    /// Resolves a user's actor name, alias or code (`PRK`, `North Korea`, `Pyongyang`, `blinken`)
    /// to the key [`Actor::key`] gives that actor, if the gazetteer knows it (case-insensitive).
    pub fn resolve(&self, name: &str) -> Option<String> {
        let _ = name;
        None
    }
}
