"""Rule templates from above over HTTP (docs/voting.md, "Rule templates from above"): the county
issues its 实施办法 as a rule template, the townships receive it by dispatch, a new cycle starts
from it, its locked fields cannot be changed below (each refusal names the field, translated),
the cycle says where each rule comes from, and the county and the city see who uses which."""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django_tenants.utils import tenant_context

from crossing.services import dispatch_deliver_pending
from rollups.services import rollup_drain
from tenants.voting.rules import Comparison, RuleSet, Share, ShortfallRule
from tenants.voting.ruleset import rule_set_to_json
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_member, make_term

API = "/api/v1/voting"

# The county's 实施办法: 等额 is not allowed, 过半数 of all deputies and a quorum of more than 2/3,
# both locked; the seats are the township's to choose.
COUNTY_RULES: dict[str, Any] = rule_set_to_json(
    RuleSet(
        seats=8,
        min_surplus=2,
        quorum=Share(2, 3, Comparison.MORE_THAN),
        shortfall=ShortfallRule.NEW_ROUND,
    )
)
LOCKED = ["thresholds", "quorum"]
TWO_THIRDS_PRESENT = [
    {"numerator": 2, "denominator": 3, "comparison": "at_least", "base": "present"}
]


def _post(client: Client, path: str, body: Any, lang: str = "zh-hans") -> Any:
    return client.post(
        f"{API}/{path}", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
    )


def _ok(response: Any) -> Any:
    assert response.status_code < 300, response.json()
    return response.json()


@pytest.fixture
def county(world: World) -> Client:
    return client_on(world.county, world.county_admin)


@pytest.fixture
def town(world: World) -> Client:
    with tenant_context(world.town_a):
        make_term()
    return client_on(world.town_a, world.staff_a)


@pytest.fixture
def issued(county: Client) -> dict[str, Any]:
    """The county issued its template, and the dispatches were delivered."""
    template = _ok(
        _post(
            county,
            "rule-templates",
            {"name": "测试县票决实施办法", "rules": COUNTY_RULES, "locked": LOCKED},
        )
    )
    assert dispatch_deliver_pending() >= 2  # 甲镇 and 乙镇
    return template


def test_a_township_receives_the_county_template_and_a_new_cycle_starts_from_it(
    town: Client, issued: dict[str, Any]
) -> None:
    assert issued["own"] is True and issued["current"] is True
    received = _ok(town.get(f"{API}/rule-templates"))
    assert [(t["name"], t["own"], t["current"], t["locked"]) for t in received] == [
        ("测试县票决实施办法", False, True, LOCKED)
    ]
    assert received[0]["label"] == "上级 测试县人大常委会《测试县票决实施办法》"

    start = _ok(town.get(f"{API}/rules-template"))
    assert start["rules"] == COUNTY_RULES and start["from_year"] is None
    assert start["template"]["locked"] == LOCKED
    assert start["template"]["label"] == received[0]["label"]

    # Without a rule set the cycle takes the template's.
    cycle = _ok(_post(town, "cycles", {"year": 2061, "title": "2061年"}))
    assert cycle["rules"] == COUNTY_RULES


def test_a_cycle_created_with_a_locked_field_changed_is_refused_naming_it(
    town: Client, issued: dict[str, Any]
) -> None:
    refused = _post(
        town,
        "cycles",
        {
            "year": 2062,
            "title": "2062年",
            "rules": {**COUNTY_RULES, "thresholds": TWO_THIRDS_PRESENT},
        },
    )
    assert refused.status_code == 400
    body = refused.json()
    assert body["code"] == "rule_locked" and "thresholds" in body["fields"]
    assert "通过比例" in body["detail"] and "测试县票决实施办法" in body["detail"]
    assert all(c["year"] != 2062 for c in _ok(town.get(f"{API}/cycles")))

    quorum = {"numerator": 2, "denominator": 3, "comparison": "at_least"}
    english = _post(
        town,
        "cycles",
        {"year": 2062, "title": "2062", "rules": {**COUNTY_RULES, "quorum": quorum}},
        lang="en",
    )
    assert english.status_code == 400 and "quorum" in english.json()["fields"]
    assert "locked" in english.json()["detail"] and "Quorum" in english.json()["detail"]


def test_unlocked_fields_change_below_and_the_cycle_says_where_each_rule_comes_from(
    town: Client, issued: dict[str, Any]
) -> None:
    cycle = _ok(
        _post(
            town,
            "cycles",
            {"year": 2063, "title": "2063年", "rules": {**COUNTY_RULES, "seats": 5}},
        )
    )
    sources = {s["field"]: s for s in cycle["rules_sources"]}
    assert (sources["seats"]["source"], sources["seats"]["label"]) == ("own", "本级")
    assert sources["quorum"]["source"] == "template" and sources["quorum"]["locked"] is True
    assert sources["quorum"]["label"] == "上级 测试县人大常委会《测试县票决实施办法》"
    assert sources["shortfall"]["source"] == "template" and sources["shortfall"]["locked"] is False
    assert [f for f, s in sources.items() if s["locked"]] == LOCKED

    # Later changes: an unlocked rule changes (and becomes 本级), a locked one is refused.
    changed = _ok(_post(town, f"cycles/{cycle['id']}/rules", {"shortfall": "accept_fewer"}))
    assert {s["field"]: s["source"] for s in changed["rules_sources"]}["shortfall"] == "own"
    refused = _post(town, f"cycles/{cycle['id']}/rules", {"thresholds": TWO_THIRDS_PRESENT})
    assert refused.status_code == 400 and "thresholds" in refused.json()["fields"]
    assert (
        _ok(town.get(f"{API}/cycles/{cycle['id']}"))["rules"]["thresholds"]
        == (COUNTY_RULES["thresholds"])
    )


def test_a_township_template_of_its_own_keeps_what_the_county_locked(
    town: Client, issued: dict[str, Any]
) -> None:
    refused = _post(
        town,
        "rule-templates",
        {"name": "甲镇办法", "rules": {**COUNTY_RULES, "seats": 6}, "locked": ["thresholds"]},
    )
    assert refused.status_code == 400 and "quorum" in refused.json()["fields"]
    changed = _post(
        town,
        "rule-templates",
        {
            "name": "甲镇办法",
            "rules": {**COUNTY_RULES, "thresholds": TWO_THIRDS_PRESENT},
            "locked": LOCKED,
        },
    )
    assert changed.status_code == 400 and "thresholds" in changed.json()["fields"]

    own = _ok(
        _post(
            town,
            "rule-templates",
            {"name": "甲镇办法", "rules": {**COUNTY_RULES, "seats": 6}, "locked": LOCKED},
        )
    )
    assert own["current"] is True and own["label"] == "本级《甲镇办法》"
    cycle = _ok(_post(town, "cycles", {"year": 2064, "title": "2064年"}))
    assert cycle["rules"]["seats"] == 6
    # Its own template binds nothing for itself, but the county's locks still hold.
    sources = {s["field"]: s for s in cycle["rules_sources"]}
    assert sources["seats"]["label"] == "本级《甲镇办法》" and not sources["seats"]["locked"]
    assert sources["quorum"]["locked"] and "测试县票决实施办法" in sources["quorum"]["locked_by"]
    quorum = {"numerator": 1, "denominator": 2, "comparison": "more_than"}
    refused = _post(town, f"cycles/{cycle['id']}/rules", {"quorum": quorum})
    assert refused.status_code == 400 and "quorum" in refused.json()["fields"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": " ", "rules": COUNTY_RULES, "locked": []}, "name"),
        ({"name": "办法", "rules": COUNTY_RULES, "locked": ["colour"]}, "locked"),
        ({"name": "办法", "rules": COUNTY_RULES, "locked": "quorum"}, "locked"),
        ({"name": "办法", "rules": {**COUNTY_RULES, "seats": "八"}, "locked": []}, "seats"),
        ({"name": "办法", "rules": {**COUNTY_RULES, "thresholds": []}, "locked": []}, "thresholds"),
    ],
)
def test_a_template_that_cannot_be_used_is_refused_naming_the_field(
    county: Client, body: dict[str, Any], field: str
) -> None:
    refused = _post(county, "rule-templates", body)
    assert refused.status_code == 400, refused.json()
    assert field in refused.json()["fields"]
    assert _ok(county.get(f"{API}/rule-templates")) == []


def test_a_township_staff_member_cannot_issue_for_the_county(world: World) -> None:
    deputy = client_on(world.town_a, world.deputy_both)
    body = {"name": "办法", "rules": COUNTY_RULES, "locked": []}
    assert _post(deputy, "rule-templates", body).status_code == 403
    assert deputy.get(f"{API}/rule-templates/uses").status_code == 403


def test_the_nearest_template_above_wins_and_the_city_sees_who_uses_which(
    world: World, county: Client, town: Client
) -> None:
    city_staff = make_member(
        "city-rules",
        world.city,
        ["staff"],
        world.operator,
        password=PASSWORD,
        display_name="市联工委",
    )
    city = client_on(world.city, city_staff)
    _ok(_post(city, "rule-templates", {"name": "市指导办法", "rules": COUNTY_RULES, "locked": []}))
    dispatch_deliver_pending()
    assert _ok(town.get(f"{API}/rules-template"))["template"]["label"] == (
        "上级 测试市人大常委会《市指导办法》"
    )
    _ok(_post(county, "rule-templates", {"name": "县办法", "rules": COUNTY_RULES, "locked": []}))
    dispatch_deliver_pending()
    assert _ok(town.get(f"{API}/rules-template"))["template"]["label"] == (
        "上级 测试县人大常委会《县办法》"
    )

    _ok(_post(town, "cycles", {"year": 2065, "title": "2065年"}))
    for township in (world.town_a, world.town_b):
        with tenant_context(township):
            rollup_drain(now=datetime(2065, 6, 1, tzinfo=UTC))
    for viewer in (county, city):
        uses = {u["congress_name"]: u for u in _ok(viewer.get(f"{API}/rule-templates/uses"))}
        assert (uses["甲镇人大主席团"]["year"], uses["甲镇人大主席团"]["template_name"]) == (
            2065,
            "县办法",
        )
        assert uses["甲镇人大主席团"]["template_issuer"] == "测试县人大常委会"
        assert uses["乙镇人大主席团"]["year"] is None
    city_rows = _ok(city.get(f"{API}/rule-templates/uses"))
    assert {u["congress_name"] for u in city_rows} >= {
        "测试县人大常委会",
        "甲镇人大主席团",
        "乙镇人大主席团",
    }
