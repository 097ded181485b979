"""The kept totals (RollupTotal): what the drains leave is what a rebuild from the rows gives, and
what docs/indicators.md's sums over every tenant give."""

from typing import Any

from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from rollups import rules
from rollups.models import RollupTotal
from rollups.selectors import dashboard_rows, dashboard_summary
from rollups.services import rollup_drain, rollup_totals_rebuild_everywhere
from tests.conftest import World
from tests.tenants.voting.factories import make_vote, vote_and_close

YEAR = timezone.localdate().year


def _kept() -> dict[tuple[int, int, str], Any]:
    return {
        (row.congress_id, row.year, row.scope): (row.tally, row.updated_at)
        for row in RollupTotal.objects.order_by("pk")
    }


def _vote_in(congress: Congress, seats: int) -> None:
    with tenant_context(congress):
        vote = make_vote(deputies=5, candidates=seats + 1, seats=seats, year=YEAR)
        vote_and_close(vote.round, vote.deputies, *vote.candidates[:seats])
        rollup_drain()


def test_the_drains_leave_the_totals_a_rebuild_computes(world: World) -> None:
    _vote_in(world.town_a, 2)
    _vote_in(world.county, 1)
    _vote_in(world.town_b, 1)
    incremental = _kept()

    rollup_totals_rebuild_everywhere()

    assert _kept() == incremental
    for scope in (world.county.pk, world.city.pk):
        assert (scope, YEAR, RollupTotal.Scope.BELOW) in incremental


def test_the_kept_totals_are_the_sums_over_every_tenant(world: World) -> None:
    _vote_in(world.town_a, 2)
    _vote_in(world.town_b, 1)

    for viewer, county in ((world.city, None), (world.city, world.county), (world.county, None)):
        rows = dashboard_rows(viewer=viewer, year=YEAR, county=county)
        summary = dashboard_summary(viewer=viewer, year=YEAR, county=county)
        assert summary.totals == rules.total(row.figures for row in rows)
        assert summary.phases == rules.phase_counts(row.figures for row in rows)
        assert summary.updated_at == max(r.updated_at for r in rows if r.updated_at)
