#!/usr/bin/env bash
# Scale benchmark: generates a synthetic corpus (jsonl, English and Chinese, some PII, 5% duplicates)
# of the given size once, runs the configured pipeline over it in a fresh lake and prints rows/s per
# stage and in total.
#
#   submit/benchmark.sh [SIZE] [--conf FILE] [key=value ...]      SIZE: 200m, 1g ... (default 1g)
#
# Work folder: FEEDLINE_BENCH_DIR (default work/bench); the corpus is kept there and reused.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=1g
if [[ $# -gt 0 && "$1" != -* && "$1" != *=* ]]; then size="$1"; shift; fi
exec "$ROOT/submit/feedline" benchmark --size "$size" --work "${FEEDLINE_BENCH_DIR:-$ROOT/work/bench}" "$@"
