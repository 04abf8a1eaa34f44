#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster for the Postgres store tests (docs/architecture.md, "Storage").
#   .ci/postgres.sh start   → installs Debian postgresql if missing, starts a cluster on a loopback port as the
#                             postgres user, prints `export DATABASE_URL=…` on stdout (eval it)
#   .ci/postgres.sh stop    → stops that cluster and removes its data
# Env: PG_TEST_DIR (default /tmp/cairn-pg), PG_TEST_PORT (default 55432).
# The password is random per cluster and lives only in the cluster directory (mode 0700), never in git.
set -euo pipefail
dir="${PG_TEST_DIR:-/tmp/cairn-pg}"
port="${PG_TEST_PORT:-55432}"

pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  [ -n "$found" ] && echo "$found"
}

# Postgres refuses to run as root: as root, run it as the postgres user; as anyone else, as that user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -z "$(pg_bin)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
  fi
  local bin; bin="$(pg_bin)"
  mkdir -p "$dir"
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
    [ "$(id -u)" != 0 ] || chown postgres:postgres "$dir/password"
    chmod 600 "$dir/password"
    # The Unix socket lives in $dir (mode 0700), so only its owner reaches it: trust there, passwords on TCP.
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$dir/password" >/dev/null
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # Loopback only; the socket stays in the cluster directory so nothing else on the machine is touched.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=100" start >&2
  fi
  as_postgres "$bin/psql" -h "$dir" -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'cairn_test'" | grep -q 1 \
    || as_postgres "$bin/createdb" -h "$dir" -p "$port" -U postgres cairn_test
  echo "export DATABASE_URL=postgres://postgres:$(cat "$dir/password")@127.0.0.1:$port/cairn_test"
}

stop() {
  local bin; bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
