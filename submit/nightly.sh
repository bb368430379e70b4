#!/usr/bin/env bash
# The nightly data refresh, safe to run from cron or a scheduler:
#
#   submit/nightly.sh [CONF] [key=value ...]        (CONF defaults to conf/nightly.conf)
#
# - a lock (flock on FEEDLINE_NIGHTLY_LOCK, default work/nightly.lock) lets one nightly run at a time;
#   a second one started meanwhile exits with code 75 and changes nothing;
# - collect picks up only files no earlier run collected; every configured stage runs on them;
# - the next dataset version (lake datasets/v000N.json, CURRENT) is written only when every stage
#   committed, so a failed night leaves the previous version current;
# - a night that failed or was killed is resumed by the next call from its last committed stage;
# - the run report goes to the lake: runs/<run>/report/report.md with PNG charts.
# Embedded Spark by default (submit/feedline); with FEEDLINE_MASTER set it goes through
# submit/spark-submit.sh to that cluster instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
conf="$ROOT/conf/nightly.conf"
if [[ $# -gt 0 && "$1" != *=* ]]; then conf="$1"; shift; fi
lock="${FEEDLINE_NIGHTLY_LOCK:-$ROOT/work/nightly.lock}"
mkdir -p "$(dirname "$lock")"
exec 9>>"$lock"
if ! flock -n 9; then
  echo "feedline nightly: refused: another nightly run holds the lock $lock" >&2
  exit 75
fi
echo "feedline nightly: lock $lock held by pid $$; conf $conf" >&2
if [[ -n "${FEEDLINE_MASTER:-}" ]]; then
  FEEDLINE_COMMAND=nightly exec "$ROOT/submit/spark-submit.sh" "$conf" "$@"
fi
exec "$ROOT/submit/feedline" nightly --conf "$conf" "$@"
