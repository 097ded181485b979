"""A schema provisioned before the settings moved to the public schema keeps what its congress
set: the migrations carry the rows of the one-row tables over to congresses.ModuleSettings."""

from decimal import Decimal

from django.core.management import call_command
from django.db import connection
from django_tenants.utils import tenant_context

from congresses.models import Congress, ModuleSettings
from tenants.linkage.duty.selectors import scheme_current
from tenants.linkage.opinions.selectors import policy_current
from tenants.linkage.stations.services import settings_get

BEFORE = [
    ("duty", "0003_kind_deliberation"),
    ("stations", "0004_reception_held"),
    ("opinions", "0002_opinion_guest_deputy"),
]


def _migrate(schema: str, *target: str) -> None:
    call_command("migrate_schemas", *target, schema_name=schema, interactive=False, verbosity=0)


def test_the_settings_of_a_schema_made_before_the_move_carry_over(committed_town: Congress) -> None:
    schema = committed_town.schema_name
    for app, name in BEFORE:
        _migrate(schema, app, name)
    with connection.cursor() as cursor:
        cursor.execute(f'SET search_path TO "{schema}"')
        cursor.execute(
            "INSERT INTO duty_dutysettings"
            " (id, base_score, ceiling, good_from, fair_from, objection_days)"
            " VALUES (1, 50, NULL, 75, 55, 5)"
        )
        cursor.execute(
            "INSERT INTO duty_pointrule (kind, points, quarter_cap, year_cap)"
            " VALUES ('training', 4.5, NULL, 20)"
        )
        cursor.execute(
            "INSERT INTO stations_stationsettings (notice_days, star_thresholds)"
            " VALUES (2, '[50, 60, 70, 80, 90]')"
        )
        cursor.execute(
            "INSERT INTO opinions_policy"
            " (answer_months, extended_months, reanswer_months, due_soon_days)"
            " VALUES (2, 4, 1, 5)"
        )
        cursor.execute("SET search_path TO public")

    _migrate(schema)

    assert set(
        ModuleSettings.objects.filter(congress=committed_town).values_list("module", flat=True)
    ) == {"duty", "stations", "opinions"}
    with tenant_context(committed_town):
        scheme = scheme_current()
        assert (scheme.base, scheme.ceiling, scheme.good_from, scheme.fair_from) == (
            Decimal(50),
            None,
            Decimal(75),
            Decimal(55),
        )
        assert scheme.rules["training"].points == Decimal("4.5")
        assert scheme.rules["training"].year_cap == Decimal(20)
        assert scheme.rules["inspection"].points == Decimal(3)  # a default kept
        assert (settings_get().notice_days, settings_get().star_thresholds) == (
            2,
            (50, 60, 70, 80, 90),
        )
        policy = policy_current()
        assert (policy.answer_months, policy.extended_months, policy.due_soon_days) == (2, 4, 5)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = %s AND tablename IN"
                " ('duty_dutysettings', 'duty_pointrule', 'stations_stationsettings',"
                " 'opinions_policy')",
                [schema],
            )
            assert cursor.fetchone() == (0,)
