"""Benchmark rounds over HTTP: setup by the city, nominations from below within the exclusions and
quotas, scoring by city staff with pre-filled indicators, the decision within the quota, 公示 and
the announcement; each tenant sees only its own part of the tree."""

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from directory.selectors import listing_of
from supervision.models import BenchmarkRound, Nomination, Score
from tenants.deputies.models import Deputy
from tests.api.conftest import round_body, round_opened
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.platform.supervision.builders import staff_of
from tests.tenants.stations.factories import make_deputy

API = "/api/v1/supervision"
TODAY = timezone.localdate()


def _post(client: Any, path: str, body: Any = None, **headers: Any) -> Any:
    return client.post(f"{API}/{path}", body or {}, content_type="application/json", **headers)


def _listing(congress: Congress, name: str) -> int:
    """A serving deputy of `congress` by name, as the directory lists them (made if missing)."""
    with tenant_context(congress):
        deputy = Deputy.objects.filter(name=name).first() or make_deputy(name)
    listing = listing_of(congress_id=congress.pk, deputy_id=deputy.pk)
    assert listing is not None
    return listing.pk


def _nomination(name: str, town: str = "", **declarations: bool) -> dict[str, Any]:
    """A nomination of the deputy `name` of 甲镇 (乙镇 for 李四, or as `town` says)."""
    world: World = pytest.world  # type: ignore[attr-defined]
    congress = world.town_b if (town or ("b" if name == "李四" else "a")) == "b" else world.town_a
    answers = {"leader": False, "standing_committee": False, "disciplined": False}
    return {
        "nominee_ref": _listing(congress, name),
        "statement": "长期扎根基层，履职积极。",
        "declarations": answers | declarations,
    }


def test_an_excluded_nominee_is_refused_with_a_translated_reason(world: World) -> None:
    _city, round_id = round_opened(world)
    town_a = client_on(world.town_a, world.staff_a)

    refused = _post(town_a, f"rounds/{round_id}/nominations", _nomination("张镇长", leader=True))
    assert refused.status_code == 400
    assert refused.json()["code"] == "nominee_excluded"
    assert refused.json()["detail"] == "领导干部不参加优秀代表评选。"
    in_english = _post(
        town_a,
        f"rounds/{round_id}/nominations",
        _nomination("张镇长", standing_committee=True),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert in_english.status_code == 400
    assert in_english.json()["detail"] == (
        "Members of a standing committee are not eligible as outstanding deputies."
    )
    unanswered = _post(
        town_a,
        f"rounds/{round_id}/nominations",
        {"nominee_ref": _listing(world.town_a, "李四"), "statement": "理由", "declarations": {}},
    )
    assert unanswered.status_code == 400 and unanswered.json()["code"] == "declaration_missing"
    assert not Nomination.objects.exists()


def test_the_nominating_congress_quota_is_kept(world: World) -> None:
    _city, round_id = round_opened(world)
    town_a = client_on(world.town_a, world.staff_a)
    assert _post(town_a, f"rounds/{round_id}/nominations", _nomination("张三")).status_code == 201
    second = _post(town_a, f"rounds/{round_id}/nominations", _nomination("李四", town="a"))
    assert second.status_code == 409 and second.json()["code"] == "nominator_quota_reached"
    assert Nomination.objects.count() == 1


def test_selection_beyond_the_quota_is_refused(world: World) -> None:
    city, round_id = round_opened(world)
    for congress, user, name in (
        (world.town_a, world.staff_a, "张三"),
        (world.town_b, world.staff_b, "李四"),
    ):
        nominated = _post(
            client_on(congress, user), f"rounds/{round_id}/nominations", _nomination(name)
        )
        assert nominated.status_code == 201
    assert _post(city, f"rounds/{round_id}/close-nominations").status_code == 200
    ids = {
        n["nominee_name"]: n["id"] for n in city.get(f"{API}/rounds/{round_id}/nominations").json()
    }
    for name, value in (("张三", "90"), ("李四", "80")):
        sheet = city.get(f"{API}/nominations/{ids[name]}/scores").json()
        values = {str(line["criterion_id"]): value for line in sheet["lines"]}
        assert _post(city, f"nominations/{ids[name]}/scores", {"values": values}).status_code == 200

    both = _post(
        city, f"rounds/{round_id}/decide", {"selected_ids": list(ids.values()), "note": "x"}
    )
    assert both.status_code == 400 and both.json()["code"] == "quota_exceeded"
    passed_over = _post(city, f"rounds/{round_id}/decide", {"selected_ids": [ids["李四"]]})
    assert passed_over.status_code == 400 and passed_over.json()["code"] == "out_of_rank_order"
    assert BenchmarkRound.objects.get(pk=round_id).state == "reviewing"
    assert not Nomination.objects.filter(status="selected").exists()


def test_a_round_from_setup_to_the_announcement_seen_by_the_townships(world: World) -> None:
    city, round_id = round_opened(world, quota=2)
    town_a = client_on(world.town_a, world.staff_a)
    town_b = client_on(world.town_b, world.staff_b)
    assert [r["id"] for r in town_a.get(f"{API}/rounds").json()] == [round_id]
    _post(town_a, f"rounds/{round_id}/nominations", _nomination("张三"))
    _post(town_b, f"rounds/{round_id}/nominations", _nomination("李四"))
    _post(city, f"rounds/{round_id}/close-nominations")
    ids = {
        n["nominee_name"]: n["id"] for n in city.get(f"{API}/rounds/{round_id}/nominations").json()
    }
    for name, value in (("张三", "88"), ("李四", "75")):
        sheet = city.get(f"{API}/nominations/{ids[name]}/scores").json()
        assert [line["indicator"] for line in sheet["lines"]] == ["activities", ""]
        values = {str(line["criterion_id"]): value for line in sheet["lines"]}
        _post(city, f"nominations/{ids[name]}/scores", {"values": values})
    ranking = city.get(f"{API}/rounds/{round_id}/ranking").json()
    assert [(r["nominee_name"], r["rank"], r["total"]) for r in ranking] == [
        ("张三", 1, "88.00"),
        ("李四", 2, "75.00"),
    ]
    decided = _post(city, f"rounds/{round_id}/decide", {"selected_ids": [ids["张三"], ids["李四"]]})
    assert decided.status_code == 200 and decided.json()["state"] == "decided"
    assert town_a.get(f"{API}/rounds/{round_id}/result").status_code == 403

    notice = {"starts_on": str(TODAY), "ends_on": str(TODAY + dt.timedelta(days=5))}
    assert _post(city, f"rounds/{round_id}/publicity", notice).status_code == 200
    on_notice = town_b.get(f"{API}/rounds/{round_id}/result").json()
    assert [line["nominee_name"] for line in on_notice["lines"]] == ["张三", "李四"]
    objection = _post(
        city,
        f"rounds/{round_id}/objections",
        {
            "nomination_id": ids["李四"],
            "summary": "反映其未按时参加活动。",
            "received_on": str(TODAY),
        },
    )
    assert objection.status_code == 201
    too_early = _post(city, f"rounds/{round_id}/announce")
    assert too_early.status_code == 400 and too_early.json()["code"] == "publicity_not_over"
    resolved = _post(
        city,
        f"objections/{objection.json()['id']}/resolve",
        {"upheld": False, "resolution": "经核实，该代表因公请假，异议不成立。"},
    )
    assert resolved.status_code == 200
    with time_machine.travel(TODAY + dt.timedelta(days=6), tick=False):
        # A new login: the session of six days ago has long expired.
        city = client_on(world.city, User.objects.get(username="city-staff"))
        announced = _post(city, f"rounds/{round_id}/announce")
    assert announced.status_code == 200 and announced.json()["state"] == "announced"

    result = town_a.get(f"{API}/rounds/{round_id}/result").json()
    assert [(line["rank"], line["nominee_name"]) for line in result["lines"]] == [
        (1, "张三"),
        (2, "李四"),
    ]
    portal = client_on(world.city).get("/api/v1/public/benchmarks").json()
    assert [line["nominee_name"] for line in portal[0]["lines"]] == ["张三", "李四"]
    assert client_on(world.town_a).get("/api/v1/public/benchmarks").json() == []


def test_a_county_sees_its_townships_nominations_and_a_township_no_other(world: World) -> None:
    city, round_id = round_opened(world)
    town_a = client_on(world.town_a, world.staff_a)
    upload = town_a.post(f"{API}/files", {"file": SimpleUploadedFile("事迹.pdf", PDF)}).json()
    with_file = _nomination("张三") | {"attachment_ids": [upload["id"]]}
    _post(town_a, f"rounds/{round_id}/nominations", with_file)
    _post(
        client_on(world.town_b, world.staff_b),
        f"rounds/{round_id}/nominations",
        _nomination("李四"),
    )

    def names(client: Any) -> list[str]:
        return sorted(
            n["nominee_name"] for n in client.get(f"{API}/rounds/{round_id}/nominations").json()
        )

    assert names(city) == ["张三", "李四"]
    assert names(client_on(world.county, world.county_admin)) == ["张三", "李四"]
    assert names(client_on(world.town_a, world.staff_a)) == ["张三"]
    assert names(client_on(world.town_b, world.staff_b)) == ["李四"]
    file_url = f"{API}/files/{upload['id']}/url"
    assert city.get(file_url).status_code == 200
    assert client_on(world.county, world.county_admin).get(file_url).status_code == 200
    assert client_on(world.town_b, world.staff_b).get(file_url).status_code == 404


def test_only_the_issuer_reviews_and_below_nobody_scores_decides_or_announces(world: World) -> None:
    city, round_id = round_opened(world)
    town_a = client_on(world.town_a, world.staff_a)
    nomination_id = _post(town_a, f"rounds/{round_id}/nominations", _nomination("张三")).json()[
        "id"
    ]
    county = client_on(world.county, world.county_admin)
    for client in (town_a, county):
        assert _post(client, f"rounds/{round_id}/close-nominations").status_code == 404
        assert client.get(f"{API}/nominations/{nomination_id}/scores").status_code == 404
        assert (
            _post(
                client, f"rounds/{round_id}/decide", {"selected_ids": [nomination_id]}
            ).status_code
            == 404
        )
    # The city reviews the township's nomination but cannot withdraw it for the township.
    refused = _post(city, f"nominations/{nomination_id}/withdraw")
    assert refused.status_code == 403 and refused.json()["code"] == "not_nominator"
    assert Nomination.objects.get(pk=nomination_id).status == "submitted"
    deputy = client_on(world.town_a, world.deputy_both)
    assert _post(deputy, f"rounds/{round_id}/nominations", _nomination("王五")).status_code == 403


def test_a_draft_round_is_invisible_below_and_a_township_runs_no_round(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    draft = _post(city, "rounds", round_body()).json()
    town_a = client_on(world.town_a, world.staff_a)
    assert town_a.get(f"{API}/rounds").json() == []
    assert town_a.get(f"{API}/rounds/{draft['id']}").status_code == 404
    refused = _post(town_a, "rounds", round_body())
    assert refused.status_code == 403 and refused.json()["code"] == "issuer_level"


def test_bad_round_settings_are_refused_and_nothing_is_written(world: World) -> None:
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    cases: list[tuple[dict[str, Any], str]] = [
        (
            {"criteria": [{"name": "履职", "weight": 60}, {"name": "联系", "weight": 30}]},
            "weights_not_100",
        ),
        ({"exclusions": ["case_open"]}, "exclusion_unknown"),
        (
            {
                "criteria": [
                    {"name": "x", "weight": 100, "indicator": "stations", "indicator_full": "5"}
                ]
            },
            "indicator_unknown",
        ),
        (
            {"criteria": [{"name": "x", "weight": 100, "indicator": "activities"}]},
            "indicator_full_required",
        ),
        ({"nominations_close_on": str(TODAY - dt.timedelta(days=9))}, "window_invalid"),
        ({"quota": 0}, "invalid"),
        ({"kind": "banquet"}, "invalid"),
    ]
    for changes, code in cases:
        response = _post(city, "rounds", round_body(**changes))
        assert response.status_code == 400, (changes, response.content)
        assert response.json()["code"] == code, changes
    assert not BenchmarkRound.objects.exists()


def test_scores_outside_0_to_100_or_for_another_round_are_refused(world: World) -> None:
    city, round_id = round_opened(world)
    nomination_id = _post(
        client_on(world.town_a, world.staff_a),
        f"rounds/{round_id}/nominations",
        _nomination("张三"),
    ).json()["id"]
    early = _post(city, f"nominations/{nomination_id}/scores", {"values": {}})
    assert early.status_code == 400 and early.json()["code"] == "wrong_state"
    _post(city, f"rounds/{round_id}/close-nominations")
    criterion = city.get(f"{API}/nominations/{nomination_id}/scores").json()["lines"][0][
        "criterion_id"
    ]
    too_high = _post(
        city, f"nominations/{nomination_id}/scores", {"values": {str(criterion): "101"}}
    )
    assert too_high.status_code == 400 and too_high.json()["code"] == "score_out_of_range"
    foreign = _post(city, f"nominations/{nomination_id}/scores", {"values": {"999999": "50"}})
    assert foreign.status_code == 400 and foreign.json()["code"] == "criterion_unknown"
    assert not Score.objects.exists()


def test_the_nomination_list_costs_the_same_for_1_and_2_nominations(world: World) -> None:
    city, round_id = round_opened(world)
    _post(
        client_on(world.town_a, world.staff_a),
        f"rounds/{round_id}/nominations",
        _nomination("张三"),
    )
    few = _count(city, f"{API}/rounds/{round_id}/nominations")
    _post(
        client_on(world.town_b, world.staff_b),
        f"rounds/{round_id}/nominations",
        _nomination("李四"),
    )
    assert _count(city, f"{API}/rounds/{round_id}/nominations") == few


def _count(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)
