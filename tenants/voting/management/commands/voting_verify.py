"""Recount a published round record: `manage.py voting_verify round-12-record.json
[--commitment HASH] [--hash HASH]`. Reads the file only; exits 1 when it does not recount."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenants.voting.record import record_digest, verify_record


class Command(BaseCommand):
    help = "Recount a published vote round record and compare it with its announced result."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--commitment", default="", help="the hash published at open")
        parser.add_argument("--hash", default="", help="the record's hash published at close")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            record = json.loads(options["file"].read_text(encoding="utf-8"))
        except (OSError, ValueError) as failure:
            raise CommandError(f"cannot read {options['file']}: {failure}") from None
        problems = verify_record(
            record, commitment_hash=options["commitment"], record_hash=options["hash"]
        )
        self.stdout.write(f"record sha256 {record_digest(record)}")
        for problem in problems:
            self.stdout.write(f"{problem.code}: {problem.message}")
        if problems:
            raise CommandError(f"the record does not recount ({len(problems)} problems)")
        self.stdout.write("ok: the recount gives the announced result")
