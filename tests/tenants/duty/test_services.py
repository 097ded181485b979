"""Duty records: recording once per source, the tenant's rule settings, the quarterly
publication and the objection flow that recomputes the score."""

import datetime as dt
from decimal import Decimal

import pytest
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from ops.errors import Conflict, DomainError, NotAllowed
from outbox.models import OutboxEvent
from tenants.linkage.duty.models import DutyEntry, Objection
from tenants.linkage.duty.rules import Band
from tenants.linkage.duty.selectors import (
    duty_settings,
    entries_of,
    roster_scores,
    scheme_current,
    standing_of,
)
from tenants.linkage.duty.services import (
    RuleChange,
    duty_entry_record,
    duty_rules_set,
    objection_decide,
    objection_file,
    publication_publish,
)
from tests.conftest import World
from tests.tenants.activities.factories import Seat, make_seat

D = Decimal
NOW = dt.datetime(2026, 4, 3, 9, 0, tzinfo=dt.UTC)


def _score(deputy: object, year: int = 2026) -> Decimal:
    entries = list(entries_of(deputy, year=year))  # type: ignore[arg-type]
    return standing_of(entries, scheme_current(), year=year).score


def test_an_entry_is_recorded_once_per_kind_source_and_deputy(world: World) -> None:
    seat = make_seat(world.town_a, "代表甲")
    with tenant_context(world.town_a):
        events = OutboxEvent.objects.filter(topic="activities").count()
        first = duty_entry_record(
            deputy=seat.deputy,
            kind="suggestion",
            source_ref="建议12号",
            occurred_on=dt.date(2026, 2, 1),
        )
        again = duty_entry_record(
            deputy=seat.deputy,
            kind="suggestion",
            source_ref="建议12号",
            occurred_on=dt.date(2026, 2, 1),
        )
        assert first.pk == again.pk
        assert DutyEntry.objects.filter(deputy=seat.deputy).count() == 1
        assert OutboxEvent.objects.filter(topic="activities").count() == events + 1
        assert _score(seat.deputy) == D(63)


@pytest.mark.parametrize(("kind", "source"), [("nonsense", "x"), ("suggestion", "  ")])
def test_a_bad_entry_is_refused_and_nothing_is_written(
    world: World, kind: str, source: str
) -> None:
    seat = make_seat(world.town_a, "代表乙")
    with tenant_context(world.town_a):
        with pytest.raises(DomainError):
            duty_entry_record(
                deputy=seat.deputy, kind=kind, source_ref=source, occurred_on=dt.date(2026, 1, 1)
            )
        assert not DutyEntry.objects.filter(deputy=seat.deputy).exists()


def test_a_tenant_sets_its_own_points_caps_and_bands(world: World) -> None:
    seat = make_seat(world.town_b, "代表丙")
    with tenant_context(world.town_b):
        duty_rules_set(
            changes=[RuleChange("suggestion", D(10), year_cap=D(25))],
            good_from=D(75),
            fair_from=D(65),
            actor=world.staff_b,
        )
        _record(seat, "suggestion", "建议", 3, dt.date(2026, 3, 1))
        entries = list(entries_of(seat.deputy, year=2026))
        standing = standing_of(entries, scheme_current(), year=2026)
        assert (standing.score, standing.band) == (D(85), Band.GOOD)
    # Another tenant keeps the defaults.
    with tenant_context(world.town_a):
        assert scheme_current().rules["suggestion"].points == D(3)
        assert scheme_current().good_from == D(80)


def test_rules_that_do_not_hold_together_are_refused_as_a_whole(world: World) -> None:
    with tenant_context(world.town_b):
        with pytest.raises(DomainError) as refused:
            duty_rules_set(
                changes=[RuleChange("training", D(9))],
                good_from=D(50),
                fair_from=D(70),
                actor=world.staff_b,
            )
        assert refused.value.code == "bands_out_of_order"
        assert "training" not in duty_settings().point_rules
        assert scheme_current().good_from == D(80)


def test_the_roster_shows_each_deputys_score_and_band(world: World) -> None:
    good = make_seat(world.city, "好代表")
    poor = make_seat(world.city, "差代表")
    with tenant_context(world.city):
        _record(good, "inspection", "视察", 7, dt.date(2026, 5, 1))
        _record(poor, "leave", "请假", 3, dt.date(2026, 5, 1))
        by_name = {row.deputy.name: (row.score, row.band) for row in roster_scores(year=2026)}
    assert by_name["好代表"] == (D(81), Band.GOOD)
    assert by_name["差代表"] == (D(57), Band.POOR)


def _record(seat: Seat, kind: str, label: str, times: int, on: dt.date) -> None:
    """`times` entries of `kind` for the seat's deputy on the day `on`, numbered after `label`."""
    for n in range(times):
        duty_entry_record(deputy=seat.deputy, kind=kind, source_ref=f"{label}{n}", occurred_on=on)


def _object(seat: Seat, entry: DutyEntry, reason: str, days: int = 0) -> Objection:
    """The seat's deputy objects to `entry`, `days` after the publication."""
    return objection_file(
        entry=entry,
        deputy=seat.deputy,
        reason=reason,
        actor=seat.user,
        now=NOW + dt.timedelta(days=days),
    )


def _published_entry(world: World, name: str) -> tuple[Seat, DutyEntry]:
    seat = make_seat(world.town_a, name)
    with tenant_context(world.town_a):
        entry = duty_entry_record(
            deputy=seat.deputy,
            kind="inspection",
            source_ref=f"视察-{name}",
            occurred_on=dt.date(2026, 2, 1),
        )
        publication_publish(year=2026, quarter=1, actor=world.staff_a, now=NOW)
    return seat, entry


def test_an_upheld_objection_voids_the_entry_and_the_score_recomputes(world: World) -> None:
    seat, entry = _published_entry(world, "异议代表")
    with tenant_context(world.town_a):
        assert _score(seat.deputy) == D(63)
        objection = _object(seat, entry, "当天我在外地培训，未参加视察。", days=1)
        assert _score(seat.deputy) == D(63)
        objection_decide(
            objection=objection, uphold=True, note="经核实，记录有误。", actor=world.staff_a
        )
        entry.refresh_from_db()
        assert entry.state == DutyEntry.State.VOIDED
        assert _score(seat.deputy) == D(60)
        assert AuditEntry.objects.filter(action="duty.objection_decide").exists()
        with pytest.raises(Conflict):
            objection_decide(objection=objection, uphold=False, note="再议", actor=world.staff_a)


def test_a_rejected_objection_leaves_the_entry(world: World) -> None:
    seat, entry = _published_entry(world, "驳回代表")
    with tenant_context(world.town_a):
        objection = _object(seat, entry, "分值有误", days=1)
        objection_decide(
            objection=objection, uphold=False, note="签到记录在案。", actor=world.staff_a
        )
        entry.refresh_from_db()
        assert entry.state == DutyEntry.State.COUNTED
        assert _score(seat.deputy) == D(63)


def test_objections_are_refused_outside_the_window_for_others_and_twice(world: World) -> None:
    seat, entry = _published_entry(world, "窗口代表")
    other = make_seat(world.town_a, "他人")
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as closed:
            _object(seat, entry, "晚了", days=8)
        assert closed.value.code == "objection_window_closed"
        with pytest.raises(NotAllowed):
            _object(other, entry, "代人提")
        with pytest.raises(DomainError) as empty:
            _object(seat, entry, " ")
        assert empty.value.code == "objection_reason_required"
        _object(seat, entry, "有误")
        with pytest.raises(Conflict):
            _object(seat, entry, "再提")


def test_a_quarter_is_published_once_and_not_before_it_begins(world: World) -> None:
    with tenant_context(world.town_b):
        publication_publish(year=2026, quarter=1, actor=world.staff_b, now=NOW)
        with pytest.raises(Conflict):
            publication_publish(year=2026, quarter=1, actor=world.staff_b, now=NOW)
        with pytest.raises(DomainError) as early:
            publication_publish(year=2026, quarter=3, actor=world.staff_b, now=NOW)
        assert early.value.code == "quarter_not_begun"
        with pytest.raises(DomainError):
            publication_publish(year=2026, quarter=5, actor=world.staff_b, now=NOW)
