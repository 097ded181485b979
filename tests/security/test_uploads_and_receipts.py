"""Guidance read receipts are recorded by staff only (finding: any member recorded the
congress's receipt). Uploads are in test_files.py."""

from django_tenants.utils import tenant_context

from supervision.models import Guidance
from supervision.services import guidance_issue
from tests.conftest import World, client_on
from tests.security.roles import member


def test_only_staff_record_a_guidance_read_receipt(world: World) -> None:
    guidance: Guidance = guidance_issue(
        issuer=world.county,
        actor=world.county_admin,
        kind="notice",
        title="关于做好代表联络站工作的通知",
        body="请各乡镇落实。",
        reference="",
        targets=[world.town_a],
        attachment_ids=[],
    )
    with tenant_context(world.town_a):
        deputy = member(world.town_a, "deputy")
    url = f"/api/v1/supervision/guidance/{guidance.pk}/read"

    by_deputy = client_on(world.town_a, deputy).post(url)
    by_staff = client_on(world.town_a, world.staff_a).post(url)

    assert by_deputy.status_code == 403
    assert by_staff.status_code == 200
