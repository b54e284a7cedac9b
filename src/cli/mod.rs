//! The command line: every flag defined once, with its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search over geopolitical reporting: ranked passages with cited sources.
///
/// casefile indexes an archive of news articles (text or Markdown with front matter, JSON Lines,
/// JSON, HTML), enriches each with actors, dates, quotes and topics, and answers searches with
/// ranked passages that cite their source down to the byte.
///
/// Start with `casefile search "satellite technology"`: with no index yet, it indexes ./corpus
/// first.
#[derive(Debug, Parser)]
#[command(name = "casefile", version, max_term_width = 100)]
pub struct Cli {
    /// Index folder [default: .casefile in the current directory].
    #[arg(long, global = true, env = "CASEFILE_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// An index-config folder overriding the built-in data files and settings [default:
    /// ./index-config when present].
    #[arg(long, global = true, value_name = "DIR")]
    pub config: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// casefile's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index (or update the index of) files and folders.
    ///
    /// Incremental: only new and changed files are read; files gone from the walked paths are
    /// removed. Exit status: 0 done (skipped files are reported, not failures), 1 with --strict
    /// when something was skipped, 2 on an error that stopped the run, 3 when another run holds
    /// the index.
    Index(IndexArgs),
    /// Search passages: ranked, highlighted, with cited sources.
    ///
    /// Exit status: 0 when something matched, 1 when nothing did, 2 on error.
    Search(SearchArgs),
    /// Search quotations, with their speakers, dates and citations.
    ///
    /// `casefile quotes satellite --speaker Blinken`: what has Blinken said about satellites.
    /// The query searches the quoted words only; each hit is one quotation, ranked with its
    /// passage, by every --speaker given and holding a word of the query. Exit status: 0 when
    /// something matched, 1 when nothing did, 2 on error.
    Quotes(SearchArgs),
    /// Print each article's text and enrichment as JSON Lines, without any index.
    Extract(ExtractArgs),
    /// Show what the index holds.
    Stats(StatsArgs),
    /// Export enriched passages for Quickwit or OpenSearch, for archives beyond one machine.
    ///
    /// Reads and enriches the archive as `casefile index` does and writes a folder: the engine's
    /// index definition, the passages as NDJSON in chunks of one request each, `load.sh` (loads
    /// them with curl) and `export.json` (what was exported). Each passage keeps casefile's
    /// filter values (`actor:PRK`, `topic:sanctions`, `mentioned:2024-11`, `speaker:Blinken`)
    /// and its citation (file, paragraph, byte range).
    ///
    /// `casefile export --to opensearch --out export corpus && export/load.sh
    /// http://localhost:9200`. Exit status: 0 done (skipped files are reported), 1 with --strict
    /// when something was skipped, 2 on an error (nothing is left behind), 130 when interrupted.
    Export(ExportArgs),
}

/// The flags of the commands that walk an archive (`index`, `export`): its files, and the run's
/// report.
#[derive(Debug, Args)]
pub struct RunFlags {
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long)]
    pub follow: bool,
    /// Skip files larger than this many MiB [default: read.max_file_mb, 64].
    #[arg(long, value_name = "MIB")]
    pub max_file_size: Option<u64>,
    /// Exit with status 1 when any file was skipped.
    #[arg(long)]
    pub strict: bool,
    /// Print the run's summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// Print only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Flags of `casefile index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files and folders to index.
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rebuild from scratch into a new folder, swapped in only when complete.
    #[arg(long)]
    pub full: bool,
    /// Writer memory budget in MB [default: index.memory_mb of casefile.toml, 256].
    #[arg(long, value_name = "MB")]
    pub memory: Option<usize>,
    /// Threads for reading, enriching and indexing [default: one per core].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Index passages only, without actors, dates, quotes and topics.
    #[arg(long)]
    pub no_enrich: bool,
    /// Which files are read, what a skipped one means, and how the run reports.
    #[command(flatten)]
    pub run: RunFlags,
    /// Files read and enriched per batch.
    #[arg(long, value_name = "N", hide = true)]
    pub batch: Option<usize>,
    /// Seconds between commits during a run (it always commits at the end).
    #[arg(long, value_name = "SECS", hide = true)]
    pub commit_interval: Option<f64>,
}

/// Output formats of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: highlighted passages and a numbered source list.
    Text,
    /// Markdown with footnote citations, to paste into a report.
    Markdown,
    /// One JSON object per hit (same as --json).
    Json,
}

/// Orders of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortOrder {
    /// Best match first.
    Relevance,
    /// Latest published first (of one article, its best passages); undated articles last.
    Newest,
    /// Earliest published first.
    Oldest,
}

/// Periods matches are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountBy {
    /// Calendar years.
    Year,
    /// Calendar months.
    Month,
    /// Days.
    Day,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Flags of `casefile search` and `casefile quotes`.
#[derive(Debug, Args)]
#[command(after_help = QUERY_HELP)]
pub struct SearchArgs {
    /// The query (tantivy syntax: words, "phrases", AND/OR/-, field:value, boosts^2).
    #[arg(value_name = "QUERY", default_value = "")]
    pub query: String,
    /// Maximum number of hits [default: search.limit of casefile.toml, 10].
    #[arg(long, short = 'n', value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// Maximum passages from one article [default: search.per_article of casefile.toml, 2; 10
    /// for quotes].
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub per_article: Option<usize>,
    /// Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles from this outlet (whole name, any case; repeat for any of several).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only passages naming this actor, or of articles where it is prominent (in the title or
    /// named twice): a code (PRK), name (North Korea), capital (Pyongyang), person or
    /// organisation (repeat: all of them).
    #[arg(long, value_name = "ACTOR")]
    pub actor: Vec<String>,
    /// Only passages on this topic, or of articles on it: a topic id of index-config/topics.toml
    /// such as sanctions or space-and-satellites (repeat: all of them).
    #[arg(long, value_name = "ID")]
    pub topic: Vec<String>,
    /// Only passages quoting this speaker (name or surname; repeat: all of them). A known
    /// person's or organisation's other names match too, titles allowed (--speaker KCNA,
    /// --speaker "Tony Blinken", --speaker "Secretary Blinken").
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Show N passages of its article before and after each hit (in Markdown, quoted in
    /// italics with the hit).
    #[arg(long, short = 'C', value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// The order of the hits [default: relevance; newest when there is no query, only filters,
    /// since nothing then ranks one passage above another].
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortOrder>,
    /// Print how many passages and articles match instead of the hits (exit status 1 when none);
    /// `casefile quotes` counts quotations too.
    #[arg(long)]
    pub count: bool,
    /// Count per period of publication: a line per year, month or day with matches, undated
    /// articles last (implies --count).
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<CountBy>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// One JSON object per hit (same as --format json).
    #[arg(long)]
    pub json: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

/// Parses a count that must be at least 1.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

const QUERY_HELP: &str = "\
Query syntax (tantivy):
  satellite technology        passages with either word, best first (BM25)
  \"satellite technology\"      the phrase
  +satellite +Pyongyang       both words;  -Ukraine excludes a word
  satellite AND (Moscow OR Kremlin)
  title:summit  summary:sanctions  text:ceasefire
  actor:PRK  topic:sanctions  speaker:Blinken  source:\"casefile wire\"
  mentioned:2024-11           a date in the passage, in November 2024 (also mentioned:2024)
  published:2024-11-05        articles of that day (or published:2024-11, published:2024)
  satellite^2 launch          boost a term
  Pyongang~1  Zelensky~       the word or any word within 1 edit (~ alone: 0-2 by length)
Words are matched stemmed and case-insensitively. A passage matches through its own words; an
article's title and summary count less, and lift all of its passages (title: and summary: alone
find the article's lead passage).

Examples:
  casefile search \"satellite technology\" --actor Pyongyang --since 2024
  casefile search sanctions --topic sanctions --json
  casefile search ceasefire --actor Israel --sort newest
  casefile search sanctions --actor Iran --by month
  casefile quotes satellite --speaker Blinken --format markdown";

/// Flags of `casefile extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` reads one file from standard input (JSON Lines if it starts
    /// with `{`, JSON with `[`, HTML with `<`, else text with optional front matter).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print JSON Lines (the only format; accepted for scripts that say so).
    #[arg(long)]
    pub json: bool,
}

/// The engines `casefile export` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportEngine {
    /// Quickwit: index-config.yaml and NDJSON for its ingest API.
    Quickwit,
    /// OpenSearch (or Elasticsearch): index.json and `_bulk` bodies.
    Opensearch,
}

/// Flags of `casefile export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files and folders to export.
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The engine to export for.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub to: ExportEngine,
    /// The folder to write: new, or empty.
    #[arg(long, short, default_value = "casefile-export", value_name = "DIR")]
    pub out: PathBuf,
    /// The engine's index name (a-z, 0-9, - and _).
    #[arg(long, default_value = "casefile", value_name = "NAME")]
    pub index_name: String,
    /// Largest chunk file in MiB: one request each (Quickwit's ingest API takes 10 MiB).
    #[arg(long, default_value_t = 8, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub chunk_size: u64,
    /// Which files are read, what a skipped one means, and how the run reports.
    #[command(flatten)]
    pub run: RunFlags,
}

/// Flags of `casefile stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print as one JSON object.
    #[arg(long)]
    pub json: bool,
}
