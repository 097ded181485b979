from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from audit.anchors import anchor_mismatch
from audit.selectors import audit_chain_break
from congresses.models import Congress
from ops.schemawalk import schema_visited


class Command(BaseCommand):
    help = "Verify the audit hash chain of one schema, or of every schema with --all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schema", default=get_public_schema_name())
        parser.add_argument("--all", action="store_true", help="public and every tenant")

    def handle(self, *args: Any, **options: Any) -> None:
        schemas = [options["schema"]]
        if options["all"]:
            schemas = [
                get_public_schema_name(),
                *Congress.objects.values_list("schema_name", flat=True),
            ]
        broken = []
        for schema in schemas:
            with schema_context(schema):
                found = audit_chain_break()
            # The chain's own links cannot show its newest entries gone or rewritten: the
            # anchors kept outside the tenant can.
            mismatch = anchor_mismatch(schema) if found is None else None
            if found is not None:
                broken.append(schema)
                self.stderr.write(
                    f"{schema}: entry #{found.seq} (id {found.entry_id}): {found.reason}"
                )
            elif mismatch is not None:
                broken.append(schema)
                self.stderr.write(f"{schema}: {mismatch}")
            else:
                self.stdout.write(_("%(schema)s: 审计链完整") % {"schema": schema})
            schema_visited(schema)  # a bounded number of schemas per connection
        if broken:
            raise CommandError(f"audit chain broken in: {', '.join(broken)}")
