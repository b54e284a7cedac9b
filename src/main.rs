//! The `casefile` command: parses flags, runs a command of the library, prints, and maps errors to
//! exit statuses.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rayon::prelude::*;

use casefile::print::extract::ExtractRecord;
use casefile::read::{self, ReadOptions, Walked, WalkOptions};
use casefile::{Config, Enricher};

#[derive(Parser)]
#[command(name = "casefile", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print each article's text and enrichment as one JSON object per line, without indexing.
    Extract {
        /// Files or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print JSON Lines (the only format; accepted for clarity).
        #[arg(long)]
        json: bool,
        /// An index-config folder overriding the built-in data files.
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("casefile: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract { paths, json: _, config } => {
            let config = Config::discover(config.as_deref())?;
            let enricher = Enricher::new(&config)?;
            let files = read::walk(&paths, &WalkOptions::default());
            let options = ReadOptions::default();
            let lines: Vec<String> = files
                .par_iter()
                .flat_map_iter(|w| {
                    let mut out = Vec::new();
                    if let Walked::File { path, .. } = w {
                        let r = read::read_file(path, &options);
                        if let Some(reason) = &r.skipped {
                            eprintln!("casefile: skipped {}: {reason}", path.display());
                        }
                        for a in &r.articles {
                            let ann = enricher.enrich(a);
                            out.push(ExtractRecord::new(a, &ann).to_json_line());
                        }
                    }
                    out
                })
                .collect();
            let mut stdout = std::io::stdout().lock();
            for line in lines {
                writeln!(stdout, "{line}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
