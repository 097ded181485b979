#!/usr/bin/env bash
# One command: install, migrate, seed the demo city, start web + Celery worker + beat.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

install_python
install_frontend
build_frontend
ensure_font
ensure_postgres

PORT="${PORT:-8000}"
export CONGRESS_DATABASE_URL="${CONGRESS_DATABASE_URL:-$(database_url congress)}"
export CONGRESS_PUBLIC_PORT="$PORT"
ensure_database "${CONGRESS_DATABASE_URL##*/}"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# supervise NAME COMMAND...: run COMMAND in the background, logging to .data/NAME.log, and start
# it again whenever it exits (a killed worker comes back; the messages it held return to the
# queue after the visibility timeout). Stopping the supervisor stops its command.
supervise() {
  local name=$1
  shift
  (
    child=0
    trap 'kill "$child" 2>/dev/null; exit 0' INT TERM
    while true; do
      "$@" >>"$DATA/$name.log" 2>&1 &
      child=$!
      wait "$child" || true
      echo "$(date -u +%FT%TZ) $name exited; restarting in 2 s" >>"$DATA/$name.log"
      sleep 2
    done
  ) &
  pids+=($!)
}

# Object storage: MinIO (or any S3 API) if one answers, else a local S3 API server for development.
export CONGRESS_S3_ENDPOINT="${CONGRESS_S3_ENDPOINT:-127.0.0.1:9000}"
if ! s3_reachable "$CONGRESS_S3_ENDPOINT"; then
  warn "no S3 storage at $CONGRESS_S3_ENDPOINT: starting a local S3 API server (moto) on 127.0.0.1:9100; files live in memory"
  export CONGRESS_S3_ENDPOINT="127.0.0.1:9100"
  "$VENV/bin/moto_server" -H 127.0.0.1 -p 9100 >"$DATA/s3.log" 2>&1 &
  pids+=($!)
fi

if broker_reachable; then
  BROKER=1
else
  BROKER=0
  warn "no message broker at ${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}: tasks run in-process, no worker or beat"
  export CELERY_TASK_ALWAYS_EAGER=1 CONGRESS_CACHE_BACKEND=django.core.cache.backends.locmem.LocMemCache
fi

say "migrating (public schema and every tenant)"
"$VENV/bin/python" manage.py migrate_fleet -v 0
say "demo data"
"$VENV/bin/python" manage.py demo_seed

"$VENV/bin/gunicorn" config.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile - \
  >"$DATA/web.log" 2>&1 &
pids+=($!)
if [ "$BROKER" = 1 ]; then
  supervise worker "$VENV/bin/celery" -A config worker -l INFO
  supervise beat "$VENV/bin/celery" -A config beat -l INFO -s "$DATA/celerybeat-schedule"
fi

for _ in $(seq 1 50); do
  curl -fsS "http://localhost:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

cat <<INFO

  人大代表履职平台 is running.  Logs: .data/web.log, .data/worker.log, .data/beat.log

  Platform console     http://localhost:$PORT/                    ops / Demo#2026
  City (云溪市)         http://yunxi.localhost:$PORT/              yunxi-staff / Demo#2026
  County (东湖区)       http://donghu.localhost:$PORT/             donghu-sys / Demo#2026
  Township (青石镇)     http://qingshi.localhost:$PORT/            qingshi-staff / Demo#2026
  Deputy of 青石镇 and 东湖区 (switches between them)               wangjianguo / Demo#2026
  Every congress has <slug>-staff, -sys, -sec, -audit, -unit, -party, -teller, -deputy (same password).
  Health               http://localhost:$PORT/healthz
  API schema           http://localhost:$PORT/api/schema

  Ctrl-C stops everything.
INFO
wait
