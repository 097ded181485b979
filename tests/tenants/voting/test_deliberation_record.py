"""Commenting in the deliberation (审议发言) goes on the deputy's duty record: once per deputy and
cycle, whatever the number of comments, and only when the comment itself is written."""

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from ops.errors import DomainError
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.duty.selectors import entries_of, scheme_current, standing_of
from tenants.voting.deliberation import comment_post
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World

from .factories import make_deputies, make_shortlist


def test_commenting_records_one_deliberation_entry_per_deputy_and_cycle(world: World) -> None:
    with tenant_context(world.town_a):
        first, second, silent = make_deputies(3, prefix="审议甲")
        cycle = make_shortlist(seats=2, candidates=3)
        cycle_advance(cycle=cycle, actor=None)
        one, two, _three = cycle.candidates.all()

        comment_post(candidate=one, deputy=first, text="建议增加夜间照明", actor=None)
        comment_post(candidate=two, deputy=first, text="资金来源要写清楚", actor=None)
        comment_post(candidate=one, deputy=first, text="补充：路灯选型", actor=None)
        comment_post(candidate=two, deputy=second, text="同意", actor=None)

        entries = DutyEntry.objects.filter(kind="deliberation")
        assert sorted(entries.values_list("deputy_id", flat=True)) == sorted([first.pk, second.pk])
        entry = entries.get(deputy=first)
        assert (entry.source_ref, entry.title, entry.occurred_on) == (
            f"voting-cycle-{cycle.pk}",
            cycle.title,
            timezone.localdate(),
        )
        assert (entry.origin_congress_id, entry.origin_congress_name) == (None, "")
        assert not entries.filter(deputy=silent).exists()
        year = entry.occurred_on.year
        standing = standing_of(list(entries_of(first, year=year)), scheme_current(), year=year)
        assert standing.awarded[entry.pk] == 2  # the default points of 审议发言


def test_a_refused_comment_writes_no_entry(world: World) -> None:
    with tenant_context(world.town_a):
        (deputy,) = make_deputies(1, prefix="审议乙")
        cycle = make_shortlist(seats=2, candidates=3)
        candidate = cycle.candidates.first()
        assert candidate is not None

        with pytest.raises(DomainError):  # not yet in deliberation
            comment_post(candidate=candidate, deputy=deputy, text="太早了", actor=None)
        cycle_advance(cycle=cycle, actor=None)
        with pytest.raises(DomainError):  # an empty comment
            comment_post(candidate=candidate, deputy=deputy, text="  ", actor=None)

        assert not DutyEntry.objects.filter(deputy=deputy).exists()
