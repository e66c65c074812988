#!/usr/bin/env bash
# Stops the throw-away test cluster started by scripts/start-test-postgres.sh.
#   scripts/stop-test-postgres.sh           # stop, keep the data directory for a fast restart
#   scripts/stop-test-postgres.sh --purge   # stop and delete the data directory
# Uses the same PGPORT / PG_TEST_DIR / PG_BINDIR as the start script. Safe to run when nothing is running.
set -euo pipefail

PORT="${PGPORT:-55432}"
DIR="${PG_TEST_DIR:-/tmp/dh-test-pg-$PORT}"
DATA="$DIR/data"

say() { echo "[test-postgres] $*" >&2; }

BIN=""
for d in "${PG_BINDIR:-}" /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
  if [[ -n "$d" && -x "$d/pg_ctl" ]]; then BIN="$d"; break; fi
done

if [[ -f "$DATA/PG_VERSION" && -n "$BIN" ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    owner="$(stat -c %U "$DATA")"
    as_pg() { runuser -u "$owner" -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "stopping the cluster in $DATA"
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null \
      || as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null
  else
    say "not running ($DATA)"
  fi
else
  say "no test cluster in $DATA"
fi

if [[ "${1:-}" == "--purge" ]]; then
  rm -rf "$DIR"
  say "removed $DIR"
fi
