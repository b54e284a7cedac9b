//! What each engine is told about the documents: one table of fields, rendered as a Quickwit
//! index config or an OpenSearch index body, and the script that loads an export.

use serde_json::{json, Map, Value};

/// How a field is indexed, in terms both engines have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// An exact value, compared as written (document and article ids, paths).
    Id,
    /// An exact value for filters (actor keys, topic ids, date keys, outlets). casefile compares
    /// them ignoring case; OpenSearch does too (a lowercase normalizer), Quickwit as written.
    Key,
    /// English prose: words, stemmed, with positions for phrases and scores (`text`, `title`,
    /// `quote`).
    Prose,
    /// A person's or organisation's name: words, lower-cased, not stemmed, with positions.
    Name,
    /// A point in time (RFC 3339).
    Date,
    /// A non-negative integer.
    Integer,
    /// True or false.
    Bool,
    /// Kept with the document for display, not searchable (URLs, the annotations' details).
    Stored,
}

/// One field of an exported document.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The JSON key.
    pub name: &'static str,
    /// How it is indexed.
    pub kind: FieldKind,
    /// Whether it holds a list of values.
    pub many: bool,
    /// What it holds, for the engine's config.
    pub description: &'static str,
}

const fn field(name: &'static str, kind: FieldKind, many: bool, description: &'static str) -> FieldSpec {
    FieldSpec { name, kind, many, description }
}

/// Every field of [`super::ExportDocument`], in its order: the one place the exported schema is
/// defined.
pub const FIELDS: &[FieldSpec] = &[
    field("id", FieldKind::Id, false, "article id # passage number"),
    field("article", FieldKind::Id, false, "article id"),
    field("title", FieldKind::Prose, false, "article title"),
    field("source", FieldKind::Key, false, "outlet"),
    field("url", FieldKind::Stored, false, "article URL"),
    field("published", FieldKind::Date, false, "publication date"),
    field("path", FieldKind::Id, false, "file the article came from"),
    field("line", FieldKind::Integer, false, "line of a JSON Lines record"),
    field("passage", FieldKind::Integer, false, "0-based passage of the article"),
    field("paragraph", FieldKind::Integer, false, "1-based paragraph of the body"),
    field("start", FieldKind::Integer, false, "first byte in the body"),
    field("end", FieldKind::Integer, false, "one past the last byte in the body"),
    field("file_start", FieldKind::Integer, false, "first byte in the file"),
    field("file_end", FieldKind::Integer, false, "one past the last byte in the file"),
    field("lead", FieldKind::Bool, false, "the article's first passage"),
    field("text", FieldKind::Prose, false, "passage text"),
    field("quote", FieldKind::Prose, true, "quotations starting in the passage"),
    field("speaker", FieldKind::Name, true, "their speakers"),
    field("actor", FieldKind::Key, true, "country codes and canonical names"),
    field("topic", FieldKind::Key, true, "topic ids"),
    field("mentioned", FieldKind::Key, true, "mentioned dates: YYYY, YYYY-MM, YYYY-MM-DD"),
    field("actors", FieldKind::Stored, true, "actors with kind, code and role"),
    field("quotes", FieldKind::Stored, true, "quotations with speakers and offsets"),
    field("topics", FieldKind::Stored, true, "topics with labels and scores"),
];

/// The fields searched by a query that names none.
const DEFAULT_SEARCH_FIELDS: [&str; 3] = ["title", "text", "quote"];

/// The Quickwit index config (YAML, config format 0.8) of an export into the index `index_id`.
///
/// Unmapped keys are kept but not indexed (`mode: dynamic` with an unindexed dynamic mapping):
/// that is how the stored fields, lists of objects, travel with each document.
pub fn quickwit_config(index_id: &str) -> String {
    let mut yaml = format!(
        "# Quickwit index config written by casefile {}: one document per passage.\n\
         # Create the index with ./load.sh, or: quickwit index create --index-config index-config.yaml\n\
         version: 0.8\n\
         index_id: {index_id}\n\
         doc_mapping:\n  mode: dynamic\n  dynamic_mapping:\n    indexed: false\n    stored: true\n  field_mappings:\n",
        env!("CARGO_PKG_VERSION")
    );
    for f in FIELDS.iter().filter(|f| f.kind != FieldKind::Stored) {
        let scalar = match f.kind {
            FieldKind::Id | FieldKind::Key | FieldKind::Prose | FieldKind::Name => "text",
            FieldKind::Date => "datetime",
            FieldKind::Integer => "u64",
            FieldKind::Bool => "bool",
            FieldKind::Stored => unreachable!("filtered out above"),
        };
        let ty = if f.many { format!("array<{scalar}>") } else { scalar.to_string() };
        yaml.push_str(&format!(
            "    - name: {}\n      description: \"{}\"\n      type: {ty}\n",
            f.name, f.description
        ));
        let options: &[&str] = match f.kind {
            FieldKind::Id => &["tokenizer: raw"],
            FieldKind::Key => &["tokenizer: raw", "fast: true"],
            FieldKind::Prose => &["tokenizer: en_stem", "record: position", "fieldnorms: true"],
            FieldKind::Name => &["tokenizer: default", "record: position"],
            FieldKind::Date => &["input_formats: [rfc3339]", "fast: true"],
            FieldKind::Integer | FieldKind::Bool | FieldKind::Stored => &[],
        };
        for option in options {
            yaml.push_str(&format!("      {option}\n"));
        }
    }
    yaml.push_str(&format!(
        "search_settings:\n  default_search_fields: [{}]\nindexing_settings:\n  commit_timeout_secs: 30\n",
        DEFAULT_SEARCH_FIELDS.join(", ")
    ));
    yaml
}

/// The OpenSearch index body (settings and mappings) of an export: `PUT /{index}` with it.
pub fn opensearch_index_body() -> Value {
    let mut properties = Map::new();
    for f in FIELDS {
        let mapping = match f.kind {
            FieldKind::Id => json!({"type": "keyword"}),
            FieldKind::Key => json!({"type": "keyword", "normalizer": "casefile_key"}),
            FieldKind::Prose => json!({"type": "text", "analyzer": "english"}),
            FieldKind::Name => {
                json!({"type": "text", "analyzer": "standard", "fields": {"exact": {"type": "keyword"}}})
            }
            FieldKind::Date => json!({"type": "date", "format": "strict_date_optional_time"}),
            FieldKind::Integer => json!({"type": "long"}),
            FieldKind::Bool => json!({"type": "boolean"}),
            // A URL is one opaque value; the annotations' details are lists of objects that
            // `enabled: false` keeps in `_source` without mapping them.
            FieldKind::Stored if f.many => json!({"type": "object", "enabled": false}),
            FieldKind::Stored => json!({"type": "keyword", "index": false}),
        };
        properties.insert(f.name.to_string(), mapping);
    }
    json!({
        "settings": {
            "analysis": {"normalizer": {"casefile_key": {"type": "custom", "filter": ["lowercase"]}}},
            "index": {"query": {"default_field": DEFAULT_SEARCH_FIELDS}}
        },
        "mappings": {"dynamic": "strict", "properties": properties}
    })
}

/// The action line that precedes a document in an OpenSearch `_bulk` request: index (create or
/// replace) under the document's id, so loading an export twice replaces, never duplicates.
pub fn opensearch_action(index: &str, id: &str) -> String {
    json!({"index": {"_index": index, "_id": id}}).to_string()
}

/// The `load.sh` of a Quickwit export: creates the index, then ingests every chunk.
pub fn quickwit_load_script(index_id: &str) -> String {
    format!(
        r#"#!/bin/sh
# Loads this casefile export into Quickwit: ./load.sh [URL]
# URL defaults to $QUICKWIT_URL, else http://localhost:7280. Needs curl. The index must not exist
# yet (Quickwit does not replace documents: delete the index before loading a new export).
set -eu
url=${{1:-${{QUICKWIT_URL:-http://localhost:7280}}}}
cd "$(dirname "$0")"
curl -fsS -X POST "$url/api/v1/indexes" -H 'Content-Type: application/yaml' --data-binary @index-config.yaml >/dev/null
for f in documents-*.ndjson; do
  echo "load.sh: $f" >&2
  curl -fsS -X POST "$url/api/v1/{index_id}/ingest?commit=wait_for" --data-binary "@$f" >/dev/null
done
echo "load.sh: loaded into $url, index {index_id}" >&2
"#
    )
}

/// The `load.sh` of an OpenSearch export: creates the index, then sends every `_bulk` chunk
/// and stops at the first chunk with a rejected document.
pub fn opensearch_load_script(index: &str) -> String {
    format!(
        r#"#!/bin/sh
# Loads this casefile export into OpenSearch (or Elasticsearch): ./load.sh [URL]
# URL defaults to $OPENSEARCH_URL, else http://localhost:9200. Needs curl. Loading again
# replaces the documents (each has a stable _id); the index is created when absent.
set -eu
url=${{1:-${{OPENSEARCH_URL:-http://localhost:9200}}}}
cd "$(dirname "$0")"
if ! curl -fsS -o /dev/null -I "$url/{index}"; then
  curl -fsS -X PUT "$url/{index}" -H 'Content-Type: application/json' --data-binary @index.json >/dev/null
fi
for f in bulk-*.ndjson; do
  echo "load.sh: $f" >&2
  out=$(curl -fsS -X POST "$url/_bulk?filter_path=errors,items.*.error" -H 'Content-Type: application/x-ndjson' --data-binary "@$f")
  case $out in
    *'"errors":false'*) ;;
    *) echo "load.sh: $f: OpenSearch rejected documents: $out" >&2; exit 1 ;;
  esac
done
curl -fsS -X POST "$url/{index}/_refresh" >/dev/null
echo "load.sh: loaded into $url, index {index}" >&2
"#
    )
}
