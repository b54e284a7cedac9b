//! The actors of one article while they are collected: found by kind and key, their mentions
//! added once each.
//!
//! A news article names a few dozen actors with a few mentions each, and looking through them
//! is cheapest. A long transcript names thousands, some a thousand times, and looking through
//! all of them for every mention made it quadratic (seconds for a few megabytes). So past
//! [`INDEXED_FROM`] actors the collector keeps tables of them, and past [`INDEXED_FROM`]
//! mentions an actor keeps a set of its own; a table answers what the search through the list
//! would, and is kept up to date from then on.

use std::collections::HashSet;

use super::{Actor, ActorKind, Mention};
use crate::enrich::hash::{FnvBuild, WordMap};

/// How many actors, or mentions of one actor, before they are looked up in tables.
const INDEXED_FROM: usize = 32;

/// An actor being collected for one article.
pub(super) struct Found {
    /// The actor, with the mentions added so far.
    pub actor: Actor,
    /// The start of its first body mention.
    pub first: usize,
    /// The (start, field) of each of its mentions, once it has [`INDEXED_FROM`].
    seen: Option<HashSet<(usize, Option<&'static str>), FnvBuild>>,
    /// How many of its mentions are one word (a person's bare surname).
    one_word: usize,
}

impl Found {
    fn new(actor: Actor) -> Found {
        Found { actor, first: usize::MAX, seen: None, one_word: 0 }
    }

    /// How many of its mentions are one word: for a person, how often the article has called
    /// them by the bare surname.
    pub fn one_word_mentions(&self) -> usize {
        self.one_word
    }

    /// Whether the actor has a mention starting at `start` in `field`.
    fn holds(&self, start: usize, field: Option<&'static str>) -> bool {
        match &self.seen {
            Some(seen) => seen.contains(&(start, field)),
            None => self.actor.mentions.iter().any(|m| m.start == start && m.field == field),
        }
    }

    fn push(&mut self, m: Mention) {
        match &mut self.seen {
            Some(seen) => {
                seen.insert((m.start, m.field));
            }
            None if self.actor.mentions.len() + 1 >= INDEXED_FROM => {
                let mentions = self.actor.mentions.iter().chain([&m]);
                self.seen = Some(mentions.map(|m| (m.start, m.field)).collect());
            }
            None => {}
        }
        self.one_word += usize::from(!m.text.contains(' '));
        self.actor.mentions.push(m);
    }

    /// Takes the actor's mentions away, to give back those to keep with
    /// [`Found::set_mentions`].
    pub fn take_mentions(&mut self) -> Vec<Mention> {
        self.seen = None;
        self.one_word = 0;
        std::mem::take(&mut self.actor.mentions)
    }

    /// Makes `mentions` the actor's.
    pub fn set_mentions(&mut self, mentions: Vec<Mention>) {
        self.seen = None;
        self.one_word = mentions.iter().filter(|m| !m.text.contains(' ')).count();
        self.actor.mentions = mentions;
    }
}

/// The actors of one article, looked up by kind and key while they are collected.
#[derive(Default)]
pub(super) struct Collector {
    /// The actors, in the order they were first found.
    pub found: Vec<Found>,
    /// Every known person's name as the article writes it, titles included ("King Abdullah II"),
    /// in the body and the title alike.
    pub named_in_full: Vec<(String, u32)>,
    /// The tables of `found`, once it has [`INDEXED_FROM`] actors.
    tables: Option<Tables>,
}

/// The actors of a [`Collector`] in tables.
#[derive(Default)]
struct Tables {
    /// Each actor's place in `found`, by key and kind: the first of a key and kind, as a search
    /// through `found` finds it.
    places: WordMap<Vec<(ActorKind, usize)>>,
    /// The persons in `found` by each ending of their names after one word or more ("Le Pen"
    /// and "Pen" for Marine Le Pen), in order.
    endings: WordMap<Vec<usize>>,
}

impl Tables {
    fn add(&mut self, idx: usize, actor: &Actor) {
        let places = self.places.entry(own_key(actor).to_string()).or_default();
        if !places.iter().any(|&(k, _)| k == actor.kind) {
            places.push((actor.kind, idx));
        }
        if actor.kind == ActorKind::Person {
            for at in name_endings(&actor.name) {
                self.endings.entry(actor.name[at..].to_string()).or_default().push(idx);
            }
        }
    }
}

/// What [`Actor::key`] returns: a country's code, any other actor's name.
fn own_key(actor: &Actor) -> &str {
    match (&actor.kind, &actor.code) {
        (ActorKind::Country, Some(code)) => code,
        _ => &actor.name,
    }
}

/// Where the endings of `name` after one word or more start: after each space but a first.
fn name_endings(name: &str) -> impl Iterator<Item = usize> + '_ {
    name.bytes().enumerate().skip(1).filter(|&(_, b)| b == b' ').map(|(at, _)| at + 1)
}

impl Collector {
    /// Adds a mention to the actor of `kind` and `key` (what [`Actor::key`] returns), creating it
    /// with `make` when new.
    pub fn add(
        &mut self,
        kind: ActorKind,
        key: &str,
        mention: Mention,
        make: impl FnOnce() -> Actor,
    ) -> usize {
        let idx = match self.position(kind, key) {
            Some(i) => i,
            None => {
                self.found.push(Found::new(make()));
                let idx = self.found.len() - 1;
                match &mut self.tables {
                    Some(tables) => tables.add(idx, &self.found[idx].actor),
                    None if self.found.len() >= INDEXED_FROM => {
                        let mut tables = Tables::default();
                        for (i, f) in self.found.iter().enumerate() {
                            tables.add(i, &f.actor);
                        }
                        self.tables = Some(tables);
                    }
                    None => {}
                }
                idx
            }
        };
        link(self, idx, mention);
        idx
    }

    /// The place in `found` of the actor of `kind` and `key` (what [`Actor::key`] returns).
    fn position(&self, kind: ActorKind, key: &str) -> Option<usize> {
        match &self.tables {
            Some(tables) => {
                let places = tables.places.get(key).into_iter().flatten();
                places.filter(|&&(k, _)| k == kind).map(|&(_, i)| i).next()
            }
            None => self.found.iter().position(|f| f.actor.kind == kind && own_key(&f.actor) == key),
        }
    }

    /// The persons whose names end with the words of `name` after one word or more, in order.
    pub fn persons_ending_with(&self, name: &str) -> Vec<usize> {
        if let Some(tables) = &self.tables {
            return tables.endings.get(name).cloned().unwrap_or_default();
        }
        let longer = |full: &str| name_endings(full).any(|at| &full[at..] == name);
        let persons = self.found.iter().enumerate();
        persons
            .filter(|(_, f)| f.actor.kind == ActorKind::Person && longer(&f.actor.name))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Adds mention `m` to actor `idx` of `col` (once).
pub(super) fn link(col: &mut Collector, idx: usize, m: Mention) {
    let f = &mut col.found[idx];
    if m.field.is_none() {
        f.first = f.first.min(m.start);
    }
    if !f.holds(m.start, m.field) {
        f.push(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Actor {
        Actor {
            name: name.to_string(),
            kind: ActorKind::Person,
            code: None,
            country: None,
            role: None,
            mentions: Vec::new(),
        }
    }

    fn mention(start: usize) -> Mention {
        Mention { start, end: start + 1, text: "x".into(), metonym: false, field: None }
    }

    /// Before and after the tables, the same actors are found and each mention is added once.
    #[test]
    fn the_tables_answer_as_the_lists_did() {
        let mut col = Collector::default();
        let names: Vec<String> = (0..3 * INDEXED_FROM).map(|i| format!("Ana Le Pen{}", i % 50)).collect();
        for (i, name) in names.iter().enumerate() {
            let idx = col.add(ActorKind::Person, name, mention(i), || person(name));
            assert_eq!(col.found[idx].actor.name, *name);
            // Twice the same mention: added once.
            link(&mut col, idx, mention(i));
            let again = col.add(ActorKind::Person, name, mention(i), || person("never made"));
            assert_eq!(again, idx);
            // As the search through every person found: a longer name ending with the words.
            let longer = |full: &str, end: &str| {
                full.len() > end.len() + 1
                    && full.ends_with(end)
                    && full.as_bytes()[full.len() - end.len() - 1] == b' '
            };
            for end in [&name[4..], &name[7..], "Pen", "Ana Le Pen1", ""] {
                let expect: Vec<usize> =
                    (0..col.found.len()).filter(|&k| longer(&col.found[k].actor.name, end)).collect();
                assert_eq!(col.persons_ending_with(end), expect, "{end}");
            }
        }
        assert_eq!(col.found.len(), 50);
        assert!(col.tables.is_some());
        // An organisation of the same name is another actor.
        let org = col.add(ActorKind::Organization, &names[0], mention(0), || Actor {
            kind: ActorKind::Organization,
            ..person(&names[0])
        });
        assert_eq!(org, 50);
        // An actor with many mentions keeps a set of them, and adds each once.
        for round in 0..2 {
            for start in 0..2 * INDEXED_FROM {
                link(&mut col, 0, mention(1000 + start));
            }
            assert_eq!(col.found[0].actor.mentions.len(), 2 + 2 * INDEXED_FROM, "round {round}");
        }
        assert!(col.found[0].seen.is_some());
        let kept = col.found[0].take_mentions();
        col.found[0].set_mentions(kept);
        link(&mut col, 0, mention(1000));
        assert_eq!(col.found[0].actor.mentions.len(), 2 + 2 * INDEXED_FROM);
    }
}
