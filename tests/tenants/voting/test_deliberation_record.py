"""Commenting in the deliberation (审议发言) goes on the deputy's duty record: once per deputy and
cycle, whatever the number of comments, and only when the comment itself is written."""

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from crossing.models import Dispatch
from crossing.services import dispatch_deliver, dispatch_deliver_pending
from directory.models import DeputyListing
from ops.errors import DomainError
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.duty.selectors import entries_of, scheme_current, standing_of
from tenants.linkage.stations.services import residency_add
from tenants.voting.deliberation import Guest, comment_post
from tenants.voting.models import Comment
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World
from tests.tenants.stations.factories import make_deputy, make_station

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


def test_a_county_deputy_attending_gets_one_entry_at_home_with_the_township_named(
    world: World,
) -> None:
    with tenant_context(world.county):
        county_deputy = make_deputy("县代表蒋六", level="county", phone="13733334444")
    listing = DeputyListing.objects.get(congress=world.county, deputy_id=county_deputy.pk)
    with tenant_context(world.town_a):
        residency_add(station=make_station(), listing_id=listing.pk, actor=None)
    dispatch_deliver_pending()  # the county knows the township posted its deputy
    guest = Guest(world.county.pk, county_deputy.pk, "县代表蒋六", world.county.name)

    with tenant_context(world.town_a):
        cycle = make_shortlist(seats=2, candidates=3)
        cycle_advance(cycle=cycle, actor=None)
        one, two, _three = cycle.candidates.all()
        comment = comment_post(candidate=one, guest=guest, text="建议分期实施", actor=None)
        comment_post(candidate=two, guest=guest, text="预算偏紧", actor=None)
        assert (comment.deputy_id, comment.commenter_name, comment.guest_congress_name) == (
            None,
            "县代表蒋六",
            world.county.name,
        )
        assert Comment.objects.filter(guest_deputy_id=county_deputy.pk).count() == 2
        assert not DutyEntry.objects.exists()  # nothing in the township's own record

    sent = Dispatch.objects.get(kind="duty.entry", origin=world.town_a)  # one for two comments
    assert sent.target_id == world.county.pk
    assert sent.payload == {
        "deputy_id": county_deputy.pk,
        "kind": "deliberation",
        "source_ref": f"voting-cycle-{cycle.pk}",
        "occurred_on": timezone.localdate().isoformat(),
        "title": cycle.title,
    }
    assert "分期" not in str(sent.payload)  # the comment itself stays in the township
    dispatch_deliver_pending()
    Dispatch.objects.filter(pk=sent.pk).update(delivered_at=None)
    assert dispatch_deliver(sent.pk) is True  # redelivered: still one entry
    with tenant_context(world.county):
        entry = DutyEntry.objects.get(deputy=county_deputy)
        assert (entry.kind, entry.source_ref, entry.origin_congress_name) == (
            "deliberation",
            f"from:{world.town_a.pk}:voting-cycle-{cycle.pk}",
            world.town_a.name,
        )


def test_a_comment_names_exactly_one_author(world: World) -> None:
    with tenant_context(world.town_a):
        (deputy,) = make_deputies(1, prefix="审议丙")
        cycle = make_shortlist(seats=2, candidates=3)
        cycle_advance(cycle=cycle, actor=None)
        candidate = cycle.candidates.first()
        assert candidate is not None
        guest = Guest(world.county.pk, 1, "某代表", world.county.name)
        for authors in ({}, {"deputy": deputy, "guest": guest}):
            with pytest.raises(ValueError):
                comment_post(candidate=candidate, text="意见", actor=None, **authors)  # type: ignore[arg-type]
        assert not Comment.objects.exists()
