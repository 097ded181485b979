"""履职档案交换格式 (docs/linkage-duty.md): staff export the roster, a deputy their own record,
as JSON and as xlsx; both parse back to the same records, with the points and the origin."""

import json
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django_tenants.utils import tenant_context

from tenants.linkage.duty.exchange import FIELDS, FORMAT, exchange_from_xlsx
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.duty.services import duty_entry_record
from tests.conftest import World, client_on
from tests.tenants.activities.factories import make_seat

API = "/api/v1"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_export_round_trips_as_json_and_xlsx(world: World) -> None:
    chen = make_seat(world.county, "县代表陈立")
    zhou = make_seat(world.county, "县代表周敏")
    with tenant_context(world.county):
        with transaction.atomic():
            duty_entry_record(
                deputy=chen.deputy,
                kind="opinion_received",
                source_ref=f"from:{world.town_a.pk}:opinion:3",
                occurred_on=date(2026, 2, 10),
                title="接收群众意见（甲镇联络站）",
                origin=world.town_a,
            )
            duty_entry_record(
                deputy=chen.deputy,
                kind="suggestion",
                source_ref="2026-建议-1",
                occurred_on=date(2026, 3, 1),
                title="=SUM(A1) 关于村道的建议",  # formula-like text stays text
            )
            duty_entry_record(
                deputy=zhou.deputy,
                kind="leave",
                source_ref="activity:1:1",
                occurred_on=date(2026, 5, 2),
                title="-请假",
            )
            duty_entry_record(  # outside the period
                deputy=zhou.deputy,
                kind="session",
                source_ref="voting-cycle-9",
                occurred_on=date(2025, 12, 30),
            )
        expected = {
            e.pk: e
            for e in DutyEntry.objects.filter(
                occurred_on__gte=date(2026, 1, 1), occurred_on__lte=date(2026, 6, 30)
            )
        }

    staff = client_on(world.county, world.county_admin)
    period = {"from": "2026-01-01", "to": "2026-06-30"}
    as_json = staff.get(f"{API}/duty/export", period)
    as_xlsx = staff.get(f"{API}/duty/export", {**period, "output": "xlsx"})

    assert as_json.status_code == 200, as_json.content
    document = json.loads(as_json.content)
    assert as_xlsx.status_code == 200 and as_xlsx["Content-Type"] == XLSX
    from_xlsx = exchange_from_xlsx(as_xlsx.content)
    # Two requests: their generation times may straddle a second.
    stamps = [datetime.fromisoformat(d.pop("generated_at")) for d in (from_xlsx, document)]
    assert abs((stamps[0] - stamps[1]).total_seconds()) <= 5
    assert from_xlsx == document
    assert document["format"] == FORMAT and document["version"] == 1
    assert document["congress"] == {
        "name": world.county.name,
        "level": "county",
        "division_code": world.county.division_code,
    }
    assert document["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
    rows = document["entries"]
    assert all(tuple(row) == FIELDS for row in rows)
    assert {row["entry_id"] for row in rows} == set(expected)
    for row in rows:
        entry = expected[row["entry_id"]]
        assert (row["deputy_id"], row["kind"], row["occurred_on"], row["title"], row["state"]) == (
            entry.deputy_id,
            entry.kind,
            entry.occurred_on.isoformat(),
            entry.title,
            entry.state,
        )
    by_kind = {row["kind"]: row for row in rows}
    assert (
        by_kind["opinion_received"]["origin_congress"],
        by_kind["opinion_received"]["origin_division_code"],
    ) == (
        world.town_a.name,
        world.town_a.division_code,
    )
    assert by_kind["suggestion"]["origin_congress"] == world.county.name
    assert [by_kind[k]["points"] for k in ("opinion_received", "suggestion", "leave")] == [
        "1.0",
        "3.0",
        "-1.0",
    ]
    assert by_kind["leave"]["kind_name"] == "请假" and by_kind["leave"]["deputy_level"] == "county"

    # The deputy gets their own record only.
    mine = client_on(world.county, chen.user).get(f"{API}/me/record/export", period)
    assert {row["deputy_id"] for row in mine.json()["entries"]} == {chen.deputy.pk}
    mine_xlsx = client_on(world.county, chen.user).get(
        f"{API}/me/record/export", {**period, "output": "xlsx"}
    )
    assert exchange_from_xlsx(mine_xlsx.content)["entries"] == mine.json()["entries"]
    assert sum(Decimal(r["points"]) for r in mine.json()["entries"]) == Decimal(4)


def test_bad_periods_and_roles_are_refused(world: World) -> None:
    staff = client_on(world.county, world.county_admin)
    for query in (
        {"from": "2026-13-01"},
        {"from": "2026-06-01", "to": "2026-01-01"},
        {"from": "2020-01-01", "to": "2026-01-01"},
    ):
        response = staff.get(f"{API}/duty/export", query)
        assert response.status_code == 400 and response.json()["code"] == "period_invalid"
    bad_output = staff.get(f"{API}/duty/export", {"output": "csv"})
    assert bad_output.status_code == 400 and bad_output.json()["code"] == "output_invalid"
    deputy = make_seat(world.county, "县代表吴越")
    assert client_on(world.county, deputy.user).get(f"{API}/duty/export").status_code == 403
    assert (
        client_on(world.county, world.county_admin).get(f"{API}/me/record/export").status_code
        == 403
    )
    assert client_on(world.county).get(f"{API}/duty/export").status_code in (401, 403)
