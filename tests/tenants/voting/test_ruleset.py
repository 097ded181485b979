"""The rule set's stored form (tenants/voting/ruleset.py): every rule set survives the trip to
JSON and back, and a document that is not a rule set is refused naming its field."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tenants.voting.rules import (
    BallotForm,
    Comparison,
    ListKind,
    RuleSet,
    Share,
    ShortfallRule,
    Threshold,
    ThresholdBase,
)
from tenants.voting.ruleset import (
    RuleSetInvalid,
    default_rules_json,
    rule_set_from_json,
    rule_set_to_json,
)

shares = st.builds(Share, st.integers(0, 9), st.integers(1, 9), st.sampled_from(Comparison))
rule_sets = st.builds(
    RuleSet,
    seats=st.integers(1, 50),
    list_kind=st.sampled_from(ListKind),
    min_surplus=st.integers(0, 5),
    ballot_form=st.sampled_from(BallotForm),
    thresholds=st.lists(
        st.builds(Threshold, shares, st.sampled_from(ThresholdBase)), max_size=2
    ).map(tuple),
    rank_only=st.booleans(),
    quorum=shares,
    shortfall=st.sampled_from(ShortfallRule),
)


@given(rule_sets)
def test_every_rule_set_survives_the_trip_to_json_and_back(rule_set: RuleSet) -> None:
    assert rule_set_from_json(rule_set_to_json(rule_set)) == rule_set


def test_the_stored_form_spells_out_each_rule() -> None:
    assert default_rules_json() == {
        "seats": 10,
        "list_kind": "competitive",
        "min_surplus": 1,
        "ballot_form": "per_candidate",
        "thresholds": [
            {"numerator": 1, "denominator": 2, "comparison": "more_than", "base": "entitled"}
        ],
        "rank_only": False,
        "quorum": {"numerator": 2, "denominator": 3, "comparison": "at_least"},
        "shortfall": "accept_fewer",
    }


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"seats": "10"}, "rule_not_an_integer", "seats"),
        ({"seats": True}, "rule_not_an_integer", "seats"),
        ({"min_surplus": None}, "rule_not_an_integer", "min_surplus"),
        ({"ballot_form": "show_of_hands"}, "rule_not_a_choice", "ballot_form"),
        ({"list_kind": 1}, "rule_not_a_choice", "list_kind"),
        ({"shortfall": None}, "rule_not_a_choice", "shortfall"),
        ({"thresholds": {"base": "entitled"}}, "rule_not_a_list", "thresholds"),
        ({"thresholds": ["half"]}, "rule_not_an_object", "thresholds.0"),
        (
            {
                "thresholds": [
                    {"numerator": 1, "denominator": 2, "comparison": "more_than", "base": "all"}
                ]
            },
            "rule_not_a_choice",
            "thresholds.0.base",
        ),
        (
            {"quorum": {"numerator": 2, "denominator": "3"}},
            "rule_not_an_integer",
            "quorum.denominator",
        ),
        ({"quorum": [2, 3]}, "rule_not_an_object", "quorum"),
        ({"rank_only": "no"}, "rule_not_a_boolean", "rank_only"),
    ],
)
def test_a_document_that_is_not_a_rule_set_is_refused_naming_the_field(
    change: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises(RuleSetInvalid) as refused:
        rule_set_from_json({**default_rules_json(), **change})

    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_document_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(RuleSetInvalid) as refused:
        rule_set_from_json([1, 2])

    assert refused.value.field == "rules"
