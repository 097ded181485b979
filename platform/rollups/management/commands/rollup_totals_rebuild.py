"""Sum every kept total (RollupTotal) again from the rollup rows: after the migration that adds
them, or after rows were written by hand."""

from typing import Any

from django.core.management.base import BaseCommand

from rollups.services import rollup_totals_rebuild_everywhere


class Command(BaseCommand):
    help = "Recompute the dashboards' kept totals from the rollup rows."

    def handle(self, *args: Any, **options: Any) -> None:
        written = rollup_totals_rebuild_everywhere()
        self.stdout.write(f"{written} totals written")
