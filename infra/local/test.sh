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

if [ "$#" -gt 0 ]; then
  say "python tests: $*"
  exec "$VENV/bin/python" -m pytest "$@"
fi

# Two pytest runs side by side, each with its own test database, cache database, queue and S3
# server: the browser and topology suites (mostly waiting on Chromium and servers) and the rest,
# split over CONGRESS_TEST_WORKERS pytest-xdist workers (2 by default), a test database each
# (tests/env.py). CONGRESS_TEST_SEED=N runs both in a random order drawn from N (pytest-randomly).
workers="${CONGRESS_TEST_WORKERS:-2}"
order=()
if [ -n "${CONGRESS_TEST_SEED:-}" ]; then
  order=(-p randomly --randomly-seed="$CONGRESS_TEST_SEED")
  say "python tests in random order, seed $CONGRESS_TEST_SEED"
fi
say "python tests: the browser and topology suites beside the unit and API suites ($workers workers)"
browser_log="$DATA/pytest-browser.log"
CONGRESS_TEST_DATABASE=test_congress_browser \
CONGRESS_REDIS_URL=redis://127.0.0.1:6379/13 \
CONGRESS_E2E_REDIS_URL=redis://127.0.0.1:6379/12 \
  "$VENV/bin/python" -m pytest "${order[@]}" -m "e2e or topology" tests/e2e tests/infra \
  >"$browser_log" 2>&1 &
browser=$!
status=0
"$VENV/bin/python" -m pytest -n "$workers" --dist loadfile "${order[@]}" \
  -m "not e2e and not topology" || status=$?
browser_status=0
wait "$browser" || browser_status=$?
say "python tests: the browser and topology suites"
cat "$browser_log"
if [ "$status" -ne 0 ] || [ "$browser_status" -ne 0 ]; then
  warn "python tests failed (unit and API: exit $status; browser and topology: exit $browser_status)"
  exit 1
fi
