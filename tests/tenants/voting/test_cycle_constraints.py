"""The database holds a cycle's rule set to what RuleSet.problems() accepts, whatever writes it."""

from collections.abc import Iterator

import pytest
from django.db import IntegrityError, transaction
from django_tenants.utils import tenant_context

from congresses.models import Congress
from ops.errors import DomainError
from tenants.voting.models import Cycle
from tenants.voting.services import cycle_set_rules
from tests.conftest import World

from .factories import make_shortlist


@pytest.fixture
def town(world: World) -> Iterator[Congress]:
    with tenant_context(world.town_a):
        yield world.town_a


@pytest.mark.parametrize(
    "values",
    [
        {"quorum_numerator": 0},
        {"quorum_numerator": 4, "quorum_denominator": 3},
        {"seats": 0},
        {"min_surplus": 0},
    ],
)
def test_a_cycle_cannot_store_a_rule_set_the_rules_refuse(town: object, values: dict) -> None:
    cycle = make_shortlist(year=2031)

    with pytest.raises(IntegrityError), transaction.atomic():
        Cycle.objects.filter(pk=cycle.pk).update(**values)


def test_setting_a_quorum_of_nobody_is_refused_with_its_reason(town: object) -> None:
    cycle = make_shortlist(year=2032)

    with pytest.raises(DomainError) as refused:
        cycle_set_rules(cycle=Cycle.objects.get(pk=cycle.pk), actor=None, quorum_numerator=0)

    assert refused.value.code == "quorum_invalid"
    cycle.refresh_from_db()
    assert cycle.quorum_numerator == 2


def test_a_quorum_of_every_deputy_is_a_rule_set_that_stands(town: object) -> None:
    cycle = make_shortlist(year=2033)

    cycle_set_rules(
        cycle=Cycle.objects.get(pk=cycle.pk), actor=None, quorum_numerator=3, quorum_denominator=3
    )

    cycle.refresh_from_db()
    assert (cycle.quorum_numerator, cycle.quorum_denominator) == (3, 3)
