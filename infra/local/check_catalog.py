"""Fails when a translatable string has no English translation, or a catalog misses one the code
uses. Each module folder may hold its own catalog (see LOCALE_PATHS in settings); makemessages
files every string under the nearest one. Runs makemessages with the committed catalogs backed
up and restores them after, so they are left as they are."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "frontend", ".data", "tests"}
ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', re.MULTILINE)


def catalogs() -> list[Path]:
    found = ROOT.glob("**/locale/en/LC_MESSAGES/django.po")
    return sorted(p for p in found if not SKIP & set(p.relative_to(ROOT).parts))


def entries(text: str) -> dict[str, str]:
    """msgid -> msgstr; a fuzzy entry (a guess by msgmerge) counts as untranslated."""
    found = {}
    for block in text.split("\n\n"):
        match = ENTRY.search(block)
        if match and match.group(1):
            found[match.group(1)] = "" if "#, fuzzy" in block else match.group(2)
    return found


committed = {po: po.read_text() for po in catalogs()}
try:
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--no-location",
            "--no-obsolete",
            "--no-wrap",
            "--ignore=.venv",
            "--ignore=frontend",
            "--ignore=tests",
            "--ignore=.data",
            "-v",
            "0",
        ],
        cwd=ROOT,
        check=True,
    )
    fresh = {po: entries(po.read_text()) for po in catalogs()}
finally:
    for po in catalogs():
        if po in committed:
            po.write_text(committed[po])
        else:
            po.unlink()  # a catalog makemessages made for a locale/ folder with none committed

failed = False
for po, strings in fresh.items():
    known = entries(committed.get(po, ""))
    name = po.relative_to(ROOT).parts[:-4]
    for label, items in (
        ("not in the catalog", sorted(set(strings) - set(known))),
        ("untranslated", sorted(msgid for msgid, msgstr in known.items() if not msgstr)),
        ("unused", sorted(set(known) - set(strings))),
    ):
        for item in items:
            failed = True
            print(f"{'/'.join(name)}: {label}: {item}")
sys.exit(1 if failed else 0)
