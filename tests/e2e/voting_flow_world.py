"""Run inside the live platform's database (`helpers.in_live_platform`, see test_voting_flow.py):
a township (莲塘镇) under a city and county of its own, provisioned by the real service, with its
staff, two tellers and eleven deputies who each have an account; its 2027 cycle (two projects to
adopt) takes suggestions, its call open on the public portal. Nobody has signed in."""

from django.db import transaction
from django_tenants.utils import tenant_context

from tests.e2e.worlds import (
    cycle_taking_proposals,
    deputies_in_three_groups,
    member,
    staffed_township,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "vf-city", "vf-county", "vf-town"
TOWN_NAME = "莲塘镇人大主席团"
YEAR = 2027
CALL_TITLE = "莲塘镇关于征集2027年民生实事项目建议的公告"
DEPUTIES = [
    "郑一鸣",
    "王二华",
    "冯三立",
    "陈四海",
    "褚五洲",
    "卫六合",
    "蒋七星",
    "沈八方",
    "韩九州",
    "杨十全",
    "朱百川",
]
USERNAMES = [f"{TOWN}-deputy"] + [f"{TOWN}-d{i:02d}" for i in range(1, len(DEPUTIES))]
TELLERS = [f"{TOWN}-teller", f"{TOWN}-teller2"]


def provision() -> None:
    operator, town = staffed_township(
        (CITY, COUNTY, TOWN),
        ("莲城市人大常委会", "莲花县人大常委会", TOWN_NAME),
        ("373400", "373401", "373401101"),
        staff_name="莲塘镇工作人员",
    )
    for username, title in zip(TELLERS, ("监票计票人", "计票人"), strict=True):
        member(username, town, ["teller"], operator, display_name=f"莲塘镇{title}")
    deputies = [
        member(username, town, ["deputy"], operator, display_name=name)
        for username, name in zip(USERNAMES, DEPUTIES, strict=True)
    ]
    with tenant_context(town), transaction.atomic():
        term = make_term()
        deputies_in_three_groups(term, DEPUTIES, users=deputies, actor=operator)
        cycle = cycle_taking_proposals(
            term=term,
            year=YEAR,
            town_short="莲塘镇",
            seats=2,
            call=(
                CALL_TITLE,
                f"欢迎全镇群众通过本页面提出{YEAR}年民生实事项目建议，提交后可凭查询码查看办理进展。",
            ),
            open_days=(10, 60),
            actor=operator,
        )
    print("cycle", cycle.pk)
