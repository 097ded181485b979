"""The roster over HTTP, beyond the import: staff find a deputy, add one, correct an entry,
link a deputy to an account and end a deputy's service; bad input is answered with a 4xx
naming its field; deputies read the roster but change nothing."""

from django_tenants.utils import tenant_context

from tenants.deputies.models import Deputy
from tests.conftest import World, client_on
from tests.factories import make_term

API = "/api/v1/deputies"
NEW = {
    "name": "欧阳明",
    "gender": "male",
    "level": "township",
    "constituency": "第三选区",
    "delegation": "甲镇第二代表小组",
    "occupation": "东村党支部书记",
    "phone": "13800001111",
}


def test_staff_add_a_deputy_find_them_and_correct_the_entry(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)

    added = staff.post(API, NEW, content_type="application/json")
    found = staff.get(API, {"q": "第三选区"})
    by_phone = staff.get(API, {"q": "13800001111"})
    missed = staff.get(API, {"q": "不存在的人"})
    corrected = staff.patch(
        f"{API}/{added.json()['id']}",
        {"delegation": "甲镇第一代表小组", "phone": "13800002222"},
        content_type="application/json",
    )

    assert added.status_code == 201, added.content
    assert added.json()["phone"] == "13800001111" and added.json()["status"] == "serving"
    assert [d["name"] for d in found.json()["results"]] == ["欧阳明"]
    assert [d["name"] for d in by_phone.json()["results"]] == ["欧阳明"]
    assert missed.json()["results"] == []
    assert corrected.status_code == 200, corrected.content
    assert corrected.json()["delegation"] == "甲镇第一代表小组"
    with tenant_context(world.town_a):
        kept = Deputy.objects.get(pk=added.json()["id"])
        assert (kept.phone, kept.constituency) == ("13800002222", "第三选区")


def test_bad_entries_are_refused_naming_their_field(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)
    deputy = staff.post(API, NEW, content_type="application/json").json()

    no_name = staff.post(API, {**NEW, "name": ""}, content_type="application/json")
    bad_level = staff.post(API, {**NEW, "level": "emperor"}, content_type="application/json")
    bad_phone = staff.patch(
        f"{API}/{deputy['id']}", {"phone": "12345"}, content_type="application/json"
    )
    twice = staff.post(API, NEW, content_type="application/json")
    bad_status = staff.get(API, {"status": "retired"})
    unknown = staff.patch(f"{API}/999999", {"name": "某"}, content_type="application/json")

    assert no_name.status_code == 400 and "name" in no_name.json()["fields"]
    assert bad_level.status_code == 400 and "level" in bad_level.json()["fields"]
    assert bad_phone.status_code == 400 and "phone" in bad_phone.json()["fields"]
    assert twice.status_code == 409 and "phone" in twice.json()["fields"]
    assert bad_status.status_code == 400 and "status" in bad_status.json()["fields"]
    assert unknown.status_code == 404


def test_an_ended_deputy_is_found_by_status_and_no_longer_edited(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)
    deputy = staff.post(API, NEW, content_type="application/json").json()

    ended = staff.post(f"{API}/{deputy['id']}/end-service")
    serving = staff.get(API, {"status": "serving", "q": "欧阳"})
    gone = staff.get(API, {"status": "ended", "q": "欧阳"})
    edit = staff.patch(f"{API}/{deputy['id']}", {"name": "欧阳亮"}, content_type="application/json")

    assert ended.status_code == 200 and ended.json()["status"] == "ended"
    assert serving.json()["results"] == []
    assert [d["name"] for d in gone.json()["results"]] == ["欧阳明"]
    assert edit.status_code == 409 and edit.json()["code"] == "deputy_ended"


def test_deputies_read_the_roster_but_may_not_change_it(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)
    deputy = staff.post(API, NEW, content_type="application/json").json()
    reader = client_on(world.town_a, world.deputy_both)

    assert reader.get(API).status_code == 200
    assert reader.post(API, NEW, content_type="application/json").status_code == 403
    assert (
        reader.patch(
            f"{API}/{deputy['id']}", {"name": "某"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert reader.post(f"{API}/{deputy['id']}/end-service").status_code == 403


def test_no_deputy_is_added_before_a_term_is_open(world: World) -> None:
    staff = client_on(world.town_b, world.staff_b)

    refused = staff.post(API, NEW, content_type="application/json")

    assert refused.status_code == 400 and refused.json()["code"] == "term_missing"
