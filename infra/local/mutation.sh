#!/usr/bin/env bash
# Mutation testing of the pure rules (docs/mutation.md): every rules.py and satisfaction.py under
# tenants/ and platform/ is mutated by mutmut and its mutants run against the rules tests
# (tests/**/test_rules.py, test_rules_*.py and test_*_rules.py), which need no database. Prints each
# module's score and fails when one is below the threshold, when a surviving mutant is neither
# killed nor listed in tests/mutation/equivalent.toml, when a module has no mutant killed, or when
# that list names a mutant that no longer survives.
#   MUTATION_THRESHOLD (default 95)  MUTATION_JOBS (default 2)
#   MUTATION_LENIENT=1: fail on the threshold only (while writing the tests for a new module)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

[ -x "$VENV/bin/mutmut" ] || install_python
THRESHOLD="${MUTATION_THRESHOLD:-95}"
JOBS="${MUTATION_JOBS:-2}"
WORK="$DATA/mutation"
started=$(date +%s)

# A copy laid out as the tests import it: tenants/ as it is, each platform/<app> at the top (the
# tests import `supervision.rules`, not `platform.supervision.rules`), and only the rules tests.
rm -rf "$WORK"
mkdir -p "$WORK"
copy_py() { mkdir -p "$2" && (cd "$1" && find . -name '*.py' -not -path '*/migrations/*' -print0 \
  | tar --null -T - -cf -) | tar -xf - -C "$2"; }
copy_py tenants "$WORK/tenants"
sources=("tenants")
for app in platform/*/; do
  app="$(basename "$app")"
  copy_py "platform/$app" "$WORK/$app"
  sources+=("$app")
done
(find tests -name '__init__.py' -print0; find tests \( -name 'test_rules.py' -o -name 'test_rules_*.py' -o -name 'test_*_rules.py' \) -print0;
 printf '%s\0' tests/mutation/hypothesis_profile.py) | tar --null -T - -cf - | tar -xf - -C "$WORK"

modules=$(cd "$WORK" && find "${sources[@]}" \( -name rules.py -o -name satisfaction.py \) | sort)
quoted() { printf '"%s", ' "$@" | sed 's/, $//'; }
cat > "$WORK/pyproject.toml" <<TOML
[tool.mutmut]
source_paths = [$(quoted "${sources[@]}")]
only_mutate = ["*/rules.py", "*/satisfaction.py"]
pytest_add_cli_args_test_selection = ["tests"]

# Stops pytest from reading the project's own settings (Django, the database) further up.
[tool.pytest.ini_options]
python_files = ["test_rules.py", "test_rules_*.py", "test_*_rules.py"]
addopts = "-p no:django -p no:cacheprovider -p tests.mutation.hypothesis_profile"
filterwarnings = ["error"]
TOML

say "mutation testing: $(echo "$modules" | wc -l) rules modules, $JOBS jobs"
echo "$modules" | sed 's/^/    /'
(cd "$WORK" && "$VENV/bin/mutmut" run --max-children "$JOBS" >"$WORK/run.log" 2>&1) || {
  tail -c 3000 "$WORK/run.log"; echo "mutmut did not complete"; exit 1; }

status=0
# shellcheck disable=SC2086  # one argument per module
(cd "$WORK" && "$VENV/bin/python" "$ROOT/infra/local/mutation_report.py" \
  --threshold "$THRESHOLD" ${MUTATION_LENIENT:+--lenient} --equivalent "$ROOT/tests/mutation/equivalent.toml" $modules) || status=$?
echo "mutation check took $(( $(date +%s) - started ))s"
exit $status
