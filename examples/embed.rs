//! casefile embedded in another program: index an archive, search it with an actor filter, and
//! print the hits as Markdown citations, without the `casefile` command.
//!
//! ```sh
//! cargo run --release --example embed -- corpus "satellite technology" PRK
//! ```
//!
//! Arguments: the archive, the query, and optionally an actor (a code, name, alias or capital:
//! `PRK`, `North Korea`, `Pyongyang`). The index goes to a temporary folder and is removed at
//! the end; a real program keeps it (`IndexRoot::new`) and reruns `index::writer::run`, which
//! only reads what changed.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use casefile::enrich::ActorResolver;
use casefile::index::{self, IndexOptions, IndexRoot};
use casefile::search::{SearchRequest, Searcher};
use casefile::Config;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(archive), Some(query)) = (args.next(), args.next()) else {
        eprintln!("usage: embed ARCHIVE QUERY [ACTOR]");
        std::process::exit(2);
    };
    let actor = args.next();

    // The built-in data files; `Config::discover(Some(path))` reads an index-config folder.
    let config = Config::builtin();
    let scratch = tempfile_dir()?;
    let root = IndexRoot::new(scratch.join("index"));
    let options = IndexOptions::new(vec![PathBuf::from(&archive)], &config);
    // `()` reports no progress; the flag, when set from another thread, stops the run cleanly.
    let summary = index::writer::run(&root, &config, &options, &(), &AtomicBool::new(false))?;
    eprintln!("indexed {} articles, {} passages", summary.articles, summary.passages);

    let searcher = Searcher::new(root.open(&config)?, &config)?;
    let request = SearchRequest {
        query: query.clone(),
        limit: 5,
        per_article: 1,
        actors: actor.into_iter().collect(),
        ..SearchRequest::default()
    };
    // Actor filters name actors as users write them; the resolver maps them to index keys.
    let resolver = ActorResolver::new(&config)?;
    let results = searcher.search(&request, &|name: &str| resolver.resolve(name))?;
    print!("{}", casefile::print::markdown::render(&query, &results.hits));
    for hit in &results.hits {
        // Every hit cites its bytes: the file, and where the passage is in it.
        eprintln!("{}: {}", hit.rank, hit.citation.location());
    }
    std::fs::remove_dir_all(&scratch)?;
    Ok(())
}

/// A fresh folder under the system's temporary folder.
fn tempfile_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("casefile-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
