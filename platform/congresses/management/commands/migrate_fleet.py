"""The deploy's migration step: the public schema, then every tenant schema that is behind
(docs/fleet-migrations.md)."""

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from congresses.fleet import fleet_migrate
from congresses.pool import pool_drain


class Command(BaseCommand):
    help = "Migrate the public schema, then every tenant schema whose migrations are behind."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jobs", type=int, default=2, help="worker processes (connections)")
        parser.add_argument("--report", type=Path, help="append one JSON line per schema here")
        parser.add_argument("--skip-shared", action="store_true", help="tenant schemas only")

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = int(options["verbosity"])
        if not options["skip_shared"]:
            call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)

        def say(line: str) -> None:
            if verbosity >= 2:
                self.stdout.write(line)

        result = fleet_migrate(jobs=options["jobs"], report=options["report"], progress=say)
        if verbosity >= 1:
            self.stdout.write(
                f"tenant schemas behind: {result.behind}; replayed {result.count('replayed')}, "
                f"migrated {result.count('migrated')}, recorded {result.count('recorded')}, "
                f"failed {result.count('failed')}"
            )
        # Pooled schemas of an older template would need migrating: drop them, a refill rebuilds.
        stale = pool_drain(stale_only=True)
        if verbosity >= 1 and stale:
            self.stdout.write(f"pooled schemas of an older template dropped: {stale}")
        failed = [o for o in result.outcomes if o.path == "failed"]
        if failed:
            for outcome in failed:
                self.stderr.write(f"{outcome.schema}: {outcome.error}")
            raise CommandError(f"{len(failed)} schemas failed; run again to retry them")
