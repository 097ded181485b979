import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from congresses.backup import congress_restore
from ops.errors import DomainError

from .congress_backup import _operator


class Command(BaseCommand):
    help = (
        "Restore a congress from a backup file: in place with --replace, or as a new congress "
        "with --as NEW_SLUG (docs/backup.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a file written by congress_backup")
        parser.add_argument(
            "--replace", action="store_true", help="replace the existing congress of that slug"
        )
        parser.add_argument("--as", dest="new_slug", default="", help="restore under a new slug")
        parser.add_argument("--name", default="", help="the new congress's name (with --as)")
        parser.add_argument(
            "--division-code", default="", help="the new congress's division code (with --as)"
        )
        parser.add_argument("--operator", default="", help="username recorded in the audit log")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"backup_unreadable: no such file {path}")
        started = time.monotonic()
        try:
            restored = congress_restore(
                path=path,
                replace=options["replace"],
                new_slug=options["new_slug"],
                new_name=options["name"],
                division_code=options["division_code"],
                actor=_operator(options["operator"]),
            )
        except DomainError as refused:
            raise CommandError(f"{refused.code}: {refused.message}") from None
        how = "replaced" if restored.replaced else "restored"
        self.stdout.write(
            f"{how} {restored.congress.slug} ({restored.congress.schema_name}): "
            f"{restored.rows} rows, {restored.files} files in {time.monotonic() - started:.1f} s"
        )
