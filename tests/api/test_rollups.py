"""The dashboard API: answered from the rollups, in the same number of queries for 20 or 200
tenants; a county sees its own townships only; a township sees no other tenant's figures."""

import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context
from openpyxl import load_workbook

from congresses.models import Congress
from rollups import rules
from rollups.models import Rollup
from rollups.selectors import dashboard_rows
from rollups.services import rollup_totals_refresh
from rollups.tasks import drain
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_close,
    opinion_receive,
    opinion_reply,
)
from tests.conftest import World, client_on
from tests.platform.rollups.conftest import make_staff
from tests.tenants.opinions.conftest import make_unit
from tests.tenants.voting.factories import make_vote, vote_and_close

YEAR = timezone.localdate().year
URL = f"/api/v1/rollups/dashboard?year={YEAR}"


def _put(congress: Congress, topic: str, **figures: Any) -> None:
    Rollup.objects.update_or_create(
        congress=congress,
        year=YEAR,
        topic=topic,
        defaults={"figures": figures, "computed_at": timezone.now()},
    )
    rollup_totals_refresh(congress_id=congress.pk, years=[YEAR])  # as a drain does


@pytest.fixture
def figures(world: World) -> World:
    _put(world.town_a, "voting", voting_phase="implement", proposals=9, candidates=6, adopted=5)
    _put(world.town_b, "voting", voting_phase="deliberate", proposals=4, candidates=3, adopted=0)
    _put(world.county, "voting", voting_phase="vote", proposals=12, candidates=8, adopted=0)
    _put(
        world.town_a,
        "opinions",
        opinions=10,
        opinions_closed=8,
        opinions_on_time=6,
        opinions_overdue=1,
    )
    _put(
        world.town_b,
        "opinions",
        opinions=10,
        opinions_closed=2,
        opinions_on_time=2,
        opinions_overdue=0,
    )
    _put(
        world.town_a,
        "implementation",
        projects=5,
        projects_completed=2,
        funds_planned="120.50",
        funds_spent="60.25",
    )
    return world


TENANTS = f"/api/v1/rollups/dashboard/tenants?year={YEAR}"


def _tenants(client: Any, query: str = "") -> dict[str, dict[str, Any]]:
    """Every per-tenant row, page after page."""
    rows: dict[str, dict[str, Any]] = {}
    page = 1
    while True:
        body = client.get(f"{TENANTS}{query}&page_size=100&page={page}").json()
        rows.update({row["slug"]: row for row in body["results"]})
        if body["next"] is None:
            return rows
        page += 1


def test_the_city_sees_every_tenant_below_it_with_totals(figures: World) -> None:
    staff = make_staff("city-staff", figures.city)

    client = client_on(figures.city, staff)
    response = client.get(URL)

    assert response.status_code == 200, response.content
    body = response.json()
    rows = _tenants(client)
    assert {"tcounty", "town-a", "town-b"} <= set(rows) and "tcity" not in rows
    assert rows["town-a"]["adopted"] == 5 and rows["town-a"]["decided"] is True
    assert rows["town-a"]["closure_rate"] == 80.0 and rows["town-a"]["timeliness_rate"] == 75.0
    assert rows["town-a"]["funds_planned"] == 120.5 and rows["town-a"]["completion_rate"] == 40.0
    assert rows["town-a"]["county_name"] == figures.county.name
    assert rows["town-a"]["portal_url"].startswith("http://town-a.localhost")
    assert rows["town-b"]["projects"] is None  # no implementation figures: nothing, not 0
    totals = body["totals"]
    assert totals["adopted"] == 5 and totals["opinions"] == 20 and totals["opinions_closed"] == 10
    assert totals["closure_rate"] == 50.0  # 10 of 20, not the mean of 80% and 20%
    assert totals["decided"] == 1 and totals["tenants"] == len(rows)
    phases = {p["phase"]: p["tenants"] for p in body["phases"]}
    assert phases["implement"] == 1 and phases["deliberate"] == 1 and phases["vote"] == 1
    assert [c["id"] for c in body["counties"]] == [figures.county.pk]
    assert body["by_county"][0]["name"] == figures.county.name


def test_the_city_filters_by_county_and_refuses_one_it_does_not_oversee(figures: World) -> None:
    client = client_on(figures.city, make_staff("city-staff", figures.city))

    body = client.get(f"{URL}&county={figures.county.pk}").json()
    refused = client.get(f"{URL}&county={figures.town_a.pk}")

    assert (
        set(_tenants(client, f"&county={figures.county.pk}")) == {"tcounty", "town-a", "town-b"}
        and body["county"] == figures.county.pk
    )
    assert refused.status_code == 400 and refused.json()["code"] == "county_unknown"


def test_a_county_sees_only_its_own_townships(figures: World) -> None:
    other_county = _bare("other-county", "另一县人大常委会", "county", "369802", figures.city)
    stranger = _bare("town-c", "丙镇人大主席团", "township", "369802101", other_county)
    _put(stranger, "voting", voting_phase="closed", adopted=7)
    client = client_on(figures.county, figures.county_admin)

    body = client.get(URL).json()
    other = client.get(f"{URL}&county={other_county.pk}")

    assert set(_tenants(client)) == {"town-a", "town-b"}
    assert body["totals"]["adopted"] == 5 and body["counties"] == []
    assert other.status_code == 400
    city = client_on(figures.city, make_staff("city-staff", figures.city))
    assert {"town-c", "other-county"} <= set(_tenants(city))


def test_a_township_sees_no_other_tenants_figures(figures: World) -> None:
    for path in (URL, f"/api/v1/rollups/dashboard.xlsx?year={YEAR}"):
        response = client_on(figures.town_a, figures.staff_a).get(path)
        assert response.status_code == 403
        assert response.json()["code"] == "dashboard_not_allowed"
        assert "town-b" not in response.content.decode()


def test_deputies_and_strangers_are_refused(figures: World) -> None:
    deputy = client_on(figures.county, figures.deputy_both)  # a deputy of the county, not staff
    # A township's staff, its session carried to the city's host.
    foreign = client_on(figures.town_a, figures.staff_a)
    foreign.defaults["HTTP_HOST"] = "tcity.localhost"

    assert deputy.get(URL).status_code == 403
    assert foreign.get(URL).status_code in (401, 403)
    assert client_on(figures.city).get(URL).status_code in (401, 403)


def test_every_table_exports_to_excel(figures: World) -> None:
    client = client_on(figures.city, make_staff("city-staff", figures.city))

    everything = client.get(f"/api/v1/rollups/dashboard.xlsx?year={YEAR}")
    one = client.get(f"/api/v1/rollups/dashboard.xlsx?year={YEAR}&table=opinions")
    bad = client.get(f"/api/v1/rollups/dashboard.xlsx?year={YEAR}&table=nothing")

    assert everything.status_code == 200
    book = load_workbook(io.BytesIO(everything.content))
    assert len(book.sheetnames) == 6 and book.sheetnames[0] == f"{YEAR} 票决情况"
    voting = [list(r) for r in book[book.sheetnames[0]].iter_rows(values_only=True)]
    assert voting[0][:4] == ["人大", "所属县区", "层级", "票决阶段"]
    town_a = next(r for r in voting if r[0] == figures.town_a.name)
    assert town_a[3] == "实施监督" and town_a[6] == 5
    assert voting[-1][0] == "合计" and voting[-1][6] == 5
    sheet = load_workbook(io.BytesIO(one.content)).active
    assert sheet is not None and sheet.title == f"{YEAR} 群众意见办理"
    assert bad.status_code == 400 and bad.json()["code"] == "invalid"


def test_an_adoption_reaches_the_city_dashboard_after_the_outbox_task(world: World) -> None:
    client = client_on(world.city, make_staff("city-staff", world.city))
    before = _tenants(client)["town-a"]
    with tenant_context(world.town_a):
        vote = make_vote(deputies=6, candidates=3, seats=2, year=YEAR)
        vote_and_close(vote.round, vote.deputies, *vote.candidates[:2])
    assert _tenants(client)["town-a"]["adopted"] == before["adopted"]

    with tenant_context(world.town_a):
        drain.apply()  # what the worker runs after the commit, in town_a's schema

    after = _tenants(client)["town-a"]
    assert after["adopted"] == 2 and after["candidates"] == 3 and after["voting_phase"] == "vote"
    assert after["decided"] is True and after["updated_at"] is not None


def _row(slug: str, name: str, level: str, code: str, parent: Congress) -> Congress:
    """A congress row with no schema behind it: the dashboard reads only rows and rollups."""
    return Congress(
        name=name,
        slug=slug,
        schema_name=slug.replace("-", "_"),
        level=level,
        parent=parent,
        division_code=code,
    )


def _bare(slug: str, name: str, level: str, code: str, parent: Congress) -> Congress:
    congress = _row(slug, name, level, code, parent)
    congress.save()
    return congress


def _generate(county: Congress, count: int, start: int) -> None:
    townships = Congress.objects.bulk_create(
        _row(f"gen-{i}", f"生成{i}镇人大主席团", "township", f"369803{i:03d}", county)
        for i in range(start, start + count)
    )
    Rollup.objects.bulk_create(
        Rollup(congress=t, year=YEAR, topic=topic, computed_at=timezone.now(), figures=figures)
        for t in townships
        for topic, figures in (
            (
                "voting",
                {"voting_phase": "implement", "proposals": 8, "candidates": 6, "adopted": 5},
            ),
            ("opinions", {"opinions": 12, "opinions_closed": 9, "opinions_on_time": 8}),
            ("implementation", {"projects": 5, "funds_planned": "300.00", "funds_spent": "120.00"}),
        )
    )
    rollup_totals_refresh(congress_id=county.pk, years=[YEAR])  # as the drains would


def _queries(client: Any, path: str) -> tuple[int, dict[str, Any], int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        assert response.status_code == 200
    return len(captured.captured_queries), response.json(), len(response.content)


def _recomputed(viewer: Congress, county: Congress | None = None) -> dict[str, Any]:
    """The totals docs/indicators.md defines, summed afresh over every tenant's rows."""
    rows = dashboard_rows(viewer=viewer, year=YEAR, county=county)
    totals = rules.total(row.figures for row in rows)
    return {key: None if value is None else float(value) for key, value in totals.items()}


def _as_floats(totals: dict[str, Any]) -> dict[str, Any]:
    return {key: None if value is None else float(value) for key, value in totals.items()}


def test_the_dashboard_costs_the_same_for_20_and_200_townships(world: World) -> None:
    generated = _bare("gen-county", "生成县人大常委会", "county", "369803", world.city)
    client = client_on(world.city, make_staff("city-staff", world.city))
    _generate(generated, 20, 0)
    few, small, small_bytes = _queries(client, URL)
    filtered_few, _body, _bytes = _queries(client, f"{URL}&county={generated.pk}")
    page_few, _page, _bytes = _queries(client, f"{TENANTS}&page=2&page_size=10")
    _generate(generated, 180, 20)

    many, large, large_bytes = _queries(client, URL)
    filtered, by_county, _bytes = _queries(client, f"{URL}&county={generated.pk}")
    page_many, page, _bytes = _queries(client, f"{TENANTS}&page=2&page_size=10")

    assert many == few and filtered == filtered_few and page_many == page_few
    # The dashboard's body does not grow with the townships (the wall reads it every minute).
    # (only the numbers' digits grow: 23 more bytes for 180 more townships)
    assert "tenants" not in large and large_bytes - small_bytes < 100
    assert large["totals"]["tenants"] == small["totals"]["tenants"] + 180
    assert by_county["totals"]["tenants"] == 201 and by_county["totals"]["adopted"] == 1000
    assert by_county["totals"]["funds_planned"] == 60000.0
    assert page["count"] == large["totals"]["tenants"] and len(page["results"]) == 10
    # The kept totals are the totals docs/indicators.md defines, summed afresh.
    assert _as_floats(large["totals"]) == _recomputed(world.city)
    assert _as_floats(by_county["totals"]) == _recomputed(world.city, generated)
    county_line = next(c for c in large["by_county"] if c["id"] == generated.pk)
    assert _as_floats({k: county_line[k] for k in large["totals"]}) == _recomputed(
        world.city, generated
    )


def test_a_closed_opinion_reaches_the_city_dashboard_after_the_outbox_task(world: World) -> None:
    unit = make_unit(world.town_a, "town-a-roads", "甲镇村建办")
    client = client_on(world.city, make_staff("city-staff", world.city))
    with tenant_context(world.town_a):
        opinion = opinion_receive(
            channel="reception",
            content="东村桥面破损，雨天积水。",
            citizen_name="王秀英",
            citizen_phone="13912345678",
            category="transport",
        )
        opinion = opinion_assign(opinion=opinion, unit_user_id=unit.pk, actor=None)
        opinion = opinion_reply(opinion=opinion, answer="已修复桥面。", actor=unit, staff=False)
        drain.apply()
    before = _tenants(client)["town-a"]
    assert before["opinions_closed"] == 0 and before["opinions"] >= 1

    with tenant_context(world.town_a):
        opinion_close(opinion=opinion, actor=None)
    assert _tenants(client)["town-a"]["opinions_closed"] == 0  # not drained yet
    with tenant_context(world.town_a):
        drain.apply()

    after = _tenants(client)["town-a"]
    assert after["opinions_closed"] == 1
    assert after["closure_rate"] == float(rules.ratio(1, after["opinions"]))  # type: ignore[arg-type]


def test_the_api_and_the_export_show_the_declared_figures_and_nothing_else() -> None:
    from api.rollups.serializers import FiguresOut
    from api.rollups.tables import TABLES
    from rollups.catalog import FIGURES, RATIOS

    declared = {f.key for f in FIGURES} | {r.key for r in RATIOS}

    assert set(FiguresOut().fields) == declared
    assert {c.key for t in TABLES.values() for c in t.columns} <= declared


def test_a_figure_is_read_from_the_topic_that_owns_it(world: World) -> None:
    # A stations row written before the roster's count moved to the activities topic.
    _put(world.town_a, "stations", stations=2, deputies=99)
    _put(world.town_a, "activities", activities=1, deputies_active=4, deputies=10)
    client = client_on(world.city, make_staff("city-staff", world.city))

    row = _tenants(client)["town-a"]

    assert (row["stations"], row["deputies"], row["participation_rate"]) == (2, 10, 40.0)
