//! A long article costs time in proportion to its length: transcripts and reports of thousands of
//! paragraphs are indexed like the rest of an archive, not in minutes and gigabytes.
//!
//! The article here (1.7 MB, 10,000 paragraphs, 3,000 people named twice or more, a quotation in
//! every paragraph) took about 5 seconds to enrich and to turn into documents before session 34,
//! and 6 seconds and 510 MB to index, when attribution, name finding and each passage's view
//! looked through the whole article for every name, and all 3,000 people went on every passage
//! as prominent actors; it takes half a second now. The time budget leaves a wide margin for a
//! slow or busy machine; the count of actor keys is exact.

mod common;

use std::time::{Duration, Instant};

use casefile::index::document::documents;
use casefile::index::keys::SEPARATOR;
use casefile::index::schema::{build_schema, Fields};
use casefile::index::view::{prominent_keys, MAX_PROMINENT};
use casefile::{Article, Config, Enricher};
use tantivy::schema::Value;

/// A long transcript-like article: many people, each named in full, then by surname, quoted.
fn long_article(paragraphs: usize) -> Article {
    let given = ["John", "Maria", "Ahmed", "Olga", "Pierre", "Kofi", "Ana", "Ivan", "Sara", "Yuki"];
    let syllables = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "ne", "vi", "da"];
    let surname = |i: usize| {
        let s: String = (0..4).map(|k| syllables[(i / 10usize.pow(k)) % 10]).collect();
        let mut chars = s.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    let mut body = String::new();
    for p in 0..paragraphs {
        let (a, b) = (p % 3000, (p * 7 + 3) % 3000);
        let (first, other) =
            (format!("{} {}", given[a % 10], surname(a)), format!("{} {}", given[b % 10], surname(b)));
        body.push_str(&format!(
            "Minister {first} met {other} in Geneva on Tuesday with Russia's envoy. \"This is a difficult \
             issue for all of us,\" {first} said, and {} agreed.\n\n",
            surname(b)
        ));
    }
    let mut article = Article::new("long", "long.txt", body);
    article.title = "Talks in Geneva".into();
    article.published = Some(jiff::civil::date(2024, 3, 8));
    article
}

#[test]
fn a_long_article_is_enriched_and_indexed_in_linear_time() {
    let article = long_article(10_000);
    assert!(article.body.len() > 1_500_000, "{}", article.body.len());
    let enricher = Enricher::new(&Config::builtin()).expect("the built-in configuration builds");
    let fields = Fields::from_schema(&build_schema()).expect("casefile's schema");

    let started = Instant::now();
    let ann = enricher.enrich(&article);
    let docs = documents(&fields, &article, &ann);
    let took = started.elapsed();

    assert_eq!(docs.len(), ann.passages.len());
    assert!(ann.passages.len() >= 10_000, "{}", ann.passages.len());
    assert!(ann.quotes.len() >= 10_000, "a quotation in every paragraph: {}", ann.quotes.len());
    let persons = ann.actors.iter().filter(|a| a.kind.as_str() == "person").count();
    assert!(persons >= 2900, "{persons}");
    // Thousands of people named twice: only the most named go on every passage, the others on
    // the passages that name them.
    assert_eq!(prominent_keys(&ann).len(), MAX_PROMINENT);
    let actor_keys: usize = docs
        .iter()
        .flat_map(|d| d.get_all(fields.actor))
        .filter_map(|v| v.as_str())
        .map(|v| v.split(SEPARATOR).count())
        .sum();
    assert!(actor_keys <= docs.len() * (MAX_PROMINENT + 4), "{actor_keys} actor keys");
    assert!(took < Duration::from_secs(3), "enriching and indexing took {took:?}");
}

#[test]
fn a_transcript_of_short_lines_is_enriched_in_linear_time() {
    // Every line opens with a capitalised word before a verb, which attribution asks about: asked
    // by scanning the whole text each time, 20,000 lines took about 6 seconds.
    let lines: Vec<String> = (0..20_000)
        .map(|i| format!("Speaker{} said \"we will see about that\" on Monday.", i % 500))
        .collect();
    let (ann, took) = enrich_timed("lines", lines.join("\n"));
    assert!(ann.quotes.len() >= 20_000, "{}", ann.quotes.len());
    assert!(took < Duration::from_secs(2), "enriching took {took:?}");
}

#[test]
fn names_written_tens_of_thousands_of_times_are_enriched_in_linear_time() {
    // Two names down a 3 MB transcript, each written some 50,000 times: name finding asked of
    // every writing whether the name recurs alone or is written in lower case elsewhere, and
    // walked all the others to answer; the file took 22 seconds to extract, 0.6 now.
    let phrases = ["he said", "Blinken said", "\"we will,\"", "she added", "according to", "Lavrov"];
    let words: Vec<&str> = (0..300_000).map(|i| phrases[(i * 7 + i / 6) % 6]).collect();
    let (ann, took) = enrich_timed("names", words.join(" "));
    let lavrov = ann.actors.iter().find(|a| a.name == "Sergei Lavrov").expect("Lavrov is found");
    assert!(lavrov.mentions.len() >= 40_000, "{}", lavrov.mentions.len());
    assert!(took < Duration::from_secs(3), "enriching took {took:?}");
}

/// The annotations of an article `id` with `body`, published 8 March 2024, and the time they took.
fn enrich_timed(id: &str, body: String) -> (casefile::Annotations, Duration) {
    let mut article = Article::new(id, format!("{id}.txt"), body);
    article.published = Some(jiff::civil::date(2024, 3, 8));
    let enricher = Enricher::new(&Config::builtin()).expect("the built-in configuration builds");
    let started = Instant::now();
    let ann = enricher.enrich(&article);
    (ann, started.elapsed())
}

#[test]
fn a_text_without_full_stops_is_enriched_in_linear_time() {
    // Quotation marks, "said" and a name in a random order, with no full stop anywhere: the whole
    // text is one sentence, which attribution walked back through from each quotation to find
    // its start. 400,000 words took 1.25 s to extract, 800,000 (here) 4.8 s; 0.4 s and 0.7 s now.
    let words = ["«", "»", "„", "“", "”", "‘", "’", "said", "Kim"];
    let mut state: u64 = 1;
    let picks: Vec<&str> = (0..800_000)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            words[((state >> 33) % 9) as usize]
        })
        .collect();
    let (ann, took) = enrich_timed("soup", picks.join(" "));
    assert!(ann.quotes.len() >= 2_000, "{}", ann.quotes.len());
    assert!(took < Duration::from_secs(3), "enriching took {took:?}");
}

#[test]
fn a_feed_of_thousands_of_articles_in_one_file_is_enriched_in_linear_time() {
    // The 2,202 wire stories of `newswire`, three times over, as one 10 MB file: attribution
    // asked each of its thousands of persons whether they bore a speaker's surname, and actor
    // finding looked through every acronym's occurrences again for each definition of it. One
    // copy took 1.9 s to extract, two 8.0 s, eight 155 s; now 1.3, 2.3 and 21 s. (Three took
    // about 18 s to enrich, by the square; 3.5 s now.)
    let Some(shared) =
        common::shared_data("a_feed_of_thousands_of_articles_in_one_file_is_enriched_in_linear_time")
    else {
        return;
    };
    let mut stories = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(shared.join("newswire"))
        .expect("newswire is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a newswire story is UTF-8");
        let body = text.split_once("\n---\n").map_or(text.as_str(), |(_, body)| body);
        stories.push(body.to_string());
    }
    assert!(stories.len() > 2000, "{}", stories.len());
    let feed = stories.join("\n\n");
    let (ann, took) = enrich_timed("feed", [feed.as_str(); 3].join("\n\n"));
    assert!(ann.actors.len() > 2000 && ann.quotes.len() > 3000, "{} {}", ann.actors.len(), ann.quotes.len());
    assert!(took < Duration::from_secs(10), "enriching took {took:?}");
}
