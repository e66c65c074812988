#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for the test suite (TEST_DATABASE_URL).
#
#   scripts/start-test-postgres.sh                 # prints the URL on stdout (last line)
#   eval "$(scripts/start-test-postgres.sh --env)" # exports TEST_DATABASE_URL in this shell
#
# - listens on 127.0.0.1 only, port $PGPORT (default 55432); no Unix socket in /var/run
# - data directory under /tmp ($PG_TEST_DIR, default /tmp/dh-test-pg-$PORT), owned by a
#   non-root OS user (postgres refuses to run as root): the Debian `postgres` user when
#   run as root, otherwise the current user
# - trust authentication for 127.0.0.1/::1 only; superuser role `dh`
# - tuned for tests (fsync off): never point this at data you care about
# - idempotent: if the cluster is already running it is reused
# Stop it with scripts/stop-test-postgres.sh (same PGPORT / PG_TEST_DIR).
set -euo pipefail

PORT="${PGPORT:-55432}"
DIR="${PG_TEST_DIR:-/tmp/dh-test-pg-$PORT}"
DATA="$DIR/data"
LOG="$DIR/postgres.log"
ROLE=dh
URL="postgres://$ROLE@127.0.0.1:$PORT/postgres"
MODE="${1:-}"

say() { echo "[test-postgres] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# --- binaries: PostgreSQL 15 ------------------------------------------------
find_bindir() {
  local candidates=()
  [[ -n "${PG_BINDIR:-}" ]] && candidates+=("$PG_BINDIR")
  candidates+=(/usr/lib/postgresql/15/bin)
  if command -v pg_config >/dev/null 2>&1; then candidates+=("$(pg_config --bindir 2>/dev/null || true)"); fi
  local d
  for d in "${candidates[@]}"; do
    [[ -n "$d" && -x "$d/postgres" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  done
  return 1
}
BIN="$(find_bindir)" || die "PostgreSQL 15 server binaries not found (looked in \$PG_BINDIR, /usr/lib/postgresql/15/bin, pg_config --bindir). On Debian: apt-get install -y --no-install-recommends postgresql postgresql-contrib"
VERSION="$("$BIN/postgres" --version)"
[[ "$VERSION" == *" 15."* ]] || say "warning: expected PostgreSQL 15, found: $VERSION"
for ext in ltree pg_trgm unaccent; do
  [[ -f "$("$BIN/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)/extension/$ext.control" ]] \
    || die "extension $ext is not installed (Debian: it ships in postgresql-15 / postgresql-contrib)"
done

# --- OS user: never root ------------------------------------------------------
if [[ "$(id -u)" == 0 ]]; then
  RUN_AS="${PG_TEST_USER:-postgres}"
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    say "creating system user $RUN_AS"
    useradd --system --home-dir "$DIR" --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
  as_pg() { runuser -u "$RUN_AS" -- "$@"; }
else
  RUN_AS="$(id -un)"
  as_pg() { "$@"; }
fi

is_ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1; }
psql_dh() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" "$@"; }

print_url() {
  if [[ "$MODE" == "--env" ]]; then
    echo "export TEST_DATABASE_URL='$URL'"
  else
    echo "$URL"
  fi
}

# --- already running? ---------------------------------------------------------
running() { [[ -f "$DATA/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
can_connect() { psql_dh -U "$ROLE" -d postgres -tAc 'select 1' >/dev/null 2>&1; }
if running; then
  # A server that is still starting up or going down (e.g. after kill -9) gets 15 s to settle.
  for _ in $(seq 30); do
    can_connect && break
    running || break
    sleep 0.5
  done
fi
if running && can_connect; then
  say "reusing the running cluster in $DATA ($VERSION) on 127.0.0.1:$PORT"
  # server/test/test-db.ts names its databases dh_tpl_<pid>_<worker> / dh_t_<pid>_<worker>_<n>
  # and never drops the templates: drop those whose vitest process is gone.
  while read -r db; do
    pid="$(sed -E 's/^dh_(tpl|t)_([0-9]+)_.*/\2/' <<<"$db")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null; then
      psql_dh -U "$ROLE" -d postgres -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
    fi
  done < <(psql_dh -U "$ROLE" -d postgres -tAc "select datname from pg_database where datname ~ '^dh_(tpl|t)_[0-9]+_'" 2>/dev/null || true)
  print_url
  exit 0
fi
if running; then
  die "a cluster is running in $DATA but role $ROLE cannot connect on 127.0.0.1:$PORT; stop it with scripts/stop-test-postgres.sh"
fi
if is_ready; then
  die "port $PORT on 127.0.0.1 is taken by another server; set PGPORT to a free port"
fi

# --- create the cluster once ---------------------------------------------------
mkdir -p "$DIR"
chmod 755 "$DIR"
if [[ ! -f "$DATA/PG_VERSION" ]]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chown "$RUN_AS" "$DATA"
  chmod 700 "$DATA"
  say "initdb in $DATA (as $RUN_AS, $VERSION)"
  # --auth trust + the hba below: trust, but only from localhost.
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  cat >"$DATA/pg_hba.conf" <<'EOF'
# throw-away test cluster: trust, localhost only
host  all  all  127.0.0.1/32  trust
host  all  all  ::1/128       trust
EOF
  cat >>"$DATA/postgresql.conf" <<EOF

# --- test cluster (scripts/start-test-postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_timezone = 'UTC'
log_min_messages = warning
log_min_error_statement = panic
EOF
  chown "$RUN_AS" "$DATA/pg_hba.conf"
fi
touch "$LOG"
chown "$RUN_AS" "$LOG"

# --- start --------------------------------------------------------------------
say "starting on 127.0.0.1:$PORT (log: $LOG)"
if ! as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PORT" start >/dev/null; then
  tail -n 30 "$LOG" >&2 || true
  die "postgres did not start"
fi

# --- role dh (superuser: creates databases and the ltree/pg_trgm/unaccent extensions)
psql_dh -U postgres -d postgres <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$ROLE') then
    create role $ROLE login superuser;
  else
    alter role $ROLE login superuser;
  end if;
end \$\$;
SQL
psql_dh -U "$ROLE" -d postgres -tAc 'select 1' >/dev/null || die "role $ROLE cannot connect"
say "ready: $URL"
print_url
