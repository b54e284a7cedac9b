//! JSON Lines output: one object per hit.

use serde_json::{json, Value};

use crate::search::{Hit, Neighbour};

/// The JSON object of one hit.
///
/// Shape: `{"rank", "score", "text", "highlights": [[start,end],...], "article": {"id", "title",
/// "source", "url", "published", "path"} (plus "line" for JSON Lines sources), "passage":
/// {"index", "paragraph", "start", "end"}, "file_range": [start,end] or null, "citation",
/// "actors", "topics", "quotes"}` (and `"quote"` for quotation hits; `"context": {"before",
/// "after"}`, each a list of `{"index", "paragraph", "start", "end", "text"}`, when asked for).
pub fn hit(hit: &Hit) -> Value {
    let r = &hit.record;
    let a = &r.article;
    let mut article = json!({
        "id": a.id, "title": a.title, "source": a.source, "url": a.url,
        "published": a.published, "path": a.path,
    });
    if let Some(line) = a.line {
        article["line"] = json!(line);
    }
    let mut value = json!({
        "rank": hit.rank,
        "score": hit.score,
        "text": hit.text,
        "highlights": hit.highlights.iter().map(|(s, e)| [s, e]).collect::<Vec<_>>(),
        "article": article,
        "passage": {"index": r.passage.index, "paragraph": r.passage.paragraph, "start": r.passage.start, "end": r.passage.end},
        "file_range": hit.citation.file_range.map(|(s, e)| [s, e]),
        "citation": hit.citation.line_text(),
        "actors": r.actors,
        "topics": r.topics,
        "quotes": r.quotes,
    });
    if let Some(q) = r.quote.and_then(|i| r.quotes.get(i)) {
        value["quote"] = json!({"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end});
    }
    let c = &hit.context;
    if !c.before.is_empty() || !c.after.is_empty() {
        let passages = |ns: &[Neighbour]| -> Vec<Value> {
            ns.iter()
                .map(|n| json!({"index": n.passage.index, "paragraph": n.passage.paragraph, "start": n.passage.start, "end": n.passage.end, "text": n.text}))
                .collect()
        };
        value["context"] = json!({"before": passages(&c.before), "after": passages(&c.after)});
    }
    value
}
