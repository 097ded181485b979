"""Escalation to the parent congress (must show 2 and 4): the county gets a linked copy holding
only what was shared, handles it in its own loop, and its status and answer come back to the
township, where the citizen reads and rates them; a 不满意 travels up and reopens the copy."""

from datetime import date

import pytest
import time_machine
from django_tenants.utils import tenant_context

from accounts.models import User
from crossing.models import Dispatch
from crossing.services import dispatch_deliver_pending
from ops.errors import DomainError
from tenants.linkage.opinions.models import Opinion, Status
from tenants.linkage.opinions.selectors import opinion_by_code, public_status
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_escalate,
    opinion_rate,
)
from tests.conftest import World

from .conftest import Units, at, make_station, received, replied

SHARED_FIELDS = {
    "content",
    "category",
    "citizen",
    "received_on",
    "station",
    "note",
    "origin_chain",
    "rating",
    "rating_comment",
    "rating_round",
}


def _escalated(world: World, units: Units) -> Opinion:
    station = make_station(world.town_a)
    opinion = received(world.town_a, station=station, now=at("2026-03-02"))
    with tenant_context(world.town_a):
        opinion_assign(
            opinion=opinion,
            unit_user_id=units.town_roads.pk,
            actor=world.staff_a,
            now=at("2026-03-03"),
        )
        return opinion_escalate(
            opinion=opinion,
            note="桥梁属县管公路，超出镇职权",
            actor=world.staff_a,
            now=at("2026-03-05"),
        )


def _copy_at_county(world: World, opinion: Opinion) -> Opinion:
    with tenant_context(world.county):
        return Opinion.objects.get(origin_id=world.town_a.pk, origin_ref=str(opinion.pk))


def _at_county(world: World, units: Units) -> tuple[Opinion, Opinion]:
    """An opinion escalated and delivered: the township's, and its copy at the county."""
    opinion = _escalated(world, units)
    dispatch_deliver_pending()
    return opinion, _copy_at_county(world, opinion)


def _county_replies(
    world: World, copy: Opinion, answer: str, *, actor: User, staff: bool, on: str = "2026-04-10"
) -> None:
    """The county answers its copy `on` a day, and the answer travels to the township."""
    with tenant_context(world.county):
        replied(copy, answer, actor, on, staff=staff)
    dispatch_deliver_pending()


def _township_follows(world: World, opinion: Opinion, upstream: str, due: date) -> None:
    """Once the dispatches are delivered, the township's own opinion is still escalated and shows
    the county's status and due date."""
    dispatch_deliver_pending()
    with tenant_context(world.town_a):
        here = Opinion.objects.get(pk=opinion.pk)
    assert (here.status, here.upstream_status, here.due_on) == (Status.ESCALATED, upstream, due)


def test_the_county_receives_only_what_was_shared(world: World, units: Units) -> None:
    opinion = _escalated(world, units)
    dispatch = Dispatch.objects.get(
        kind="opinions.escalation", origin=world.town_a, origin_ref=str(opinion.pk)
    )

    assert dispatch.target_id == world.county.pk
    assert set(dispatch.payload) == SHARED_FIELDS
    assert dispatch.payload["citizen"] == "王**"
    assert "13912345678" not in str(dispatch.payload)
    assert opinion.tracking_code not in str(dispatch.payload)
    assert dispatch.payload["origin_chain"] == ["甲镇人大主席团"]
    assert dispatch.payload["station"] == "甲镇东村代表联络站"

    assert dispatch_deliver_pending() >= 1
    copy = _copy_at_county(world, opinion)
    assert (copy.channel, copy.status, copy.category) == ("escalation", Status.SORTED, "transport")
    assert (copy.citizen_name, copy.citizen_phone, copy.origin_name) == (
        "王**",
        "",
        "甲镇人大主席团",
    )
    assert copy.content == opinion.content and copy.tracking_code != opinion.tracking_code
    assert (copy.unit_user_id, copy.unit_name, copy.deputy_id, copy.station_id) == (
        None,
        "",
        None,
        None,
    )
    # The sibling township and the city got nothing.
    for other in (world.town_b, world.city):
        with tenant_context(other):
            assert not Opinion.objects.filter(origin_ref=str(opinion.pk)).exists()
    # Redelivering the same snapshot does not make a second copy.
    Dispatch.objects.filter(pk=dispatch.pk).update(delivered_at=None)
    dispatch_deliver_pending()
    with tenant_context(world.county):
        assert (
            Opinion.objects.filter(origin_id=world.town_a.pk, origin_ref=str(opinion.pk)).count()
            == 1
        )


def test_the_countys_answer_reaches_the_township_and_the_citizen(
    world: World, units: Units
) -> None:
    opinion, copy = _at_county(world, units)
    with tenant_context(world.county):
        copy = opinion_assign(
            opinion=copy,
            unit_user_id=units.county_water.pk,
            actor=world.county_admin,
            now=at("2026-03-06"),
        )
    _township_follows(world, opinion, "assigned", date(2026, 6, 6))
    with tenant_context(world.town_a):
        here = Opinion.objects.get(pk=opinion.pk)
        page = public_status(opinion_by_code(here.tracking_code))  # type: ignore[arg-type]
        assert page["where"] == "已上报测试县人大常委会办理：已交办"

    _county_replies(
        world,
        copy,
        "县交通局已将该桥列入今年危桥改造，6月底前完工。",
        actor=units.county_water,
        staff=False,
    )

    with tenant_context(world.town_a):
        here = Opinion.objects.get(pk=opinion.pk)
        assert here.status == Status.REPLIED and here.upstream_status == "replied"
        assert (
            here.answer.startswith("县交通局已将该桥")
            and here.answered_by == "测试县人大常委会 测试县水利局"
        )
        page = public_status(opinion_by_code(here.tracking_code))  # type: ignore[arg-type]
        assert (
            page["status_label"] == "已答复" and page["can_rate"] and page["answer"] == here.answer
        )
        assert [step["status"] for step in page["timeline"]][-2:] == ["escalated", "replied"]
        assert "13912345678" not in str(page)


def test_a_dissatisfied_citizen_sends_it_back_to_the_county_for_a_new_answer(
    world: World, units: Units
) -> None:
    opinion, copy = _at_county(world, units)
    with tenant_context(world.county):
        opinion_assign(
            opinion=copy, unit_name="县交通运输局", actor=world.county_admin, now=at("2026-03-06")
        )
    _county_replies(world, copy, "已列入计划。", actor=world.county_admin, staff=True)

    with tenant_context(world.town_a):
        here = opinion_rate(
            opinion=opinion, rating="dissatisfied", comment="没说什么时候修", now=at("2026-04-12")
        )
        assert here.status == Status.ESCALATED
    with time_machine.travel(at("2026-04-12", 11), tick=False):  # the county hears of it
        dispatch_deliver_pending()
    with tenant_context(world.county):
        copy = Opinion.objects.get(pk=copy.pk)
        assert (copy.status, copy.round, copy.due_on, copy.rating) == (
            Status.REOPENED,
            2,
            date(2026, 5, 12),
            "dissatisfied",
        )
        assert copy.rating_comment == "没说什么时候修"
    _township_follows(world, opinion, "reopened", date(2026, 5, 12))

    _county_replies(
        world,
        copy,
        "5月10日开工，6月底完工。",
        actor=world.county_admin,
        staff=True,
        on="2026-04-20",
    )
    with tenant_context(world.town_a):
        here = opinion_rate(
            opinion=Opinion.objects.get(pk=opinion.pk), rating="satisfied", now=at("2026-04-22")
        )
        assert here.status == Status.CLOSED and here.answer == "5月10日开工，6月底完工。"
    dispatch_deliver_pending()
    with tenant_context(world.county):
        assert Opinion.objects.get(pk=copy.pk).status == Status.CLOSED


def test_a_refusal_at_the_county_shows_at_the_township_with_its_reason(
    world: World, units: Units
) -> None:
    from tenants.linkage.opinions.services import opinion_decline

    opinion, copy = _at_county(world, units)
    with tenant_context(world.county):
        opinion_decline(
            opinion=copy,
            kind="administrative_review",
            reason="该事项已申请行政复议，请等待复议决定。",
            actor=world.county_admin,
        )
    dispatch_deliver_pending()
    with tenant_context(world.town_a):
        here = Opinion.objects.get(pk=opinion.pk)
        assert (here.status, here.decline_kind) == (Status.DECLINED, "administrative_review")
        assert public_status(here)["decline_reason"] == "该事项已申请行政复议，请等待复议决定。"


def test_the_county_escalates_on_to_the_city_and_the_answer_comes_down_two_levels(
    world: World, units: Units
) -> None:
    opinion, copy = _at_county(world, units)
    with tenant_context(world.county):
        opinion_escalate(opinion=copy, note="涉及市管河道", actor=world.county_admin)
    dispatch_deliver_pending()
    with tenant_context(world.city):
        at_city = Opinion.objects.get(origin_id=world.county.pk)
        assert (
            at_city.origin_chain == ["甲镇人大主席团", "测试县人大常委会"]
            and at_city.citizen_name == "王**"
        )
        opinion_assign(opinion=at_city, unit_name="市水利局", actor=None, now=at("2026-03-08"))
        replied(at_city, "市水利局已安排清淤。", None, "2026-04-01", staff=True)
    for _ in range(3):  # city -> county, then county -> township
        dispatch_deliver_pending()
    with tenant_context(world.town_a):
        here = Opinion.objects.get(pk=opinion.pk)
        assert here.status == Status.REPLIED and here.answer == "市水利局已安排清淤。"


def test_an_opinion_goes_up_once_and_only_below_the_city(world: World, units: Units) -> None:
    opinion = _escalated(world, units)
    with tenant_context(world.town_a), pytest.raises(DomainError) as twice:
        opinion_escalate(opinion=opinion, note="再次上报", actor=world.staff_a)
    assert twice.value.code in ("wrong_status", "already_escalated")
    city_opinion = received(world.city)
    with tenant_context(world.city), pytest.raises(DomainError) as top:
        opinion_escalate(opinion=city_opinion, note="上报", actor=None)
    assert top.value.code == "no_parent"
    with tenant_context(world.city):
        assert Opinion.objects.get(pk=city_opinion.pk).status == Status.SORTED
