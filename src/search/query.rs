//! Building the tantivy query: the user's query on passage text (title and summary as weaker
//! fields) combined with the filters.

use std::collections::HashSet;
use std::ops::Bound;

use jiff::civil::Date;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, InvertedIndexRangeQuery, Occur, Query, QueryParser, QueryParserError,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::schema::{tantivy_date, KIND_QUOTE};
use crate::index::OpenIndex;
use crate::search::block_term::BlockTerm;
use crate::search::{fuzzy, lead_union, BuiltQuery, SearchRequest};

/// Maps what a user calls an actor (`Pyongyang`, `North Korea`, `PRK`) to the key the index
/// stores, or `None` when unknown (the name is then used as typed).
pub type Resolver<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// Builds the query for `request`; fuzzy words (`word~1`) stand for the terms `searcher` holds.
/// A passage search's words are looked for in its text and in `headings`, the lead passages'
/// fields (`title`, `summary`) that the index holds.
pub(crate) fn build(
    open: &OpenIndex,
    searcher: &tantivy::Searcher,
    headings: &[Field],
    config: &Config,
    request: &SearchRequest,
    resolve: &Resolver<'_>,
) -> Result<BuiltQuery> {
    let f = &open.fields;
    // A quotation search matches the quotations of each passage (the `quote` field), a passage
    // search its text, with the title and summary of its article's lead.
    let (text_field, own_fields) = if request.quotes {
        (f.quote, vec![f.quote])
    } else {
        (f.text, std::iter::once(f.text).chain(headings.iter().copied()).collect())
    };
    let mut parser = QueryParser::for_index(&open.index, own_fields.clone());
    parser.set_field_boost(f.title, config.settings.search.title_boost);
    parser.set_field_boost(f.summary, config.settings.search.summary_boost);

    let other_name = |speaker: &str| -> Result<Option<String>> {
        if crate::index::stats::absent_words_in(open, searcher, f.speaker, speaker)?.is_empty() {
            return Ok(None);
        }
        Ok(resolve(speaker).filter(|key| !key.eq_ignore_ascii_case(speaker.trim())))
    };
    let text = rewrite_actor_fields(&request.query, resolve);
    let text = rewrite_published_fields(&rewrite_speaker_fields(&text, &other_name)?)?;
    let text = fuzzy::expand(open, searcher, text_field, &text)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut terms = HashSet::new();
    let mut near = None;
    let mut lift = None;
    let mut leads_only = false;
    let mut speaker_terms = HashSet::new();
    // Every document is a passage; a quotation search needs the passages that hold one. A query
    // on `quote` alone can only match those; any other (`actor:PRK`, `speaker:Blinken`, or none)
    // is checked.
    let quoted = || (Occur::Must, term_query(f.kind, KIND_QUOTE));
    if text.trim().is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
        if request.quotes {
            clauses.push(quoted());
        }
    } else {
        // Only exclusions (`-ukraine`, `NOT satellite`): everything but those, as Elasticsearch's
        // query strings read them; tantivy refuses such a query on its own.
        let user = match parser.parse_query(&text) {
            Err(QueryParserError::AllButQueryForbidden) => parser.parse_query(&format!("* {text}")),
            parsed => parsed,
        }
        .map_err(|e| Error::Query(explain(&request.query, &e.to_string())))?;
        // Terms on the kind's own fields can only match that kind of document; any other
        // (`actor:PRK`, `speaker:Blinken`) could match both, and then the kind must be checked.
        let mut only_own_fields = true;
        user.query_terms(&mut |term, _| {
            only_own_fields &= own_fields.contains(&term.field());
            if let Some(s) = term.value().as_str() {
                if term.field() == text_field {
                    terms.insert(s.to_string());
                } else if term.field() == f.speaker {
                    speaker_terms.insert(s.to_string());
                }
            }
        });
        // Plain words: passages where they stand close together rank higher. The boost is
        // applied to the best candidates only (see `rescore`), not evaluated on every match.
        near = proximity(&open.index, text_field, &text)
            .map(|q| Box::new(BoostQuery::new(q, PROXIMITY_BOOST)) as Box<dyn Query>);
        // Title and summary are indexed with each article's lead passage only: the article's
        // other passages get the lead's title and summary scores added when they are among the
        // best candidates. Only for queries on the passage's own fields: in a query that mixes
        // in others (`actor:PRK`), those would count twice.
        // `title:summit`: only leads match, and there is no other passage to lift.
        leads_only = !request.quotes && only_own_fields && terms.is_empty();
        if !request.quotes && only_own_fields && !leads_only {
            let mut heading = QueryParser::for_index(&open.index, headings.to_vec());
            heading.set_field_boost(f.title, config.settings.search.title_boost);
            heading.set_field_boost(f.summary, config.settings.search.summary_boost);
            lift = heading.parse_query(&text).ok();
        }
        // A word over the text and its article's heading, merged without a three-way union.
        let user = if request.quotes { user } else { lead_union::rewrite(user, f.text, headings) };
        // One word on a heading field (`title:summit`), scored a block at a time with the
        // field's boost: the parser wraps it in a boost query, whose inside cannot be read back.
        let user = match leads_only.then(|| heading_term(open, &own_fields, &text, config)).flatten() {
            Some(term) => Box::new(term),
            None => user,
        };
        clauses.push((Occur::Must, user));
        if request.quotes && !only_own_fields {
            clauses.push(quoted());
        }
    }
    if request.since.is_some() || request.until.is_some() {
        let lower = request.since.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_date(f.published, tantivy_date(d)))
        });
        let upper = request.until.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_date(f.published, tantivy_date(d)))
        });
        // A short range is the union of a few days' postings, a small set that can lead the
        // intersection; a long or open one is cheaper checked per candidate on the fast field.
        let days = match (request.since, request.until) {
            (Some(a), Some(b)) => a.until(b).map(|span| span.get_days()).unwrap_or(i32::MAX),
            _ => i32::MAX,
        };
        let range: Box<dyn Query> = if days <= SHORT_RANGE_DAYS {
            Box::new(InvertedIndexRangeQuery::new(lower, upper))
        } else {
            Box::new(RangeQuery::new(lower, upper))
        };
        clauses.push((Occur::Must, range));
    }
    if !request.sources.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = request
            .sources
            .iter()
            .map(|s| (Occur::Should, term_query(f.source, &s.trim().to_lowercase())))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    for actor in &request.actors {
        let key = resolve(actor).unwrap_or_else(|| actor.trim().to_string());
        clauses.push((Occur::Must, term_query(f.actor, &key.to_lowercase())));
    }
    for topic in &request.topics {
        clauses.push((Occur::Must, term_query(f.topic, &topic.trim().to_lowercase())));
    }
    let mut speaker_names = Vec::new();
    for speaker in &request.speakers {
        // Speakers are stored as full names, tokenized: "Blinken" and "Antony Blinken" both
        // match as phrases. A name with a word no stored speaker has may be another name of a
        // known actor ("KCNA", "Tony Blinken"), stored under its canonical name: that matches
        // too. Only then is the gazetteer consulted, since loading it costs a search 0.1 s.
        let mut names = vec![speaker.clone()];
        names.extend(other_name(speaker)?);
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for name in &names {
            let phrase = format!("\"{}\"", name.replace('"', " "));
            let q = QueryParser::for_index(&open.index, vec![f.speaker])
                .parse_query(&phrase)
                .map_err(|e| Error::Invalid(format!("--speaker {speaker}: {e}")))?;
            any.push((Occur::Should, q));
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        speaker_names.push(names);
    }
    // Filters must not change scores: only the user's query scores.
    let query: Box<dyn Query> = if clauses.len() == 1 {
        clauses.pop().map_or_else(|| Box::new(AllQuery) as Box<dyn Query>, |(_, q)| BlockTerm::wrap(q))
    } else {
        let mut scored = clauses.remove(0);
        let filters: Vec<(Occur, Box<dyn Query>)> = clauses
            .into_iter()
            .map(|(o, q)| (o, Box::new(tantivy::query::ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>))
            .collect();
        let mut all = vec![(Occur::Must, std::mem::replace(&mut scored.1, Box::new(AllQuery)))];
        all.extend(filters);
        Box::new(BooleanQuery::new(all))
    };
    Ok(BuiltQuery { query, near, lift, leads_only, text_field, terms, speaker_terms, speaker_names })
}

/// The query `text` as a [`BlockTerm`] when it is one word on `title` or `summary` and no
/// boost of its own: parsed without the fields' boosts, then given the field's.
fn heading_term(open: &OpenIndex, fields: &[Field], text: &str, config: &Config) -> Option<BlockTerm> {
    let f = &open.fields;
    let unboosted = QueryParser::for_index(&open.index, fields.to_vec()).parse_query(text).ok()?;
    let term = unboosted.downcast_ref::<TermQuery>()?;
    let boost = match term.term().field() {
        field if field == f.title => config.settings.search.title_boost,
        field if field == f.summary => config.settings.search.summary_boost,
        _ => return None,
    };
    Some(BlockTerm::boosted(term.clone(), boost))
}

/// Date ranges up to this many days are looked up in the inverted index (measured at 200,000
/// articles: a three-month range with a topic 6.1 ms by fast field, 1.0 ms by postings; an
/// open-ended one 3.3 ms by fast field, 6.9 ms by postings).
const SHORT_RANGE_DAYS: i32 = 400;

/// Weight of the proximity clause relative to the words' own scores.
const PROXIMITY_BOOST: f32 = 0.5;
/// How many positions apart the words of a plain query may stand and still count as near.
const PROXIMITY_SLOP: u32 = 3;

/// For a query of two or more plain words (no quotes, fields, operators or boosts), a sloppy
/// phrase query over the passage text: the words near one another, in order.
fn proximity(index: &tantivy::Index, text_field: Field, query: &str) -> Option<Box<dyn Query>> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let operator = |w: &&str| matches!(*w, "AND" | "OR" | "NOT" | "IN");
    let special = |c: char| "\"():^*~[]{}!\\/<>=".contains(c);
    let signed = |w: &&str| w.starts_with(['-', '+']);
    if words.len() < 2 || words.iter().any(|w| operator(w) || signed(w)) || query.chars().any(special) {
        return None;
    }
    let phrase = format!("\"{}\"~{PROXIMITY_SLOP}", words.join(" "));
    QueryParser::for_index(index, vec![text_field]).parse_query(&phrase).ok()
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

/// Replaces the value of `actor:VALUE` and `actor:"A B"` clauses by its resolved key.
fn rewrite_actor_fields(query: &str, resolve: &Resolver<'_>) -> String {
    let rewritten = rewrite_field(query, "actor:", |value| {
        let key = resolve(value).unwrap_or_else(|| value.to_string());
        Ok(format!("actor:\"{}\"", key.replace('"', " ")))
    });
    rewritten.unwrap_or_else(|_| query.to_string())
}

/// Widens each `speaker:NAME` clause to the canonical name `other_name` gives a name of a known
/// actor (`speaker:KCNA` also matches "Korean Central News Agency", the name it is stored under).
fn rewrite_speaker_fields(
    query: &str,
    other_name: &dyn Fn(&str) -> Result<Option<String>>,
) -> Result<String> {
    rewrite_field(query, "speaker:", |value| {
        // As typed: a one-word value keeps its syntax (`speaker:Blink*`).
        let typed = if value.contains(char::is_whitespace) {
            format!("speaker:\"{}\"", value.replace('"', " "))
        } else {
            format!("speaker:{value}")
        };
        Ok(match other_name(value)? {
            Some(canonical) => format!("({typed} OR speaker:\"{}\")", canonical.replace('"', " ")),
            None => typed,
        })
    })
}

/// Replaces `published:2024`, `published:2024-11` and `published:2024-11-05` by the range of days
/// they span (publication dates are indexed as midnight UTC, and tantivy's syntax wants RFC 3339
/// date-times). Ranges and date-times are left as they are.
fn rewrite_published_fields(query: &str) -> Result<String> {
    rewrite_field(query, "published:", |value| {
        if value.starts_with(['[', '{']) || value.contains('T') {
            return Ok(format!("published:{value}"));
        }
        let (first, last) =
            period(value).map_err(|_| Error::Query(format!("published:{value}: {PERIOD_FORMS}")))?;
        Ok(format!("published:[{first}T00:00:00Z TO {last}T00:00:00Z]"))
    })
}

/// The values of the `field:VALUE` and `field:"A B"` clauses of `query` (`field` includes its
/// colon), as the query is read: what a caller checks before searching (`topic:sanction` names
/// no topic).
///
/// ```
/// use casefile::search::query::field_values;
/// assert_eq!(field_values("x topic:sanctions -topic:\"a b\" (topic:trade)", "topic:"), ["sanctions", "a b", "trade"]);
/// ```
pub fn field_values(query: &str, field: &str) -> Vec<String> {
    let mut values = Vec::new();
    let _ = rewrite_field(query, field, |value| {
        values.push(value.to_string());
        Ok(String::new())
    });
    values
}

/// Rewrites each `field:VALUE` and `field:"A B"` clause of `query` (`field` includes its colon)
/// that starts a word: `rewrite` gets the value without quotes and returns the text that replaces
/// the whole clause.
fn rewrite_field(
    query: &str,
    field: &str,
    mut rewrite: impl FnMut(&str) -> Result<String>,
) -> Result<String> {
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(pos) = rest.find(field) {
        let at_word_start = pos == 0 || rest[..pos].ends_with([' ', '(', '+', '-']);
        if !at_word_start {
            out.push_str(&rest[..pos + field.len()]);
            rest = &rest[pos + field.len()..];
            continue;
        }
        out.push_str(&rest[..pos]);
        rest = &rest[pos + field.len()..];
        let (value, len) = if let Some(stripped) = rest.strip_prefix('"') {
            match stripped.find('"') {
                Some(end) => (&stripped[..end], end + 2),
                None => (stripped, rest.len()),
            }
        } else {
            let end = rest.find([' ', ')']).unwrap_or(rest.len());
            (&rest[..end], end)
        };
        out.push_str(&rewrite(value)?);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The forms [`period`] accepts, for error messages.
const PERIOD_FORMS: &str = "use YYYY, YYYY-MM or YYYY-MM-DD";

/// The first and last day of a year (`YYYY`), a month (`YYYY-MM`) or a day (`YYYY-MM-DD`): what
/// `--since`, `--until` and `published:` accept.
///
/// ```
/// use casefile::search::period;
/// let (first, last) = period("2024-02").unwrap();
/// assert_eq!((first.to_string(), last.to_string()), ("2024-02-01".into(), "2024-02-29".into()));
/// assert!(period("2024-13").is_err());
/// ```
///
/// # Errors
/// [`Error::Invalid`] for anything else, naming the text and the forms accepted.
pub fn period(text: &str) -> Result<(Date, Date)> {
    let t = text.trim();
    let bad = || Error::Invalid(format!("`{t}` is not a date: {PERIOD_FORMS}"));
    let parts: Vec<&str> = t.split('-').collect();
    let num = |s: &str| if s.bytes().all(|b| b.is_ascii_digit()) { s.parse::<i16>().ok() } else { None };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y).ok_or_else(bad)?;
            Ok((Date::new(y, 1, 1).map_err(|_| bad())?, Date::new(y, 12, 31).map_err(|_| bad())?))
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let month = num(m).and_then(|m| i8::try_from(m).ok()).ok_or_else(bad)?;
            let first = Date::new(num(y).ok_or_else(bad)?, month, 1).map_err(|_| bad())?;
            Ok((first, first.last_of_month()))
        }
        _ => {
            let day = t.parse::<Date>().map_err(|_| bad())?;
            Ok((day, day))
        }
    }
}

/// A one-line explanation of a parse error that points at the problem.
fn explain(query: &str, error: &str) -> String {
    let hint = if query.matches('"').count() % 2 == 1 {
        "an opening `\"` has no closing `\"`"
    } else if query.matches('(').count() != query.matches(')').count() {
        "parentheses do not balance"
    } else if error.contains("Field does not exist") {
        "fields are text, title, summary, quote, source, actor, topic, speaker, mentioned, id, path, published"
    } else {
        "see `casefile search --help` for the syntax"
    };
    format!("`{query}`: {error} ({hint})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_fields_are_resolved() {
        let resolve = |s: &str| (s.eq_ignore_ascii_case("pyongyang")).then(|| "PRK".to_string());
        assert_eq!(rewrite_actor_fields("satellite actor:Pyongyang", &resolve), "satellite actor:\"PRK\"");
        assert_eq!(rewrite_actor_fields("actor:\"Kim Jong Un\" x", &resolve), "actor:\"Kim Jong Un\" x");
        assert_eq!(rewrite_actor_fields("factor:x", &resolve), "factor:x");
    }

    #[test]
    fn speaker_fields_also_match_the_canonical_name() {
        let other = |name: &str| Ok((name == "OBN").then(|| "Oria Broadcasting Network".to_string()));
        assert_eq!(
            rewrite_speaker_fields("launch -speaker:OBN", &other).map_err(|e| e.to_string()),
            Ok("launch -(speaker:OBN OR speaker:\"Oria Broadcasting Network\")".to_string())
        );
        assert_eq!(
            rewrite_speaker_fields("speaker:\"Ana Ruiz\" x", &other).map_err(|e| e.to_string()),
            Ok("speaker:\"Ana Ruiz\" x".to_string())
        );
        assert_eq!(
            rewrite_speaker_fields("speaker:Rui* x", &other).map_err(|e| e.to_string()),
            Ok("speaker:Rui* x".to_string())
        );
    }

    #[test]
    fn published_dates_become_the_days_they_span() {
        let r = |q: &str| rewrite_published_fields(q).map_err(|e| e.to_string());
        assert_eq!(
            r("x published:2024-11").unwrap(),
            "x published:[2024-11-01T00:00:00Z TO 2024-11-30T00:00:00Z]"
        );
        assert_eq!(
            r("(published:2024)").unwrap(),
            "(published:[2024-01-01T00:00:00Z TO 2024-12-31T00:00:00Z])"
        );
        assert_eq!(
            r("published:2024-02-29").unwrap(),
            "published:[2024-02-29T00:00:00Z TO 2024-02-29T00:00:00Z]"
        );
        let range = "published:[2024-01-01T00:00:00Z TO 2024-02-01T00:00:00Z]";
        assert_eq!(r(range).unwrap(), range, "ranges are left alone");
        assert_eq!(r("unpublished:2024").unwrap(), "unpublished:2024");
        let err = r("published:yesterday").unwrap_err();
        assert!(err.contains("published:yesterday") && err.contains("YYYY-MM-DD"), "{err}");
        assert!(r("published:2023-02-29").is_err());
    }
}
