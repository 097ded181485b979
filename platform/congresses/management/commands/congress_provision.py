from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from congresses.models import Congress, Level
from congresses.services import CongressSpec, congress_provision
from ops.errors import DomainError


class Command(BaseCommand):
    help = "Provision a city, county or township congress: schema, domain, first administrator."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--level", required=True, choices=Level.values)
        parser.add_argument("--division-code", required=True)
        parser.add_argument("--parent", help="slug of the parent congress")
        parser.add_argument("--operator", required=True, help="username of the platform operator")
        parser.add_argument("--admin-username", default="")
        parser.add_argument("--admin-name", default="")
        parser.add_argument("--admin-password", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        operator = User.objects.filter(username=options["operator"]).first()
        if operator is None:
            raise CommandError(f"no such user: {options['operator']}")
        parent_id = None
        if options["parent"]:
            parent = Congress.objects.filter(slug=options["parent"]).first()
            if parent is None:
                raise CommandError(f"parent_unknown: no congress with slug {options['parent']}")
            parent_id = parent.pk
        spec = CongressSpec(
            name=options["name"],
            slug=options["slug"],
            level=options["level"],
            division_code=options["division_code"],
            parent_id=parent_id,
            admin_username=options["admin_username"],
            admin_display_name=options["admin_name"],
            admin_password_hash=make_password(options["admin_password"])
            if options["admin_password"]
            else "",
        )
        try:
            congress = congress_provision(spec=spec, requested_by=operator, acting_in=None)
        except DomainError as refused:
            raise CommandError(f"{refused.code}: {refused.message}") from None
        self.stdout.write(f"provisioned {congress.name} ({congress.schema_name}) at {spec.domain}")
