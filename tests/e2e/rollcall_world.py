"""Run inside the live platform's database (`manage.py shell -c`, see test_roll_call.py): a
township of its own (under a city and county of its own), provisioned by the real service, with
its staff, two tellers, six deputies (two with accounts, who vote on their phones) and this
year's cycle brought to the vote: two candidates for one project, paper and e-ballots together
(电子与纸质并用). Nobody has signed in."""

import datetime as dt

from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from filestore.services import file_store
from tenants.demo.data import DEMO_PASSWORD, MINUTES_PDF
from tenants.deputies.services import deputy_register
from tenants.voting.services import (
    candidate_add,
    cycle_create,
    cycle_open_voting,
    cycle_set_rules,
)
from tenants.voting.solicitation import cycle_advance, governance_record
from tests.factories import make_member, make_term, provision_congresses

CITY, COUNTY, TOWN = "rc-city", "rc-county", "rc-town"
DEPUTIES = ["赵一鸣", "钱二华", "孙三立", "李四海", "周五洲", "吴六合"]
PHONE_VOTERS = 2  # the first two have accounts and vote on their phones
CANDIDATES = ["镇卫生院发热门诊改造", "老街雨污分流工程"]


def _member(username: str, congress: Congress, roles: list[str], operator: User) -> User:
    return make_member(username, congress, roles, operator, password=DEMO_PASSWORD)


def provision() -> None:
    operator = User.objects.get(username="ops")
    made = provision_congresses(
        operator,
        (CITY, "点名市人大常委会", "city", "371400", None),
        (COUNTY, "点名县人大常委会", "county", "371401", CITY),
        (TOWN, "点名镇人大主席团", "township", "371401101", COUNTY),
    )
    town = made[TOWN]
    _member(f"{TOWN}-staff", town, ["staff"], operator)
    for n in (1, 2):
        _member(f"{TOWN}-teller{n}", town, ["teller"], operator)
    voters = [_member(f"{TOWN}-d{i}", town, ["deputy"], operator) for i in range(PHONE_VOTERS)]
    with tenant_context(town):
        term = make_term()
        for i, name in enumerate(DEPUTIES):
            deputy_register(
                term=term,
                name=name,
                gender="male" if i % 2 else "female",
                level="township",
                constituency=f"第{i // 2 + 1}选区",
                delegation="点名镇代表小组",
                actor=None,
                user=voters[i] if i < PHONE_VOTERS else None,
            )
        year = dt.date.today().year + 1
        cycle = cycle_create(
            year=year, title=f"{year}年民生实事项目票决", term=term, actor=None, seats=1
        )
        cycle_set_rules(cycle=cycle, actor=None, channel="hybrid")
        cycle = cycle_advance(cycle=cycle, actor=None)
        for name in CANDIDATES:
            candidate_add(cycle=cycle, name=name, actor=None)
        governance_record(
            cycle=cycle,
            kind="party_review",
            held_on=dt.date.today(),
            summary="同意提请镇人代会票决",
            minutes=file_store(uploaded_by=None, name="党委审定纪要.pdf", data=MINUTES_PDF),
            actor=None,
        )
        cycle = cycle_advance(cycle=cycle, actor=None)
        cycle_open_voting(cycle=cycle, actor=None)
        print("cycle", cycle.pk)
