#!/usr/bin/env bash
# Stops what infra/prod/up.sh started under $PROD_DIR (default .data/prod), each by its pid.
# `--purge` also deletes the folder (databases, certificate, logs).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PROD_DIR="${PROD_DIR:-$ROOT/.data/prod}"
[ -d "$PROD_DIR" ] || exit 0
PROD_DIR="$(cd "$PROD_DIR" && pwd)"
RUN="$PROD_DIR/run" PIDS="$PROD_DIR/pids"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

stop_pid() { # pidfile
  [ -f "$1" ] || return 0
  local pid
  pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$1"
}
[ -f "$RUN/nginx.pid" ] && nginx -c "$PROD_DIR/nginx/nginx.conf" -p "$PROD_DIR/nginx" -s quit 2>/dev/null
for _ in $(seq 1 50); do [ -f "$RUN/nginx.pid" ] || break; sleep 0.1; done
stop_pid "$RUN/nginx.pid"
for pidfile in "$PIDS"/*.pid; do stop_pid "$pidfile"; done
stop_pid "$RUN/pgbouncer.pid"
stop_pid "$RUN/redis.pid"
for cluster in replica primary; do
  if [ -f "$PROD_DIR/pg/$cluster/postmaster.pid" ]; then
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PROD_DIR/pg/$cluster" -m fast -w stop >/dev/null
  fi
done
if [ "${1:-}" = "--purge" ]; then rm -rf "$PROD_DIR"; fi
