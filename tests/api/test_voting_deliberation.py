"""审议 over HTTP: staff attach materials, deputies comment by group, the unit answers; each
outside its phase or role is refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from tenants.voting.solicitation import cycle_advance
from tests.conftest import PASSWORD, World, client_on, post_json
from tests.factories import PDF
from tests.tenants.voting.factories import make_deputies, make_shortlist


def test_materials_comments_and_answers_during_deliberation(world: World) -> None:
    with tenant_context(world.town_a):
        deputy = make_deputies(3, users=True, prefix="审议")[0]
        deputy.delegation = "第二代表小组"
        deputy.save(update_fields=["delegation"])
        cycle = make_shortlist(seats=2, candidates=3)
        candidate = cycle.candidates.first()
    assert deputy.user is not None and candidate is not None
    deputy.user.set_password(PASSWORD)
    deputy.user.save()
    Membership.objects.create(user=deputy.user, congress=world.town_a, roles=["deputy"])
    unit = User.objects.create(username="unit-delib")
    unit.set_password(PASSWORD)
    unit.save()
    Membership.objects.create(user=unit, congress=world.town_a, roles=["unit"])
    staff, phone, desk = (client_on(world.town_a, u) for u in (world.staff_a, deputy.user, unit))
    base = f"/api/v1/voting/candidates/{candidate.pk}"

    file_id = staff.post("/api/v1/files", {"file": SimpleUploadedFile("项目说明.pdf", PDF)}).json()[
        "id"
    ]
    attached = post_json(
        staff, f"{base}/materials", {"title": "项目可行性说明", "file_id": file_id}
    )
    early = post_json(phone, f"{base}/comments", {"text": "建议增加夜间照明"})
    with tenant_context(world.town_a):
        cycle_advance(cycle=cycle, actor=None)
    comment = post_json(phone, f"{base}/comments", {"text": "建议增加夜间照明"})
    by_staff = post_json(staff, f"{base}/comments", {"text": "工作人员不能提审议意见"})
    empty = post_json(
        desk, f"/api/v1/voting/comments/{comment.json()['id']}/answer", {"answer": " "}
    )
    answered = post_json(
        desk, f"/api/v1/voting/comments/{comment.json()['id']}/answer", {"answer": "已纳入实施方案"}
    )

    assert attached.status_code == 201
    assert phone.get(f"{base}/materials").json()[0]["file_name"] == "项目说明.pdf"
    assert early.status_code == 400 and early.json()["code"] == "wrong_phase"
    assert comment.status_code == 201 and comment.json()["group"] == "第二代表小组"
    assert by_staff.status_code == 403
    assert empty.status_code == 400
    assert answered.json()["answer"] == "已纳入实施方案"
    assert phone.get(f"{base}/comments").json()[0]["answer"] == "已纳入实施方案"


def test_the_unit_finds_the_candidates_it_answers_for(world: World) -> None:
    with tenant_context(world.town_a):
        make_deputies(3)
        cycle = make_shortlist(seats=2, candidates=3)
    unit = User.objects.create(username="unit-reader")
    unit.set_password(PASSWORD)
    unit.save()
    Membership.objects.create(user=unit, congress=world.town_a, roles=["unit"])
    desk = client_on(world.town_a, unit)

    candidates = desk.get(f"/api/v1/voting/cycles/{cycle.pk}/candidates")

    assert candidates.status_code == 200 and len(candidates.json()) == 3
    assert all(c["proposal"] is None for c in candidates.json())  # the government's own
    assert (
        post_json(
            desk, f"/api/v1/voting/cycles/{cycle.pk}/candidates", {"name": "不行"}
        ).status_code
        == 403
    )
