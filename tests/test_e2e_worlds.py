"""The browser tests' world builders (tests/e2e/worlds.py) run in a shell on the live platform;
their shared parts are checked here against the test database."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from tenants.voting.models import Candidate
from tenants.voting.ruleset import rule_set_from_json
from tests.conftest import World
from tests.e2e.worlds import (
    cycle_taking_proposals,
    one_seat_vote_opened,
    staffed_township,
)
from tests.factories import make_term, provision_county


def test_a_staffed_township_stands_under_a_city_and_county_of_its_own_with_its_staff(
    world: World,
) -> None:
    ops = User.objects.create(username="ops", is_platform_operator=True)

    operator, town = staffed_township(
        ("sw-city", "sw-county", "sw-town"),
        ("世界市人大常委会", "世界县人大常委会", "世界镇人大主席团"),
        ("369900", "369901", "369901101"),
        staff_name="世界镇工作人员",
    )

    assert operator == ops
    assert (town.slug, town.name, town.level, town.division_code) == (
        "sw-town",
        "世界镇人大主席团",
        "township",
        "369901101",
    )
    assert town.parent is not None and town.parent.parent is not None
    assert (town.parent.slug, town.parent.parent.slug) == ("sw-county", "sw-city")
    staff = Membership.objects.get(user__username="sw-town-staff")
    assert (staff.congress, staff.roles, staff.user.display_name) == (
        town,
        ["staff"],
        "世界镇工作人员",
    )


def test_a_one_seat_vote_is_open_on_its_channel_after_the_party_review(world: World) -> None:
    with tenant_context(world.town_a):
        cycle = one_seat_vote_opened(make_term(), 2071, ["东街路灯", "西街排水"], channel="device")

        assert (cycle.year, cycle.title, cycle.phase, cycle.channel) == (
            2071,
            "2071年民生实事项目票决",
            "vote",
            "device",
        )
        assert rule_set_from_json(cycle.rules).seats == 1
        listed = Candidate.objects.filter(cycle=cycle).order_by("sequence")
        assert [c.name for c in listed] == ["东街路灯", "西街排水"]
        assert [step.kind for step in cycle.governance_steps.all()] == ["party_review"]


def test_a_county_is_provisioned_with_its_city_and_townships_named_and_numbered_in_order(
    world: World,
) -> None:
    ops = User.objects.create(username="cw-ops", is_platform_operator=True)

    made = provision_county(ops, "县域", "369700", ("cw-city", "cw-county", "cw-jia", "cw-yi"))

    assert [(c.slug, c.name, c.level, c.division_code) for c in made.values()] == [
        ("cw-city", "县域市人大常委会", "city", "369700"),
        ("cw-county", "县域县人大常委会", "county", "369701"),
        ("cw-jia", "县域甲镇人大主席团", "township", "369701101"),
        ("cw-yi", "县域乙镇人大主席团", "township", "369701102"),
    ]
    assert [c.parent.slug if c.parent else None for c in made.values()] == [
        None,
        "cw-city",
        "cw-county",
        "cw-county",
    ]


def test_a_cycle_taking_proposals_has_its_call_published_open_around_today(world: World) -> None:
    with tenant_context(world.town_a):
        cycle = cycle_taking_proposals(
            term=make_term(),
            year=2072,
            town_short="甲镇",
            seats=2,
            call=("征集公告", "欢迎提出建议。"),
            open_days=(5, 30),
            actor=None,
        )

        today = timezone.localdate()
        assert (cycle.year, cycle.title, cycle.phase) == (
            2072,
            "甲镇2072年民生实事项目人大代表票决",
            "solicit",
        )
        assert rule_set_from_json(cycle.rules).seats == 2
        assert (cycle.call.title, cycle.call.body) == ("征集公告", "欢迎提出建议。")
        assert (cycle.call.opens_on, cycle.call.closes_on) == (
            today - dt.timedelta(days=5),
            today + dt.timedelta(days=30),
        )
