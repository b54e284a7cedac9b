//! `index-config`: the data files and settings that drive reading, enrichment and indexing.
//!
//! The defaults are compiled into the binary, so `casefile` works from any directory. A folder
//! given with `--config DIR` (or `./index-config` when present) overrides them file by file: a
//! file missing from the folder keeps its compiled-in default. Every file's format is documented
//! in `index-config/README.md`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The compiled-in default of every config file, by name.
const DEFAULTS: &[(&str, &str)] = &[
    ("casefile.toml", include_str!("../index-config/casefile.toml")),
    ("countries.tsv", include_str!("../index-config/countries.tsv")),
    ("organizations.tsv", include_str!("../index-config/organizations.tsv")),
    ("people.tsv", include_str!("../index-config/people.tsv")),
    ("roles.tsv", include_str!("../index-config/roles.tsv")),
    ("speech-verbs.txt", include_str!("../index-config/speech-verbs.txt")),
    ("topics.toml", include_str!("../index-config/topics.toml")),
];

/// The loaded configuration: every data file's text plus the parsed settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Each file's text: the compiled-in default itself (not a copy: 1.6 MB, copied by every
    /// process that loaded a configuration, a search as well), or the override read from disk.
    files: BTreeMap<&'static str, Cow<'static, str>>,
    /// Parsed `casefile.toml`.
    pub settings: Settings,
    /// The folder the overrides came from, if any.
    pub dir: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config::builtin()
    }
}

impl Config {
    /// The compiled-in defaults.
    pub fn builtin() -> Config {
        let files = DEFAULTS.iter().map(|&(n, t)| (n, Cow::Borrowed(t))).collect();
        let settings = toml::from_str(DEFAULTS[0].1).expect("the compiled-in casefile.toml parses");
        Config { files, settings, dir: None }
    }

    /// Loads the defaults overridden by the files found in `dir`.
    ///
    /// # Errors
    /// When `dir` is not a readable folder, or its `casefile.toml` does not parse.
    pub fn load(dir: &Path) -> Result<Config> {
        if !dir.is_dir() {
            return Err(Error::Invalid(format!(
                "config folder {} does not exist (give --config an index-config folder)",
                dir.display()
            )));
        }
        let mut config = Config::builtin();
        for (name, _) in DEFAULTS {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                config.files.insert(name, Cow::Owned(text));
            }
        }
        config.settings = toml::from_str(&config.files["casefile.toml"])
            .map_err(|e| Error::config("casefile.toml", e.to_string().replace('\n', " ")))?;
        config.dir = Some(dir.to_path_buf());
        Ok(config)
    }

    /// `--config DIR` when given, else `./index-config` when it exists, else the defaults.
    ///
    /// # Errors
    /// As [`Config::load`].
    pub fn discover(explicit: Option<&Path>) -> Result<Config> {
        match explicit {
            Some(dir) => Config::load(dir),
            None if Path::new("index-config").is_dir() => Config::load(Path::new("index-config")),
            None => Ok(Config::builtin()),
        }
    }

    /// The text of config file `name` (one of the documented files).
    pub fn text(&self, name: &str) -> &str {
        self.files.get(name).map(|text| text.as_ref()).unwrap_or("")
    }

    /// A fingerprint of everything that shapes the index, so an index built with other settings
    /// or data is rebuilt rather than silently mixed.
    pub fn fingerprint(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        for (name, text) in &self.files {
            hasher.update(name.as_bytes());
            hasher.update(text.as_bytes());
        }
        hasher.finalize().to_hex()[..16].to_string()
    }
}

/// Settings from `casefile.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Text analysis for the index.
    pub index: IndexSettings,
    /// How bodies are split into passages.
    pub passages: PassageSettings,
    /// Search defaults.
    pub search: SearchSettings,
    /// Reading limits.
    pub read: ReadSettings,
}

/// `[index]` in `casefile.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexSettings {
    /// Stemmer language (`english`, ..., or `none`).
    pub stemmer: String,
    /// Remove the stemmer language's stop words.
    pub stop_words: bool,
    /// Default tantivy writer memory budget in MB.
    pub memory_mb: usize,
    /// Largest segment a merge may produce, in documents (passages and quotations).
    #[serde(default = "default_max_merge_docs")]
    pub max_merge_docs: u32,
    /// Largest segment the compaction at the end of a run may produce, in documents (0: none).
    #[serde(default = "default_compact_max_docs")]
    pub compact_max_docs: u32,
    /// Size in KiB of the compressed blocks of stored records. A hit decompresses its whole block,
    /// so smaller blocks make searches faster and the index larger.
    #[serde(default = "default_store_block_kb")]
    pub store_block_kb: usize,
}

fn default_store_block_kb() -> usize {
    4
}

fn default_max_merge_docs() -> u32 {
    300_000
}

fn default_compact_max_docs() -> u32 {
    600_000
}

/// `[passages]` in `casefile.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassageSettings {
    /// A paragraph longer than this many words is split at sentence boundaries.
    pub max_words: usize,
}

/// `[search]` in `casefile.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Default number of hits.
    pub limit: usize,
    /// Default maximum of passages per article.
    pub per_article: usize,
    /// Boost of the article title relative to passage text.
    pub title_boost: f32,
    /// Boost of the article summary relative to passage text.
    pub summary_boost: f32,
}

/// `[read]` in `casefile.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadSettings {
    /// Files larger than this many MiB are skipped.
    pub max_file_mb: u64,
}
