#!/usr/bin/env bash
# Long articles: writes one article of each shape that once made enrichment or indexing
# quadratic, then times `casefile extract` and `casefile index` on each (one process per file).
#
#   benches/long_articles.sh [DIR]        # DIR defaults to a fresh temporary folder
#   BIN=/path/to/casefile benches/long_articles.sh
#
# Shapes (all written here, no shared data; sizes in BENCHMARKS.md, session 34):
#   transcript  20,000 paragraphs, ten actors, a quotation in each
#   people      20,000 paragraphs naming 3,000 people (given name + invented surname), quoted
#   lines       100,000 short lines, each opening with a word and a quotation
#   she         40,000 paragraphs: a man named, then '"...," she said.'
#   spokesman   20,000 paragraphs: a senator named, then '"...," the spokesman said.'
#   deep.html   50,000 nested <div> elements (html5ever's tree building is quadratic in depth)
# and since session 35:
#   names       300,000 words of six phrases, two names written some 40,000 times each
#   soup        800,000 quotation marks, "said" and "Kim" in a random order, no full stop
#   onepara     one paragraph of 67,000 sentences and no title (the first line is the title)
#   flow.md     front matter nesting 100,000 YAML flow sequences
#   feed2       (when ../shared/data/newswire is present) its 2,202 bodies twice over in one file,
#               written to DIR only, for the run: the texts are under copyright
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)}
bin=${BIN:-target/release/casefile}
mkdir -p "$dir"
[ -x "$bin" ] || cargo build --release --quiet

python3 - "$dir" <<'EOF'
import os, sys
out = sys.argv[1]
syl = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "ne", "vi", "da"]
def surname(i):
    s = "".join(syl[(i // 10**k) % 10] for k in range(4))
    return s[0].upper() + s[1:]
def write(name, paragraphs, sep="\n\n"):
    head = f'---\ntitle: "{name}"\npublished: "2024-03-08"\n---\n'
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write(head + sep.join(paragraphs))
names = ["Russia", "China", "Antony Blinken", "Sergei Lavrov", "North Korea", "Japan", "NATO",
         "the United Nations", "Kim Jong Un", "Moscow"]
write("transcript", [f'{names[p % 10]} met {names[(p * 3 + 1) % 10]} on Monday, 4 March 2024, to '
                     f'discuss sanctions and missiles. "We will talk again," {names[p % 10]} said.'
                     for p in range(20000)])
given = ["John", "Maria", "Ahmed", "Olga", "Pierre", "Kofi", "Ana", "Ivan", "Sara", "Yuki"]
write("people", [f'Minister {given[p % 10]} {surname(p % 3000)} met {given[(p * 7) % 10]} '
                 f'{surname((p * 7 + 3) % 3000)} in Geneva on Tuesday. "This is a difficult issue for '
                 f'all of us," {given[p % 10]} {surname(p % 3000)} said, and {surname((p * 7 + 3) % 3000)} agreed.'
                 for p in range(20000)])
write("lines", [f'Line {i} said "ok then fine" on Monday' for i in range(100000)], sep="\n")
write("she", [f'John {surname(p % 3000)} arrived in Paris. "We will go there now and then," she said.'
              for p in range(40000)])
write("spokesman", [f'Senator John {surname(p % 3000)} arrived in Paris. "We will go there now and then," '
                    f'the spokesman said.' for p in range(20000)])
phrases = ["he said", "Blinken said", '"we will,"', "she added", "according to", "Lavrov"]
write("names", [" ".join(phrases[(i * 7 + i // 6) % 6] for i in range(300000))])
marks = ["«", "»", "„", "“", "”", "‘", "’", "said", "Kim"]
state, soup = 1, []
for _ in range(800000):
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    soup.append(marks[(state >> 33) % 9])
write("soup", [" ".join(soup)])
sentences = ["Blinken met Lavrov in Seoul on Monday.", '"We will act," he said.',
             "Sanctions on Pyongyang rose.", "The talks failed in May 2024."]
with open(os.path.join(out, "onepara.txt"), "w") as f:
    f.write(" ".join(sentences[(i * 7 + i // 4) % 4] for i in range(67000)))
with open(os.path.join(out, "flow.md"), "w") as f:
    f.write('---\ntitle: "x"\nz: ' + "[" * 100000 + "]" * 100000 + "\n---\nBody text.\n")
news = "../shared/data/newswire"
if os.path.isdir(news):
    bodies = []
    for name in sorted(os.listdir(news)):
        text = open(os.path.join(news, name), encoding="utf-8").read()
        bodies.append(text.split("\n---\n", 1)[-1] if text.startswith("---") else text)
    write("feed2", ["\n\n".join(bodies)] * 2)
with open(os.path.join(out, "deep.html"), "w") as f:
    f.write("<html><body>" + "<div>" * 50000 + 'Blinken said "we will act now" in Seoul.'
            + "</div>" * 50000 + "</body></html>")
EOF

for f in "$dir"/*.txt "$dir"/flow.md "$dir"/deep.html; do
    name=$(basename "$f")
    size=$(du -k "$f" | cut -f1)
    /usr/bin/time -f "$name (${size} KB): extract %e s, %M KB" "$bin" extract "$f" --json > /dev/null
    rm -rf "$dir/index-$name"
    /usr/bin/time -f "$name (${size} KB): index %e s, %M KB" "$bin" index "$f" --index "$dir/index-$name" --quiet
done
