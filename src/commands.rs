//! One function per command: turn flags into library calls and print the results.

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;
use termcolor::{BufferedStandardStream, ColorChoice};

use casefile::enrich::{ActorResolver, TopicClassifier};
use casefile::export::{self, Engine, ExportOptions};
use casefile::index::{self, IndexOptions, IndexRoot, Progress, RunSummary, SkippedFile};
use casefile::print::{self, counted, extract::ExtractRecord};
use casefile::read::{self, ReadOptions, WalkOptions, Walked};
use casefile::search::{Period, SearchRequest, Searcher, Sort};
use casefile::{Config, Enricher};

use crate::cli::{
    Cli, ColorWhen, CountBy, ExportArgs, ExportEngine, ExtractArgs, Format, IndexArgs, SearchArgs, SortOrder,
    StatsArgs,
};
use crate::{EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_OK};

fn index_root(cli: &Cli) -> IndexRoot {
    IndexRoot::new(cli.index.clone().unwrap_or_else(|| PathBuf::from(index::DEFAULT_ROOT)))
}

/// `casefile index`.
pub fn index(cli: &Cli, args: &IndexArgs) -> anyhow::Result<u8> {
    let config = Config::discover(cli.config.as_deref())?;
    for p in &args.paths {
        if !p.exists() {
            bail!(
                "{}: no such file or folder (give the archive's path: casefile index PATH...)",
                p.display()
            );
        }
    }
    let mut options = IndexOptions::new(args.paths.clone(), &config);
    options.full = args.full;
    options.enrich = !args.no_enrich;
    options.walk = WalkOptions { follow_links: args.run.follow };
    if let Some(mb) = args.memory {
        options.memory_mb = mb;
    }
    if let Some(t) = args.threads {
        options.threads = t;
    }
    if let Some(n) = args.batch {
        options.batch_files = n;
    }
    if let Some(secs) = args.commit_interval {
        options.commit_interval = std::time::Duration::from_secs_f64(secs.max(0.0));
    }
    if let Some(mib) = args.run.max_file_size {
        options.read.max_file_size = mib << 20;
    }
    let stop = stop_on_signal("stopping after the batch in flight is committed");
    let bar = (!args.run.quiet && std::io::stderr().is_terminal()).then(progress_bar);
    let progress = BarProgress(bar, std::sync::atomic::AtomicU64::new(0));
    let root = index_root(cli);
    let summary = index::writer::run(&root, &config, &options, &progress, &stop)?;
    if let Some(bar) = &progress.0 {
        bar.finish_and_clear();
    }
    report(&summary, args.run.json, args.run.quiet)?;
    Ok(if summary.interrupted {
        EXIT_INTERRUPTED
    } else if args.run.strict && !summary.skipped.is_empty() {
        EXIT_NOTHING
    } else {
        EXIT_OK
    })
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files, {msg}, ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// A progress bar (when stderr is a terminal) and the count of articles indexed.
struct BarProgress(Option<ProgressBar>, std::sync::atomic::AtomicU64);

impl Progress for BarProgress {
    fn start(&self, files: u64) {
        if let Some(b) = &self.0 {
            b.set_length(files);
        }
    }
    fn advance(&self, files: u64, articles: u64) {
        if let Some(b) = &self.0 {
            b.inc(files);
            let total = self.1.fetch_add(articles, Ordering::Relaxed) + articles;
            let rate = total as f64 / b.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!("{total} articles ({rate:.0}/s)"));
        }
    }
    fn committing(&self) {}
}

/// How many problems of one file stderr lists before it counts the rest: a feed with ten thousand
/// broken records needs its first few shown, not ten thousand lines.
const PROBLEMS_SHOWN_PER_FILE: usize = 5;

/// A problem as stderr shows it: the line it is on, if any, and the message.
type ShownProblem<'a> = (Option<usize>, &'a str);

/// One line on stderr per file skipped and per problem found (up to [`PROBLEMS_SHOWN_PER_FILE`] a
/// file, then a count), except for files that are simply not articles: those are counted in the
/// summary line, not listed. `--json` summaries list every problem.
fn print_problems(skipped: &[SkippedFile], problems: &[SkippedFile]) {
    for p in skipped {
        if !matches!(p.reason.as_str(), "unsupported" | "documentation" | "symlink") {
            eprintln!("casefile: {}: {}", p.path, p.message);
        }
    }
    let mut per_file: Vec<(&str, Vec<ShownProblem>)> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for p in problems {
        let i = *slot.entry(&p.path).or_insert_with(|| {
            per_file.push((&p.path, Vec::new()));
            per_file.len() - 1
        });
        per_file[i].1.push((p.line, &p.message));
    }
    for (path, list) in per_file {
        print_file_problems(path, &list, Some("the --json summary lists them all"));
    }
}

/// Prints one file's problems, the first [`PROBLEMS_SHOWN_PER_FILE`] in full, then how many more.
/// `where_all` says where the rest can be read, when they can.
fn print_file_problems(path: &str, problems: &[ShownProblem], where_all: Option<&str>) {
    for (line, message) in problems.iter().take(PROBLEMS_SHOWN_PER_FILE) {
        let line = line.map(|l| format!(":{l}")).unwrap_or_default();
        eprintln!("casefile: {path}{line}: {message}");
    }
    if let Some(more) = problems.len().checked_sub(PROBLEMS_SHOWN_PER_FILE).filter(|&n| n > 0) {
        let hint = where_all.map(|w| format!(" ({w})")).unwrap_or_default();
        eprintln!("casefile: {path}: {more} more problems like these{hint}");
    }
}

/// Sets a flag on the first SIGINT/SIGTERM (the run stops at its next checkpoint) and exits on
/// the second.
fn stop_on_signal(what: &'static str) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("casefile: {what} (press again to abort)");
    });
    stop
}

fn report(s: &RunSummary, json: bool, quiet: bool) -> anyhow::Result<()> {
    if json {
        writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(s)?)?;
        return Ok(());
    }
    print_problems(&s.skipped, &s.problems);
    if quiet {
        return Ok(());
    }
    for (given, name) in &s.renamed_roots {
        eprintln!("casefile: {given} is indexed as {name}, the name this index knows it by");
    }
    let skipped: Vec<String> = s.skipped_by_reason.iter().map(|(k, v)| format!("{v} {k}")).collect();
    eprintln!(
        "indexed {}: {} added, {} updated, {} removed, {} unchanged, {} skipped{}; {}, {} in the index ({:.1}s){}",
        s.index,
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.skipped.len(),
        if skipped.is_empty() { String::new() } else { format!(" ({})", skipped.join(", ")) },
        counted(s.articles, "article"),
        counted(s.passages, "passage"),
        s.elapsed_ms as f64 / 1000.0,
        if s.interrupted { "; interrupted: what was read so far is committed" } else { "" },
    );
    Ok(())
}

/// `casefile search` and `casefile quotes`.
pub fn search(cli: &Cli, args: &SearchArgs, quotes: bool) -> anyhow::Result<u8> {
    let config = Config::discover(cli.config.as_deref())?;
    let root = index_root(cli);
    if !root.exists() {
        let corpus = Path::new("corpus");
        if cli.index.is_some() || !corpus.is_dir() {
            return Err(casefile::Error::NoIndex { path: root.path().to_path_buf() }.into());
        }
        eprintln!("casefile: no index yet; indexing ./corpus into {} first", root.path().display());
        let options = IndexOptions::new(vec![corpus.to_path_buf()], &config);
        let summary = index::writer::run(&root, &config, &options, &(), &AtomicBool::new(false))?;
        report(&summary, false, false)?;
    }
    // With no query, only filters, every passage scores the same: the latest come first, and no
    // score is shown.
    let unranked = args.query.trim().is_empty();
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit.unwrap_or(config.settings.search.limit),
        per_article: args.per_article.unwrap_or(if quotes { 10 } else { config.settings.search.per_article }),
        since: args.since.as_deref().map(|d| parse_bound(d, false)).transpose().context("--since")?,
        until: args.until.as_deref().map(|d| parse_bound(d, true)).transpose().context("--until")?,
        sources: args.source.clone(),
        actors: args.actor.clone(),
        topics: args.topic.clone(),
        speakers: args.speaker.clone(),
        quotes,
        context: args.context,
        sort: match args.sort.unwrap_or(if unranked { SortOrder::Newest } else { SortOrder::Relevance }) {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Newest => Sort::Newest,
            SortOrder::Oldest => Sort::Oldest,
        },
    };
    if let (Some(since), Some(until)) = (request.since, request.until) {
        if since > until {
            bail!("--since {since} is after --until {until}: nothing can match");
        }
    }
    // `topic:ID` in the query is checked as `--topic ID` is: an unknown id would match nothing.
    // (A group, `topic:(a OR b)`, is left to the query parser.)
    let mut query_topics = casefile::search::query::field_values(&request.query, "topic:");
    query_topics.retain(|t| !t.starts_with('('));
    if !request.topics.is_empty() || !query_topics.is_empty() {
        let ids = TopicClassifier::ids_from_config(&config)?;
        let flags = request.topics.iter().map(|t| (format!("--topic {t}"), t));
        for (written, topic) in flags.chain(query_topics.iter().map(|t| (format!("topic:{t}"), t))) {
            if !ids.contains(&topic.trim().to_lowercase()) {
                let hint = TopicClassifier::closest_id(topic, &ids)
                    .map(|id| format!(" did you mean `{id}`?"))
                    .unwrap_or_default();
                bail!("{written}: no such topic;{hint} the topics are: {}", ids.join(", "));
            }
        }
    }
    // The gazetteer is only built when a name has to be resolved.
    let needs_actors = !request.actors.is_empty()
        || !request.speakers.is_empty()
        || request.query.contains("actor:")
        || request.query.contains("speaker:");
    let actors = if needs_actors { Some(ActorResolver::new(&config)?) } else { None };
    let resolve = |name: &str| actors.as_ref().and_then(|a| a.resolve(name));
    let searcher = Searcher::new(root.open(&config)?, &config)?;
    if args.count || args.by.is_some() {
        let by = args.by.map(|by| match by {
            CountBy::Year => Period::Year,
            CountBy::Month => Period::Month,
            CountBy::Day => Period::Day,
        });
        let counts = searcher.count(&request, &resolve, by)?;
        let mut out = std::io::stdout().lock();
        if args.json || args.format == Format::Json {
            writeln!(out, "{}", print::count::json(&counts))?;
        } else {
            print::count::render(&mut out, &counts)?;
        }
        return Ok(if counts.passages == 0 { EXIT_NOTHING } else { EXIT_OK });
    }
    let results = searcher.search(&request, &resolve)?;

    let format = if args.json { Format::Json } else { args.format };
    match format {
        Format::Json => {
            // Buffered and serialized straight into the buffer: through `Display` and the
            // line-buffered stdout, each hit's JSON went out a few bytes per call.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for hit in &results.hits {
                serde_json::to_writer(&mut out, &print::json::hit(hit))?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
        }
        Format::Markdown => {
            write!(std::io::stdout().lock(), "{}", print::markdown::render(&args.query, &results.hits))?
        }
        Format::Text => {
            if results.hits.is_empty() {
                eprintln!("casefile: no {} matched", if quotes { "quotation" } else { "passage" });
            } else {
                let choice = match args.color {
                    ColorWhen::Always => ColorChoice::Always,
                    ColorWhen::Never => ColorChoice::Never,
                    ColorWhen::Auto
                        if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
                    {
                        ColorChoice::Auto
                    }
                    ColorWhen::Auto => ColorChoice::Never,
                };
                // Buffered: a line-buffered stream wrote each line of the hits on its own.
                let mut out = BufferedStandardStream::stdout(choice);
                print::text::render(&mut out, &results.hits, results.total, !unranked)?;
                out.flush()?;
            }
        }
    }
    if results.hits.is_empty() {
        // An actor the gazetteer does not know is matched as typed, which rarely matches: say so.
        for actor in request.actors.iter().filter(|a| resolve(a).is_none()) {
            // A mistyped name ("Pyongang") is most likely the known name nearest it.
            let meant = actors.as_ref().and_then(|a| a.closest(actor));
            // (A country's code is written in capitals: `PRK`.)
            let shown =
                |name: String| if name.len() <= 3 { name.to_uppercase() } else { written_as_a_name(&name) };
            let hint = meant.map(|name| format!("; did you mean `{}`?", shown(name))).unwrap_or_default();
            eprintln!(
                "casefile: --actor {actor}: not a country, person or organisation casefile knows, so it was matched as typed{hint} (`casefile stats` lists the index's most frequent actors; index-config/ holds the gazetteer)"
            );
        }
        // The hints read the index's terms: it is opened once, if needed.
        let wanted =
            !request.speakers.is_empty() || !request.sources.is_empty() || !request.query.trim().is_empty();
        if let Some(open) = if wanted { Some(root.open(&config)?) } else { None } {
            // A word no passage has may be a typo or another spelling of a name.
            let suggestions = casefile::search::suggest::suggest(&open, &request.query)?;
            if !suggestions.is_empty() {
                let words: Vec<String> = suggestions.iter().map(|s| format!("`{}`", s.word)).collect();
                eprintln!(
                    "casefile: no passage has {}; did you mean `{}`?",
                    words.join(" or "),
                    casefile::search::suggest::corrected(&request.query, &suggestions)
                );
            }
            // A speaker is matched by the words of its name: name the words no speaker has.
            for speaker in &request.speakers {
                let absent = index::stats::absent_words(&open, open.fields.speaker, speaker)?;
                // Another name of a known speaker ("KCNA") was matched by the canonical name.
                let canonical_held = match resolve(speaker) {
                    Some(key) => index::stats::absent_words(&open, open.fields.speaker, &key)?.is_empty(),
                    None => false,
                };
                if !absent.is_empty() && !canonical_held {
                    // A mistyped name ("Blinkn") is most likely the speaker's name nearest it.
                    let mut meant = Vec::new();
                    for word in &absent {
                        if let Some(term) =
                            casefile::search::suggest::closest_term(&open, open.fields.speaker, word)?
                        {
                            // Terms are lower case; a name is shown as names are written.
                            meant.push(format!("`{}`", written_as_a_name(&term)));
                        }
                    }
                    let hint = if meant.is_empty() {
                        String::new()
                    } else {
                        format!(" did you mean {}?", meant.join(", "))
                    };
                    eprintln!(
                        "casefile: --speaker {speaker}: no quoted speaker's name has the word{} {};{hint} speakers are matched by name or surname, without titles (e.g. --speaker Blinken)",
                        if absent.len() == 1 { "" } else { "s" },
                        absent.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
                    );
                }
            }
            // A source is matched by its whole name: name the outlets when one is not in the index.
            let indexed = if request.sources.is_empty() { Vec::new() } else { index::stats::sources(&open)? };
            let known = |s: &str| indexed.iter().any(|(name, _)| name.eq_ignore_ascii_case(s.trim()));
            for source in request.sources.iter().filter(|s| !known(s)) {
                let names: Vec<&str> = indexed.iter().take(10).map(|(name, _)| name.as_str()).collect();
                eprintln!(
                    "casefile: --source {source}: no outlet of that whole name in the index; its outlets include: {}",
                    names.join(", ")
                );
            }
        }
    }
    Ok(if results.hits.is_empty() { EXIT_NOTHING } else { EXIT_OK })
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; an upper bound takes the last day of a year or month.
fn parse_bound(text: &str, upper: bool) -> anyhow::Result<Date> {
    let (first, last) = casefile::search::period(text)?;
    Ok(if upper { last } else { first })
}

/// `casefile extract`.
pub fn extract(cli: &Cli, args: &ExtractArgs) -> anyhow::Result<u8> {
    let config = Config::discover(cli.config.as_deref())?;
    let enricher = Enricher::new(&config)?;
    let stdin = Path::new("-");
    for p in &args.paths {
        if p != stdin && !p.exists() {
            bail!("{}: no such file or folder", p.display());
        }
    }
    let (piped, paths): (Vec<PathBuf>, Vec<PathBuf>) = args.paths.iter().cloned().partition(|p| p == stdin);
    // One JSON line per article of a file that was read; problems and skips go to stderr.
    let enrich = |path: &Path, r: &read::FileRead| -> Vec<String> {
        if let Some(reason) = &r.skipped {
            eprintln!("casefile: skipped {}: {reason}", path.display());
        }
        let problems: Vec<ShownProblem> = r.problems.iter().map(|p| (p.line, p.message.as_str())).collect();
        print_file_problems(&path.display().to_string(), &problems, None);
        let mut out = Vec::new();
        for a in &r.articles {
            // A bug that panics on one article costs that article only.
            let enriched = std::panic::catch_unwind(AssertUnwindSafe(|| {
                ExtractRecord::new(a, &enricher.enrich(a)).to_json_line()
            }));
            match enriched {
                Ok(line) => out.push(line),
                Err(panic) => eprintln!(
                    "casefile: {}: article {} failed ({}); this is a bug, please report it with the file",
                    path.display(),
                    a.id,
                    casefile::error::panic_message(&*panic)
                ),
            }
        }
        out
    };
    let mut lines = Vec::new();
    if !piped.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("reading standard input")?;
        lines.extend(enrich(stdin, &read::read_bytes(stdin, &bytes, read::Format::sniff(&bytes))));
    }
    let files = read::walk(&paths, &WalkOptions::default());
    let options = ReadOptions { max_file_size: config.settings.read.max_file_mb << 20 };
    let from_files: Vec<String> = files
        .par_iter()
        .flat_map_iter(|w| match w {
            Walked::File { path, .. } => enrich(path, &read::read_file(path, &options)),
            Walked::Skipped { path, reason } => {
                eprintln!("casefile: skipped {}: {reason}", path.display());
                Vec::new()
            }
        })
        .collect();
    lines.extend(from_files);
    // The process ends here: freeing the gazetteer's tables one allocation at a time cost 14 M
    // instructions, 5% of extracting one article.
    std::mem::forget(enricher);
    let mut stdout = std::io::stdout().lock();
    for line in lines {
        writeln!(stdout, "{line}")?;
    }
    Ok(EXIT_OK)
}

/// `casefile export`.
pub fn export(cli: &Cli, args: &ExportArgs) -> anyhow::Result<u8> {
    let config = Config::discover(cli.config.as_deref())?;
    let engine = match args.to {
        ExportEngine::Quickwit => Engine::Quickwit,
        ExportEngine::Opensearch => Engine::OpenSearch,
    };
    let mut options = ExportOptions::new(engine, args.paths.clone(), args.out.clone(), &config);
    options.index_name = args.index_name.clone();
    options.chunk_bytes = usize::try_from(args.chunk_size << 20).unwrap_or(usize::MAX);
    options.walk = WalkOptions { follow_links: args.run.follow };
    if let Some(mib) = args.run.max_file_size {
        options.read.max_file_size = mib << 20;
    }
    let stop = stop_on_signal("stopping the export; its partial folder is removed");
    let bar = (!args.run.quiet && !args.run.json && std::io::stderr().is_terminal()).then(progress_bar);
    let progress = BarProgress(bar, std::sync::atomic::AtomicU64::new(0));
    let exported = export::run(&config, &options, &progress, &stop);
    if let Some(bar) = &progress.0 {
        bar.finish_and_clear();
    }
    let summary = match exported {
        Err(casefile::Error::Interrupted(why)) => {
            eprintln!("casefile: interrupted: {why}");
            return Ok(EXIT_INTERRUPTED);
        }
        other => other?,
    };
    print_problems(&summary.skipped, &summary.problems);
    if args.run.json {
        writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(&summary)?)?;
    } else if !args.run.quiet {
        let (engine, url) = match engine {
            Engine::Quickwit => ("Quickwit", "http://localhost:7280"),
            Engine::OpenSearch => ("OpenSearch", "http://localhost:9200"),
        };
        let mut by_reason = std::collections::BTreeMap::new();
        for s in &summary.skipped {
            *by_reason.entry(s.reason.as_str()).or_insert(0) += 1;
        }
        let reasons: Vec<String> = by_reason.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let skipped = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
        eprintln!(
            "exported {} ({}) from {} files into {} for {engine}, index `{}`: {} of {:.1} MB, {} skipped{skipped} ({:.1}s)",
            counted(summary.articles as u64, "article"),
            counted(summary.passages as u64, "passage"),
            summary.files,
            summary.out.display(),
            summary.index,
            counted(summary.chunks as u64, "chunk"),
            summary.bytes as f64 / 1e6,
            summary.skipped.len(),
            summary.seconds,
        );
        eprintln!("load it with: {} [URL] (default {url})", summary.out.join("load.sh").display());
    }
    Ok(if args.run.strict && !summary.skipped.is_empty() { EXIT_NOTHING } else { EXIT_OK })
}

/// `casefile stats`.
pub fn stats(cli: &Cli, args: &StatsArgs) -> anyhow::Result<u8> {
    let config = Config::discover(cli.config.as_deref())?;
    let root = index_root(cli);
    let open = root.open(&config)?;
    let stats = index::stats::collect(&open)?;
    if args.json {
        writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(&stats)?)?;
    } else {
        write!(std::io::stdout().lock(), "{}", stats.render())?;
    }
    Ok(EXIT_OK)
}

/// A lower-case name as names are written: each word capitalised (`North Korea`).
fn written_as_a_name(lower: &str) -> String {
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect::<String>()
    };
    lower.split(' ').map(capitalised).collect::<Vec<_>>().join(" ")
}
