"""Must show 2 over HTTP: an opinion received by a township station's QR code is assigned,
escalated to the county, answered there by the county's unit; the answer and status show in
the township's console and on the citizen's tracking page. The county sees the copy marked
with its origin and without the citizen's contact."""

from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.test import Client
from django_tenants.utils import tenant_context

from crossing.services import dispatch_deliver_pending
from tenants.linkage.opinions.tasks import flag_overdue
from tests.conftest import World, client_on
from tests.tenants.opinions.conftest import make_station, make_unit

API = "/api/v1"


def _post(client: Client, path: str, body: Any = None) -> Any:
    response = client.post(f"{API}/{path}", body or {}, content_type="application/json")
    assert response.status_code < 300, (path, response.json())
    return response.json()


def test_a_township_opinion_answered_by_the_county_reaches_the_citizen(world: World) -> None:
    cache.clear()
    station = make_station(world.town_a)
    town_unit = make_unit(world.town_a, "town-a-roads", "甲镇村建办")
    county_unit = make_unit(world.county, "county-transport", "测试县交通运输局")
    citizen, town = client_on(world.town_a), client_on(world.town_a, world.staff_a)
    county = client_on(world.county, world.county_admin)

    code = _post(
        citizen,
        "public/opinions",
        {
            "content": "东村大桥桥面开裂，货车通行有安全隐患。",
            "citizen_name": "王秀英",
            "citizen_phone": "13912345678",
            "category": "transport",
            "station": station.pk,
        },
    )["tracking_code"]
    pk = town.get(f"{API}/opinions", {"q": code}).json()["results"][0]["id"]
    _post(town, f"opinions/{pk}/assign", {"unit_user_id": town_unit.pk})
    escalated = _post(town, f"opinions/{pk}/escalate", {"note": "大桥属县道，超出镇职权"})
    assert (
        escalated["status"] == "escalated" and escalated["escalated_to_name"] == "测试县人大常委会"
    )
    assert "escalate" not in escalated["actions"]
    dispatch_deliver_pending()

    # The county: the copy, marked with its origin, without the citizen's contact.
    rows = county.get(f"{API}/opinions", {"escalated": "true"}).json()["results"]
    copy = next(row for row in rows if row["content"].startswith("东村大桥"))
    assert (copy["origin_name"], copy["channel"], copy["status"]) == (
        "甲镇人大主席团",
        "escalation",
        "sorted",
    )
    detail = county.get(f"{API}/opinions/{copy['id']}").json()
    assert (detail["citizen_name"], detail["citizen_phone"]) == ("王**", "")
    assert detail["origin_chain"] == ["甲镇人大主席团"]
    _post(county, f"opinions/{copy['id']}/assign", {"unit_user_id": county_unit.pk})
    dispatch_deliver_pending()
    assert town.get(f"{API}/opinions/{pk}").json()["upstream_status"] == "assigned"

    unit = client_on(world.county, county_unit)
    _post(unit, f"opinions/{copy['id']}/reply", {"answer": "已列入今年危桥改造计划，6月底前完工。"})
    dispatch_deliver_pending()

    township_view = town.get(f"{API}/opinions/{pk}").json()
    assert (township_view["status"], township_view["upstream_status"]) == ("replied", "replied")
    assert township_view["answer"] == "已列入今年危桥改造计划，6月底前完工。"
    assert township_view["answered_by"] == "测试县人大常委会 测试县交通运输局"
    page = citizen.get(f"{API}/public/opinions/{code}").json()
    assert (page["status_label"], page["answer"], page["can_rate"]) == (
        "已答复",
        "已列入今年危桥改造计划，6月底前完工。",
        True,
    )
    steps = [(step["status"], step["note"]) for step in page["timeline"]]
    assert steps[:4] == [
        ("received", station.name),
        ("sorted", ""),
        ("assigned", ""),
        ("escalated", "已上报测试县人大常委会办理"),
    ]
    assert ("escalated", "测试县人大常委会：已交办") in steps
    assert steps[-1] == ("replied", "已列入今年危桥改造计划，6月底前完工。")

    rated = _post(citizen, f"public/opinions/{code}/rating", {"rating": "satisfied"})
    assert rated["status"] == "closed"
    dispatch_deliver_pending()
    assert county.get(f"{API}/opinions/{copy['id']}").json()["status"] == "closed"


def test_an_overdue_opinion_shows_in_the_console_once_the_beat_task_flags_it(world: World) -> None:
    town_unit = make_unit(world.town_a, "town-a-roads", "甲镇村建办")
    town = client_on(world.town_a, world.staff_a)
    pk = _post(
        town, "opinions", {"content": "路灯不亮", "citizen_name": "李四", "category": "urban_rural"}
    )["id"]
    assigned = _post(town, f"opinions/{pk}/assign", {"unit_user_id": town_unit.pk})
    due = assigned["due_on"]

    day_after = date.fromisoformat(due) + timedelta(days=1)

    with tenant_context(world.town_a):
        assert flag_overdue(now=f"{due}T23:00:00+08:00") == 0  # the deadline day itself
        assert flag_overdue(now=f"{day_after}T09:00:00+08:00") == 1
        assert flag_overdue(now=f"{day_after}T10:00:00+08:00") == 0

    events = town.get(f"{API}/opinions/{pk}").json()["events"]
    assert [e["action"] for e in events].count("overdue") == 1
    inbox = client_on(world.town_a, town_unit).get(f"{API}/notifications").json()["results"]
    assert [(n["subject"], n["link"]) for n in inbox] == [
        ("群众意见办理超期", f"/opinions/{pk}"),
        ("新交办的群众意见", f"/opinions/{pk}"),
    ]
