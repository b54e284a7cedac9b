//! The `casefile` command: parses flags, runs a command of the library, prints, and maps errors to
//! exit statuses.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

// Indexing allocates millions of small strings and token buffers on several threads at once;
// mimalloc's thread-local free lists make that markedly cheaper than glibc's malloc. It is built
// without transparent huge pages (`no_thp`), which cost ~40 MB of resident memory at 20,000
// articles for no measurable speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status: success (something matched; the run completed).
pub const EXIT_OK: u8 = 0;
/// Exit status: nothing matched (search), or something was skipped under `--strict` (index).
pub const EXIT_NOTHING: u8 = 1;
/// Exit status: an error stopped the command.
pub const EXIT_ERROR: u8 = 2;
/// Exit status: another `casefile index` run holds the index.
pub const EXIT_LOCKED: u8 = 3;
/// Exit status: the run was stopped by SIGINT/SIGTERM (what it had read is committed).
pub const EXIT_INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Index(args) => commands::index(&cli, args),
        Command::Search(args) => commands::search(&cli, args, false),
        Command::Quotes(args) => commands::search(&cli, args, true),
        Command::Extract(args) => commands::extract(&cli, args),
        Command::Stats(args) => commands::stats(&cli, args),
        Command::Export(args) => commands::export(&cli, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A reader that stops early (`casefile search x | head`) closes the pipe: what it wanted
        // was printed, so stop quietly, as ripgrep and the coreutils do.
        Err(e) if closed_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            let status = match e.downcast_ref::<casefile::Error>() {
                Some(casefile::Error::Locked { .. }) => EXIT_LOCKED,
                Some(casefile::Error::Interrupted(_)) => EXIT_INTERRUPTED,
                _ => EXIT_ERROR,
            };
            eprintln!("casefile: {}", message(&e).replace('\n', " "));
            ExitCode::from(status)
        }
    }
}

/// `e` with its causes, each said once: a library error already names its cause (an I/O error
/// says which file, then what the system said), which `{:#}` would repeat.
fn message(e: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in e.chain() {
        let cause = cause.to_string();
        if message.contains(&cause) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&cause);
    }
    message
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
