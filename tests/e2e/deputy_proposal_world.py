"""Run inside the live platform's database (`helpers.in_live_platform`, see
test_deputy_proposal.py): a township (梅岭镇) under a city and county of its own, provisioned by
the real service, with its staff and two deputies who each have an account; its 2027 cycle takes
proposals, its call open. Nobody has signed in."""

from django.db import transaction
from django_tenants.utils import tenant_context

from tenants.deputies.services import deputy_register
from tests.e2e.worlds import cycle_taking_proposals, member, staffed_township
from tests.factories import make_term

CITY, COUNTY, TOWN = "dp-city", "dp-county", "dp-town"
TOWN_NAME = "梅岭镇人大主席团"
YEAR = 2027
CALL_TITLE = "梅岭镇关于征集2027年民生实事项目建议的公告"
DEPUTIES = {f"{TOWN}-deputy": "林晓梅", f"{TOWN}-d01": "周海涛"}


def provision() -> None:
    operator, town = staffed_township(
        (CITY, COUNTY, TOWN),
        ("梅城市人大常委会", "梅岭县人大常委会", TOWN_NAME),
        ("374301", "374302", "374302101"),
        staff_name="梅岭镇工作人员",
    )
    users = {
        username: member(username, town, ["deputy"], operator, display_name=name)
        for username, name in DEPUTIES.items()
    }
    with tenant_context(town), transaction.atomic():
        term = make_term()
        for i, (username, name) in enumerate(DEPUTIES.items()):
            deputy_register(
                term=term,
                name=name,
                gender="female" if i == 0 else "male",
                level="township",
                constituency=f"第{i + 1}选区",
                phone=f"1391234567{i}",
                actor=operator,
                user=users[username],
            )
        cycle = cycle_taking_proposals(
            term=term,
            year=YEAR,
            town_short="梅岭镇",
            seats=1,
            call=(CALL_TITLE, f"欢迎全镇代表和群众提出{YEAR}年民生实事项目建议。"),
            open_days=(5, 30),
            actor=operator,
        )
    print("cycle", cycle.pk)
