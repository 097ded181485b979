"""Fails when a translatable string has no English translation, or the catalog misses one the
code uses. Runs makemessages on a copy so the committed catalog is left as it is."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "platform/locale/en/LC_MESSAGES/django.po"
ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', re.MULTILINE)


def entries(text: str) -> dict[str, str]:
    """msgid -> msgstr; a fuzzy entry (a guess by msgmerge) counts as untranslated."""
    found = {}
    for block in text.split("\n\n"):
        match = ENTRY.search(block)
        if match and match.group(1):
            found[match.group(1)] = "" if "#, fuzzy" in block else match.group(2)
    return found


committed = PO.read_text()
backup = PO.with_suffix(".po.bak")
shutil.copy(PO, backup)
try:
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location", "--no-obsolete", "--no-wrap",
         "--ignore=.venv", "--ignore=frontend", "--ignore=tests", "--ignore=.data", "-v", "0"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    fresh = entries(PO.read_text())
finally:
    shutil.move(backup, PO)

known = entries(committed)
missing = sorted(set(fresh) - set(known))
untranslated = sorted(msgid for msgid, msgstr in known.items() if not msgstr)
unused = sorted(set(known) - set(fresh))
for label, items in (
    ("not in the catalog", missing),
    ("untranslated", untranslated),
    ("unused", unused),
):
    for item in items:
        print(f"{label}: {item}")
sys.exit(1 if missing or untranslated or unused else 0)
