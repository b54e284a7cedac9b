#!/usr/bin/env bash
# casefile against tantivy-cli 0.24 on the same generated articles, timed in the same run.
#
#   benches/compare.sh                      # N=20000 articles, 2 threads
#   CASEFILE_BENCH_N=200000 THREADS=2 RUNS=3 benches/compare.sh
#
# 1. installs tantivy-cli 0.24 if absent (`cargo install tantivy-cli --version "^0.24" --locked`,
#    then without --locked: the locked build of 0.24.0 fails on current Rust, see BENCHMARKS.md);
# 2. builds casefile (release) and generates N articles (examples/scale_corpus.rs, seed 1) as .txt
#    files for casefile and as NDJSON {"id","title","body"} for tantivy-cli;
# 3. times full indexing: casefile with enrichment, casefile --no-enrich, and tantivy-cli (schema
#    id/title/body, English stemming, positions indexed, stored), with the same thread count and
#    writer memory budget, with hyperfine when installed (else `date +%s.%N`), then measures peak
#    RSS of one more run of each with /usr/bin/time -v;
# 4. runs the query set's plain queries (benches/queries.tsv without filters) through
#    `cargo bench --bench query` (casefile, warm, in process) and `tantivy bench` (search, then
#    fetching the top 10 documents), and prints per-query medians and the ratios.
#
# Environment: CASEFILE_BENCH_N (20000), THREADS (2), RUNS (hyperfine runs per command, 3),
# QUERY_REPEAT (tantivy bench repeats, 20), QUERIES_ONLY (1: skip steps 3 and the sizes, reusing
# the indexes an earlier run left in the work folder, to measure a change to searching), CASEFILE_BENCH_DIR (work folder, kept; default a new
# temporary folder), CASEFILE_BENCH_SOURCE (source articles; default ../shared/data/newswire, else
# corpus/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${CASEFILE_BENCH_N:-20000}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
QUERY_REPEAT=${QUERY_REPEAT:-20}
if [[ -n "${CASEFILE_BENCH_SOURCE:-}" ]]; then
    SOURCE=$CASEFILE_BENCH_SOURCE
elif [[ -d ../shared/data/newswire ]]; then
    SOURCE=../shared/data/newswire
else
    SOURCE=corpus
fi
BASE=${CASEFILE_BENCH_DIR:-$(mktemp -d /tmp/casefile-compare.XXXXXX)}
WORK=$BASE/compare-$N
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
MEM_MB=$(sed -n 's/^memory_mb *= *\([0-9]*\).*/\1/p' index-config/casefile.toml)
MEM_MB=${MEM_MB:-256}
export RAYON_NUM_THREADS=$THREADS

say() { printf '\n== %s\n' "$*"; }

say "machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
echo "N=$N articles from $SOURCE, $THREADS threads, writer budget $MEM_MB MB, work folder $WORK"

say "tantivy-cli"
TANTIVY=$(command -v tantivy || true)
if [[ -z "$TANTIVY" ]]; then
    cargo install tantivy-cli --version "^0.24" --locked \
        || cargo install tantivy-cli --version "^0.24" \
        || echo "tantivy-cli could not be installed: casefile figures only"
    TANTIVY=$(command -v tantivy || true)
fi
[[ -n "$TANTIVY" ]] && echo "$TANTIVY ($(cargo install --list | grep '^tantivy-cli' || echo 'version unknown'))"

say "build and generate"
cargo build --release --bin casefile --example scale_corpus
CASEFILE=$PWD/target/release/casefile
if [[ ! -f "$WORK/.corpus-complete" ]]; then
    rm -rf "$WORK/corpus" "$WORK/articles.ndjson"
    "$ROOT/target/release/examples/scale_corpus" --source "$SOURCE" --out "$WORK/corpus" --jsonl "$WORK/articles.ndjson" \
        --count "$N" --seed 1
    touch "$WORK/.corpus-complete"
fi
CORPUS_MB=$(du -sb "$WORK/corpus" | awk '{printf "%.1f", $1/1e6}')
NDJSON_MB=$(du -sb "$WORK/articles.ndjson" | awk '{printf "%.1f", $1/1e6}')
echo "corpus: $CORPUS_MB MB of .txt files; $NDJSON_MB MB of NDJSON"

# tantivy-cli's `new` is interactive: write the schema directly.
cat > "$WORK/tantivy-meta.json" <<'JSON'
{"index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
 "segments": [],
 "schema": [
  {"name": "id", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": false, "tokenizer": "raw"}, "stored": true, "fast": false}},
  {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "en_stem"}, "stored": true, "fast": false}},
  {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "en_stem"}, "stored": true, "fast": false}}
 ],
 "opstamp": 0}
JSON

CF_ENRICH="$CASEFILE index $WORK/corpus --index $WORK/cf-enrich --threads $THREADS --quiet"
CF_PLAIN="$CASEFILE index $WORK/corpus --index $WORK/cf-plain --threads $THREADS --quiet --no-enrich"
TV_INDEX="$TANTIVY index -i $WORK/tv -f $WORK/articles.ndjson -t $THREADS -m $((MEM_MB * 1000000))"
PREP_ENRICH="rm -rf $WORK/cf-enrich"
PREP_PLAIN="rm -rf $WORK/cf-plain"
PREP_TV="rm -rf $WORK/tv && mkdir -p $WORK/tv && cp $WORK/tantivy-meta.json $WORK/tv/meta.json"

# The timed runs happen in the work folder, which has no index-config/: casefile uses its
# compiled-in configuration, whatever is being edited in the working tree meanwhile.
cd "$WORK"

declare -A MEAN
if [[ "${QUERIES_ONLY:-0}" == 1 ]]; then
    for d in cf-enrich tv; do
        if [[ ! -d "$WORK/$d" ]]; then
            echo "QUERIES_ONLY=1 needs $WORK/$d from an earlier run of this script without it" >&2
            exit 2
        fi
    done
    say "full indexing: skipped (QUERIES_ONLY=1: the indexes in $WORK are reused)"
else
    say "full indexing ($RUNS runs each)"
    if command -v hyperfine > /dev/null; then
        # One untimed run each first: the first enriched run measured 30-40% slower than the
        # others twice in a row (the corpus and binary coming back into the page cache).
        args=(--runs "$RUNS" --warmup 1 --export-json "$WORK/index-times.json" --style basic
            -n casefile-enrich --prepare "$PREP_ENRICH" "$CF_ENRICH"
            -n casefile-no-enrich --prepare "$PREP_PLAIN" "$CF_PLAIN")
        [[ -n "$TANTIVY" ]] && args+=(-n tantivy-cli --prepare "$PREP_TV" "$TV_INDEX > /dev/null")
        hyperfine "${args[@]}"
        while read -r name mean; do MEAN[$name]=$mean; done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], r["mean"])' "$WORK/index-times.json")
    else
        echo "(hyperfine not installed: timing with date +%s.%N)"
        time_runs() {  # name prepare command
            local total=0 t0 t1
            for _ in $(seq "$RUNS"); do
                bash -c "$2"
                t0=$(date +%s.%N); bash -c "$3" > /dev/null; t1=$(date +%s.%N)
                total=$(awk -v a="$total" -v b="$t0" -v c="$t1" 'BEGIN {print a + c - b}')
            done
            MEAN[$1]=$(awk -v a="$total" -v n="$RUNS" 'BEGIN {print a / n}')
            printf '%s: mean %.2f s\n' "$1" "${MEAN[$1]}"
        }
        time_runs casefile-enrich "$PREP_ENRICH" "$CF_ENRICH"
        time_runs casefile-no-enrich "$PREP_PLAIN" "$CF_PLAIN"
        [[ -n "$TANTIVY" ]] && time_runs tantivy-cli "$PREP_TV" "$TV_INDEX"
    fi

    say "peak RSS (one more run each, /usr/bin/time -v)"
    rss() { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}'; }
    echo "casefile-enrich:    $(bash -c "$PREP_ENRICH"; rss "$CF_ENRICH")"
    echo "casefile-no-enrich: $(bash -c "$PREP_PLAIN"; rss "$CF_PLAIN")"
    [[ -n "$TANTIVY" ]] && echo "tantivy-cli:        $(bash -c "$PREP_TV"; rss "$TV_INDEX")"
    echo "(writer budget $MEM_MB MB; target: casefile peak RSS < budget + 150 MB)"

    say "index sizes"
    for d in cf-enrich cf-plain tv; do
        [[ -d "$WORK/$d" ]] && echo "$d: $(du -sb "$WORK/$d" | awk -v c="$CORPUS_MB" '{printf "%.1f MB = %.2fx the .txt corpus", $1/1e6, $1/1e6/c}')"
    done
fi

say "queries: casefile in process (cargo bench --bench query)"
(cd "$ROOT" && CASEFILE_BENCH_INDEX=$WORK/cf-enrich CASEFILE_BENCH_PLAIN_OUT=$WORK/casefile-plain.tsv \
    cargo bench --bench query) 2>&1 | grep -v -e '^ *Compiling' -e '^ *Finished' -e '^ *Running'
cut -f1 "$WORK/casefile-plain.tsv" > "$WORK/queries.txt"

rm -f "$WORK/tantivy-bench.txt"
if [[ -n "$TANTIVY" ]]; then
    say "queries: tantivy-cli bench ($QUERY_REPEAT repeats)"
    "$TANTIVY" bench -i "$WORK/tv" -q "$WORK/queries.txt" -n "$QUERY_REPEAT" > "$WORK/tantivy-bench.txt"
fi

say "ratios"
python3 - "$WORK" "${MEAN[casefile-enrich]:-}" "${MEAN[casefile-no-enrich]:-}" "${MEAN[tantivy-cli]:-}" <<'PY'
import statistics, sys, os
work, enrich, plain, tv = sys.argv[1], *[float(x) if x else None for x in sys.argv[2:5]]
if enrich is None:
    print("indexing: not timed in this run (QUERIES_ONLY=1)")
elif tv:
    print(f"indexing, mean wall time: casefile enriched {enrich:.2f}s, casefile --no-enrich {plain:.2f}s", end="")
    print(f", tantivy-cli {tv:.2f}s")
    r1, r2 = enrich / tv, plain / tv
    print(f"  enriched / tantivy-cli   = {r1:.2f}x (target <= 1.25x: {'met' if r1 <= 1.25 else 'MISSED'})")
    print(f"  no-enrich / tantivy-cli  = {r2:.2f}x (target <= 1.00x: {'met' if r2 <= 1.0 else 'MISSED'})")
else:
    print(f"indexing, mean wall time: casefile enriched {enrich:.2f}s, casefile --no-enrich {plain:.2f}s")
    print("  (no tantivy-cli: no ratios)")
cf = {}
for line in open(os.path.join(work, "casefile-plain.tsv")):
    q, us = line.rstrip("\n").split("\t")
    cf[q] = float(us)
path = os.path.join(work, "tantivy-bench.txt")
if not os.path.exists(path):
    sys.exit(0)
search, fetch, section = {}, {}, None
for line in open(path):
    line = line.rstrip("\n")
    if line.startswith("SEARCH"):
        section = search
    elif line.startswith("FETCH STORE"):
        section = fetch
    elif section is not None and "\t" in line and not line.startswith("query\t"):
        parts = line.split("\t")
        try:
            section.setdefault(parts[0], []).append(float(parts[-1]))
        except ValueError:
            pass
print("\nper query, median µs: casefile (search + records + highlights) | tantivy-cli search | search + fetch top 10 | ratio")
ratios = []
for q, us in cf.items():
    if q not in search:
        print(f"  {q}: not in tantivy-cli's output")
        continue
    s = statistics.median(search[q])
    f = s + statistics.median(fetch.get(q, [0]))
    ratios.append(us / f)
    print(f"  {us:>9.0f} | {s:>7.0f} | {f:>7.0f} | {us / f:>5.2f}x  {q}")
if ratios:
    worst = max(ratios)
    print(f"casefile / tantivy-cli (search + fetch): median {statistics.median(ratios):.2f}x, worst {worst:.2f}x "
          f"(target <= 2x per query: {'met' if worst <= 2 else 'MISSED'}; {sum(r <= 2 for r in ratios)}/{len(ratios)} queries within 2x)")
PY
