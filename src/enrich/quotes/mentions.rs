//! An article's actor mentions in body order, with the look-ups attribution makes for every
//! quotation answered without walking all of them.
//!
//! Attribution asks, for each quotation's speaker, which actor mention overlaps or holds the
//! name, and which person of a surname was named last before it. Asked by walking every
//! mention, those questions made an article's attribution quadratic: a 2.4 MB transcript of
//! 20,000 paragraphs took 11 seconds to extract, nearly all of it here. Mentions are kept sorted
//! by start, so the ones that can overlap or hold a range lie in a window found by binary search
//! (none is longer than [`Mentions::longest`]), and each actor's mentions are listed apart, so
//! that "the last mention of a person called Clinton" looks at the article's distinct persons,
//! not at all their mentions. Every answer is the one the walk gave: the first or last mention
//! in the same order.

use std::cell::OnceCell;

use crate::article::Span;
use crate::enrich::actors::Actor;
use crate::enrich::hash::WordMap;

/// Lists of at most this many mentions are walked: in an article of a few dozen mentions a walk
/// costs less than gathering each actor's.
const WALKED_UP_TO: usize = 64;

/// Actor mentions of the body, by start.
pub(super) struct Mentions<'a> {
    /// Each mention with its actor, sorted by start (a stable sort: mentions starting at the same
    /// byte keep the order of their actors).
    list: Vec<(&'a Actor, Span)>,
    /// The length in bytes of the longest mention.
    longest: usize,
    /// The place in the actors given of each mention's actor.
    owners: Vec<usize>,
    /// The actors given.
    actors: &'a [Actor],
    /// Each actor with a mention, in the order of the actors given, with the places in `list` of
    /// its mentions, ascending; gathered on first use, for a long list only (a short one is
    /// walked).
    by_actor: OnceCell<Vec<(&'a Actor, Vec<usize>)>>,
    /// The places in `by_actor` of the actors by each word of their roles, ASCII-lower-cased (see
    /// [`Mentions::last_with_role`]); gathered on first use.
    role_words: OnceCell<WordMap<Vec<usize>>>,
    /// The places in `by_actor` of the actors by the first and by the last word of their names,
    /// ASCII-lower-cased (see [`Mentions::last_named`]); gathered on first use.
    name_words: OnceCell<[WordMap<Vec<usize>>; 2]>,
}

/// Which word of an actor's name [`Mentions::last_named`] looks actors up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameWord {
    /// The first word ("Hu" of "Hu Jintao").
    First,
    /// The last word, a surname mostly.
    Last,
}

impl NameWord {
    /// This word of `name` (words split at spaces).
    fn of(self, name: &str) -> &str {
        let word = match self {
            NameWord::First => name.split(' ').next(),
            NameWord::Last => name.rsplit(' ').next(),
        };
        word.unwrap_or(name)
    }
}

impl<'a> Mentions<'a> {
    /// The body mentions (not those in the title) of the actors `keep` accepts.
    pub fn new(actors: &'a [Actor], keep: impl Fn(&Actor) -> bool) -> Mentions<'a> {
        let mut list: Vec<(usize, &'a Actor, Span)> = actors
            .iter()
            .enumerate()
            .filter(|(_, a)| keep(a))
            .flat_map(|(k, a)| {
                let body = a.mentions.iter().filter(|m| m.field.is_none());
                body.map(move |m| (k, a, Span::new(m.start, m.end)))
            })
            .collect();
        list.sort_by_key(|&(_, _, s)| s.start);
        let longest = list.iter().map(|(_, _, s)| s.end.saturating_sub(s.start)).max().unwrap_or(0);
        let owners = list.iter().map(|&(k, _, _)| k).collect();
        let list = list.into_iter().map(|(_, a, s)| (a, s)).collect();
        Mentions {
            list,
            longest,
            owners,
            actors,
            by_actor: OnceCell::new(),
            role_words: OnceCell::new(),
            name_words: OnceCell::new(),
        }
    }

    /// Whether the list is short enough to walk.
    fn short(&self) -> bool {
        self.list.len() < WALKED_UP_TO
    }

    fn by_actor(&self) -> &[(&'a Actor, Vec<usize>)] {
        self.by_actor.get_or_init(|| {
            let mut places: Vec<Vec<usize>> = vec![Vec::new(); self.actors.len()];
            for (at, &k) in self.owners.iter().enumerate() {
                places[k].push(at);
            }
            self.actors.iter().zip(places).filter(|(_, p)| !p.is_empty()).collect()
        })
    }

    /// The mentions that may overlap or hold `range`, in order: those starting less than
    /// [`Mentions::longest`] bytes before its start, up to those starting at its end.
    fn window(&self, range: Span) -> &[(&'a Actor, Span)] {
        let from = self.list.partition_point(|(_, s)| s.start + self.longest < range.start);
        let to = self.list.partition_point(|(_, s)| s.start <= range.end);
        &self.list[from..to.max(from)]
    }

    /// The mentions overlapping `range`, in order.
    pub fn overlapping(&self, range: Span) -> impl Iterator<Item = &(&'a Actor, Span)> {
        self.window(range).iter().filter(move |(_, s)| s.overlaps(range))
    }

    /// The mentions holding `range` (itself included), in order.
    pub fn holding(&self, range: Span) -> impl Iterator<Item = &(&'a Actor, Span)> {
        self.window(range).iter().filter(move |(_, s)| s.start <= range.start && range.end <= s.end)
    }

    /// The actor of the last mention, in order, that `fits` among the mentions of the actors
    /// `pick` accepts, looking only at mentions starting at or before byte `until` (every
    /// mention that fits must).
    pub fn last(
        &self,
        pick: impl Fn(&Actor) -> bool,
        until: usize,
        fits: impl Fn(Span) -> bool,
    ) -> Option<(&'a Actor, Span)> {
        if self.short() {
            let found = self.list.iter().rev().find(|(a, s)| s.start <= until && fits(*s) && pick(a));
            return found.copied();
        }
        let by_actor = self.by_actor();
        let picked = (0..by_actor.len()).filter(|&k| pick(by_actor[k].0));
        self.last_of(picked, until, fits)
    }

    /// As [`Mentions::last`], among the actors whose role (none counting as `""`) has all of
    /// `words` (ASCII case aside) between characters that are not letters or digits: the
    /// actors to look at are found by their role's words, not by asking each actor's role.
    pub fn last_with_role(
        &self,
        words: &[&str],
        until: usize,
        fits: impl Fn(Span) -> bool,
    ) -> Option<(&'a Actor, Span)> {
        if self.short() {
            let has = |role: &str, word: &str| {
                role.split(|c: char| !c.is_alphanumeric()).any(|x| x.eq_ignore_ascii_case(word))
            };
            let pick = |a: &Actor| words.iter().all(|w| has(a.role.as_deref().unwrap_or_default(), w));
            return self.last(pick, until, fits);
        }
        let index = self.role_words.get_or_init(|| {
            let mut index: WordMap<Vec<usize>> = WordMap::default();
            for (k, (actor, _)) in self.by_actor().iter().enumerate() {
                let role = actor.role.as_deref().unwrap_or_default();
                for word in role.split(|c: char| !c.is_alphanumeric()) {
                    let places = index.entry(word.to_ascii_lowercase()).or_default();
                    if places.last() != Some(&k) {
                        places.push(k);
                    }
                }
            }
            index
        });
        let holding = |word: &str| index.get(&word.to_ascii_lowercase()).map_or(&[][..], Vec::as_slice);
        let Some((first, rest)) = words.split_first() else {
            return self.last_of(0..self.by_actor().len(), until, fits);
        };
        let picked = holding(first)
            .iter()
            .copied()
            .filter(|k| rest.iter().all(|w| holding(w).binary_search(k).is_ok()));
        self.last_of(picked, until, fits)
    }

    /// The places in `by_actor` of the actors whose name's `which` word is `word`, ASCII case
    /// aside (for a long list).
    fn named(&self, which: NameWord, word: &str) -> &[usize] {
        let index = self.name_words.get_or_init(|| {
            let mut index: [WordMap<Vec<usize>>; 2] = Default::default();
            for (k, (actor, _)) in self.by_actor().iter().enumerate() {
                for (side, which) in [NameWord::First, NameWord::Last].into_iter().enumerate() {
                    index[side].entry(which.of(&actor.name).to_ascii_lowercase()).or_default().push(k);
                }
            }
            index
        });
        let side = usize::from(which == NameWord::Last);
        index[side].get(&word.to_ascii_lowercase()).map_or(&[][..], Vec::as_slice)
    }

    /// As [`Mentions::last`], among the actors whose name's `which` word is `word` (ASCII case
    /// aside) and that `pick` accepts: in a long list the actors are found by that word in a
    /// table, not by asking each of the article's thousands.
    pub fn last_named(
        &self,
        (which, word): (NameWord, &str),
        pick: impl Fn(&Actor) -> bool,
        until: usize,
        fits: impl Fn(Span) -> bool,
    ) -> Option<(&'a Actor, Span)> {
        let named = |a: &Actor| which.of(&a.name).eq_ignore_ascii_case(word);
        if self.short() {
            return self.last(|a| named(a) && pick(a), until, fits);
        }
        let by_actor = self.by_actor();
        let picked = self.named(which, word).iter().copied().filter(|&k| pick(by_actor[k].0));
        self.last_of(picked, until, fits)
    }

    /// As [`Mentions::first`], among the actors whose name's `which` word is `word` (ASCII case
    /// aside) and that `pick` accepts (see [`Mentions::last_named`]).
    pub fn first_named(
        &self,
        (which, word): (NameWord, &str),
        pick: impl Fn(&Actor) -> bool,
    ) -> Option<&'a Actor> {
        let named = |a: &Actor| which.of(&a.name).eq_ignore_ascii_case(word);
        if self.short() {
            return self.first(|a| named(a) && pick(a));
        }
        let by_actor = self.by_actor();
        let firsts =
            self.named(which, word).iter().filter(|&&k| pick(by_actor[k].0)).map(|&k| by_actor[k].1[0]);
        firsts.min().map(|p| self.list[p].0)
    }

    /// [`Mentions::last`] among the actors at places `picked` of `by_actor`.
    fn last_of(
        &self,
        picked: impl Iterator<Item = usize>,
        until: usize,
        fits: impl Fn(Span) -> bool,
    ) -> Option<(&'a Actor, Span)> {
        let mut best: Option<usize> = None;
        let by_actor = self.by_actor();
        for k in picked {
            let places = &by_actor[k].1;
            let cut = places.partition_point(|&p| self.list[p].1.start <= until);
            if let Some(&p) = places[..cut].iter().rev().find(|&&p| fits(self.list[p].1)) {
                best = best.max(Some(p));
            }
        }
        best.map(|p| self.list[p])
    }

    /// The actor of the first mention, in order, of the actors `pick` accepts.
    pub fn first(&self, pick: impl Fn(&Actor) -> bool) -> Option<&'a Actor> {
        if self.short() {
            return self.list.iter().find(|(a, _)| pick(a)).map(|(a, _)| *a);
        }
        let firsts = self.by_actor().iter().filter(|(a, _)| pick(a)).map(|(_, places)| places[0]);
        firsts.min().map(|p| self.list[p].0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::actors::{ActorKind, Mention};

    fn actor(name: &str, spans: &[(usize, usize)]) -> Actor {
        actor_with_role(name, None, spans)
    }

    fn actor_with_role(name: &str, role: Option<&str>, spans: &[(usize, usize)]) -> Actor {
        let mentions = spans
            .iter()
            .map(|&(start, end)| Mention { start, end, text: String::new(), metonym: false, field: None })
            .collect();
        Actor {
            name: name.to_string(),
            kind: ActorKind::Person,
            code: None,
            country: None,
            role: role.map(str::to_string),
            mentions,
        }
    }

    /// `pattern`'s spans `copies` times over, each copy `step` bytes after the last.
    fn repeated(pattern: &[(usize, usize)], copies: usize, step: usize) -> Vec<(usize, usize)> {
        (0..copies)
            .flat_map(|copy| pattern.iter().map(move |&(s, e)| (s + step * copy, e + step * copy)))
            .collect()
    }

    /// Every answer equals the walk over all mentions it replaces, on mentions of every length,
    /// overlapping, nested and starting together.
    #[test]
    fn the_windows_answer_as_the_walk_over_every_mention() {
        // The pattern of 9 mentions, 8 times over: a list long enough to be looked up.
        let spans = |pattern: &[(usize, usize)]| repeated(pattern, 8, 110);
        let actors = vec![
            actor("Ana Ruiz", &spans(&[(0, 8), (40, 44), (90, 98)])),
            actor("Ben Ode", &spans(&[(10, 17), (40, 47), (60, 63)])),
            actor("Long Name Here And There", &spans(&[(20, 80)])),
            actor("Ruiz", &spans(&[(41, 44), (100, 104)])),
        ];
        let m = Mentions::new(&actors, |_| true);
        let walk = &m.list;
        assert_eq!(walk.len(), 72);
        assert!(!m.short());
        assert!(walk.windows(2).all(|w| w[0].1.start <= w[1].1.start));
        let names = |a: &Actor| a.name.clone();
        for start in 0..900 {
            for end in start..(start + 25).min(900) {
                let range = Span::new(start, end);
                let expect: Vec<_> = walk.iter().filter(|(_, s)| s.overlaps(range)).collect();
                assert_eq!(m.overlapping(range).collect::<Vec<_>>(), expect, "{range:?}");
                let expect: Vec<_> = walk.iter().filter(|(_, s)| s.start <= start && end <= s.end).collect();
                assert_eq!(m.holding(range).collect::<Vec<_>>(), expect, "{range:?}");
            }
            for pick in [|a: &Actor| a.name.ends_with("Ruiz"), |a: &Actor| a.name.len() > 7, |_: &Actor| true]
            {
                let expect = walk.iter().rev().find(|(a, s)| s.start < start && pick(a));
                let got = m.last(pick, start, |s| s.start < start);
                assert_eq!(got.map(|(a, s)| (names(a), s)), expect.map(|(a, s)| (names(a), *s)), "{start}");
                let expect = walk.iter().rev().find(|(a, s)| s.end <= start && pick(a));
                let got = m.last(pick, start, |s| s.end <= start);
                assert_eq!(got.map(|(a, s)| (names(a), s)), expect.map(|(a, s)| (names(a), *s)), "{start}");
                let expect = walk.iter().find(|(a, _)| pick(a)).map(|(a, _)| names(a));
                assert_eq!(m.first(pick).map(names), expect);
            }
        }
        assert!(Mentions::new(&actors, |_| false).overlapping(Span::new(0, 100)).next().is_none());
    }

    #[test]
    fn actors_found_by_a_word_of_their_names_are_those_a_walk_finds() {
        let spans = |pattern: &[(usize, usize)]| repeated(pattern, 12, 100);
        let actors = vec![
            actor("Ana Ruiz", &spans(&[(0, 8), (50, 58)])),
            actor("Hu Jintao", &spans(&[(10, 19)])),
            actor("Ruiz", &spans(&[(20, 24), (70, 74)])),
            actor("Luis RUIZ", &spans(&[(30, 39)])),
            actor("Hu", &spans(&[(40, 42)])),
        ];
        let m = Mentions::new(&actors, |_| true);
        assert!(!m.short());
        let questions = [
            (NameWord::Last, "ruiz"),
            (NameWord::Last, "Jintao"),
            (NameWord::First, "Hu"),
            (NameWord::First, "Ruiz"),
            (NameWord::Last, "Nobody"),
        ];
        for (which, word) in questions {
            for pick in [|a: &Actor| a.name.contains(' '), |_: &Actor| true] {
                let chosen = |a: &Actor| which.of(&a.name).eq_ignore_ascii_case(word) && pick(a);
                for until in 0..1250 {
                    let expect = m.list.iter().rev().find(|(a, s)| s.end <= until && chosen(a)).copied();
                    let got = m.last_named((which, word), pick, until, |s| s.end <= until);
                    assert_eq!(
                        got.map(|(a, s)| (&a.name, s)),
                        expect.map(|(a, s)| (&a.name, s)),
                        "{word} {until}"
                    );
                }
                let expect = m.list.iter().find(|(a, _)| chosen(a)).map(|(a, _)| &a.name);
                assert_eq!(m.first_named((which, word), pick).map(|a| &a.name), expect, "{word}");
            }
        }
    }

    #[test]
    fn actors_found_by_their_roles_words_are_those_whose_role_has_them() {
        let spans = |pattern: &[(usize, usize)]| repeated(pattern, 12, 100);
        let actors = vec![
            actor_with_role("Ana Ruiz", Some("Mexican Foreign Minister"), &spans(&[(0, 8), (50, 58)])),
            actor_with_role("Ben Ode", Some("Spokesman of the ministry"), &spans(&[(10, 17)])),
            actor_with_role("Cy Roe", None, &spans(&[(20, 26), (70, 76)])),
            actor_with_role("Di Lu", Some("foreign-minister (acting)"), &spans(&[(30, 35)])),
        ];
        let m = Mentions::new(&actors, |_| true);
        assert!(!m.short());
        let has = |role: &str, word: &str| {
            role.split(|c: char| !c.is_alphanumeric()).any(|x| x.eq_ignore_ascii_case(word))
        };
        let word_sets: [&[&str]; 7] = [
            &[],
            &["minister"],
            &["Foreign", "MINISTER"],
            &["mexican", "minister"],
            &["spokesman"],
            &[""],
            &["x"],
        ];
        for words in word_sets {
            for until in 0..1250 {
                let pick = |a: &Actor| words.iter().all(|w| has(a.role.as_deref().unwrap_or_default(), w));
                let expect = m.list.iter().rev().find(|(a, s)| s.end <= until && pick(a)).copied();
                let got = m.last_with_role(words, until, |s| s.end <= until);
                assert_eq!(
                    got.map(|(a, s)| (&a.name, s)),
                    expect.map(|(a, s)| (&a.name, s)),
                    "{words:?} {until}"
                );
            }
        }
    }
}
