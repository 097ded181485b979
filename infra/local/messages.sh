#!/usr/bin/env bash
# Refresh the English catalog of one module folder (its own locale/), leaving the others alone:
#   infra/local/messages.sh tenants/linkage/opinions
# then fill in the empty msgstr lines and drop any "#, fuzzy" and "#|" lines msgmerge added.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${1:?usage: messages.sh <module folder with a locale/ inside>}"
mkdir -p "$ROOT/$DIR/locale"
cd "$ROOT/$DIR"
# -P: the folder is not put on the path, so its selectors.py cannot shadow the standard module.
DJANGO_SETTINGS_MODULE=config.settings "$ROOT/.venv/bin/python" -P -m django makemessages -l en \
  --no-location --no-obsolete --no-wrap --ignore=locale -v 0
# A new catalog's header comes marked fuzzy with a placeholder charset: msgfmt would drop it.
sed -i -e '0,/^#, fuzzy$/{/^#, fuzzy$/d}' -e 's/charset=CHARSET/charset=UTF-8/' locale/en/LC_MESSAGES/django.po
"$ROOT/.venv/bin/python" -P -m django compilemessages -v 0 --settings=config.settings
