#!/usr/bin/env bash
# Static checks: lint, import contracts, types, migrations, the committed OpenAPI schema and message catalog.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PY="$VENV/bin/python"

say "ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
say "import contracts (pyproject.toml [tool.importlinter])"
PYTHONPATH="$ROOT:$ROOT/platform" "$VENV/bin/lint-imports"
say "mypy"
"$VENV/bin/mypy" platform tenants api tests
say "migrations are complete"
"$PY" manage.py makemigrations --check --dry-run -v 1 >/dev/null || {
  echo "models changed without a migration: run manage.py makemigrations"; exit 1; }
say "the committed OpenAPI schema is current"
fresh="$(mktemp --suffix=.yaml)"
"$PY" manage.py spectacular --file "$fresh" --validate --fail-on-warn
diff -u api/openapi.yaml "$fresh" >/dev/null || {
  echo "api/openapi.yaml is stale: run manage.py spectacular --file api/openapi.yaml"; exit 1; }
say "the English catalog is complete"
"$PY" infra/local/check_catalog.py
