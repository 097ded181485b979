"""Run the implementation beat task now, in every active congress or one, optionally as of another
moment: `manage.py implementation_alerts --now 2027-07-01T09:00+08:00 --congress songling`."""

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, tenant_context

from congresses.models import Congress, Status
from tenants.implementation.services import alerts_run


class Command(BaseCommand):
    help = "Recompute traffic lights and send due reminders and overdue alerts (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="ISO 8601 moment to run as (default: now)")
        parser.add_argument("--congress", help="the slug of one congress (default: all active)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            now = datetime.fromisoformat(options["now"]) if options["now"] else timezone.now()
        except ValueError as error:
            raise CommandError(f"--now: {error}") from error
        if timezone.is_naive(now):
            now = timezone.make_aware(now)
        congresses = Congress.objects.filter(status=Status.ACTIVE).exclude(
            schema_name=get_public_schema_name()
        )
        if options["congress"]:
            congresses = congresses.filter(slug=options["congress"])
            if not congresses.exists():
                raise CommandError(f"no active congress {options['congress']!r}")
        for congress in congresses:
            with tenant_context(congress):
                summary = alerts_run(now=now)
            self.stdout.write(
                f"{congress.slug}: {summary.relit} lights changed, {summary.notified} notified"
            )
