//! End-to-end tests of the `casefile` binary on temporary corpora in every format.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A small archive in every format, with our own sentences.
fn corpus(dir: &Path) {
    write(
        dir,
        "asia/seoul.md",
        "---\nid: \"seoul-1\"\ntitle: \"Blinken warns of satellite help for Pyongyang\"\nsource: \"Casefile Wire\"\nurl: \"https://example.org/seoul\"\npublished: 2025-01-06\n---\n\nSecretary of State Antony Blinken said in Seoul on Monday that Moscow intends to share advanced space and satellite technology with Pyongyang.\n\nThe warning came as North Korean troops fought alongside Russian forces near Kursk. \"We are watching this very closely,\" Blinken said.\n",
    );
    write(
        dir,
        "europe/grain.txt",
        "---\ntitle: \"Black Sea grain corridor reopens\"\nsource: \"Meridian Dispatch\"\npublished: \"2022-07-22T10:00:00+03:00\"\n---\nUkraine and Russia signed parallel agreements in Istanbul to let grain ships leave Odesa.\n\nThe United Nations and Turkey will inspect the vessels.\n",
    );
    write(
        dir,
        "plain/keypoints.txt",
        "- Armenia says tens of thousands have fled Karabakh.\n- Aid convoys wait at the border.\nRefugees crossed into Armenia through the Lachin corridor over the weekend.\nOfficials in Yerevan counted the arrivals.\n",
    );
    write(
        dir,
        "feeds/wire.jsonl",
        "{\"id\":\"feed-1\",\"title\":\"Iran enrichment report\",\"source\":\"Harbor Line\",\"published\":\"2023-03-01\",\"body\":\"Inspectors found uranium particles enriched to 83.7 percent at Fordow.\"}\nthis line is broken\n{\"id\":\"feed-2\",\"title\":\"Sanctions on shipping\",\"source\":\"Harbor Line\",\"published\":\"2024-02-20\",\"text\":\"The Treasury imposed sanctions on tankers carrying Iranian oil.\"}\n",
    );
    write(
        dir,
        "feeds/archive.json",
        "[{\"id\":\"arc-1\",\"title\":\"Vilnius summit\",\"published\":\"2023-07-11\",\"body\":\"NATO leaders met in Vilnius and discussed the path for Ukraine to join the alliance.\"}]",
    );
    write(
        dir,
        "web/strikes.html",
        "<!doctype html><html lang=\"en\"><head><title>Strikes | Northgate</title>\n<meta property=\"og:title\" content=\"Strikes on Houthi radar sites\">\n<meta property=\"og:site_name\" content=\"Northgate Ledger\">\n<meta property=\"article:published_time\" content=\"2024-01-12T06:00:00Z\">\n<link rel=\"canonical\" href=\"https://example.org/strikes\">\n<style>p{color:red}</style><script>var tracker = 'houthi';</script></head>\n<body><nav>Home | World | Houthi archive</nav><article><p>American and British aircraft struck radar sites in Yemen overnight.</p><p>The Houthis had attacked shipping in the Red Sea for weeks.</p></article><footer>Copyright</footer></body></html>",
    );
    write(dir, "notes/empty.txt", "");
    write(dir, "notes/image.pdf", "%PDF-1.4 not an article");
}

fn casefile(cwd: &Path, index: &Path, args: &[&str]) -> Output {
    Command::new(common::bin())
        .current_dir(cwd)
        .env_remove("CASEFILE_INDEX")
        .env("NO_COLOR", "1")
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn indexed() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("archive"));
    let index = dir.path().join("idx");
    let out = casefile(dir.path(), &index, &["index", "archive", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, index)
}

#[test]
fn index_counts_files_articles_and_skips() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("archive"));
    let index = dir.path().join("idx");
    let out = casefile(dir.path(), &index, &["index", "archive", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["added"], 6, "{s}");
    assert_eq!(s["articles"], 7, "{s}");
    assert_eq!(s["skipped_by_reason"]["empty"], 1);
    assert_eq!(s["skipped_by_reason"]["unsupported"], 1);
    let bad_line = s["problems"].as_array().unwrap().iter().find(|p| p["reason"] == "bad_record").unwrap();
    assert_eq!(bad_line["line"], 2);

    // A second run reads nothing new, however the folder is written; a change and a removal
    // are picked up.
    for root in ["archive", "./archive", "archive/"] {
        let again: Value =
            serde_json::from_slice(&casefile(dir.path(), &index, &["index", root, "--json"]).stdout).unwrap();
        assert_eq!(
            (again["added"].as_u64(), again["unchanged"].as_u64(), again["articles"].as_u64()),
            (Some(0), Some(6), Some(7)),
            "{root}: {again}"
        );
    }
    std::fs::remove_file(dir.path().join("archive/feeds/archive.json")).unwrap();
    write(
        &dir.path().join("archive"),
        "europe/grain.txt",
        "---\ntitle: \"Grain deal ends\"\n---\nRussia left the grain deal.\n",
    );
    let third: Value =
        serde_json::from_slice(&casefile(dir.path(), &index, &["index", "archive", "--json"]).stdout)
            .unwrap();
    assert_eq!(
        (third["updated"].as_u64(), third["removed"].as_u64(), third["articles"].as_u64()),
        (Some(1), Some(1), Some(6)),
        "{third}"
    );
    let out = casefile(dir.path(), &index, &["search", "Vilnius", "--json"]);
    assert_eq!(out.status.code(), Some(1), "a removed file's article is gone");
    let out = casefile(dir.path(), &index, &["search", "left grain deal", "--json"]);
    assert_eq!(json_lines(&out)[0]["article"]["title"], "Grain deal ends");
}

#[test]
fn a_feed_of_broken_records_shows_a_few_on_stderr_and_lists_all_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut feed = String::from("{\"id\":\"ok\",\"body\":\"Grain ships left Odesa.\"}\n");
    feed.push_str(&"{\"quote\":\"no body here\"}\n".repeat(20));
    write(&dir.path().join("archive"), "feed.jsonl", &feed);
    write(&dir.path().join("archive"), "gold.jsonl", &"{\"quote\":\"x\"}\n".repeat(300));
    let index = dir.path().join("idx");

    let out = casefile(dir.path(), &index, &["index", "archive"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("casefile:")).collect();
    assert_eq!(lines.len(), 7, "five problems, a count, one skipped file:\n{stderr}");
    assert!(
        lines
            .iter()
            .any(|l| l
                .ends_with("feed.jsonl: 15 more problems like these (the --json summary lists them all)")),
        "{stderr}"
    );
    assert!(
        lines.iter().any(|l| l.contains("gold.jsonl: malformed: no readable line of 300 (line 1:")),
        "{stderr}"
    );

    let out = casefile(dir.path(), &index, &["index", "archive", "--json", "--full"]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["problems"].as_array().map(Vec::len), Some(20), "{s}");

    let out = casefile(dir.path(), &index, &["extract", "archive/gold.jsonl"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).lines().count(),
        1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_archive_indexed_as_dot_names_its_files_without_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    corpus(&archive);
    let index = dir.path().join("idx");
    let first: Value =
        serde_json::from_slice(&casefile(&archive, &index, &["index", ".", "--json"]).stdout).unwrap();
    assert_eq!((first["added"].as_u64(), first["articles"].as_u64()), (Some(6), Some(7)), "{first}");
    let out = casefile(&archive, &index, &["search", "satellite technology", "--json"]);
    let hits = json_lines(&out);
    assert_eq!(hits[0]["article"]["path"], "asia/seoul.md", "{}", hits[0]);
    // A folder inside `.` is the same files under the same names: nothing to read again.
    for roots in [&[".", "asia"][..], &["./", "asia/"][..], &["asia"][..]] {
        let mut args = vec!["index"];
        args.extend_from_slice(roots);
        args.push("--json");
        let again: Value = serde_json::from_slice(&casefile(&archive, &index, &args).stdout).unwrap();
        assert_eq!(
            (again["added"].as_u64(), again["removed"].as_u64()),
            (Some(0), Some(0)),
            "{roots:?}: {again}"
        );
    }
}

#[test]
fn search_ranks_passages_and_cites_exact_bytes() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "satellite technology", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let hits = json_lines(&out);
    let top = &hits[0];
    assert_eq!(top["rank"], 1);
    assert_eq!(top["article"]["id"], "seoul-1");
    assert_eq!(top["article"]["source"], "Casefile Wire");
    assert_eq!(top["article"]["published"], "2025-01-06");
    for key in ["score", "text", "highlights", "passage", "file_range", "citation"] {
        assert!(top.get(key).is_some(), "hit lacks {key}: {top}");
    }
    let text = top["text"].as_str().unwrap();
    assert!(text.contains("Moscow intends"));
    for h in top["highlights"].as_array().unwrap() {
        let (s, e) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
        let word = text[s..e].to_lowercase();
        assert!(word.starts_with("satellite") || word.starts_with("technolog"), "highlight {word}");
    }
    // file_range holds exactly the text in the file.
    let path = dir.path().join(top["article"]["path"].as_str().unwrap());
    let bytes = std::fs::read(path).unwrap();
    let r = &top["file_range"];
    let (s, e) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
    assert_eq!(std::str::from_utf8(&bytes[s..e]).unwrap(), text);
}

#[test]
fn every_verbatim_hit_points_at_its_text_and_jsonl_hits_at_their_line() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "", "--json", "--limit", "50", "--per-article", "10"]);
    let hits = json_lines(&out);
    assert!(hits.len() >= 8, "{}", hits.len());
    let mut lines = 0;
    for hit in &hits {
        let path = dir.path().join(hit["article"]["path"].as_str().unwrap());
        match hit["file_range"].as_array() {
            Some(r) => {
                let bytes = std::fs::read(&path).unwrap();
                let (s, e) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
                assert_eq!(std::str::from_utf8(&bytes[s..e]).unwrap(), hit["text"].as_str().unwrap());
            }
            None if path.extension().unwrap() == "jsonl" => {
                let line = hit["article"]["line"].as_u64().unwrap() as usize;
                let file = std::fs::read_to_string(&path).unwrap();
                assert!(file.lines().nth(line - 1).unwrap().contains(hit["text"].as_str().unwrap()));
                lines += 1;
            }
            None => assert!(["json", "html"].contains(&path.extension().unwrap().to_str().unwrap())),
        }
    }
    assert_eq!(lines, 2);
}

#[test]
fn filters_narrow_results() {
    let (dir, index) = indexed();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "", "--json", "--limit", "50"];
        all.extend_from_slice(args);
        let out = casefile(dir.path(), &index, &all);
        let mut v: Vec<String> =
            json_lines(&out).iter().map(|h| h["article"]["id"].as_str().unwrap().to_string()).collect();
        v.dedup();
        v
    };
    let mut lower = ids(&["--source", "harbor line"]);
    lower.sort();
    assert_eq!(lower, ["feed-1", "feed-2"], "source names match in any case");
    let mut harbor = ids(&["--source", "Harbor Line"]);
    harbor.sort();
    assert_eq!(harbor, ["feed-1", "feed-2"]);
    let mut in_2024 = ids(&["--since", "2024-01-01", "--until", "2024-12-31"]);
    in_2024.sort();
    assert_eq!(in_2024, ["archive/web/strikes", "feed-2"]);
    assert_eq!(ids(&["--since", "2025"]), ["seoul-1"]);
    assert_eq!(ids(&["--until", "2022-07"]).len(), 1);
    // In the query: a mentioned date is found by its day, month and year; `published:` takes
    // the same plain dates as --since.
    let matching = |query: &str| -> Vec<String> {
        let out = casefile(dir.path(), &index, &["search", query, "--json"]);
        assert!(out.status.code() != Some(2), "{query}: {}", String::from_utf8_lossy(&out.stderr));
        let mut v: Vec<String> =
            json_lines(&out).iter().map(|h| h["article"]["id"].as_str().unwrap().to_string()).collect();
        v.sort();
        v.dedup();
        v
    };
    for period in ["2025-01-06", "2025-01", "2025"] {
        assert_eq!(matching(&format!("mentioned:{period}")), ["seoul-1"], "'on Monday', 2025-01-06");
    }
    assert!(matching("mentioned:2025-02").is_empty());
    assert_eq!(matching("published:2023-07"), ["arc-1"]);
    assert_eq!(matching("published:2024-02-20 OR published:2025"), ["feed-2", "seoul-1"]);
    // Exclusions alone match everything else.
    for query in ["NOT satellite", "-satellite"] {
        let out = casefile(dir.path(), &index, &["search", "--json", "--limit", "50", "--", query]);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", String::from_utf8_lossy(&out.stderr));
        let hits = json_lines(&out);
        assert!(hits.len() > 5, "{query}");
        assert!(hits.iter().all(|h| !h["text"].as_str().unwrap().contains("satellite")), "{query}");
    }
    let bad = casefile(dir.path(), &index, &["search", "published:last-week"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use YYYY, YYYY-MM or YYYY-MM-DD"));
}

#[test]
fn exit_statuses_follow_ripgrep() {
    let (dir, index) = indexed();
    assert_eq!(casefile(dir.path(), &index, &["search", "satellite"]).status.code(), Some(0));
    assert_eq!(casefile(dir.path(), &index, &["search", "zanzibarquux"]).status.code(), Some(1));
    let bad = casefile(dir.path(), &index, &["search", "\"unclosed phrase"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("closing"), "{err}");
    assert_eq!(casefile(dir.path(), &index, &["search", "x", "--since", "yesterday"]).status.code(), Some(2));
    // Requests that cannot be meant are refused, not answered with nothing.
    let reversed = casefile(dir.path(), &index, &["search", "x", "--since", "2025", "--until", "2024-06"]);
    assert_eq!(reversed.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&reversed.stderr).contains("--since 2025-01-01 is after --until 2024-06-30")
    );
    let none = casefile(dir.path(), &index, &["search", "satellite", "--limit", "0"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("at least 1"));
    // A topic id that is none is refused, with the id most likely meant, as a flag or in the
    // query.
    for (args, said) in [
        (
            &["search", "x", "--topic", "sanction"][..],
            "--topic sanction: no such topic; did you mean `sanctions`?",
        ),
        (
            &["search", "topic:satelites"][..],
            "topic:satelites: no such topic; did you mean `space-and-satellites`?",
        ),
        (&["quotes", "--topic", "zz"][..], "--topic zz: no such topic; the topics are: "),
    ] {
        let out = casefile(dir.path(), &index, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
    }
    let missing = casefile(dir.path(), &dir.path().join("nowhere"), &["search", "x"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("casefile index"));
    // Nothing matched with an actor the gazetteer does not know: the reason is named.
    let unknown = casefile(dir.path(), &index, &["search", "satellite", "--actor", "Narnia"]);
    assert_eq!(unknown.status.code(), Some(1));
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(err.contains("--actor Narnia: not a country, person or organisation"), "{err}");
    // A mistyped one is answered with the known name nearest it.
    let typo = casefile(dir.path(), &index, &["search", "satellite", "--actor", "Pyongang"]);
    let err = String::from_utf8_lossy(&typo.stderr);
    assert!(err.contains("so it was matched as typed; did you mean `Pyongyang`?"), "{err}");
    let known = casefile(dir.path(), &index, &["search", "zanzibarquux", "--actor", "Pyongyang"]);
    assert!(!String::from_utf8_lossy(&known.stderr).contains("--actor"), "a known actor is not flagged");
    // A speaker is matched by the words of their name: a word no speaker has is named.
    let unknown = casefile(dir.path(), &index, &["quotes", "--speaker", "Secretary Vidal"]);
    assert_eq!(unknown.status.code(), Some(1));
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        err.contains(
            "--speaker Secretary Vidal: no quoted speaker's name has the words `secretary`, `vidal`;"
        ),
        "{err}"
    );
    // A mistyped name is answered with the speaker's name nearest it.
    let typo = casefile(dir.path(), &index, &["quotes", "--speaker", "Blinkn"]);
    assert_eq!(typo.status.code(), Some(1));
    let err = String::from_utf8_lossy(&typo.stderr);
    assert!(err.contains("has the word `blinkn`; did you mean `Blinken`?"), "{err}");
    // A known person's name after a title is that person's.
    let titled = casefile(dir.path(), &index, &["quotes", "--speaker", "Secretary Blinken"]);
    assert_eq!(titled.status.code(), Some(0), "{}", String::from_utf8_lossy(&titled.stderr));
    // Another name of a known actor matches the speaker stored under its canonical name.
    let alias = casefile(dir.path(), &index, &["quotes", "--speaker", "Tony Blinken"]);
    assert_eq!(alias.status.code(), Some(0), "{}", String::from_utf8_lossy(&alias.stderr));
    assert!(String::from_utf8_lossy(&alias.stdout).contains("— Antony Blinken"));
    assert!(!String::from_utf8_lossy(&alias.stderr).contains("--speaker"));
    // A source is a whole outlet name: a part of one matches nothing, and the outlets are named.
    let partial = casefile(dir.path(), &index, &["search", "satellite", "--source", "Casefile"]);
    assert_eq!(partial.status.code(), Some(1));
    let err = String::from_utf8_lossy(&partial.stderr);
    assert!(err.contains("--source Casefile: no outlet") && err.contains("casefile wire"), "{err}");
    let whole = casefile(dir.path(), &index, &["search", "zanzibarquux", "--source", "casefile WIRE"]);
    assert!(!String::from_utf8_lossy(&whole.stderr).contains("--source"), "a known outlet is not flagged");
}

#[test]
fn second_indexer_is_refused_with_its_own_status() {
    let (dir, index) = indexed();
    let _held = casefile::index::lock::IndexLock::acquire(&index).unwrap();
    let out = casefile(dir.path(), &index, &["index", "archive"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("locked by another casefile run"), "{err}");
    // Searching still works while the lock is held.
    assert_eq!(casefile(dir.path(), &index, &["search", "grain"]).status.code(), Some(0));
}

#[test]
fn html_pages_are_read_without_navigation_or_scripts() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "houthi", "--json", "--per-article", "5"]);
    let hits = json_lines(&out);
    assert_eq!(hits.len(), 2, "the article's two paragraphs, and no navigation or script: {hits:?}");
    assert!(hits[0]["text"].as_str().unwrap().starts_with("The Houthis had attacked"), "{hits:?}");
    for h in &hits {
        let text = h["text"].as_str().unwrap();
        assert!(!text.contains("archive") && !text.contains("tracker") && !text.contains("color"), "{text}");
    }
    let a = &hits[0]["article"];
    assert_eq!(a["title"], "Strikes on Houthi radar sites");
    assert_eq!(a["source"], "Northgate Ledger");
    assert_eq!(a["published"], "2024-01-12");
    assert_eq!(a["url"], "https://example.org/strikes");
    assert!(hits[0]["file_range"].is_null());
}

#[test]
fn markdown_output_has_footnote_citations() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "grain ships", "--format", "markdown"]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("> "), "{md}");
    assert!(md.contains("[^1]: \"Black Sea grain corridor reopens\", Meridian Dispatch, 2022-07-22"), "{md}");
    assert!(md.contains("**grain ships**"), "{md}");
}

#[test]
fn first_search_indexes_the_corpus_folder() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("corpus"));
    let out = Command::new(common::bin())
        .current_dir(dir.path())
        .env_remove("CASEFILE_INDEX")
        .args(["search", "Fordow", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("indexing ./corpus"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[1] Iran enrichment report"), "{text}");
    assert!(text.contains("Sources"), "{text}");
    assert!(dir.path().join(".casefile/CURRENT").exists());
}

#[test]
fn a_title_match_lifts_every_passage_of_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    // Two passages about uranium; the shorter one scores higher on its own text, but the other's
    // article has the word in its title, which lifts all of its passages.
    let article = |id: &str, title: &str, lead: &str, second: &str| {
        format!("---\nid: \"{id}\"\ntitle: \"{title}\"\n---\n\n{lead}\n\n{second}\n")
    };
    let (short, long) = (
        "The uranium stockpile grew, inspectors said.",
        "The uranium stockpile grew again this year, the inspectors of the agency said on Monday.",
    );
    write(&archive, "a-weather.md", &article("weather", "Rain over the coast", "Rain fell all day.", short));
    write(&archive, "b-talks.md", &article("talks", "Uranium talks stall", "Diplomats met in Vienna.", long));
    let index = dir.path().join("idx");
    assert_eq!(casefile(dir.path(), &index, &["index", "archive"]).status.code(), Some(0));

    let hits =
        json_lines(&casefile(dir.path(), &index, &["search", "uranium", "--json", "--per-article", "5"]));
    let found: Vec<(String, u64)> = hits
        .iter()
        .map(|h| (h["article"]["id"].as_str().unwrap().to_string(), h["passage"]["index"].as_u64().unwrap()))
        .collect();
    let at = |id: &str, p: u64| found.iter().position(|f| *f == (id.to_string(), p));
    let (lifted, plain) = (at("talks", 1).expect("talks ¶1"), at("weather", 1).expect("weather ¶1"));
    assert!(lifted < plain, "the passage of the article titled `Uranium…` ranks first: {found:?}");
    assert!(at("talks", 0).is_some(), "the lead passage matches through the title: {found:?}");
    assert!(
        at("weather", 0).is_none(),
        "a passage without the word, in an article without it, does not: {found:?}"
    );

    // A query on the title field finds the article's lead passage.
    let hits = json_lines(&casefile(dir.path(), &index, &["search", "title:uranium", "--json"]));
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0]["article"]["id"].as_str(), hits[0]["passage"]["index"].as_u64()),
        (Some("talks"), Some(0))
    );
    // Such a query only matches leads, one per article: the limit counts articles.
    for (file, id) in [("c.md", "uranium-c"), ("d.md", "uranium-d"), ("e.md", "uranium-e")] {
        write(&archive, file, &article(id, "Uranium enrichment resumes", "Centrifuges spun.", long));
    }
    assert_eq!(casefile(dir.path(), &index, &["index", "archive"]).status.code(), Some(0));
    let hits =
        json_lines(&casefile(dir.path(), &index, &["search", "title:uranium", "--json", "--limit", "3"]));
    let found: Vec<(&str, u64)> = hits
        .iter()
        .map(|h| (h["article"]["id"].as_str().unwrap(), h["passage"]["index"].as_u64().unwrap()))
        .collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|&(_, p)| p == 0), "{found:?}");
    let articles: std::collections::HashSet<&str> = found.iter().map(|&(id, _)| id).collect();
    assert_eq!(articles.len(), 3, "three articles: {found:?}");
}

#[test]
fn a_small_budget_with_several_threads_indexes_with_fewer_threads() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("archive"));
    let index = dir.path().join("idx");
    // tantivy needs 15 MB per indexing thread: 20 MB is enough for one of the four asked for.
    let out =
        casefile(dir.path(), &index, &["index", "archive", "--json", "--threads", "4", "--memory", "20"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["articles"], 7, "{s}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let (dir, index) = indexed();
    for format in ["text", "json", "markdown"] {
        let mut child = Command::new(common::bin())
            .current_dir(dir.path())
            .env_remove("CASEFILE_INDEX")
            .arg("--index")
            .arg(&index)
            .args(["search", "the", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the search has printed anything (opening the index takes longer), as
        // `| head -0` would: every write fails with a broken pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("pipe") && !err.contains("panicked"), "{format}: {err}");
        assert_eq!(out.status.code(), Some(0), "{format}: {err}");
    }
}

#[test]
fn extract_reads_standard_input_given_as_dash() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        ("{\"id\":\"w1\",\"title\":\"Talks\",\"published\":\"2024-01-05\",\"body\":\"Blinken met envoys in Doha on Thursday.\"}\n", "w1"),
        ("---\ntitle: \"Talks\"\n---\nBlinken met envoys in Doha on Thursday.\n", "-"),
    ];
    for (input, id) in inputs {
        let mut child = Command::new(common::bin())
            .current_dir(dir.path())
            .args(["extract", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let records = json_lines(&out);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["id"], id);
        assert_eq!(records[0]["title"], "Talks");
        let actors: Vec<&str> =
            records[0]["actors"].as_array().unwrap().iter().filter_map(|a| a["name"].as_str()).collect();
        assert!(actors.contains(&"Antony Blinken") && actors.contains(&"Qatar"), "{actors:?}");
    }
}

#[test]
fn a_folder_indexed_under_another_name_keeps_its_files_once() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    corpus(&project.join("corpus"));
    let index = project.join(".casefile");
    let first = casefile(&project, &index, &["index", "corpus", "--json"]);
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    let articles = first["articles"].as_u64().unwrap();
    assert!(articles > 0, "{first}");

    // A scheduled job, run from elsewhere, names the folder by its absolute path.
    let absolute = std::fs::canonicalize(project.join("corpus")).unwrap();
    let abs = absolute.to_str().unwrap();
    std::fs::write(
        absolute.join("wire.jsonl"),
        "{\"id\":\"w-9\",\"title\":\"Late wire\",\"body\":\"Envoys met in Doha.\"}\n",
    )
    .unwrap();
    let out = casefile(dir.path(), &index, &["index", abs]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(&format!("{abs} is indexed as corpus")), "{stderr}");
    assert!(stderr.contains(" 1 added, 0 updated, 0 removed,"), "only the new file is added: {stderr}");
    assert!(stderr.contains(&format!("; {} articles,", articles + 1)), "{stderr}");

    // Its files keep their names: citations and the removal of a deleted file.
    let hits = json_lines(&casefile(dir.path(), &index, &["search", "Doha", "--json"]));
    assert_eq!(hits[0]["article"]["path"], "corpus/wire.jsonl", "{hits:?}");
    std::fs::remove_file(absolute.join("wire.jsonl")).unwrap();
    let out = casefile(dir.path(), &index, &["index", abs, "--json"]);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (summary["removed"].as_u64(), summary["articles"].as_u64()),
        (Some(1), Some(articles)),
        "{summary}"
    );
    assert_eq!(summary["renamed_roots"][abs], "corpus", "{summary}");
    let stats = casefile(dir.path(), &index, &["stats"]);
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(stats.contains(&format!("folder:     corpus ({abs})")), "{stats}");
    assert_eq!(stats.matches("folder:").count(), 1, "one folder, one name: {stats}");
}

#[test]
fn a_fuzzy_word_finds_the_words_within_its_edits() {
    let (dir, index) = indexed();
    let count = |query: &str| -> String {
        let out = casefile(dir.path(), &index, &["search", "--count", "--", query]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(count("uranuim"), "0 passages in 0 articles");
    assert_ne!(count("uranium"), "0 passages in 0 articles");
    // A transposition is one edit; `~` alone allows two in a word of seven letters.
    assert_eq!(count("uranuim~1"), count("uranium"));
    assert_eq!(count("uranuim~"), count("uranium"));
    assert_eq!(count("uranuim~0"), "0 passages in 0 articles", "no edit: the word alone");
    assert_eq!(count("Fordow -uranuim~1"), count("Fordow -uranium"), "an excluded fuzzy word");
    assert_eq!(count("\"uranuim~1 particles\""), "0 passages in 0 articles", "inside a phrase, as typed");
    let bad = casefile(dir.path(), &index, &["search", "uranium~x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`uranium~1`"), "the error shows the syntax");
    // The words found are highlighted as the passage spells them.
    let out = casefile(dir.path(), &index, &["search", "uranuim~1", "--json"]);
    let hit = &json_lines(&out)[0];
    let text = hit["text"].as_str().unwrap();
    let (s, e) = (hit["highlights"][0][0].as_u64().unwrap(), hit["highlights"][0][1].as_u64().unwrap());
    assert_eq!(&text[s as usize..e as usize], "uranium");
}

#[test]
fn a_word_no_passage_has_gets_the_closest_one_the_index_holds() {
    let (dir, index) = indexed();
    let search = |query: &str, extra: &[&str]| {
        let mut args = vec!["search", query];
        args.extend_from_slice(extra);
        let out = casefile(dir.path(), &index, &args);
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // One edit, a transposition, and two edits in a longer word; spelled as the passages spell it.
    let (status, stderr) = search("uranuim Fordo", &[]);
    assert_eq!(status, Some(1), "still nothing matched: {stderr}");
    assert!(
        stderr.contains("no passage has `uranuim` or `Fordo`; did you mean `uranium Fordow`?"),
        "{stderr}"
    );
    let (_, stderr) = search("\"tanker carrying Iranain\"", &[]);
    assert!(stderr.contains("did you mean `\"tanker carrying Iranian\"`?"), "{stderr}");
    // Nothing close, a short word, an excluded word: no suggestion.
    for query in ["xqzvbw", "uranium -tankr", "Fo"] {
        let (_, stderr) = search(query, &["--since", "2030"]);
        assert!(!stderr.contains("did you mean"), "{query}: {stderr}");
    }
    // Words the index holds, with a filter that excludes them: no suggestion either.
    let (status, stderr) = search("uranium", &["--since", "2030"]);
    assert_eq!(status, Some(1));
    assert!(!stderr.contains("did you mean"), "{stderr}");
}

#[test]
fn hits_sorted_by_date_come_newest_or_oldest_first_undated_last() {
    let (dir, index) = indexed();
    let published = |order: &str| -> Vec<Option<String>> {
        let out = casefile(
            dir.path(),
            &index,
            &["search", "", "--sort", order, "--json", "-n", "100", "--per-article", "1"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        json_lines(&out).iter().map(|h| h["article"]["published"].as_str().map(str::to_string)).collect()
    };
    let newest = published("newest");
    let dated: Vec<&String> = newest.iter().flatten().collect();
    assert!(dated.len() >= 3 && dated.len() < newest.len(), "dated and undated articles: {newest:?}");
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    assert!(newest[..dated.len()].iter().all(Option::is_some), "undated last: {newest:?}");
    let oldest = published("oldest");
    let dated: Vec<&String> = oldest.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");
    assert!(oldest[..dated.len()].iter().all(Option::is_some), "undated last: {oldest:?}");
    assert_eq!(newest.len(), oldest.len());
}

#[test]
fn a_search_without_words_lists_the_newest_first_without_scores() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "", "--json", "-n", "100", "--per-article", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let published: Vec<String> = json_lines(&out)
        .iter()
        .filter_map(|h| h["article"]["published"].as_str().map(str::to_string))
        .collect();
    assert!(published.len() >= 3, "{published:?}");
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "newest first: {published:?}");

    let text = |args: &[&str]| {
        let out = casefile(dir.path(), &index, args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let listed = text(&["quotes", "--color", "never", "-n", "3"]);
    assert!(listed.contains("[1]") && !listed.contains("(score"), "{listed}");
    // A word of the first quotation listed, to search for.
    let quoted = listed.lines().nth(2).unwrap_or_default();
    let word = quoted.split(|c: char| !c.is_alphabetic()).find(|w| w.len() >= 5).expect("a quotation");
    let ranked = text(&["quotes", word, "--color", "never", "-n", "3"]);
    assert!(ranked.contains("(score"), "a query's hits show their scores: {ranked}");
}

#[test]
fn counts_by_period_add_up_to_the_totals_of_a_search() {
    let (dir, index) = indexed();
    let out = casefile(dir.path(), &index, &["search", "", "--by", "year", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let counts: Value = serde_json::from_slice(&out.stdout).unwrap();
    let periods = counts["periods"].as_array().unwrap();
    let sum = |key: &str| periods.iter().map(|p| p[key].as_u64().unwrap()).sum::<u64>();
    assert_eq!(sum("passages"), counts["passages"].as_u64().unwrap(), "{counts}");
    assert_eq!(sum("articles"), counts["articles"].as_u64().unwrap(), "one date per article: {counts}");
    let labels: Vec<&str> = periods.iter().map(|p| p["period"].as_str().unwrap()).collect();
    assert!(labels.contains(&"2024") && labels.last() == Some(&"undated"), "{labels:?}");

    // The same as the search's own total, and nothing matched is exit status 1.
    let hits = casefile(dir.path(), &index, &["search", "", "--color", "never", "-n", "1"]);
    let shown = String::from_utf8_lossy(&hits.stdout).into_owned();
    let counted = casefile(dir.path(), &index, &["search", "", "--count"]);
    let text = String::from_utf8_lossy(&counted.stdout).into_owned();
    let passages = text.split(' ').next().unwrap();
    assert!(shown.contains(&format!("of {passages} matching passages")), "{shown} / {text}");
    let none = casefile(dir.path(), &index, &["search", "xqzvbw", "--count"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "0 passages in 0 articles");
}

#[test]
fn context_shows_the_passages_around_a_hit_from_its_own_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let article = |first: &str| {
        format!(
            "---\ntitle: \"Talks\"\npublished: \"2024-05-01\"\n---\n{first} opened the talks.\n\nThe envoys discussed uranium enrichment.\n\nA second round is planned.\n\nNo date was set.\n"
        )
    };
    write(&archive, "a.md", &article("Oman"));
    write(&archive, "b.md", "The minister resigned on Friday.\n\nHis deputy took over.\n");
    write(&archive, "c.md", "Markets fell sharply.\n");
    let index = dir.path().join("idx");
    let context = |n: &str| -> (Vec<u64>, Vec<u64>, String) {
        let out = casefile(dir.path(), &index, &["search", "uranium", "--json", "-C", n]);
        let hit = &json_lines(&out)[0];
        let paragraphs = |side: &str| -> Vec<u64> {
            hit["context"][side]
                .as_array()
                .map_or(Vec::new(), |ps| ps.iter().map(|p| p["paragraph"].as_u64().unwrap()).collect())
        };
        let before = hit["context"]["before"][0]["text"].as_str().unwrap_or("").to_string();
        (paragraphs("before"), paragraphs("after"), before)
    };
    casefile(dir.path(), &index, &["index", "archive"]);
    assert_eq!(context("1"), (vec![1], vec![3], "Oman opened the talks.".to_string()));
    assert_eq!(context("9").0, [1], "nothing before the article's first passage");
    assert_eq!(context("9").1, [3, 4], "nor after its last: {:?}", context("9"));

    // After an update the article's old passages are deleted, not shown.
    write(&archive, "a.md", &article("Qatar"));
    casefile(dir.path(), &index, &["index", "archive"]);
    assert_eq!(context("2"), (vec![1], vec![3, 4], "Qatar opened the talks.".to_string()));
    let plain = json_lines(&casefile(dir.path(), &index, &["search", "uranium", "--json"]));
    assert!(plain[0].get("context").is_none(), "no context unless asked for");

    // Markdown quotes the context with the hit, in italics, marked with its paragraph.
    let out = casefile(dir.path(), &index, &["search", "uranium", "--format", "markdown", "-C", "1"]);
    let md = String::from_utf8_lossy(&out.stdout);
    let quoted = "> *¶1: Qatar opened the talks.*\n>\n> The envoys discussed **uranium** enrichment.\n>\n> *¶3: A second round is planned.*\n>\n> — *Talks*[^1]";
    assert!(md.contains(quoted), "{md}");
    let md = casefile(dir.path(), &index, &["search", "uranium", "--format", "markdown"]).stdout;
    assert!(!String::from_utf8_lossy(&md).contains("*¶"), "no context unless asked for");
}

#[test]
fn a_copy_read_again_at_the_end_of_a_run_is_found_under_a_folder_given_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let article = |id: &str, body: &str| format!("---\nid: \"{id}\"\ntitle: \"T\"\n---\n{body}\n");
    write(&project.join("corpus"), "a.md", &article("same", "Envoys met in Doha."));
    write(&project.join("corpus"), "b.md", &article("same", "A truce held in Sanaa."));
    let index = project.join(".casefile");
    let first = casefile(&project, &index, &["index", "corpus", "--json"]);
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(first["articles"], 1, "b.md's copy of the id is skipped: {first}");

    // From elsewhere, under the folder's absolute path: a.md drops the id, so b.md's copy is read
    // again at the end of the run, where the folder is, not where its name points from here.
    let absolute = std::fs::canonicalize(project.join("corpus")).unwrap();
    write(&absolute, "a.md", &article("other", "Envoys met in Muscat."));
    let out = casefile(dir.path(), &index, &["index", absolute.to_str().unwrap(), "--json"]);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
    assert_eq!(summary["articles"], 2, "{summary}");
    let hits = json_lines(&casefile(dir.path(), &index, &["search", "Sanaa", "--json"]));
    assert_eq!(hits[0]["article"]["path"], "corpus/b.md", "{hits:?}");
}

#[test]
fn words_are_found_in_summaries_where_an_archive_has_them_and_titles_where_it_has_none() {
    // The key points of plain/keypoints.txt are its summary: "convoys" is written nowhere else.
    let (dir, index) = indexed();
    let hits = json_lines(&casefile(dir.path(), &index, &["search", "convoys", "--json"]));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["article"]["path"], "archive/plain/keypoints.txt", "{}", hits[0]);

    // An archive without a summary anywhere: the query looks in the text and the titles only,
    // with the same hits.
    let bare = tempfile::tempdir().unwrap();
    write(
        &bare.path().join("archive"),
        "vilnius.md",
        "---\ntitle: \"Vilnius summit opens\"\n---\nNATO leaders met in Lithuania.\n",
    );
    let bare_index = bare.path().join("idx");
    assert_eq!(casefile(bare.path(), &bare_index, &["index", "archive", "-q"]).status.code(), Some(0));
    for query in ["summit", "title:summit", "leaders summit"] {
        let hits = json_lines(&casefile(bare.path(), &bare_index, &["search", query, "--json"]));
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
    }
    let none = casefile(bare.path(), &bare_index, &["search", "summary:summit", "--json"]);
    assert_eq!(none.status.code(), Some(1), "no summary holds it");
}
