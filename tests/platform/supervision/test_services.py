"""Guidance and benchmark-round services: the tree, the states, the exclusions and the quota."""

import datetime as dt
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context, tenant_context

from accounts.models import User
from audit.models import AuditEntry
from congresses.models import Congress
from ops.errors import Conflict, DomainError, NotAllowed
from ops.tenancy import current_schema
from rollups.models import Rollup
from supervision import services
from supervision.figures import Figures
from supervision.models import BenchmarkRound, Guidance, GuidanceReceipt, Nomination, State
from supervision.selectors import guidance_receipt_status, nominations_visible_to, round_result
from tests.conftest import World

from .builders import TODAY, make_round, nominate, open_round, score_all, staff_of


def _public_audit_actions() -> list[str]:
    with schema_context("public"):
        return list(AuditEntry.objects.values_list("action", flat=True))


def _issue(
    issuer: Congress, actor: User, targets: list[Congress], kind: str = "notice", **text: str
) -> Guidance:
    return services.guidance_issue(
        issuer=issuer,
        actor=actor,
        kind=kind,
        title=text.get("title", "通知"),
        body=text.get("body", "正文"),
        targets=targets,
    )


def test_guidance_reaches_its_targets_and_records_each_readers_first_read(world: World) -> None:
    city_staff = staff_of(world, world.city, "city-staff")
    guidance = _issue(
        world.city,
        city_staff,
        [world.town_a, world.town_b],
        title="关于开展代表联络站星级评定的通知",
        body="请各乡镇于6月底前完成自评。",
    )
    first = dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC)
    services.guidance_read(
        guidance=guidance, congress=world.town_a, reader=world.staff_a, now=first
    )
    services.guidance_read(
        guidance=guidance,
        congress=world.town_a,
        reader=world.staff_a,
        now=first + dt.timedelta(days=1),
    )

    status = {row.congress_id: row for row in guidance_receipt_status(guidance)}
    assert status[world.town_a.pk].first_read_at == first
    assert [r.name for r in status[world.town_a.pk].readers] == ["staff-a"]
    assert status[world.town_b.pk].readers == []
    assert GuidanceReceipt.objects.filter(guidance=guidance).count() == 1
    assert _public_audit_actions().count("supervision.guidance_read") == 1


def test_guidance_audit_goes_to_the_public_chain_even_from_a_tenant_host(world: World) -> None:
    city_staff = staff_of(world, world.city, "city-staff")
    with tenant_context(world.city):
        before = AuditEntry.objects.count()  # the city's own chain
        _issue(world.city, city_staff, [world.county], "guidance", title="指导意见")
        assert AuditEntry.objects.count() == before
        assert current_schema() == world.city.schema_name
    assert "supervision.guidance_issue" in _public_audit_actions()


def test_guidance_goes_only_below_the_issuer(world: World) -> None:
    with pytest.raises(NotAllowed) as refused:
        _issue(world.county, world.county_admin, [world.town_a, world.city])
    assert refused.value.code == "target_outside_tree"
    with pytest.raises(NotAllowed):
        _issue(world.town_a, world.staff_a, [world.town_b])


def test_a_congress_not_addressed_cannot_record_a_read(world: World) -> None:
    guidance = _issue(world.county, world.county_admin, [world.town_a])
    with pytest.raises(NotAllowed):
        services.guidance_read(guidance=guidance, congress=world.town_b, reader=world.staff_b)
    assert not GuidanceReceipt.objects.filter(guidance=guidance).exists()


def test_weights_must_sum_to_100(world: World) -> None:
    city_staff = staff_of(world, world.city, "city-staff")
    with pytest.raises(DomainError) as refused:
        make_round(
            world,
            city_staff,
            criteria=[services.CriterionSpec("履职", 60), services.CriterionSpec("联系", 30)],
        )
    assert refused.value.code == "weights_not_100"
    assert not BenchmarkRound.objects.exists()


def test_outstanding_deputies_exclude_leaders_and_standing_committee_members_by_default(
    world: World,
) -> None:
    round_, _ = open_round(world, per_nominator_quota=3)
    assert {"leader", "standing_committee"} <= set(round_.exclusions)

    for code in ("leader", "standing_committee"):
        with pytest.raises(DomainError) as refused:
            answers = dict.fromkeys(round_.exclusions, False) | {code: True}
            nominate(round_, world.town_a, world.staff_a, "某领导", answers=answers)
        assert refused.value.code == "nominee_excluded"
        assert refused.value.extra == {"exclusion": code}
    with pytest.raises(DomainError) as unanswered:
        nominate(round_, world.town_a, world.staff_a, "张三", answers={})
    assert unanswered.value.code == "declaration_missing"
    assert not Nomination.objects.filter(round=round_).exists()


def test_a_round_without_an_exclusion_accepts_that_nominee(world: World) -> None:
    round_, _ = open_round(world, exclusions=["standing_committee"])
    nomination = nominate(round_, world.town_a, world.staff_a, "某领导", leader=True)
    assert nomination.declarations == {"standing_committee": False}


def test_each_nominator_has_its_quota_and_the_window_is_kept(world: World) -> None:
    round_, _ = open_round(world)
    first = nominate(round_, world.town_a, world.staff_a, "张三")
    with pytest.raises(Conflict) as refused:
        nominate(round_, world.town_a, world.staff_a, "李四")
    assert refused.value.code == "nominator_quota_reached"
    services.nomination_withdraw(nomination=first, congress=world.town_a, actor=world.staff_a)
    nominate(round_, world.town_a, world.staff_a, "李四")
    with pytest.raises(DomainError) as late:
        nominate(round_, world.town_b, world.staff_b, "王五", today=TODAY + dt.timedelta(days=6))
    assert late.value.code == "outside_window"


def test_only_congresses_below_the_issuer_nominate_and_only_the_nominator_withdraws(
    world: World,
) -> None:
    round_ = make_round(world, world.county_admin, issuer=world.county)
    services.round_open(round_=round_, actor=world.county_admin)
    with pytest.raises(NotAllowed):
        nominate(round_, world.city, world.county_admin, "越级推荐")
    with pytest.raises(NotAllowed):
        nominate(round_, world.county, world.county_admin, "自己推荐")
    nomination = nominate(round_, world.town_a, world.staff_a, "张三")
    with pytest.raises(NotAllowed):
        services.nomination_withdraw(
            nomination=nomination, congress=world.county, actor=world.county_admin
        )
    assert Nomination.objects.get(pk=nomination.pk).status == Nomination.Status.SUBMITTED


def test_a_county_sees_its_townships_nominations_and_a_township_only_its_own(world: World) -> None:
    round_, _ = open_round(world)
    a = nominate(round_, world.town_a, world.staff_a, "张三")
    b = nominate(round_, world.town_b, world.staff_b, "李四")
    c = nominate(round_, world.county, world.county_admin, "王五")

    assert set(nominations_visible_to(round_, world.city)) == {a, b, c}
    assert set(nominations_visible_to(round_, world.county)) == {a, b, c}
    assert set(nominations_visible_to(round_, world.town_a)) == {a}
    assert set(nominations_visible_to(round_, world.town_b)) == {b}


def test_the_whole_round_from_setup_to_announcement(world: World) -> None:
    round_, city_staff = open_round(world, quota=2)
    reviewer = staff_of(world, world.city, "city-reviewer")
    a = nominate(round_, world.town_a, world.staff_a, "张三")
    b = nominate(round_, world.town_b, world.staff_b, "李四")
    c = nominate(round_, world.county, world.county_admin, "王五")
    figures: dict[int, Figures] = {world.town_a.pk: {"activities": 10, "opinions": Decimal(20)}}
    services.round_close_nominations(
        round_=round_,
        actor=city_staff,
        figures_source=lambda congresses, year: dict(figures.items()),
    )
    a.refresh_from_db()
    assert a.figures == {"activities": 10, "opinions": "20"}
    criteria = list(round_.criteria.all())
    assert services.prefilled_scores(a, criteria) == {
        criteria[0].pk: Decimal("50.00"),
        criteria[1].pk: Decimal("100.00"),
    }

    score_all(round_, city_staff, {a: 90, b: 80, c: 80})
    score_all(round_, reviewer, {a: 90, b: 80, c: 80})
    with pytest.raises(DomainError) as tie:
        services.round_decide(round_=round_, actor=city_staff, selected_ids=[a.pk, b.pk])
    assert tie.value.code == "tie_needs_note"
    with pytest.raises(DomainError) as over:
        services.round_decide(
            round_=round_, actor=city_staff, selected_ids=[a.pk, b.pk, c.pk], note="全部"
        )
    assert over.value.code == "quota_exceeded"
    services.round_decide(
        round_=round_,
        actor=city_staff,
        selected_ids=[a.pk, b.pk],
        note="主任会议研究，李四事迹更突出。",
    )
    assert round_result(BenchmarkRound.objects.get(pk=round_.pk)) == []  # not public before 公示

    services.round_start_publicity(
        round_=round_, actor=city_staff, starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=6)
    )
    objection = services.objection_record(
        nomination=b,
        actor=city_staff,
        summary="群众反映李四长期未参加代表小组活动。",
        received_on=TODAY + dt.timedelta(days=2),
    )
    with pytest.raises(DomainError) as early:
        services.round_announce(round_=round_, actor=city_staff, today=TODAY + dt.timedelta(days=6))
    assert early.value.code == "publicity_not_over"
    with pytest.raises(DomainError) as open_objection:
        services.round_announce(round_=round_, actor=city_staff, today=TODAY + dt.timedelta(days=7))
    assert open_objection.value.code == "objections_open"
    services.objection_resolve(
        objection=objection, actor=city_staff, upheld=True, resolution="经核实属实，取消入选。"
    )
    round_ = services.round_announce(
        round_=round_, actor=city_staff, today=TODAY + dt.timedelta(days=7)
    )

    assert round_.state == State.ANNOUNCED
    assert [n.nominee_name for n in round_result(round_)] == ["张三"]
    actions = _public_audit_actions()
    for action in (
        "round_create",
        "round_open",
        "nomination_submit",
        "round_close_nominations",
        "score_record",
        "round_decide",
        "round_start_publicity",
        "objection_record",
        "objection_resolve",
        "round_announce",
    ):
        assert f"supervision.{action}" in actions


def test_a_state_refuses_what_it_does_not_allow_and_names_why(world: World) -> None:
    city_staff = staff_of(world, world.city, "city-staff")
    round_ = make_round(world, city_staff)
    with pytest.raises(DomainError) as refused:
        nominate(round_, world.town_a, world.staff_a, "张三")
    assert refused.value.code == "wrong_state"
    assert "筹备" in refused.value.message
    services.round_open(round_=round_, actor=city_staff)
    with pytest.raises(DomainError):
        services.round_update(round_=round_, actor=city_staff, quota=5)
    assert BenchmarkRound.objects.get(pk=round_.pk).quota == 1


def test_closing_nominations_gives_a_nomination_without_a_record_its_nominators_rollups(
    world: World,
) -> None:
    now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    with schema_context("public"):
        for congress, year, topic, figures in (
            (world.town_a, 2026, "activities", {"activities": 12, "deputies_active": 9}),
            (world.town_a, 2026, "opinions", {"opinions": 5}),
            (world.town_b, 2025, "activities", {"activities": 99}),
        ):
            Rollup.objects.create(
                congress=congress, year=year, topic=topic, figures=figures, computed_at=now
            )
    round_, city_staff = open_round(world)
    a = nominate(round_, world.town_a, world.staff_a, "张三")
    b = nominate(round_, world.town_b, world.staff_b, "李四")
    services.round_close_nominations(round_=round_, actor=city_staff)

    a.refresh_from_db()
    b.refresh_from_db()
    assert a.figures == {"activities": 12, "deputies_active": 9, "opinions": 5}
    assert b.figures == {}  # only 2025 figures: nothing for the round's year
    criteria = list(round_.criteria.all())
    assert services.prefilled_scores(a, criteria) == {
        criteria[0].pk: Decimal("60.00"),  # 12 of 20 activities
        criteria[1].pk: Decimal("50.00"),  # 5 of 10 opinions
    }
