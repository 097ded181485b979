"""The rule set over HTTP: a cycle is created with its whole rule set, a rule set that cannot be
used is refused with a translated message naming the field, and a closed round shows each
candidate's 票决率 with its base."""

import pytest
from django.test import Client
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_term
from tests.tenants.voting.factories import make_setup

CYCLES = "/api/v1/voting/cycles"

# 等额, 过半数 of all deputies and more than 2/3 of those present, a quorum of more than 2/3.
EQUAL_DOUBLE = {
    "seats": 3,
    "list_kind": "equal",
    "min_surplus": 0,
    "ballot_form": "per_candidate",
    "thresholds": [
        {"numerator": 1, "denominator": 2, "comparison": "more_than", "base": "entitled"},
        {"numerator": 2, "denominator": 3, "comparison": "more_than", "base": "present"},
    ],
    "rank_only": False,
    "quorum": {"numerator": 2, "denominator": 3, "comparison": "more_than"},
    "shortfall": "accept_fewer",
}


@pytest.fixture
def staff(world: World) -> Client:
    """Town A's staff, with the deputies' term in place so that cycles can be created."""
    with tenant_context(world.town_a):
        make_term()
    return client_on(world.town_a, world.staff_a)


def test_a_cycle_is_created_with_its_whole_rule_set(staff: Client) -> None:
    created = staff.post(
        CYCLES,
        {"year": 2041, "title": "2041年", "rules": EQUAL_DOUBLE},
        content_type="application/json",
    )

    assert created.status_code == 201, created.json()
    assert created.json()["rules"] == EQUAL_DOUBLE
    assert created.json()["seats"] == 3
    assert staff.get(f"{CYCLES}/{created.json()['id']}").json()["rules"] == EQUAL_DOUBLE


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (
            {"quorum": {"numerator": 4, "denominator": 3, "comparison": "at_least"}},
            "quorum",
            "法定人数",
        ),
        ({"list_kind": "competitive", "min_surplus": 0}, "min_surplus", "差额"),
        ({"rank_only": True}, "rank_only", "排序"),
        ({"thresholds": []}, "thresholds", "通过比例"),
    ],
)
def test_a_cycle_whose_rule_set_cannot_be_used_gets_400_naming_the_field(
    staff: Client, change: dict, field: str, words: str
) -> None:
    refused = staff.post(
        CYCLES,
        {"year": 2042, "title": "2042年", "rules": {**EQUAL_DOUBLE, **change}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )

    assert refused.status_code == 400
    assert field in refused.json()["fields"]
    assert words in refused.json()["detail"]
    assert staff.get(CYCLES).json() == [] or all(
        c["year"] != 2042 for c in staff.get(CYCLES).json()
    )


def test_the_rule_set_is_refused_in_english_too(staff: Client) -> None:
    refused = staff.post(
        CYCLES,
        {"year": 2043, "title": "2043", "rules": {**EQUAL_DOUBLE, "thresholds": []}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert refused.status_code == 400
    assert refused.json()["code"] == "threshold_required"
    assert "threshold" in refused.json()["detail"]


def test_the_rules_can_be_changed_to_equal_and_ranked_before_the_vote(staff: Client) -> None:
    cycle = staff.post(
        CYCLES, {"year": 2044, "title": "2044年"}, content_type="application/json"
    ).json()

    changed = staff.post(
        f"{CYCLES}/{cycle['id']}/rules",
        {"list_kind": "equal", "ballot_form": "ranked", "thresholds": [], "rank_only": True},
        content_type="application/json",
    )
    paper = staff.post(
        f"{CYCLES}/{cycle['id']}/rules", {"channel": "paper"}, content_type="application/json"
    )

    assert changed.status_code == 200, changed.json()
    assert changed.json()["rules"]["list_kind"] == "equal"
    assert changed.json()["rules"]["ballot_form"] == "ranked"
    assert paper.status_code == 400 and paper.json()["code"] == "ranked_electronic_only"
    assert "ballot_form" in paper.json()["fields"]


def test_a_ranked_vote_adopts_by_priority_and_shows_each_share_over_the_valid_ballots(
    world: World,
) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(
            deputies=4,
            candidates=3,
            seats=1,
            present=4,
            year=2045,
            ballot_form="ranked",
            thresholds=[],
            rank_only=True,
        )
        phones: list[Client] = []
        for deputy in setup.deputies:
            user = User.objects.create(username=f"rank-{deputy.pk}")
            user.set_password(PASSWORD)
            user.save()
            Membership.objects.create(user=user, congress=world.town_a, roles=["deputy"])
            deputy.user = user
            deputy.save(update_fields=["user"])
            phones.append(client_on(world.town_a, user))
    a, b, c = (str(x.pk) for x in setup.candidates)
    chair = client_on(world.town_a, world.staff_a)
    round_ = chair.post(
        f"{CYCLES}/{setup.cycle.pk}/rounds", {}, content_type="application/json"
    ).json()
    url = f"/api/v1/voting/rounds/{round_['id']}"
    # One seat: a ranked ballot numbers one candidate. b is first on three of four.
    for phone, ranking in zip(phones, [[b], [b], [a], [b]], strict=True):
        cast = phone.post(f"{url}/ballots", {"choices": ranking}, content_type="application/json")
        assert cast.status_code == 201, cast.json()
    too_many = phones[0].post(
        f"{url}/ballots", {"choices": [a, c]}, content_type="application/json"
    )

    result = chair.post(f"{url}/close").json()["result"]

    assert too_many.status_code in (400, 409)
    assert result["adopted"] == [b]
    assert result["counts"][b]["points"] == 3 and result["counts"][a]["points"] == 1
    assert result["share_base"] == "valid"
    assert result["shares"] == {a: "25.00", b: "75.00", c: "0.00"}
