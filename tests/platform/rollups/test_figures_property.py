"""Every figure the dashboards show, checked against the tenants' own rows in generated worlds.

Each example builds a small world through the real services, in the session's county and its two
townships (each of the three may take part or stay empty), in a year of its own, then drains the
outbox of each as the worker would and reads the city's and the county's dashboard and the Excel
export. Every figure must equal a direct SQL recomputation over the tenant's own tables from the
definitions in docs/indicators.md (never the indicator providers), every rate must lie within
0-100% and equal numerator/denominator rounded half-up, and every total must be the sum of its
parts, its rates computed from the summed counts.

The worlds, per congress (county, 甲镇, 乙镇), on a calendar through one year:

- **votes** (5 Jan): no cycle; a cycle still in 征集; a vote of 3-4 deputies on 3-4 candidates
  for 1-2 seats, its round still open or closed with the seats adopted; then handed over to
  implementation (projects created); then evaluated (1 Nov) with each deputy's mark drawn per
  project (满意 / 基本满意 / 不满意 / 弃权).
- **opinions** (10 Jan): up to three, each left received, assigned and never answered, answered
  on time (1 Feb) or late (1 Jun) and left awaiting the citizen, or closed after either. A
  township's opinion may also be **escalated** to the county (11 Jan): its copy there left
  waiting, or answered by the county on time or late, the answer carried back, and the citizen's
  rating closing both.
- **activities** (held 5 Mar): up to two organised by the congress, inviting its two deputies and
  those of the congress above or below it, signed into by 0-3 of them, or cancelled.

The outbox is drained on 1 Dec; rates that hang on the day (overdue opinions and milestones)
are recomputed for that day."""

import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from django_tenants.utils import tenant_context
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from accounts.models import User
from congresses.models import Congress
from congresses.tenant import Tenant
from crossing.services import dispatch_deliver_pending
from rollups.catalog import TOPICS
from rollups.models import Rollup
from rollups.services import rollup_drain
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_end_service
from tenants.linkage.activities.models import Activity
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import (
    activity_cancel,
    activity_create,
    activity_open_sign_in,
    invitation_sign_in,
)
from tenants.linkage.opinions.models import Opinion
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_close,
    opinion_escalate,
    opinion_rate,
    opinion_receive,
    opinion_reply,
)
from tenants.voting.evaluation import evaluation_open
from tenants.voting.models import Candidate
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.selectors import cycle_entitled_deputies
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    cycle_create,
    cycle_open_voting,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.factories import make_term
from tests.platform.rollups.conftest import dashboard_with_tenants
from tests.tenants.activities.factories import Seat, copy_in, make_seat
from tests.tenants.opinions.conftest import make_unit
from tests.tenants.voting.factories import Vote, make_deputies, make_shortlist, per_candidate

from .conftest import make_staff

SHANGHAI = ZoneInfo("Asia/Shanghai")
YEARS = itertools.count(2035)  # a fresh year per example: its rows are the example's own
MARKS = ("satisfied", "basic", "unsatisfied", "abstain")
PLAIN = ("received", "assigned", "on_time", "late", "closed_on_time", "closed_late")
ESCALATED = ("up_waiting", "up_on_time", "up_late", "up_closed")
COUNTS = (
    "proposals",
    "candidates",
    "adopted",
    "projects",
    "projects_completed",
    "projects_red",
    "milestones_overdue",
    "rated_satisfied",
    "rated_basic",
    "rated_unsatisfied",
    "ballots_valid",
    "ballots_satisfied",
    "stations",
    "stations_rated",
    "star_total",
    "deputies",
    "activities",
    "activity_attendances",
    "deputies_active",
    "opinions",
    "opinions_escalated_in",
    "opinions_closed",
    "opinions_on_time",
    "opinions_overdue",
)
MONEY = ("funds_planned", "funds_allocated", "funds_spent")
RATES = {  # rate: (numerator, denominator, scale), as docs/indicators.md defines them
    "completion_rate": ("projects_completed", "projects", 100),
    "satisfaction_rate": ("ballots_satisfied", "ballots_valid", 100),
    "average_stars": ("star_total", "stations_rated", 1),
    "participation_rate": ("deputies_active", "deputies", 100),
    "closure_rate": ("opinions_closed", "opinions", 100),
    "timeliness_rate": ("opinions_on_time", "opinions_closed", 100),
}
SHEETS = {  # the export's sheets: which keys their columns hold, after name, county and level
    "票决情况": ["voting_phase", "proposals", "candidates", "adopted"],
    "项目实施与资金": [
        "projects",
        "projects_completed",
        "completion_rate",
        "projects_red",
        "milestones_overdue",
        "funds_planned",
        "funds_allocated",
        "funds_spent",
    ],
    "满意度测评": [
        "rated_satisfied",
        "rated_basic",
        "rated_unsatisfied",
        "ballots_valid",
        "ballots_satisfied",
        "satisfaction_rate",
    ],
    "代表联络站": ["stations", "stations_rated", "average_stars"],
    "代表活动与履职": [
        "activities",
        "activity_attendances",
        "deputies_active",
        "deputies",
        "participation_rate",
    ],
    "群众意见办理": [
        "opinions",
        "opinions_escalated_in",
        "opinions_closed",
        "closure_rate",
        "opinions_on_time",
        "timeliness_rate",
        "opinions_overdue",
    ],
}


def _plan(opinion_paths: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "vote": st.sampled_from([None, "solicit", "open", "closed", "implement", "evaluate"]),
            "deputies": st.integers(3, 4),
            "candidates": st.integers(3, 4),
            "seats": st.integers(1, 2),
            "marks": st.lists(st.sampled_from(MARKS), min_size=8, max_size=8),
            "opinions": st.lists(st.sampled_from(opinion_paths), max_size=3),
            "activities": st.lists(
                st.fixed_dictionaries(
                    {
                        "wide": st.booleans(),
                        "signed": st.integers(0, 3),
                        "cancelled": st.booleans(),
                    }
                ),
                max_size=2,
            ),
        }
    )


worlds = st.fixed_dictionaries(
    {
        "county": _plan(PLAIN),
        "town_a": _plan(PLAIN + ESCALATED),
        "town_b": _plan(PLAIN + ESCALATED),
    }
)


@dataclass
class Cast:
    """Who acts in every example: created once, shared by the examples."""

    tenants: dict[str, Congress]
    units: dict[str, User]  # a handling unit's account per congress
    seats: dict[str, list[Seat]]  # two deputies with logins per congress
    city_staff: User
    county_staff: User


@pytest.fixture
def cast(world: World) -> Cast:
    tenants = {"county": world.county, "town_a": world.town_a, "town_b": world.town_b}
    for congress in tenants.values():
        with tenant_context(congress):
            make_term()
    return Cast(
        tenants=tenants,
        units={
            name: make_unit(c, f"unit-{name}", f"{c.name}承办单位") for name, c in tenants.items()
        },
        seats={
            name: [make_seat(c, f"{name}代表{i}") for i in range(2)] for name, c in tenants.items()
        },
        city_staff=make_staff("city-staff", world.city),
        county_staff=world.county_admin,
    )


class Calendar:
    def __init__(self, year: int, traveller: Any) -> None:
        self.year, self.traveller = year, traveller

    def at(self, month: int, day: int, hour: int = 10) -> datetime:
        moment = datetime(self.year, month, day, hour, tzinfo=SHANGHAI)
        self.traveller.move_to(moment)
        return moment


# --- Building a world through the services ------------------------------------------------------


def _votes(plan: dict[str, Any], name: str, cast: Cast, cal: Calendar) -> None:
    if plan["vote"] is None:
        return
    with tenant_context(cast.tenants[name]):
        cal.at(1, 5)
        if plan["vote"] == "solicit":
            cycle_create(year=cal.year, title="年度票决", term=make_term(), actor=None)
            return
        # This year's roster: the deputies of earlier examples leave, the two with logins stay.
        kept = {seat.deputy.pk for seat in cast.seats[name]}
        for deputy in Deputy.objects.filter(status=Deputy.Status.SERVING).exclude(pk__in=kept):
            deputy_end_service(deputy=deputy, actor=None)
        make_deputies(plan["deputies"], prefix=f"{cal.year}代表")
        cycle = make_shortlist(year=cal.year, seats=plan["seats"], candidates=plan["candidates"])
        cycle = cycle_open_voting(cycle=cycle_advance(cycle=cycle, actor=None), actor=None)
        voters = list(cycle_entitled_deputies(cycle))
        for deputy in voters:
            attendance_sign_in(cycle=cycle, deputy=deputy, actor=None)
        vote = Vote(cycle=cycle, deputies=voters, candidates=[], round=None)  # type: ignore[arg-type]
        vote.round = round_open(cycle=cycle, actor=None)
        if plan["vote"] == "open":
            return
        listed = list(cycle.candidates.order_by("sequence"))
        for deputy in voters:
            choices = per_candidate(vote, *listed[: plan["seats"]])
            ballot_cast(round_id=vote.round.pk, deputy=deputy, choices=choices, actor=None)
        round_close(round_id=vote.round.pk, actor=None)
        if plan["vote"] == "closed":
            return
        vote_results_hand_over(cycle=cycle, actor=None)
        if plan["vote"] == "implement":
            return
        cal.at(11, 1)
        round_ = evaluation_open(cycle=cycle, actor=None)
        adopted = list(cycle.candidates.filter(status=Candidate.Status.ADOPTED).order_by("rank"))
        marks = itertools.cycle(plan["marks"])
        for deputy in voters:
            choices = {str(c.pk): next(marks) for c in adopted}
            ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices, actor=None)
        round_close(round_id=round_.pk, actor=None)


def _receive(congress: Congress, cast: Cast, name: str, cal: Calendar) -> Opinion:
    with tenant_context(congress):
        opinion = opinion_receive(
            channel="reception",
            content="村道路灯损坏，夜间出行不便。",
            citizen_name="王秀英",
            category="transport",
            now=cal.at(1, 10),
        )
        return opinion_assign(opinion=opinion, unit_user_id=cast.units[name].pk, actor=None)


def _answer(congress: Congress, unit: User, opinion: Opinion, *, late: bool, cal: Calendar) -> None:
    with tenant_context(congress):
        opinion_reply(
            opinion=opinion, answer="已修复。", actor=unit, staff=False, now=cal.at(*_when(late))
        )


def _when(late: bool) -> tuple[int, int]:
    return (6, 1) if late else (2, 1)


def _opinions(plan: dict[str, Any], name: str, cast: Cast, cal: Calendar) -> None:
    congress, county = cast.tenants[name], cast.tenants["county"]
    for path in plan["opinions"]:
        if path == "received":
            with tenant_context(congress):
                opinion_receive(
                    channel="reception",
                    content="建议增设公交站。",
                    citizen_name="李四",
                    now=cal.at(1, 10),
                )
            continue
        opinion = _receive(congress, cast, name, cal)
        if path in PLAIN:
            if path == "assigned":
                continue
            late = path.endswith("late")
            _answer(congress, cast.units[name], opinion, late=late, cal=cal)
            if path.startswith("closed"):
                with tenant_context(congress):
                    opinion_close(opinion=opinion, actor=None, now=cal.at(*_when(late), hour=11))
            continue
        with tenant_context(congress):
            opinion_escalate(opinion=opinion, note="超出本级职权", actor=None, now=cal.at(1, 11))
        dispatch_deliver_pending()
        if path == "up_waiting":
            continue
        with tenant_context(county):
            copy = Opinion.objects.get(origin_id=congress.pk, origin_ref=str(opinion.pk))
            copy = opinion_assign(
                opinion=copy, unit_user_id=cast.units["county"].pk, actor=None, now=cal.at(1, 12)
            )
        _answer(county, cast.units["county"], copy, late=path == "up_late", cal=cal)
        dispatch_deliver_pending()
        if path == "up_closed":
            with tenant_context(congress):
                opinion.refresh_from_db()
                opinion_rate(opinion=opinion, rating="satisfied", now=cal.at(6, 10))
            dispatch_deliver_pending()


NEIGHBOURS = {"county": ("town_a", "town_b"), "town_a": ("county",), "town_b": ("county",)}


def _activities(plan: dict[str, Any], name: str, cast: Cast, cal: Calendar) -> None:
    congress = cast.tenants[name]
    for spec in plan["activities"]:
        seats = list(cast.seats[name])
        if spec["wide"]:
            seats += [cast.seats[other][0] for other in NEIGHBOURS[name]]
        now = cal.at(3, 1)
        starts = datetime(cal.year, 3, 5, 9, tzinfo=SHANGHAI)
        with tenant_context(congress):
            invitees = invitees_from_directory(
                organiser=congress, picks=[(s.congress.pk, s.deputy.pk) for s in seats]
            )
            activity = activity_create(
                tenant=Tenant.of(congress),
                kind="inspection",
                title="联合视察",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                place="会议室",
                invitees=invitees,
                actor=None,
                now=now,
            )
        dispatch_deliver_pending()
        if spec["cancelled"]:
            with tenant_context(congress):
                activity_cancel(activity=activity, reason="天气原因", actor=None)
            dispatch_deliver_pending()
            continue
        if not spec["signed"]:
            continue
        with tenant_context(congress):
            token = activity_open_sign_in(
                activity=activity, minutes=120, actor=None, now=cal.at(3, 5, 9)
            ).sign_in_token
        dispatch_deliver_pending()
        for seat in seats[: spec["signed"]]:
            local = activity if seat.congress == congress else copy_in(seat.congress, activity)
            assert isinstance(local, Activity)
            with tenant_context(seat.congress):
                invitation_sign_in(activity=local, token=token, actor=seat.user, now=cal.at(3, 5))


# --- The direct recomputation -------------------------------------------------------------------


def _one(sql: str, *params: Any) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row and len(row) == 1 else row


def recompute(congress: Congress, year: int, today: datetime) -> dict[str, Any]:
    """The figures of docs/indicators.md, straight from the tenant's tables."""
    day = today.date()
    in_year = "EXTRACT(YEAR FROM {} AT TIME ZONE 'Asia/Shanghai') = %s"
    with tenant_context(congress):
        cycle = _one("SELECT id, phase FROM voting_cycle WHERE year = %s", year)
        cycle_id, phase = cycle if cycle else (None, None)
        out: dict[str, Any] = {
            "voting_phase": phase,
            "proposals": _one(
                "SELECT count(*) FROM voting_proposal WHERE cycle_id = %s AND status <> 'merged'",
                cycle_id,
            ),
            "candidates": _one(
                "SELECT count(*) FROM voting_candidate WHERE cycle_id = %s", cycle_id
            ),
            "adopted": _one(
                "SELECT count(*) FROM voting_candidate WHERE cycle_id = %s AND status = 'adopted'",
                cycle_id,
            ),
        }
        (
            out["projects"],
            out["projects_completed"],
            out["projects_red"],
            out["funds_planned"],
            out["funds_allocated"],
            out["funds_spent"],
        ) = _one(
            "SELECT count(*), count(completed_on), count(*) FILTER (WHERE light = 'red'),"
            " coalesce(sum(funds_planned), 0), coalesce(sum(funds_allocated), 0),"
            " coalesce(sum(funds_spent), 0) FROM implementation_project WHERE cycle_id = %s",
            cycle_id,
        )
        out["milestones_overdue"] = _one(
            "SELECT count(*) FROM implementation_milestone m JOIN implementation_project p"
            " ON p.id = m.project_id WHERE p.cycle_id = %s AND m.done_on IS NULL"
            " AND m.due_on < %s",
            cycle_id,
            day,
        )
        for outcome in ("satisfied", "basic", "unsatisfied"):
            out[f"rated_{outcome}"] = _one(
                "SELECT count(*) FROM voting_candidate WHERE cycle_id = %s AND satisfaction = %s",
                cycle_id,
                outcome,
            )
        result = _one(
            "SELECT result FROM voting_round WHERE cycle_id = %s AND kind = 'evaluation'"
            " AND state = 'closed'",
            cycle_id,
        )
        counts = list((json.loads(result) if result else {}).get("counts", {}).values())
        out["ballots_valid"] = sum(sum(c.values()) for c in counts)
        out["ballots_satisfied"] = sum(c["satisfied"] + c["basic"] for c in counts)
        out["stations"] = _one("SELECT count(*) FROM stations_station")
        out["stations_rated"], out["star_total"] = _one(
            "SELECT count(*), coalesce(sum(stars), 0) FROM stations_assessment"
            " WHERE state = 'reviewed' AND stars_expire_on > %s",
            timezone.localdate(),
        )
        serving = (
            "SELECT d.id FROM deputies_deputy d JOIN deputies_term t ON t.id = d.term_id"
            " WHERE d.status = 'serving' AND t.is_current"
        )
        signed = (
            "FROM activities_invitation i JOIN activities_activity a ON a.id = i.activity_id"
            " WHERE i.deputy_id IS NOT NULL AND i.signed_in_at IS NOT NULL AND "
            + in_year.format("a.starts_at")
        )
        out["deputies"] = _one(f"SELECT count(*) FROM ({serving}) s")
        out["activities"] = _one(
            "SELECT count(*) FROM activities_activity WHERE NOT is_copy AND state = 'scheduled'"
            " AND " + in_year.format("starts_at"),
            year,
        )
        out["activity_attendances"] = _one(f"SELECT count(*) {signed}", year)
        out["deputies_active"] = _one(
            f"SELECT count(DISTINCT i.deputy_id) {signed} AND i.deputy_id IN ({serving})", year
        )
        (
            out["opinions"],
            out["opinions_escalated_in"],
            out["opinions_closed"],
            out["opinions_on_time"],
            out["opinions_overdue"],
        ) = _one(
            "SELECT count(*), count(origin_id), count(*) FILTER (WHERE status = 'closed'),"
            " count(*) FILTER (WHERE status = 'closed' AND answered_on <= due_on),"
            " count(*) FILTER (WHERE (status IN ('assigned', 'handling', 'reopened')"
            "   AND due_on < %s) OR (status = 'escalated' AND upstream_status IN"
            "   ('assigned', 'handling', 'reopened') AND due_on < %s) OR answered_on > due_on)"
            " FROM opinions_opinion WHERE " + in_year.format("received_at"),
            day,
            day,
            year,
        )
    return out


def half_up(part: int, whole: int, scale: int) -> Decimal | None:
    if whole == 0:
        return None
    tenths = floor(Fraction(part * scale * 10, whole) + Fraction(1, 2))
    return Decimal(tenths) / 10


def _figure(value: Any) -> Any:
    return Decimal(str(value)) if isinstance(value, float) else value


def assert_rates(row: dict[str, Any], where: str) -> None:
    for rate, (numerator, denominator, scale) in RATES.items():
        expected = half_up(row[numerator] or 0, row[denominator] or 0, scale)
        assert _figure(row[rate]) == expected, (where, rate, row[numerator], row[denominator])
        if expected is not None and scale == 100:
            assert 0 <= expected <= 100, (where, rate)


def assert_sums(total: dict[str, Any], parts: list[dict[str, Any]], where: str) -> None:
    for key in COUNTS:
        assert total[key] == sum(p[key] or 0 for p in parts), (where, key)
    for key in MONEY:
        summed = sum((Decimal(str(p[key] or 0)) for p in parts), Decimal(0))
        assert Decimal(str(total[key])) == summed, (where, key)
    assert total["tenants"] == len(parts), where
    assert_rates(total, where)


def assert_export(book: Any, year: int, body: dict[str, Any]) -> None:
    rows = {t["name"]: t for t in body["tenants"]}
    for title, keys in SHEETS.items():
        sheet = list(book[f"{year} {title}"].iter_rows(values_only=True))
        *tenant_lines, total_line = sheet[1:]
        assert len(tenant_lines) == len(rows), title
        for line in tenant_lines:
            row = rows[line[0]]
            for key, cell in zip(keys, line[3:], strict=True):
                if key != "voting_phase":
                    assert _figure(cell) == _figure(row[key]), (title, line[0], key)
        assert total_line[0] == "合计"
        for key, cell in zip(keys, total_line[3:], strict=True):
            if key != "voting_phase":
                assert _figure(cell) == _figure(body["totals"][key]), (title, "合计", key)


# --- The property -------------------------------------------------------------------------------


@pytest.fixture
def traveller() -> Iterator[Any]:
    with time_machine.travel(datetime(2035, 1, 1, tzinfo=SHANGHAI), tick=False) as t:
        yield t


@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # each example is seconds of real services
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the cast is meant to be shared
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(plans=worlds)
def test_every_dashboard_and_export_figure_is_its_definition_over_the_tenants_rows(
    cast: Cast, traveller: Any, plans: dict[str, dict[str, Any]]
) -> None:
    cal = Calendar(next(YEARS), traveller)
    for name, plan in plans.items():
        _votes(plan, name, cast, cal)
    for name, plan in plans.items():
        _opinions(plan, name, cast, cal)
    for name, plan in plans.items():
        _activities(plan, name, cast, cal)
    drained_at = cal.at(12, 1)
    for congress in cast.tenants.values():
        with tenant_context(congress):
            rollup_drain()

    city = client_on(cast.tenants["county"].parent, cast.city_staff)
    body = dashboard_with_tenants(city, cal.year)
    county_body = dashboard_with_tenants(
        client_on(cast.tenants["county"], cast.county_staff), cal.year
    )
    export = city.get(f"/api/v1/rollups/dashboard.xlsx?year={cal.year}")

    rows = {row["id"]: row for row in body["tenants"]}
    for name, congress in cast.tenants.items():
        row, expected = rows[congress.pk], recompute(congress, cal.year, drained_at)
        reported = set(
            Rollup.objects.filter(congress=congress, year=cal.year).values_list("topic", flat=True)
        )
        for key, value in expected.items():
            shown = Decimal(str(row[key])) if key in MONEY and row[key] is not None else row[key]
            if TOPICS[key] not in reported:  # nothing happened there yet: no data, not a zero
                assert shown is None, (name, key, shown)
                continue
            assert shown == value, (name, key, shown, value, plans[name])
        assert_rates(row, name)
        n = {key: row[key] or 0 for key in COUNTS}
        assert n["opinions_on_time"] <= n["opinions_closed"] <= n["opinions"]
        assert n["opinions_escalated_in"] <= n["opinions"]
        assert n["deputies_active"] <= min(n["activity_attendances"], n["deputies"])
        assert (row["updated_at"] is None) == (not reported)
    assert_sums(body["totals"], list(rows.values()), "totals")
    for county in body["by_county"]:
        members = [r for r in rows.values() if r["county_id"] == county["id"]]
        assert_sums(county, members, county["name"])
    assert sum(p["tenants"] for p in body["phases"]) == len(rows)
    assert body["updated_at"] == max(r["updated_at"] for r in rows.values() if r["updated_at"])
    # The county's own dashboard: its townships, as the city sees them, and their sums.
    townships = {row["id"]: row for row in county_body["tenants"]}
    for pk, row in townships.items():
        assert row == rows[pk]
    assert_sums(county_body["totals"], list(townships.values()), "county's totals")
    # The export holds, cell for cell, what the page shows.
    assert export.status_code == 200
    assert_export(load_workbook(io.BytesIO(export.content)), cal.year, body)
