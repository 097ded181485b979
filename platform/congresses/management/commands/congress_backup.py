import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from congresses.backup import backup_summary, congress_backup
from congresses.models import Congress


class Command(BaseCommand):
    help = (
        "Back up one congress into one file: its schema's rows, its public rows and its files "
        "(docs/backup.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the congress to back up")
        parser.add_argument("--out", required=True, help="the file to write (a .tar.gz)")
        parser.add_argument("--operator", default="", help="username recorded in the audit log")

    def handle(self, *args: Any, **options: Any) -> None:
        congress = Congress.objects.filter(slug=options["slug"]).first()
        if congress is None or congress.schema_name == "public":
            raise CommandError(f"congress_unknown: no congress with slug {options['slug']}")
        operator = _operator(options["operator"])
        started = time.monotonic()
        backup = congress_backup(congress=congress, out=Path(options["out"]), actor=operator)
        self.stdout.write(
            f"backed up {congress.slug} to {options['out']}: {backup_summary(backup)} "
            f"in {time.monotonic() - started:.1f} s"
        )


def _operator(username: str) -> User | None:
    if not username:
        return None
    operator = User.objects.filter(username=username).first()
    if operator is None:
        raise CommandError(f"no such user: {username}")
    return operator
