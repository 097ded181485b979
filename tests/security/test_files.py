"""Files: a download URL only for someone who may read the object the file is attached to
(finding: any member got a working URL for any file id, party-review minutes included), and
uploads only for the roles with something to attach."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context

from filestore.services import file_store
from tenants.voting.deliberation import material_attach
from tenants.voting.models import GovernanceStep
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.security.roles import member
from tests.tenants.voting.factories import make_shortlist

OTHERS = ["deputy", "unit", "teller", "system_admin", "security_admin", "audit_admin"]


def test_party_review_minutes_are_reachable_by_staff_only(world: World) -> None:
    with tenant_context(world.town_a):
        cycle = make_shortlist()
        minutes_id = GovernanceStep.objects.get(cycle=cycle).minutes_id
        others = [member(world.town_a, role) for role in OTHERS]
    url = f"/api/v1/files/{minutes_id}/url"

    refused = [client_on(world.town_a, user).get(url).status_code for user in others]

    assert refused == [404] * len(OTHERS)
    assert client_on(world.town_a, world.staff_a).get(url).status_code == 200


def test_a_candidates_material_is_reachable_by_its_readers_and_not_by_a_teller(
    world: World,
) -> None:
    with tenant_context(world.town_a):
        cycle = make_shortlist(candidates=1)
        stored = file_store(uploaded_by=None, name="材料.pdf", data=PDF)
        material_attach(candidate=cycle.candidates.get(), title="可研报告", file=stored, actor=None)
        deputy, teller = member(world.town_a, "deputy"), member(world.town_a, "teller")
    url = f"/api/v1/files/{stored.pk}/url"

    assert client_on(world.town_a, deputy).get(url).status_code == 200
    assert client_on(world.town_a, teller).get(url).status_code == 404


def test_a_file_not_attached_yet_is_reachable_by_its_uploader_only(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    uploaded = staff.post(
        "/api/v1/files", {"file": SimpleUploadedFile("a.pdf", PDF, "application/pdf")}
    ).json()
    with tenant_context(world.town_a):
        colleague = member(world.town_a, "staff")

    assert staff.get(f"/api/v1/files/{uploaded['id']}/url").status_code == 200
    assert (
        client_on(world.town_a, colleague).get(f"/api/v1/files/{uploaded['id']}/url").status_code
        == 404
    )


@pytest.mark.parametrize(
    "role", ["deputy", "teller", "system_admin", "security_admin", "audit_admin"]
)
def test_uploads_are_for_staff_and_units_only(world: World, role: str) -> None:
    with tenant_context(world.town_a):
        user = member(world.town_a, role)

    response = client_on(world.town_a, user).post(
        "/api/v1/files", {"file": SimpleUploadedFile("a.pdf", PDF, "application/pdf")}
    )

    assert response.status_code == 403
