"""Run inside the live platform's database (`helpers.in_live_platform`, see test_pages.py): a
township of its own (页面镇, under a city and county of its own), provisioned by the real
service once, with its staff and six deputies; each test then brings its own year to the step
it starts from."""

import datetime as dt
from decimal import Decimal

from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import user_create
from congresses.models import Congress
from tenants.demo.data import DEMO_PASSWORD
from tenants.deputies.models import Deputy
from tenants.voting.devices import device_import
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.rollcall import roll_call_mark
from tenants.voting.services import cycle_create, cycle_set_rules, round_close, round_open
from tenants.voting.solicitation import (
    candidate_from_proposal,
    cycle_advance,
    proposal_screen,
    proposal_submit,
    proposal_to_reserve,
)
from tests.e2e.worlds import (
    deputies_in_one_group,
    one_seat_vote_opened,
    record_review,
    staffed_township,
    voting_opened,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "ym-city", "ym-county", "ym-town"
TOWN_NAME = "页面镇人大主席团"
DEPUTIES = ["郑一帆", "王二河", "冯三山", "陈四川", "褚五岳", "卫六桥"]
DEVICE_CANDIDATES = ["镇中心小学操场改造", "河堤夜间照明工程"]
DEVICE_YEAR = dt.date.today().year + 3
RESERVE_YEAR = dt.date.today().year + 5  # the year the reserve's proposals come from
NEXT_YEAR = RESERVE_YEAR + 1
LOST, KEPT, WON = "东关农贸市场改造", "南街公厕改建", "北岭村道硬化"


def town() -> Congress:
    """The township, provisioned on first use with its staff and deputies."""
    found = Congress.objects.filter(slug=TOWN).first()
    if found is not None:
        return found
    _, place = staffed_township(
        (CITY, COUNTY, TOWN),
        ("页面市人大常委会", "页面县人大常委会", TOWN_NAME),
        ("372600", "372601", "372601101"),
    )
    with tenant_context(place):
        deputies_in_one_group(make_term(), DEPUTIES, delegation="页面镇代表小组")
    return place


def _world_deputies() -> list[int]:
    """The six deputies `town()` registered: not the ones the roster scenario adds or ends,
    whichever order the scenarios run in."""
    return list(Deputy.objects.filter(name__in=DEPUTIES).values_list("pk", flat=True))


def device_round() -> None:
    """This year's vote counted by voting devices: two candidates for one project, all six
    deputies present by the roll call, the first round open."""
    place = town()
    with tenant_context(place):
        cycle = one_seat_vote_opened(make_term(), DEVICE_YEAR, DEVICE_CANDIDATES, channel="device")
        roll_call_mark(cycle=cycle, deputy_ids=_world_deputies(), actor=None)
        round_ = round_open(cycle=cycle, actor=None)
        print("cycle", cycle.pk, "round", round_.pk)


def reserve_years() -> None:
    """Last year's vote is over: of three proposals, one went to the reserve before screening,
    two became candidates for one project, and the one not adopted went back to the reserve at
    the hand-over. Next year's cycle takes proposals (征集)."""
    place = town()
    with tenant_context(place):
        term = make_term()
        old = cycle_create(
            year=RESERVE_YEAR,
            title=f"{RESERVE_YEAR}年民生实事项目票决",
            term=term,
            actor=None,
            seats=1,
        )
        cycle_set_rules(cycle=old, actor=None, channel="device")
        made = {
            title: proposal_submit(
                cycle=old,
                source="village",
                title=title,
                category="公共设施",
                description=f"{title}，群众反映多年。",
                submitter_name="村委会",
                estimated_cost=Decimal("120.00"),
            )
            for title in (LOST, KEPT, WON)
        }
        proposal_to_reserve(proposal=made[KEPT], actor=None)
        old = cycle_advance(cycle=old, actor=None)
        for title in (LOST, WON):
            proposal_screen(proposal=made[title], accept=True, actor=None)
            candidate_from_proposal(proposal=made[title], actor=None)
        record_review(old)
        old = voting_opened(old, actor=None)
        roll_call_mark(cycle=old, deputy_ids=_world_deputies(), actor=None)
        round_ = round_open(cycle=old, actor=None)
        device_import(
            round_id=round_.pk,
            csv_text="序号,赞成,反对,弃权,未按\n1,2,4,0,0\n2,5,1,0,0\n",
            actor=None,
        )
        round_close(round_id=round_.pk, actor=None)
        vote_results_hand_over(cycle=old, actor=None)
        new = cycle_create(
            year=NEXT_YEAR, title=f"{NEXT_YEAR}年民生实事项目票决", term=term, actor=None, seats=1
        )
        print("old", old.pk, "new", new.pk)


def roster_account() -> None:
    """An account of the platform, not yet a member here: a deputy's own, to be linked."""
    town()
    if not User.objects.filter(username=f"{TOWN}-own").exists():
        user_create(
            username=f"{TOWN}-own",
            password=DEMO_PASSWORD,
            display_name="蒋七星",
            must_change_password=False,
        )
    print("ready 1")
