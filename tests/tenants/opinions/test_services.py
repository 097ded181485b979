"""The loop in one congress: intake, sorting, assignment with its clock, answer, rating, the
reopening after 不满意, extension, refusal with the reason; every step on the timeline and in
the audit chain; nothing written when a step is refused."""

from datetime import date

import pytest
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from ops.errors import Conflict, DomainError, NotAllowed
from outbox.models import OutboxEvent
from tenants.linkage.opinions.indicators import figures
from tenants.linkage.opinions.models import Event, Opinion, Status
from tenants.linkage.opinions.selectors import opinion_list, policy_current
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_decline,
    opinion_extend,
    opinion_rate,
    opinion_receive,
    opinion_reply,
    opinion_sort,
    opinion_start_handling,
    policy_set,
)
from tests.conftest import World

from .conftest import Units, assigned, at, make_station, make_unit, received, replied


def test_the_loop_from_reception_to_a_satisfied_citizen(world: World, units: Units) -> None:
    opinion = received(world.town_a, category="")
    with tenant_context(world.town_a):
        assert opinion.status == Status.RECEIVED and len(opinion.tracking_code) == 8
        opinion_sort(
            opinion=opinion, category="transport", actor=world.staff_a, now=at("2026-03-02")
        )
        opinion = opinion_assign(
            opinion=opinion,
            unit_user_id=units.town_roads.pk,
            actor=world.staff_a,
            now=at("2026-03-03"),
        )
        assert (opinion.unit_name, opinion.assigned_on, opinion.due_on) == (
            "甲镇村建办",
            date(2026, 3, 3),
            date(2026, 6, 3),
        )
        opinion_start_handling(
            opinion=opinion, actor=units.town_roads, staff=False, now=at("2026-03-10")
        )
        opinion = replied(opinion, "已安排维修，4月底前完工。", units.town_roads, "2026-04-01")
        opinion = opinion_rate(opinion=opinion, rating="satisfied", now=at("2026-05-06"))

        assert opinion.status == Status.CLOSED and opinion.answered_on == date(2026, 4, 1)
        steps = list(Event.objects.filter(opinion=opinion).values_list("action", "status"))
        assert steps == [
            ("receive", "received"),
            ("sort", "sorted"),
            ("assign", "assigned"),
            ("handle", "handling"),
            ("reply", "replied"),
            ("rate", "closed"),
        ]
        audited = AuditEntry.objects.filter(
            target_id=str(opinion.pk), target_type="opinions.opinion"
        )
        assert audited.count() == 6
        assert figures(2026) == {
            "opinions": 1,
            "opinions_escalated_in": 0,
            "opinions_closed": 1,
            "opinions_on_time": 1,
            "opinions_overdue": 0,
        }


def test_dissatisfaction_reopens_with_a_one_month_clock_and_a_new_answer(
    world: World, units: Units
) -> None:
    opinion = assigned(world.town_a, units.town_roads, now=at("2026-03-02"))
    with tenant_context(world.town_a):
        replied(opinion, "已列入计划。", world.staff_a, "2026-04-01", staff=True)
        opinion = opinion_rate(
            opinion=opinion, rating="dissatisfied", comment="没有说明何时维修", now=at("2026-04-05")
        )
        assert (opinion.status, opinion.round, opinion.due_on) == (
            Status.REOPENED,
            2,
            date(2026, 5, 5),
        )
        with pytest.raises(DomainError) as no_extension:  # a new answer has no extension
            opinion_extend(opinion=opinion, reason="情况复杂", actor=world.staff_a)
        assert no_extension.value.code == "wrong_status"
        opinion = replied(opinion, "5月10日前完成维修。", units.town_roads, "2026-04-20")
        assert opinion.status == Status.REPLIED and opinion.rating == ""


def test_a_deputy_may_only_say_dissatisfied(world: World, units: Units) -> None:
    opinion = assigned(world.town_a, units.town_roads)
    with tenant_context(world.town_a):
        opinion_reply(opinion=opinion, answer="已处理。", actor=world.staff_a, staff=True)
        with pytest.raises(DomainError) as refused:
            opinion_rate(opinion=opinion, rating="satisfied", by_deputy=True)
        assert refused.value.code == "rating_invalid"
        assert (
            opinion_rate(opinion=opinion, rating="dissatisfied", by_deputy=True).status
            == "reopened"
        )


def test_an_extension_goes_to_six_months_once_with_a_reason(world: World, units: Units) -> None:
    opinion = assigned(world.town_a, units.town_roads, now=at("2026-03-02"))
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as no_reason:
            opinion_extend(opinion=opinion, reason=" ", actor=world.staff_a)
        assert no_reason.value.code == "extension_reason_required"
        opinion = opinion_extend(
            opinion=opinion, reason="涉及跨村协调，需编制方案", actor=world.staff_a
        )
        assert opinion.extended and opinion.due_on == date(2026, 9, 2)
        with pytest.raises(Conflict):
            opinion_extend(opinion=opinion, reason="再次延期", actor=world.staff_a)
        assert Opinion.objects.get(pk=opinion.pk).due_on == date(2026, 9, 2)


def _policy(world: World, *, answer: int, extended: int, reanswer: int, due_soon_days: int) -> None:
    """Town A's staff set the clocks: months to answer, with an extension, to answer again."""
    policy_set(
        actor=world.staff_a,
        answer_months=answer,
        extended_months=extended,
        reanswer_months=reanswer,
        due_soon_days=due_soon_days,
    )


def test_the_clocks_follow_the_congress_policy(world: World, units: Units) -> None:
    with tenant_context(world.town_a):
        _policy(world, answer=2, extended=4, reanswer=1, due_soon_days=5)
        assert policy_current().answer_months == 2
    opinion = assigned(world.town_a, units.town_roads, now=at("2026-03-02"))
    assert opinion.due_on == date(2026, 5, 2)
    with tenant_context(world.town_b):  # another congress keeps the defaults
        assert policy_current().answer_months == 3


def test_a_bad_policy_is_refused_and_nothing_changes(world: World) -> None:
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as refused:
            _policy(world, answer=6, extended=3, reanswer=1, due_soon_days=7)
        assert refused.value.code == "extended_months_invalid"
        assert policy_current().extended_months == 6


def test_out_of_scope_matters_are_declined_with_the_reason(world: World) -> None:
    opinion = received(world.town_a)
    with tenant_context(world.town_a):
        with pytest.raises(DomainError):
            opinion_decline(opinion=opinion, kind="litigation", reason="", actor=world.staff_a)
        assert Opinion.objects.get(pk=opinion.pk).status == Status.SORTED
        opinion = opinion_decline(
            opinion=opinion,
            kind="litigation",
            reason="该纠纷已由法院立案审理，请通过诉讼程序解决。",
            actor=world.staff_a,
        )
        assert opinion.status == Status.DECLINED and opinion.decline_kind == "litigation"
        with pytest.raises(DomainError) as late:
            opinion_assign(opinion=opinion, unit_name="镇司法所", actor=world.staff_a)
        assert late.value.code == "wrong_status" and "不予受理" in late.value.message


def test_a_refused_step_writes_nothing(world: World, units: Units) -> None:
    opinion = received(world.town_a, category="")
    with tenant_context(world.town_a):
        events, audits, outbox = (
            Event.objects.count(),
            AuditEntry.objects.count(),
            OutboxEvent.objects.count(),
        )
        for bad in (
            lambda: opinion_assign(
                opinion=opinion, unit_name="镇村建办", actor=world.staff_a
            ),  # not sorted
            lambda: opinion_sort(opinion=opinion, category="roads", actor=world.staff_a),
            lambda: opinion_reply(
                opinion=opinion, answer="已处理", actor=world.staff_a, staff=True
            ),
            lambda: opinion_rate(opinion=opinion, rating="satisfied"),
        ):
            with pytest.raises(DomainError):
                bad()
        assert (Event.objects.count(), AuditEntry.objects.count(), OutboxEvent.objects.count()) == (
            events,
            audits,
            outbox,
        )
        assert Opinion.objects.get(pk=opinion.pk).status == Status.RECEIVED


def test_assignment_needs_a_unit_of_this_congress_and_a_deadline_within_the_policy(
    world: World, units: Units
) -> None:
    opinion = received(world.town_a)
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as foreign:
            opinion_assign(opinion=opinion, unit_user_id=units.county_water.pk, actor=world.staff_a)
        with pytest.raises(DomainError) as too_late:
            opinion_assign(
                opinion=opinion,
                unit_name="镇村建办",
                due_on=date(2026, 12, 1),
                actor=world.staff_a,
                now=at("2026-03-02"),
            )
        assert (foreign.value.code, too_late.value.code) == ("unit_unknown", "due_on_invalid")
        named = opinion_assign(
            opinion=opinion,
            unit_name="镇村建办",
            due_on=date(2026, 4, 1),
            actor=world.staff_a,
            now=at("2026-03-02"),
        )
        assert named.unit_user_id is None and named.due_on == date(2026, 4, 1)


def test_a_unit_acts_only_on_what_was_assigned_to_it(world: World, units: Units) -> None:
    opinion = assigned(world.town_a, units.town_roads)
    other = make_unit(world.town_a, "town-a-water", "甲镇水利站")
    with tenant_context(world.town_a):
        with pytest.raises(NotAllowed):
            opinion_reply(opinion=opinion, answer="不是我们的事", actor=other, staff=False)
        assert list(opinion_list(unit_user_id=other.pk)) == []
        assert [o.pk for o in opinion_list(unit_user_id=units.town_roads.pk)] == [opinion.pk]


def test_a_qr_code_opinion_records_its_station(world: World) -> None:
    station = make_station(world.town_a)
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as missing:
            opinion_receive(channel="qr_code", content="路灯不亮", citizen_name="李四")
        assert missing.value.code == "opinion_station_required"
        opinion = opinion_receive(
            channel="qr_code", content="路灯不亮", citizen_name="李四", station=station
        )
        assert opinion.station == station and opinion.status == Status.RECEIVED


def test_each_step_tells_the_rollups_and_the_provider_is_registered(world: World) -> None:
    from rollups.registry import providers

    with tenant_context(world.town_b):
        before = OutboxEvent.objects.filter(topic="opinions").count()
    received(world.town_b, category="")
    with tenant_context(world.town_b):
        assert OutboxEvent.objects.filter(topic="opinions").count() == before + 1
    assert providers()["opinions"] is figures
