"""Signing in at the session that votes on the projects goes on the deputy's duty record."""

from django_tenants.utils import tenant_context

from tenants.linkage.duty.models import DutyEntry
from tenants.voting.services import attendance_sign_in
from tests.conftest import World

from .factories import make_setup


def test_signing_in_records_the_session_once_for_the_deputies_present(world: World) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(deputies=3, present=2)
        present, absent = setup.deputies[:2], setup.deputies[2]

        attendance_sign_in(cycle=setup.cycle, deputy=present[0], actor=None)  # again: no second

        entries = DutyEntry.objects.filter(source_ref=f"voting-cycle-{setup.cycle.pk}")
        assert sorted(entries.values_list("deputy_id", flat=True)) == sorted(d.pk for d in present)
        assert set(entries.values_list("kind", flat=True)) == {"session"}
        assert not entries.filter(deputy=absent).exists()
        assert entries.first().title == setup.cycle.title  # type: ignore[union-attr]
