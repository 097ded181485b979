#!/usr/bin/env bash
# One command: install everything, then run every check and test (Python and front end).
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

install_python
install_frontend
ensure_postgres
export CONGRESS_DATABASE_URL="${CONGRESS_DATABASE_URL:-$(database_url congress)}"

if ! broker_reachable; then
  if command -v redis-server >/dev/null; then
    say "starting Redis for the tests"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    sleep 1
  else
    warn "no broker reachable and no redis-server: the tests that need a worker will fail"
  fi
fi
ensure_browser_and_font

bash infra/local/check.sh
bash infra/local/mutation.sh

say "front end: API types, lint, types, unit tests, build"
(cd frontend && npm run --silent check:api && npm run --silent lint && npm run --silent test && npm run --silent build)

say "python tests (unit, API, browser)"
"$VENV/bin/python" -m pytest "$@"
