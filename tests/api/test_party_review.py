"""党委审定 by the party reviewer: they see the candidate list awaiting review, upload the
minutes and record the review themselves, which lets staff move the list on to deliberation;
they record nothing else, and others cannot use their page."""

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from tenants.voting.models import GovernanceStep
from tenants.voting.services import candidate_add, cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.security.roles import member
from tests.tenants.voting.factories import make_term

API = "/api/v1/voting"


def _review(client: Client, cycle_id: int, minutes_id: int, kind: str = "party_review") -> Any:
    return client.post(
        f"{API}/cycles/{cycle_id}/governance",
        {
            "kind": kind,
            "held_on": str(date(2027, 1, 5)),
            "summary": "同意将 2 个候选项目提请票决",
            "minutes_file_id": minutes_id,
        },
        content_type="application/json",
    )


def test_the_party_reviewer_records_the_review_that_opens_deliberation(world: World) -> None:
    with tenant_context(world.town_a):
        cycle = cycle_create(
            year=2027, title="2027年民生实事", term=make_term(), actor=None, seats=1
        )
        cycle = cycle_advance(cycle=cycle, actor=None)
        for name in ("农贸市场改造", "村道亮化"):
            candidate_add(cycle=cycle, name=name, actor=None)
        reviewer_user = member(world.town_a, "party_reviewer")
    reviewer = client_on(world.town_a, reviewer_user)
    staff = client_on(world.town_a, world.staff_a)

    # The reviewer's page lists the cycle, its candidates, no review yet, and may record one
    listed = reviewer.get(f"{API}/party-review").json()
    assert [(c["year"], c["can_record"]) for c in listed] == [(2027, True)]
    assert [c["name"] for c in listed[0]["candidates"]] == ["农贸市场改造", "村道亮化"]
    assert listed[0]["reviews"] == []
    # and staff cannot move on before the review
    assert staff.post(f"{API}/cycles/{cycle.pk}/advance").json()["code"] == "party_review_missing"

    # When the reviewer uploads the minutes and records the review
    minutes = reviewer.post("/api/v1/files", {"file": SimpleUploadedFile("审定纪要.pdf", PDF)})
    assert minutes.status_code == 201, minutes.content
    recorded = _review(reviewer, cycle.pk, minutes.json()["id"])

    # Then it is theirs in the record, and staff may take the list to deliberation
    assert recorded.status_code == 201, recorded.content
    with tenant_context(world.town_a):
        step = GovernanceStep.objects.get(cycle=cycle)
        assert (step.kind, step.recorded_by_id) == ("party_review", reviewer_user.pk)
        assert AuditEntry.objects.get(action="voting.party_review").actor_id == reviewer_user.pk
    assert reviewer.get(f"{API}/party-review").json()[0]["reviews"][0]["summary"].startswith("同意")
    assert reviewer.get(f"/api/v1/files/{minutes.json()['id']}/url").status_code == 200
    advanced = staff.post(f"{API}/cycles/{cycle.pk}/advance")
    assert advanced.status_code == 200 and advanced.json()["phase"] == "deliberate"


def test_the_party_reviewer_records_only_the_party_review(world: World) -> None:
    with tenant_context(world.town_a):
        cycle = cycle_create(
            year=2028, title="2028年民生实事", term=make_term(), actor=None, seats=1
        )
        cycle = cycle_advance(cycle=cycle, actor=None)
    reviewer = client_on(world.town_a, member(world.town_a, "party_reviewer"))
    minutes = reviewer.post("/api/v1/files", {"file": SimpleUploadedFile("纪要.pdf", PDF)}).json()

    consultation = _review(reviewer, cycle.pk, minutes["id"], kind="consultation")
    bad_kind = _review(reviewer, cycle.pk, minutes["id"], kind="verdict")
    no_minutes = _review(reviewer, cycle.pk, 999999)

    assert consultation.status_code == 403
    assert consultation.json()["code"] == "governance_kind_not_yours"
    assert bad_kind.status_code == 400 and "kind" in bad_kind.json()["fields"]
    assert no_minutes.status_code == 400 and "minutes_file_id" in no_minutes.json()["fields"]


def test_only_the_party_reviewer_has_the_review_page(world: World) -> None:
    for role in ("staff", "deputy", "system_admin", "audit_admin"):
        client = client_on(world.town_a, member(world.town_a, role))
        assert client.get(f"{API}/party-review").status_code == 403, role
    deputy = client_on(world.town_a, member(world.town_a, "deputy"))
    assert (
        deputy.post("/api/v1/files", {"file": SimpleUploadedFile("x.pdf", PDF)}).status_code == 403
    )
