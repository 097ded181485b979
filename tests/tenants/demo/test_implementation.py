"""The demo's implementation seed (tenants/demo/implementation.py): its shared progress report."""

from decimal import Decimal

from django_tenants.utils import tenant_context

from tenants.demo.implementation import progress_reported
from tenants.implementation.models import Project
from tests.conftest import World
from tests.tenants.implementation.factories import make_underway


def test_a_progress_report_is_the_reporters_with_its_figures_and_no_photos(world: World) -> None:
    with tenant_context(world.town_a):
        underway = make_underway(world.town_a)
        project = underway.projects[0]

        progress_reported(project, underway.reporter, (45, "排水沟开挖过半。", "62.4"))

        report = project.reports.get()
        assert (report.percent, report.text, report.photo_ids) == (45, "排水沟开挖过半。", [])
        assert report.reported_by_id == underway.reporter.pk
        assert Project.objects.get(pk=project.pk).funds_spent == Decimal("62.4")
