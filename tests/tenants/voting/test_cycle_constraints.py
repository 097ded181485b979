"""The cycle's rule set, stored whole: the database refuses the plainest impossible rule sets
whatever writes them, and the service refuses every rule set RuleSet.problems() refuses, naming
the field, before anything is stored."""

from typing import Any

import pytest
from django.db import IntegrityError, transaction

from ops.errors import DomainError
from tenants.voting.models import Cycle
from tenants.voting.rules import Comparison, ListKind, RuleSet, Share
from tenants.voting.ruleset import rule_set_to_json
from tenants.voting.selectors import cycle_rule_set
from tenants.voting.services import cycle_create, cycle_set_rules
from tests.factories import make_term

from .factories import make_shortlist


@pytest.mark.parametrize(
    "values",
    [{"seats": 0}, {"quorum": {"numerator": 0, "denominator": 3, "comparison": "at_least"}}],
)
def test_a_cycle_cannot_store_a_rule_set_the_rules_refuse(town: object, values: dict) -> None:
    cycle = make_shortlist(year=2031)

    with pytest.raises(IntegrityError), transaction.atomic():
        Cycle.objects.filter(pk=cycle.pk).update(rules={**cycle.rules, **values})


QUORUM_OF_NOBODY = {"numerator": 0, "denominator": 3, "comparison": "at_least"}


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"quorum": QUORUM_OF_NOBODY}, "quorum_invalid", "quorum"),
        ({"min_surplus": 0}, "surplus_required", "min_surplus"),
        ({"seats": 0}, "seats_too_few", "seats"),
        ({"rank_only": True}, "rank_only_with_threshold", "rank_only"),
        ({"thresholds": []}, "threshold_required", "thresholds"),
        ({"seats": "ten"}, "rule_not_an_integer", "seats"),
        ({"list_kind": "both"}, "rule_not_a_choice", "list_kind"),
        (
            {"thresholds": [{"numerator": 1, "denominator": 2, "comparison": "over"}]},
            "rule_not_a_choice",
            "thresholds.0.comparison",
        ),
        ({"ballot_form": "ranked", "channel": "paper"}, "ranked_electronic_only", "ballot_form"),
    ],
)
def test_a_rule_set_that_cannot_be_used_is_refused_naming_its_field(
    town: object, change: dict[str, Any], code: str, field: str
) -> None:
    cycle = make_shortlist(year=2032)
    before = Cycle.objects.get(pk=cycle.pk).rules

    with pytest.raises(DomainError) as refused:
        cycle_set_rules(cycle=Cycle.objects.get(pk=cycle.pk), actor=None, **change)

    assert (refused.value.code, refused.value.field) == (code, field)
    assert refused.value.message
    assert Cycle.objects.get(pk=cycle.pk).rules == before


def test_a_quorum_of_more_than_two_thirds_is_stored_as_it_is_worded(town: object) -> None:
    cycle = make_shortlist(year=2033)

    cycle_set_rules(
        cycle=Cycle.objects.get(pk=cycle.pk),
        actor=None,
        quorum={"numerator": 2, "denominator": 3, "comparison": "more_than"},
    )

    stored = cycle_rule_set(Cycle.objects.get(pk=cycle.pk))
    assert stored.quorum == Share(2, 3, Comparison.MORE_THAN)


def test_a_cycle_is_created_with_its_whole_rule_set(town: object) -> None:
    equal = RuleSet(seats=3, list_kind=ListKind.EQUAL, min_surplus=0)

    cycle = cycle_create(year=2034, title="等额", term=make_term(), actor=None, rule_set=equal)

    assert Cycle.objects.get(pk=cycle.pk).rules == rule_set_to_json(equal)
    assert cycle_rule_set(cycle) == equal


def test_a_cycle_with_a_rule_set_that_cannot_be_used_is_not_created(town: object) -> None:
    with pytest.raises(DomainError) as refused:
        cycle_create(
            year=2035,
            title="无法定人数",
            term=make_term(),
            actor=None,
            rule_set=RuleSet(seats=3, quorum=Share(4, 3)),
        )

    assert (refused.value.code, refused.value.field) == ("quorum_invalid", "quorum")
    assert not Cycle.objects.filter(year=2035).exists()
