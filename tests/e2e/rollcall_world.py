"""Run inside the live platform's database (`manage.py shell -c`, see test_roll_call.py): a
township of its own (under a city and county of its own), provisioned by the real service, with
its staff, two tellers, six deputies (two with accounts, who vote on their phones) and this
year's cycle brought to the vote: two candidates for one project, paper and e-ballots together
(电子与纸质并用). Nobody has signed in."""

import datetime as dt

from django_tenants.utils import tenant_context

from tests.e2e.worlds import (
    deputies_in_one_group,
    member,
    one_seat_vote_opened,
    staffed_township,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "rc-city", "rc-county", "rc-town"
DEPUTIES = ["赵一鸣", "钱二华", "孙三立", "李四海", "周五洲", "吴六合"]
PHONE_VOTERS = 2  # the first two have accounts and vote on their phones
CANDIDATES = ["镇卫生院发热门诊改造", "老街雨污分流工程"]


def provision() -> None:
    operator, town = staffed_township(
        (CITY, COUNTY, TOWN),
        ("点名市人大常委会", "点名县人大常委会", "点名镇人大主席团"),
        ("371400", "371401", "371401101"),
    )
    for n in (1, 2):
        member(f"{TOWN}-teller{n}", town, ["teller"], operator)
    voters = [member(f"{TOWN}-d{i}", town, ["deputy"], operator) for i in range(PHONE_VOTERS)]
    with tenant_context(town):
        term = make_term()
        deputies_in_one_group(term, DEPUTIES, delegation="点名镇代表小组", users=voters)
        year = dt.date.today().year + 1
        cycle = one_seat_vote_opened(term, year, CANDIDATES, channel="hybrid")
        print("cycle", cycle.pk)
