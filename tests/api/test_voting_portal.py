"""The public portal (no login) and the staff's proposal desk, end to end over HTTP: a citizen
submits and follows a proposal; staff shortlist it with the party review recorded; the vote's
outcome reaches the citizen's tracking page."""

from datetime import date

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from tenants.voting.models import Proposal
from tenants.voting.rules import rate_percent
from tenants.voting.services import cycle_create
from tenants.voting.solicitation import proposal_to_reserve
from tests.api.conftest import call_opened, proposal_body
from tests.conftest import World, client_on
from tests.factories import PDF, make_term, sheet_rows
from tests.tenants.voting.factories import make_proposal, make_vote, vote_and_close


def test_a_citizen_submits_without_login_and_follows_the_proposal_to_the_vote(world: World) -> None:
    staff, cycle_id = call_opened(world)
    public = client_on(world.town_a)
    cache.clear()

    assert public.get("/api/v1/public/voting/call").json()["title"].startswith("关于征集")
    code = public.post(
        "/api/v1/public/voting/proposals", proposal_body(), content_type="application/json"
    ).json()["tracking_code"]
    tracked = public.get(f"/api/v1/public/voting/proposals/{code}").json()
    assert tracked["status"] == "received" and tracked["status_label"] == "已受理"

    # Staff: shortlist it, add a second candidate, record the party review, go to deliberation.
    assert staff.post(f"/api/v1/voting/cycles/{cycle_id}/advance").status_code == 200
    proposal_id = staff.get(f"/api/v1/voting/cycles/{cycle_id}/proposals").json()[0]["id"]
    assert (
        staff.post(
            f"/api/v1/voting/proposals/{proposal_id}/screen",
            {"accept": True},
            content_type="application/json",
        ).status_code
        == 200
    )
    assert staff.post(f"/api/v1/voting/proposals/{proposal_id}/candidate").status_code == 201
    staff.post(
        f"/api/v1/voting/cycles/{cycle_id}/candidates",
        {"name": "政府提出的项目"},
        content_type="application/json",
    )
    minutes = staff.post(
        "/api/v1/files", {"file": SimpleUploadedFile("党委审定纪要.pdf", PDF)}
    ).json()
    review = staff.post(
        f"/api/v1/voting/cycles/{cycle_id}/governance",
        {
            "kind": "party_review",
            "held_on": str(date(2026, 12, 20)),
            "summary": "同意提请票决",
            "minutes_file_id": minutes["id"],
        },
        content_type="application/json",
    )
    assert review.status_code == 201
    assert staff.post(f"/api/v1/voting/cycles/{cycle_id}/advance").json()["phase"] == "deliberate"

    tracked = public.get(f"/api/v1/public/voting/proposals/{code}").json()
    assert tracked["status"] == "candidate"


def test_a_proposal_not_taken_up_shows_its_reason_to_the_citizen(world: World) -> None:
    staff, cycle_id = call_opened(world)
    public = client_on(world.town_a)
    cache.clear()
    code = public.post(
        "/api/v1/public/voting/proposals",
        proposal_body("新建办公楼"),
        content_type="application/json",
    ).json()["tracking_code"]
    staff.post(f"/api/v1/voting/cycles/{cycle_id}/advance")
    proposal_id = staff.get(f"/api/v1/voting/cycles/{cycle_id}/proposals").json()[0]["id"]

    missing_reason = staff.post(
        f"/api/v1/voting/proposals/{proposal_id}/screen",
        {"accept": False},
        content_type="application/json",
    )
    refused = staff.post(
        f"/api/v1/voting/proposals/{proposal_id}/screen",
        {
            "accept": False,
            "reason": "办公楼建设不属于民生实事项目",
            "exclusion": "not_public_benefit",
        },
        content_type="application/json",
    )

    assert (
        missing_reason.status_code == 400
        and missing_reason.json()["code"] == "screening_reason_required"
    )
    assert refused.status_code == 200
    tracked = public.get(f"/api/v1/public/voting/proposals/{code}").json()
    assert tracked["status"] == "rejected" and "不属于民生实事" in tracked["detail"]


def test_bad_public_input_gets_400_and_stores_nothing(world: World) -> None:
    call_opened(world)
    public = client_on(world.town_a)
    cache.clear()

    for broken in (
        {**proposal_body(), "title": ""},
        {**proposal_body(), "submitter_phone": "12345"},
        {"title": "只有标题"},
    ):
        response = public.post(
            "/api/v1/public/voting/proposals", broken, content_type="application/json"
        )
        assert response.status_code == 400 and response.json()["detail"]
    with tenant_context(world.town_a):
        assert not Proposal.objects.exists()
    assert public.get("/api/v1/public/voting/proposals/NOSUCHCD").status_code == 404


def test_public_submissions_are_rate_limited_per_address(world: World) -> None:
    call_opened(world)
    public = client_on(world.town_a)
    cache.clear()

    answers = [
        public.post(
            "/api/v1/public/voting/proposals",
            proposal_body(f"建议{i}"),
            content_type="application/json",
        ).status_code
        for i in range(6)
    ]

    assert answers == [201] * 5 + [429]
    with tenant_context(world.town_a):
        assert Proposal.objects.count() == 5


def test_the_public_gets_nothing_when_no_call_is_open(world: World) -> None:
    public = client_on(world.town_b)
    cache.clear()

    assert public.get("/api/v1/public/voting/call").status_code == 404
    refused = public.post(
        "/api/v1/public/voting/proposals", proposal_body(), content_type="application/json"
    )
    assert refused.status_code == 400 and refused.json()["code"] == "call_not_open"


def test_the_proposal_desk_is_for_staff(world: World) -> None:
    _staff, cycle_id = call_opened(world)
    deputy_view = client_on(world.town_a, world.deputy_both).get(
        f"/api/v1/voting/cycles/{cycle_id}/proposals"
    )
    anonymous = client_on(world.town_a).get(f"/api/v1/voting/cycles/{cycle_id}/proposals")

    assert deputy_view.status_code == 403 and anonymous.status_code == 401


def test_the_announcement_is_public_only_once_staff_publish_it(world: World) -> None:
    public = client_on(world.town_a)
    staff = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        vote = make_vote(deputies=5, candidates=3, seats=1, year=2033)
        review = f"/api/v1/voting/cycles/{vote.cycle.pk}/announcement"
        assert public.get("/api/v1/public/voting/announcements/2033").status_code == 404
        early = staff.post(f"{review}/publish")
        assert early.status_code == 409
        assert early.json()["code"] == "announcement_not_ready"
        vote_and_close(vote.round, vote.deputies, vote.candidates[1])

    # Closing the vote decides the result but publishes nothing
    assert public.get("/api/v1/public/voting/announcements/2033").status_code == 404
    assert 2033 not in public.get("/api/v1/public/home").json()["decided_years"]
    # staff preview it
    preview = staff.get(review).json()
    assert preview["ready"] is True and preview["published_at"] is None
    assert [a["name"] for a in preview["notice"]["adopted"]] == ["候选项目2"]
    # a deputy or an anonymous caller may not publish it
    assert public.post(f"{review}/publish").status_code == 401
    with tenant_context(world.town_a):
        assert AuditEntry.objects.filter(action="voting.announcement_publish").count() == 0

    # When staff publish it
    published = staff.post(f"{review}/publish")

    # Then the portal shows it, once, and the act is in the log
    assert published.status_code == 200, published.content
    assert published.json()["published_at"] is not None
    announcement = public.get("/api/v1/public/voting/announcements/2033").json()
    assert announcement["congress"] == "甲镇人大主席团"
    assert [(a["rank"], a["name"], a["yes"]) for a in announcement["adopted"]] == [
        (1, "候选项目2", 5)
    ]
    assert announcement["rounds"][0]["entitled"] == 5
    assert 2033 in public.get("/api/v1/public/home").json()["decided_years"]
    assert staff.post(f"{review}/publish").json()["code"] == "announcement_published"
    with tenant_context(world.town_a):
        entry = AuditEntry.objects.get(action="voting.announcement_publish")
    assert entry.actor_id == world.staff_a.pk
    # Its 票决率, named with its base: 5 of the 5 deputies (rules.rate_percent, half-up).
    assert announcement["adopted"][0]["share"] == str(rate_percent(5, 5)) == "100.00"
    assert announcement["share_base"] == "entitled"


def test_staff_see_whether_the_call_is_out_and_bring_in_the_reserve(world: World) -> None:
    staff, cycle_id = call_opened(world)
    with tenant_context(world.town_a):
        old = cycle_create(year=2026, title="2026年民生实事", term=make_term(), actor=None)
        kept = make_proposal(
            old,
            "东村文化广场扩建",
            source="village",
            category="科技文化",
            description="广场面积不足。",
            submitter_name="东村村委会",
        )
        proposal_to_reserve(proposal=kept, actor=None)

    carried = staff.post(f"/api/v1/voting/cycles/{cycle_id}/reserve-carry")

    assert staff.get(f"/api/v1/voting/cycles/{cycle_id}").json()["has_call"] is True
    assert carried.status_code == 200 and carried.json() == {"carried": 1}
    titles = [p["title"] for p in staff.get(f"/api/v1/voting/cycles/{cycle_id}/proposals").json()]
    assert "东村文化广场扩建" in titles


def test_staff_browse_the_reserve_with_each_proposal_s_year_of_origin(world: World) -> None:
    staff, cycle_id = call_opened(world)
    with tenant_context(world.town_a):
        old = cycle_create(year=2026, title="2026年民生实事", term=make_term(), actor=None)
        for title, category in (("东村文化广场扩建", "科技文化"), ("西村自来水管网", "公共设施")):
            kept = make_proposal(
                old,
                title,
                source="village",
                category=category,
                description="…",
                submitter_name="村委会",
            )
            proposal_to_reserve(proposal=kept, actor=None)

    every = staff.get("/api/v1/voting/reserve")
    found = staff.get("/api/v1/voting/reserve", {"q": "水管"})
    of_year = staff.get("/api/v1/voting/reserve", {"origin_year": 2025})
    staff.post(f"/api/v1/voting/cycles/{cycle_id}/reserve-carry")
    after = staff.get("/api/v1/voting/reserve")
    moved = staff.get(f"/api/v1/voting/cycles/{cycle_id}/proposals").json()

    assert every.status_code == 200
    assert {
        (p["title"], p["origin_year"], p["year"], p["times_candidate"]) for p in every.json()
    } == {
        ("东村文化广场扩建", 2026, 2026, 0),
        ("西村自来水管网", 2026, 2026, 0),
    }
    assert [p["title"] for p in found.json()] == ["西村自来水管网"]
    assert of_year.json() == []
    assert after.json() == []
    assert {(p["title"], p["origin_year"]) for p in moved} == {
        ("东村文化广场扩建", 2026),
        ("西村自来水管网", 2026),
    }


def test_the_reserve_refuses_a_bad_year_and_anyone_but_staff(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    bad = staff.get("/api/v1/voting/reserve", {"origin_year": "二〇二六"})
    deputy = client_on(world.town_a, world.deputy_both).get("/api/v1/voting/reserve")
    anonymous = client_on(world.town_a).get("/api/v1/voting/reserve")

    assert bad.status_code == 400 and "origin_year" in bad.json()["fields"]
    assert deputy.status_code == 403
    assert anonymous.status_code in (401, 403)


def test_staff_export_the_proposals_with_phones_masked(world: World) -> None:
    staff, cycle_id = call_opened(world)
    public = client_on(world.town_a)
    cache.clear()
    public.post(
        "/api/v1/public/voting/proposals",
        proposal_body("村口安装路灯"),
        content_type="application/json",
    )

    response = staff.get(f"/api/v1/voting/cycles/{cycle_id}/proposals.xlsx")

    rows = sheet_rows(response.content)
    assert rows[0][2] == "建议名称" and rows[1][2] == "村口安装路灯"
    assert rows[1][7] == "139****5678" and "13912345678" not in str(rows)
    assert (
        client_on(world.town_a, world.deputy_both)
        .get(f"/api/v1/voting/cycles/{cycle_id}/proposals.xlsx")
        .status_code
        == 403
    )
