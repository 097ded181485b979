"""The figures of issue 15 that contradicted each other, each built through the services, drained
as the worker drains, and read from the city's dashboard (docs/indicators.md defines them)."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from outbox.services import outbox_emit
from rollups.services import rollup_drain
from tenants.linkage.opinions.models import Opinion
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_close,
    opinion_escalate,
    opinion_receive,
    opinion_reply,
)
from tenants.voting.evaluation import evaluation_open
from tenants.voting.models import Candidate, Cycle
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    candidate_add,
    cycle_create,
    cycle_open_voting,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.factories import make_term
from tests.platform.rollups.conftest import dashboard_with_tenants
from tests.tenants.opinions.conftest import make_unit
from tests.tenants.voting.factories import make_deputies, make_setup, party_review

from .conftest import make_staff

YEAR = timezone.localdate().year


@pytest.fixture
def city(world: World) -> Client:
    return client_on(world.city, make_staff("city-staff", world.city))


def _dashboard(client: Client) -> dict[str, Any]:
    return dashboard_with_tenants(client, YEAR)


def _row(client: Client, congress: Congress) -> dict[str, Any]:
    return next(row for row in _dashboard(client)["tenants"] if row["id"] == congress.pk)


def _drain(congress: Congress, **options: Any) -> None:
    with tenant_context(congress):
        rollup_drain(**options)


def _assigned(congress: Congress, unit_id: int, text: str = "村道路灯损坏。") -> Opinion:
    opinion = opinion_receive(
        channel="reception", content=text, citizen_name="王秀英", category="transport"
    )
    return opinion_assign(opinion=opinion, unit_user_id=unit_id, actor=None)


def test_on_time_counts_only_closed_opinions_so_timeliness_stays_within_100(
    world: World, city: Client
) -> None:
    # 柳塘: three answered by their deadline, one of them closed (the others await the citizen).
    unit = make_unit(world.town_a, "town-a-roads", "甲镇村建办")
    with tenant_context(world.town_a):
        answered = []
        for i in range(3):
            opinion = _assigned(world.town_a, unit.pk, f"第{i}号意见")
            answered.append(opinion_reply(opinion=opinion, answer="已办", actor=unit, staff=False))
        opinion_close(opinion=answered[0], actor=None)
    _drain(world.town_a)

    row = _row(city, world.town_a)

    assert (row["opinions"], row["opinions_closed"], row["opinions_on_time"]) == (3, 1, 1)
    assert row["timeliness_rate"] == 100.0  # was 300.0: 3 on time over 1 closed
    assert row["closure_rate"] == 33.3


def test_a_lone_townships_satisfaction_rate_is_the_total_rate(world: World, city: Client) -> None:
    # 白沙: the only congress with an evaluation; its row and the total row must agree.
    with tenant_context(world.town_a):
        setup = make_setup(deputies=4, candidates=3, seats=2, year=YEAR)
        vote_round = round_open(cycle=setup.cycle, actor=None)
        first, second, _third = setup.candidates
        for deputy in setup.deputies:
            choices = {
                str(c.pk): ("yes" if c in (first, second) else "no") for c in setup.candidates
            }
            ballot_cast(round_id=vote_round.pk, deputy=deputy, choices=choices, actor=None)
        round_close(round_id=vote_round.pk, actor=None)
        vote_results_hand_over(cycle=setup.cycle, actor=None)
        evaluation = evaluation_open(cycle=setup.cycle, actor=None)
        # Project 1: four 满意 (rated 满意); project 2: one 基本满意, three 不满意 (rated 不满意).
        marks = ["unsatisfied", "unsatisfied", "unsatisfied", "basic"]
        for deputy, mark in zip(setup.deputies, marks, strict=True):
            choices = {str(first.pk): "satisfied", str(second.pk): mark}
            ballot_cast(round_id=evaluation.pk, deputy=deputy, choices=choices, actor=None)
        round_close(round_id=evaluation.pk, actor=None)
    _drain(world.town_a)

    body = _dashboard(city)
    row = next(r for r in body["tenants"] if r["id"] == world.town_a.pk)

    assert (row["ballots_satisfied"], row["ballots_valid"]) == (5, 8)
    assert (row["rated_satisfied"], row["rated_unsatisfied"]) == (1, 1)
    assert row["satisfaction_rate"] == 62.5
    assert body["totals"]["satisfaction_rate"] == 62.5  # was 50.0: the projects' share


def test_deputies_who_only_attended_the_vote_are_not_active_in_activities(
    world: World, city: Client
) -> None:
    # The vote's attendance goes on the duty record, but it is no activity: no one took part.
    with tenant_context(world.town_a):
        setup = make_setup(deputies=5, year=YEAR)
    _drain(world.town_a)

    row = _row(city, world.town_a)

    assert row["deputies"] == len(setup.deputies) and row["activity_attendances"] == 0
    assert row["deputies_active"] == 0  # was 5: every deputy with a duty entry
    assert row["participation_rate"] == 0.0  # was 100.0


def test_a_congress_with_no_deputies_shows_no_participation_rate(world: World) -> None:
    from rollups import rules

    row = rules.with_rates({"activities": 0, "activity_attendances": 0, "deputies_active": 0})

    assert row["participation_rate"] is None  # "—", never 100%


def test_an_opinion_escalated_to_the_county_counts_as_received_there(
    world: World, city: Client
) -> None:
    # 东湖: it holds an opinion escalated to it from its township.
    unit = make_unit(world.town_a, "town-a-roads", "甲镇村建办")
    with tenant_context(world.town_a):
        opinion = _assigned(world.town_a, unit.pk)
        opinion_escalate(opinion=opinion, note="属县管公路", actor=None)
    dispatch_deliver_pending()
    _drain(world.town_a)
    _drain(world.county)

    county, town = _row(city, world.county), _row(city, world.town_a)
    totals = _dashboard(city)["totals"]

    assert (county["opinions"], county["opinions_escalated_in"]) == (1, 1)  # was 0
    assert (town["opinions"], town["opinions_escalated_in"]) == (1, 0)
    # One matter raised by a citizen, held at two levels: the sum says both.
    assert totals["opinions"] - totals["opinions_escalated_in"] == 1


def _updated(row: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(row["updated_at"])


def test_updated_at_is_the_last_drain_that_changed_a_figure(world: World, city: Client) -> None:
    first = (timezone.now() - timedelta(hours=3)).replace(microsecond=0)
    with tenant_context(world.town_b):
        opinion_receive(channel="reception", content="路灯不亮", citizen_name="李四")
    _drain(world.town_b, now=first)
    assert _updated(_row(city, world.town_b)) == first

    # A drain that finds the same figures leaves the time as it was ...
    with tenant_context(world.town_b), transaction.atomic():
        outbox_emit(topic="opinions")
    _drain(world.town_b, now=first + timedelta(hours=1))
    assert _updated(_row(city, world.town_b)) == first

    # ... and one that changes them moves it, on the tenant's row and the page's header.
    later = first + timedelta(hours=2)
    with tenant_context(world.town_b):
        opinion_receive(channel="reception", content="井盖缺失", citizen_name="张三")
    _drain(world.town_b, now=later)
    body = _dashboard(city)
    assert _updated(_row(city, world.town_b)) == later
    assert _updated(body) == max(_updated(r) for r in body["tenants"] if r["updated_at"])


def test_every_phase_change_reaches_the_dashboard_in_the_same_drain(
    world: World, city: Client
) -> None:
    seen = []

    def check(cycle: Cycle) -> None:
        _drain(world.town_a)
        cycle.refresh_from_db()
        shown = _row(city, world.town_a)["voting_phase"]
        connection.set_tenant(world.town_a)  # type: ignore[attr-defined]  # the request moved it
        assert shown == cycle.phase, (shown, cycle.phase)
        seen.append(shown)

    with tenant_context(world.town_a):
        deputies = make_deputies(4)
        cycle = cycle_create(year=YEAR, title="票决", term=make_term(), actor=None, seats=2)
        check(cycle)
        cycle = cycle_advance(cycle=cycle, actor=None)
        check(cycle)
        for i in range(3):
            candidate_add(cycle=cycle, name=f"候选项目{i}", actor=None)
        party_review(cycle, "同意", timezone.localdate())
        cycle = cycle_advance(cycle=cycle, actor=None)
        check(cycle)
        cycle = cycle_open_voting(cycle=cycle, actor=None)
        check(cycle)
        for deputy in deputies:
            attendance_sign_in(cycle=cycle, deputy=deputy, actor=None)
        vote_round = round_open(cycle=cycle, actor=None)
        listed = list(cycle.candidates.order_by("sequence"))
        for deputy in deputies:
            choices = {str(c.pk): ("yes" if c in listed[:2] else "no") for c in listed}
            ballot_cast(round_id=vote_round.pk, deputy=deputy, choices=choices, actor=None)
        round_close(round_id=vote_round.pk, actor=None)
        vote_results_hand_over(cycle=cycle, actor=None)
        check(cycle)
        assert cycle.candidates.filter(status=Candidate.Status.ADOPTED).count() == 2
        evaluation_open(cycle=cycle, actor=None)
        check(cycle)

    assert seen == ["solicit", "shortlist", "deliberate", "vote", "implement", "evaluate"]
