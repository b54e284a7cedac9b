//! Enrichment end to end: the `extract` contract on the shipped corpus and on the model case, and
//! the enrichment filters of `search` and `quotes`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn casefile(cwd: &Path, args: &[&str]) -> Output {
    Command::new(common::bin()).current_dir(cwd).env_remove("CASEFILE_INDEX").args(args).output().unwrap()
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Checks `body[start..end] == text` for every span of an extract record.
fn check_offsets(doc: &Value) -> usize {
    let body = doc["body"].as_str().unwrap().as_bytes();
    let mut n = 0;
    let mut check = |m: &Value| {
        if m.get("field").is_some_and(|f| f != "body") {
            return;
        }
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(
            std::str::from_utf8(&body[s..e]).unwrap(),
            m["text"].as_str().unwrap(),
            "in {}",
            doc["path"]
        );
        n += 1;
    };
    for a in doc["actors"].as_array().unwrap() {
        a["mentions"].as_array().unwrap().iter().for_each(&mut check);
    }
    doc["dates"].as_array().unwrap().iter().for_each(&mut check);
    doc["quotes"].as_array().unwrap().iter().for_each(&mut check);
    n
}

#[test]
fn extract_offsets_hold_on_the_shipped_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = casefile(root, &["extract", "--json", "corpus"]);
    assert!(out.status.success());
    let docs = records(&out);
    assert!(docs.len() >= 30, "{}", docs.len());
    let spans: usize = docs.iter().map(check_offsets).sum();
    assert!(spans > 1000, "{spans}");
    let with = |key: &str| docs.iter().filter(|d| !d[key].as_array().unwrap().is_empty()).count();
    assert!(
        with("actors") == docs.len() && with("topics") >= docs.len() - 2 && with("dates") >= docs.len() - 3
    );
}

/// A plain text file keeps its date and outlet only in its dateline; read from there, they
/// resolve "on Tuesday" and pick the role its people held that day.
#[test]
fn a_plain_wire_file_is_dated_by_its_dateline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = casefile(root, &["extract", "--json", "corpus/wire-plain/singapore-summit-2018.txt"]);
    assert!(out.status.success());
    let doc = &records(&out)[0];
    assert_eq!(doc["published"], "2018-06-12");
    assert_eq!(doc["source"], "Casefile Wire");
    let tuesday = doc["dates"].as_array().unwrap().iter().find(|d| d["text"] == "Tuesday").unwrap();
    assert_eq!(tuesday["value"], "2018-06-12");
    let pompeo = doc["actors"].as_array().unwrap().iter().find(|a| a["name"] == "Mike Pompeo").unwrap();
    assert_eq!(pompeo["role"], "US Secretary of State", "not the CIA post he had left in April");
}

/// On real wire copy whose metadata states the outlet and date, every dateline the reader finds
/// names that outlet, and its date (when it has a year) is the publication date.
#[test]
fn datelines_in_real_wire_copy_agree_with_its_metadata() {
    let Some(data) = common::shared_data("datelines_in_real_wire_copy_agree_with_its_metadata") else {
        return;
    };
    let options = casefile::read::ReadOptions::default();
    let mut found = 0;
    for folder in ["newswire", "dates-dev"] {
        let mut files: Vec<_> =
            std::fs::read_dir(data.join(folder)).unwrap().map(|e| e.unwrap().path()).collect();
        files.retain(|f| f.extension().is_some_and(|e| e == "txt"));
        for file in files {
            for article in casefile::read::read_file(&file, &options).articles {
                let lines = article.body.lines().filter(|l| !l.trim().is_empty()).take(2);
                let Some(d) = lines.into_iter().find_map(casefile::read::dateline::parse) else { continue };
                found += 1;
                if let (Some(outlet), Some(source)) = (d.outlet, &article.source) {
                    // "(AP)" for the Associated Press, "(AFP)" for Agence France-Presse.
                    let initials: String =
                        source.split([' ', '-']).filter_map(|w| w.chars().next()).collect();
                    let same =
                        outlet.eq_ignore_ascii_case(source) || source.contains(outlet) || initials == outlet;
                    assert!(same, "{}: {outlet} in the dateline, {source} in the metadata", file.display());
                }
                if let (Some(date), Some(published)) = (d.date, article.published) {
                    assert_eq!(date, published, "{}", file.display());
                }
            }
        }
    }
    assert!(found >= 60, "only {found} datelines found");
}

#[test]
fn the_model_case_is_enriched_right() {
    let Some(data) = common::shared_data("the_model_case_is_enriched_right") else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = data.join("seed/000_8158477548d8fd67.txt");
    let docs = records(&casefile(root, &["extract", "--json", seed.to_str().unwrap()]));
    let doc = &docs[0];
    check_offsets(doc);
    let actors = doc["actors"].as_array().unwrap();
    let find = |name: &str| {
        actors.iter().find(|a| a["name"] == name).unwrap_or_else(|| panic!("no {name}: {actors:?}"))
    };
    let blinken = find("Antony Blinken");
    assert_eq!(blinken["kind"], "person");
    assert_eq!(blinken["role"], "US Secretary of State");
    assert!(blinken["mentions"].as_array().unwrap().len() >= 3, "surname mentions join the full name");
    let prk = find("North Korea");
    assert_eq!(prk["code"], "PRK");
    assert!(prk["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["text"] == "Pyongyang" && m["metonym"] == true));
    let rus = find("Russia");
    assert!(rus["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["text"] == "Moscow" && m["metonym"] == true));
    assert_eq!(find("Kim Jong Un")["kind"], "person");
    assert_eq!(find("Vladimir Putin")["kind"], "person");
    assert_eq!(find("Yonhap")["kind"], "organization");

    let quotes = doc["quotes"].as_array().unwrap();
    let moscow = quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with("Moscow intends")).unwrap();
    assert_eq!(moscow["speaker"], "Antony Blinken");
    assert!(!quotes.iter().any(|q| q["text"] == "close"), "a one-word scare quote is not a quotation");
    for start in ["is already receiving", "biggest ongoing drivers"] {
        let q = quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with(start)).unwrap();
        assert_eq!(
            q["speaker"], "Antony Blinken",
            "the pronoun resolves to the speaker, not a nearby name: {q}"
        );
    }
    let topics: Vec<&str> =
        doc["topics"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(topics[0], "space-and-satellites", "{topics:?}");
    let dates: Vec<(&str, &Value)> =
        doc["dates"].as_array().unwrap().iter().map(|d| (d["text"].as_str().unwrap(), &d["value"])).collect();
    assert!(dates.contains(&("November 2023", &Value::from("2023-11"))), "{dates:?}");
    assert!(
        dates.iter().any(|(t, v)| *t == "Monday" && v.is_null()),
        "no publication date: relative dates stay null"
    );
}

/// A small archive of our own sentences for the enrichment filters.
fn archive(dir: &Path) {
    let write = |rel: &str, text: &str| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "a/seoul.md",
        "---\nid: \"seoul\"\ntitle: \"Warning in Seoul\"\npublished: 2025-01-06\n---\nSecretary of State Antony Blinken spoke in Seoul on Monday.\n\n\"We believe Moscow intends to share satellite technology with Pyongyang,\" Blinken told reporters.\n",
    );
    write(
        "a/tehran.md",
        "---\nid: \"tehran\"\ntitle: \"New sanctions on Iran\"\npublished: 2024-09-10\n---\nThe Treasury imposed new sanctions on Iranian shipping firms and froze the assets of an oil exporter, citing the sanctions regime and export controls.\n\n\"These sanctions will stay until the missile transfers stop,\" a Treasury official said.\n",
    );
    write(
        "a/kyiv.md",
        "---\nid: \"kyiv\"\ntitle: \"Grain ships leave Odesa\"\npublished: 2023-07-01\n---\nUkrainian officials said three grain ships left Odesa under the corridor agreement.\n",
    );
}

fn ids(out: &Output) -> Vec<String> {
    let mut v: Vec<String> =
        records(out).iter().map(|h| h["article"]["id"].as_str().unwrap().to_string()).collect();
    v.dedup();
    v
}

#[test]
fn enrichment_filters_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    archive(&dir.path().join("news"));
    let d = dir.path();
    assert!(casefile(d, &["--index", "idx", "index", "news", "--quiet"]).status.success());
    let search = |args: &[&str]| {
        let mut all = vec!["--index", "idx", "search", "--json", "--limit", "20"];
        all.extend_from_slice(args);
        casefile(d, &all)
    };
    // Code, name and capital all mean North Korea.
    for actor in ["PRK", "North Korea", "pyongyang"] {
        assert_eq!(ids(&search(&["", "--actor", actor])), ["seoul"], "--actor {actor}");
    }
    assert_eq!(ids(&search(&["actor:Pyongyang"])), ["seoul"]);
    assert_eq!(ids(&search(&["", "--topic", "sanctions"])), ["tehran"]);
    assert_eq!(ids(&search(&["topic:sanctions actor:IRN"])), ["tehran"]);
    assert_eq!(search(&["", "--actor", "IRN", "--topic", "space-and-satellites"]).status.code(), Some(1));

    // Hits show the passage's actors, topics and quotations with speakers.
    let hit = &records(&search(&["satellite"]))[0];
    let actors: Vec<&str> =
        hit["actors"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(actors.contains(&"Antony Blinken") && actors.contains(&"North Korea"), "{actors:?}");
    assert_eq!(hit["quotes"][0]["speaker"], "Antony Blinken");

    // "What has Blinken said about satellites".
    let out = casefile(d, &["--index", "idx", "quotes", "satellite", "--speaker", "Blinken", "--json"]);
    let quotes = records(&out);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["quote"]["speaker"], "Antony Blinken");
    assert!(quotes[0]["text"].as_str().unwrap().starts_with("We believe Moscow"));
    let out = casefile(d, &["--index", "idx", "quotes", "satellite", "--speaker", "Treasury"]);
    assert_eq!(out.status.code(), Some(1));

    // Passage searches return passages and quotation searches quotations, whatever the fields.
    for query in ["satellite", "speaker:Blinken", "actor:PRK", "satellite OR speaker:Blinken"] {
        let passages = records(&search(&[query]));
        assert!(!passages.is_empty(), "{query}");
        assert!(passages.iter().all(|h| h.get("quote").is_none()), "{query}: {passages:?}");
        let out = casefile(d, &["--index", "idx", "quotes", query, "--json", "--limit", "20"]);
        let quotes = records(&out);
        assert!(!quotes.is_empty(), "{query}");
        assert!(quotes.iter().all(|h| h.get("quote").is_some()), "{query}: {quotes:?}");
    }
}

#[test]
fn quotation_searches_pick_the_quotations_of_a_passage_they_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let news = d.join("news");
    std::fs::create_dir_all(&news).unwrap();
    // One passage, two speakers, two subjects.
    std::fs::write(
        news.join("talks.md"),
        "---\nid: \"talks\"\ntitle: \"Talks in Geneva\"\npublished: 2025-03-02\n---\n\
         \"The grain corridor must reopen this month,\" Antony Blinken said, and Sergei Lavrov \
         replied: \"Sanctions on our banks have to end before any shipment moves.\"\n",
    )
    .unwrap();
    assert!(casefile(d, &["--index", "idx", "index", "news", "--quiet"]).status.success());
    let quotes = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["--index", "idx", "quotes", "--json"];
        all.extend_from_slice(args);
        records(&casefile(d, &all))
            .iter()
            .map(|h| {
                let q = &h["quote"];
                (q["speaker"].as_str().unwrap_or("").to_string(), h["text"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let speakers = |hits: Vec<(String, String)>| hits.into_iter().map(|(s, _)| s).collect::<Vec<_>>();
    assert_eq!(speakers(quotes(&[""])), ["Antony Blinken", "Sergei Lavrov"], "both, in passage order");
    assert_eq!(speakers(quotes(&["sanctions"])), ["Sergei Lavrov"], "the quotation holding the word");
    assert_eq!(speakers(quotes(&["corridor"])), ["Antony Blinken"]);
    assert_eq!(speakers(quotes(&["", "--speaker", "Lavrov"])), ["Sergei Lavrov"]);
    assert_eq!(speakers(quotes(&["speaker:Blinken"])), ["Antony Blinken"]);
    assert!(quotes(&["sanctions", "--speaker", "Blinken"]).is_empty(), "Blinken did not speak of sanctions");
    // Counts are of the quotations the search shows, not of the passages holding them.
    let count = |args: &[&str]| -> String {
        let mut all = vec!["--index", "idx", "quotes", "--count"];
        all.extend_from_slice(args);
        String::from_utf8(casefile(d, &all).stdout).unwrap().trim().to_string()
    };
    assert_eq!(count(&[""]), "2 quotations in 1 passage of 1 article");
    assert_eq!(count(&["sanctions"]), "1 quotation in 1 passage of 1 article");
    assert!(count(&["", "--by", "month"])
        .ends_with("2025-03  2 in 1 article  ████████████████████████████████████████"));
    let json = count(&["", "--speaker", "Lavrov", "--json"]);
    assert!(json.contains("\"quotations\":1"), "{json}");
    // A report names the speaker once, before the title.
    let markdown = casefile(d, &["--index", "idx", "quotes", "corridor", "--format", "markdown"]);
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.contains("> — Antony Blinken, *Talks in Geneva*[^1]"), "{markdown}");
    // Each hit cites its own quotation's bytes.
    let hits = records(&casefile(d, &["--index", "idx", "quotes", "--json", "corridor"]));
    let body_start = std::fs::read_to_string(news.join("talks.md")).unwrap().find("\"The grain").unwrap() + 1;
    assert_eq!(hits[0]["file_range"][0], body_start, "{hits:?}");
}

/// One searcher serves passage and quotation searches in turn, highlighting each in its own
/// field (it keeps one analyzer per field across searches).
#[test]
fn one_searcher_highlights_passage_and_quotation_searches_alike() {
    use casefile::index::{self, IndexOptions, IndexRoot};
    use casefile::search::{SearchRequest, Searcher};
    use std::sync::atomic::AtomicBool;

    let dir = tempfile::tempdir().unwrap();
    archive(&dir.path().join("news"));
    let config = casefile::Config::builtin();
    let root = IndexRoot::new(dir.path().join("idx"));
    let options = IndexOptions::new(vec![dir.path().join("news")], &config);
    index::writer::run(&root, &config, &options, &(), &AtomicBool::new(false)).unwrap();
    let searcher = Searcher::new(root.open(&config).unwrap(), &config).unwrap();
    let request = |query: &str, quotes: bool| SearchRequest {
        query: query.into(),
        limit: 10,
        per_article: 10,
        quotes,
        ..SearchRequest::default()
    };
    let shown = |query: &str, quotes: bool| -> Vec<String> {
        let results = searcher.search(&request(query, quotes), &|_: &str| None).unwrap();
        let hit = &results.hits[0];
        hit.highlights.iter().map(|&(s, e)| hit.text[s..e].to_string()).collect()
    };
    for _ in 0..2 {
        assert_eq!(shown("sanctions", false), ["sanctions", "sanctions"]);
        assert_eq!(shown("sanctions", true), ["sanctions"]);
        assert_eq!(shown("satellite technology", true), ["satellite technology"]);
        assert_eq!(shown("Seoul", false), ["Seoul"]);
    }
}
