"""The pool of tenant schemas built ahead (docs/provisioning.md): fill it, drain it, count it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from congresses.pool import pool_counts, pool_drain, pool_fill


class Command(BaseCommand):
    help = "Fill or drain the pool of pre-built tenant schemas; with no option, count it."

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--fill",
            type=int,
            nargs="?",
            const=-1,
            metavar="N",
            help="build until N wait (default: CONGRESS_PROVISIONING_POOL_SIZE)",
        )
        action.add_argument("--drain", action="store_true", help="drop every pooled schema")
        action.add_argument(
            "--drain-stale", action="store_true", help="drop those of an older template"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["fill"] is not None:
            size = None if options["fill"] < 0 else options["fill"]
            self.stdout.write(f"built {pool_fill(size=size)}")
        elif options["drain"] or options["drain_stale"]:
            self.stdout.write(f"dropped {pool_drain(stale_only=options['drain_stale'])}")
        counts = pool_counts()
        self.stdout.write(f"pooled schemas: {counts['ready']} ready, {counts['stale']} stale")
