"""The year's route over HTTP: the city dates the stages, a township that has not reached a
stage whose date has passed is late, the daily check reminds it and tells its county once, and
the lag by stage reads from the rollups. Bad input and the wrong caller write nothing."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from rollups.services import rollup_rebuild
from supervision.models import Guidance, GuidanceTarget, RouteReminder, RouteStage
from supervision.tasks import route_check
from tenants.voting.services import cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.factories import make_term
from tests.platform.supervision.builders import staff_of

API = "/api/v1/supervision"
TODAY = timezone.localdate()
YEAR = TODAY.year


def _set(client: Any, **stages: Any) -> Any:
    body = {"year": YEAR, "stages": {k: v and v.isoformat() for k, v in stages.items()}}
    return client.put(f"{API}/route", body, content_type="application/json")


def _cycle(township: Congress, *, advance: bool) -> None:
    with tenant_context(township):
        cycle = cycle_create(
            year=YEAR, title=f"{YEAR}年民生实事项目票决", term=make_term(), actor=None
        )
        if advance:
            cycle_advance(cycle=cycle, actor=None)  # 征集 closes today
        rollup_rebuild()


def _states(body: dict[str, Any]) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {s["stage"]: (s["due_on"], s["reached_on"], s["state"]) for s in body["stages"]}


def test_a_township_behind_the_city_route_is_reminded_once_and_its_county_told(
    world: World,
) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    yesterday, later = TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=30)
    response = _set(city, solicit_close=yesterday, consultation=later, vote=None)
    assert response.status_code == 200, response.content
    assert response.json()["own"] and response.json()["can_set"]
    _cycle(world.town_a, advance=True)
    _cycle(world.town_b, advance=False)

    lag = city.get(f"{API}/route/lag", {"year": YEAR}).json()
    by_stage = {s["stage"]: s for s in lag["stages"]}
    assert by_stage["solicit_close"]["dated"] == 2
    assert by_stage["solicit_close"]["late"] == 1
    assert [t["name"] for t in by_stage["solicit_close"]["late_townships"]] == [world.town_b.name]
    assert by_stage["consultation"]["late"] == 0 and by_stage["vote"]["dated"] == 0

    town_a = _states(client_on(world.town_a, world.staff_a).get(f"{API}/route").json())
    assert town_a["solicit_close"] == (yesterday.isoformat(), TODAY.isoformat(), "reached_late")
    town_b_body = client_on(world.town_b, world.staff_b).get(f"{API}/route").json()
    assert town_b_body["issuer_name"] == world.city.name and not town_b_body["own"]
    assert _states(town_b_body)["solicit_close"] == (yesterday.isoformat(), None, "late")
    assert _states(town_b_body)["consultation"] == (later.isoformat(), None, "pending")

    assert route_check(today=TODAY) == 1
    reminder = RouteReminder.objects.get()
    assert (reminder.township, reminder.stage) == (world.town_b, "solicit_close")
    assert GuidanceTarget.objects.get(guidance=reminder.reminder).congress == world.town_b
    assert reminder.notice is not None
    assert GuidanceTarget.objects.get(guidance=reminder.notice).congress == world.county
    assert world.town_b.name in reminder.notice.body
    county_inbox = client_on(world.county, world.county_admin).get(f"{API}/guidance").json()
    assert [g["id"] for g in county_inbox] == [reminder.notice.pk]
    town_b_inbox = client_on(world.town_b, world.staff_b).get(f"{API}/guidance").json()
    assert [g["title"] for g in town_b_inbox] == ["路线图提醒：项目征集截止已逾期"]

    # The next day's check finds the same lag and sends nothing more.
    guidance = Guidance.objects.count()
    assert route_check(today=TODAY + dt.timedelta(days=1)) == 0
    assert Guidance.objects.count() == guidance


def test_a_county_route_replaces_the_city_route_for_its_townships(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    county = client_on(world.county, world.county_admin)
    assert _set(city, solicit_close=TODAY - dt.timedelta(days=3)).status_code == 200
    assert _set(county, solicit_close=TODAY + dt.timedelta(days=3)).status_code == 200
    _cycle(world.town_b, advance=False)

    body = client_on(world.town_b, world.staff_b).get(f"{API}/route").json()
    assert body["issuer_name"] == world.county.name
    assert _states(body)["solicit_close"][2] == "pending"
    assert route_check(today=TODAY) == 0

    # An empty route hands the townships back to the city's.
    assert _set(county).status_code == 200
    assert client_on(world.town_b, world.staff_b).get(f"{API}/route").json()["issuer_name"] == (
        world.city.name
    )


def test_refusals_are_translated_and_write_nothing(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    out_of_order = _set(city, solicit_close=TODAY, consultation=TODAY - dt.timedelta(days=1))
    assert out_of_order.status_code == 400
    assert out_of_order.json()["code"] == "route_out_of_order"
    assert "人大与政府会商" in out_of_order.json()["detail"]
    unknown = _set(city, somewhere=TODAY)
    assert unknown.status_code == 400 and unknown.json()["code"] == "route_stage_unknown"
    bad_date = city.put(
        f"{API}/route",
        {"year": YEAR, "stages": {"vote": "31 June"}},
        content_type="application/json",
    )
    assert bad_date.status_code == 400
    far = _set(city, vote=dt.date(YEAR + 3, 1, 1))
    assert far.status_code == 400 and far.json()["code"] == "route_date_outside_year"
    english = city.put(
        f"{API}/route",
        {"year": YEAR, "stages": {"solicit_close": TODAY.isoformat(), "vote": "2000-01-01"}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.status_code == 400 and "earlier" in english.json()["detail"]

    township = _set(client_on(world.town_a, world.staff_a), vote=TODAY)
    assert township.status_code == 403 and township.json()["code"] == "issuer_level"
    deputy = _set(client_on(world.town_a, world.deputy_both), vote=TODAY)
    assert deputy.status_code == 403
    assert client_on(world.town_a, world.staff_a).get(f"{API}/route/lag").status_code == 403
    unknown_county = city.get(f"{API}/route/lag", {"county": world.town_a.pk})
    assert unknown_county.status_code == 400 and unknown_county.json()["code"] == "county_unknown"
    assert not RouteStage.objects.exists()
