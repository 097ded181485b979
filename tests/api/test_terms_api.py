"""届次管理, the setup checklist and a new cycle's starting rules over HTTP: who may, bad input
answered with a translated 4xx naming its field, and the checklist read from the rows."""

from datetime import date

from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.deputies.models import Term
from tenants.deputies.services import term_close, term_open
from tenants.implementation.services import unit_create
from tests.api.conftest import cycle_post, queries
from tests.conftest import PASSWORD, World, client_on, post_json
from tests.factories import make_member
from tests.tenants.stations.factories import make_deputy, make_station

API = "/api/v1"
TERM = {"number": 18, "starts_on": "2022-01-01", "ends_on": "2026-12-31"}


def _member(username: str, congress: Congress, roles: list[str]) -> User:
    return make_member(username, congress, roles, None, password=PASSWORD)


def test_the_first_administrator_opens_a_term_with_sessions_and_closes_it(world: World) -> None:
    admin = client_on(world.town_b, _member("b-admin", world.town_b, ["system_admin"]))

    opened = post_json(admin, f"{API}/terms", {**TERM, "sessions": ["2022-01-06", "2023-01-12"]})

    assert opened.status_code == 201, opened.content
    body = opened.json()
    assert body["is_current"] and body["serving_count"] == 0
    assert body["sessions"] == [
        {"number": 1, "opens_on": "2022-01-06"},
        {"number": 2, "opens_on": "2023-01-12"},
    ]
    added = post_json(admin, f"{API}/terms/{body['id']}/sessions", {"opens_on": "2024-01-10"})
    assert added.status_code == 201 and added.json()["number"] == 3
    closed = admin.post(f"{API}/terms/{body['id']}/close")
    assert closed.status_code == 200 and closed.json()["is_current"] is False
    assert [t["number"] for t in admin.get(f"{API}/terms").json()] == [18]


def test_a_second_open_term_and_bad_dates_are_4xx_naming_the_field(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    assert post_json(staff, f"{API}/terms", TERM).status_code == 201

    second = post_json(
        staff, f"{API}/terms", {"number": 19, "starts_on": "2027-01-01", "ends_on": "2031-12-31"}
    )
    backwards = post_json(
        staff,
        f"{API}/terms",
        {"number": 19, "starts_on": "2027-01-01", "ends_on": "2026-01-01"},
        headers={"accept-language": "en"},
    )
    not_a_date = post_json(
        staff, f"{API}/terms", {"number": 19, "starts_on": "2027-13-01", "ends_on": "2031-12-31"}
    )
    bad_session = post_json(staff, f"{API}/terms/999999/sessions", {"opens_on": "2023-01-01"})

    assert second.status_code == 409
    assert second.json()["fields"] == {"number": ["第18届尚未结束，请先结束本届再开启新一届。"]}
    assert backwards.status_code == 400 and "ends_on" in backwards.json()["fields"]
    assert backwards.json()["detail"] == "The end date must be after the start date."
    assert not_a_date.status_code == 400 and "starts_on" in not_a_date.json()["fields"]
    assert bad_session.status_code == 404


def test_closing_a_term_with_a_vote_to_come_is_a_409_with_the_reason(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    term = post_json(staff, f"{API}/terms", TERM).json()
    created = cycle_post(staff, 2026)
    assert created.status_code == 201

    refused = staff.post(f"{API}/terms/{term['id']}/close")

    assert refused.status_code == 409 and refused.json()["code"] == "term_in_use"
    assert "2026年度票决" in refused.json()["detail"]


def test_deputies_and_units_may_not_manage_terms_nor_read_the_checklist(world: World) -> None:
    deputy = client_on(world.town_a, world.deputy_both)
    unit = client_on(world.town_a, _member("a-unit", world.town_a, ["unit"]))
    auditor = client_on(world.town_a, _member("a-audit", world.town_a, ["audit_admin"]))

    for caller in (deputy, unit, auditor):
        assert caller.get(f"{API}/terms").status_code == 403
        assert post_json(caller, f"{API}/terms", TERM).status_code == (403)
        assert caller.get(f"{API}/setup/checklist").status_code == 403
    assert deputy.get(f"{API}/voting/rules-template").status_code == 403
    assert client_on(world.town_a).get(f"{API}/setup/checklist").status_code in (401, 403)
    with tenant_context(world.town_a):
        assert not Term.objects.exists()


def _checklist(client: object) -> dict[str, tuple[bool, int, int]]:
    body = client.get(f"{API}/setup/checklist").json()  # type: ignore[attr-defined]
    return {i["key"]: (i["done"], i["count"], i["total"]) for i in body["items"]} | {
        "_done": (body["complete"], body["done_count"], 0)
    }


def test_the_checklist_starts_at_nothing_and_follows_the_rows(world: World) -> None:
    admin = client_on(world.town_b, _member("b-first", world.town_b, ["system_admin", "staff"]))

    assert _checklist(admin) == {
        "term": (False, 0, 0),
        "roster": (False, 0, 0),
        "accounts": (False, 0, 0),
        "units": (False, 0, 0),
        "stations": (False, 0, 0),
        "cycle": (False, 0, 0),
        "_done": (False, 0, 0),
    }

    post_json(admin, f"{API}/terms", TERM)
    with tenant_context(world.town_b):
        make_deputy("王一", phone="13700000001")
        linked = make_deputy("李二", phone="13700000002")
        linked.user = world.staff_b
        linked.save(update_fields=["user"])
        unit_create(name="镇农业农村办", member_ids=[], actor=None)
        make_station()
    cycle_post(admin, 2026, "2026")

    after = _checklist(admin)
    assert after["term"] == (True, 1, 0)
    assert after["roster"] == (True, 2, 0)
    # one of two deputies has an account, and the security and audit administrators are missing
    assert after["accounts"] == (False, 1, 2)
    assert after["units"] == after["stations"] == after["cycle"] == (True, 1, 0)
    assert after["_done"] == (False, 5, 0)


def test_the_accounts_item_is_done_only_with_the_security_and_audit_administrators(
    world: World,
) -> None:
    admin = client_on(world.town_b, _member("b-sys", world.town_b, ["system_admin", "staff"]))
    post_json(admin, f"{API}/terms", TERM)
    with tenant_context(world.town_b):
        linked = make_deputy("王一", phone="13700000001")
        linked.user = world.staff_b
        linked.save(update_fields=["user"])

    # every deputy has an account, the system administrator is there: not yet (三员分立)
    assert _checklist(admin)["accounts"] == (False, 1, 1)
    _member("b-security", world.town_b, ["security_admin"])
    assert _checklist(admin)["accounts"] == (False, 1, 1)
    _member("b-audit", world.town_b, ["audit_admin"])
    assert _checklist(admin)["accounts"] == (True, 1, 1)


def test_a_new_cycle_starts_from_the_last_cycles_rules(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    post_json(staff, f"{API}/terms", TERM)
    first = staff.get(f"{API}/voting/rules-template").json()
    assert first["from_year"] is None and first["rules"]["seats"] == 10

    rules = {**first["rules"], "seats": 6}
    made = cycle_post(staff, 2025, rules=rules)
    assert made.status_code == 201, made.content

    later = staff.get(f"{API}/voting/rules-template").json()
    assert later == {"rules": rules, "from_year": 2025, "template": None}


def test_the_term_list_costs_the_same_for_1_and_3_terms_with_sessions(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        first = term_open(
            number=16,
            starts_on=date(2012, 1, 1),
            ends_on=date(2016, 12, 31),
            sessions=[date(2012, 1, 5)],
            actor=None,
        )
    one = queries(staff, f"{API}/terms")
    with tenant_context(world.town_a):
        term_close(term=first, actor=None)
        second = term_open(
            number=17,
            starts_on=date(2017, 1, 1),
            ends_on=date(2021, 12, 31),
            sessions=[date(2017, 1, 5), date(2018, 1, 5)],
            actor=None,
        )
        term_close(term=second, actor=None)
        term_open(number=18, starts_on=date(2022, 1, 1), ends_on=date(2026, 12, 31), actor=None)

    assert queries(staff, f"{API}/terms") == one
