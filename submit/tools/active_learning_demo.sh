#!/usr/bin/env bash
# The active-learning loop on the small example in docs/examples/active-learning, end to end:
# select (Spark, local) -> annotate export -> three simulated Doccano annotators -> annotate import
# -> metric kappa. Usage: submit/tools/active_learning_demo.sh [WORKDIR]   (default work/al-demo)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EX="$ROOT/docs/examples/active-learning"
W="${1:-work/al-demo}"
rm -rf "$W" && mkdir -p "$W"
F="$ROOT/submit/feedline"

"$F" select --input "$EX/pool.jsonl" --output "$W/to_annotate.jsonl" --drops "$W/not_selected.jsonl" \
  --quarantine "$W/select.quarantine.jsonl" \
  spark.master='local[2]' select.budget=5 select.scorer.options.train="\"$EX/labeled.jsonl\""

"$F" annotate export --input "$W/to_annotate.jsonl" --out "$W/export" annotate.labels='[complaint, praise]'

# three annotators label the exported Doccano file (answers from answers.tsv; "mixed" is outside the label set)
python3 - "$EX/answers.tsv" "$W/export/doccano.jsonl" "$W" <<'PY'
import csv, json, sys
answers = {r["doc_id"]: r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")}
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for ann in ("ann1", "ann2", "ann3"):
    with open(f"{sys.argv[3]}/{ann}.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            f.write(json.dumps({"id": i, **r, "label": [answers[r["doc_id"]][ann]]}, ensure_ascii=False) + "\n")
    with open(f"{sys.argv[3]}/{ann}.txt", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(answers[r["doc_id"]][ann] + "\n")
PY

"$F" annotate import --tasks "$W/to_annotate.jsonl" --doccano "$W/ann1.jsonl,$W/ann2.jsonl,$W/ann3.jsonl" \
  --output "$W/labeled/human.jsonl" annotate.labels='[complaint, praise]'
echo "--- report ($W/labeled/human.report.md)"
cat "$W/labeled/human.report.md"
echo "--- metric kappa over the raw answers"
"$F" metric kappa --pred "$W/ann1.txt" --ref "$W/ann2.txt,$W/ann3.txt"
