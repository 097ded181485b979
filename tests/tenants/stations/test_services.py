"""Station services: residents, the rota and its notice period, the checklist and its review."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import partial

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from ops.errors import DomainError, NotAllowed
from outbox.models import OutboxEvent
from rollups.registry import providers
from supervision.models import StarReview
from supervision.services import star_review_decide
from tenants.deputies.services import deputy_end_service
from tenants.linkage.stations.models import Assessment, ReceptionDay, Resident, Station
from tenants.linkage.stations.services import (
    assessment_self_assess,
    reception_publish,
    residency_add,
    settings_update,
    station_create,
    station_staff_set,
)
from tests.conftest import World

from .factories import make_checklist, make_deputy, make_reception, make_station

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def _reception(station_id: int, resident: Resident, on: date) -> ReceptionDay:
    return make_reception(
        Station.objects.get(pk=station_id), on, [resident], topic="听取群众意见", now=NOW
    )


def test_a_reception_day_is_published_only_the_notice_days_ahead(town: Congress) -> None:
    station = make_station()
    resident = residency_add(station=station, deputy=make_deputy("王一"), actor=None)
    settings_update(notice_days=3, star_thresholds=[60, 70, 80, 90, 95], actor=None)
    soon = _reception(station.pk, resident, date(2026, 12, 3))
    later = _reception(station.pk, resident, date(2026, 12, 4))

    with pytest.raises(DomainError) as refused:
        reception_publish(reception=soon, actor=None, now=NOW)
    published = reception_publish(reception=later, actor=None, now=NOW)

    assert refused.value.code == "reception_notice_short" and "3" in refused.value.message
    assert published.published_at == NOW
    assert ReceptionDay.objects.get(pk=soon.pk).published_at is None


def test_the_notice_period_is_set_per_congress(world: World) -> None:
    with tenant_context(world.town_b):
        settings_update(notice_days=1, star_thresholds=[60, 70, 80, 90, 95], actor=None)
        station = make_station("乙镇联络站")
        resident = residency_add(station=station, deputy=make_deputy("乙一"), actor=None)
        reception = _reception(station.pk, resident, date(2026, 12, 2))

        assert reception_publish(reception=reception, actor=None, now=NOW).published_at == NOW


def test_only_the_stations_residents_can_be_on_duty(town: Congress) -> None:
    here, there = make_station(), make_station("另一联络站")
    stranger = residency_add(station=there, deputy=make_deputy("外站代表"), actor=None)

    with pytest.raises(DomainError) as refused:
        _reception(here.pk, stranger, date(2026, 12, 10))

    assert refused.value.code == "reception_not_resident"
    assert not ReceptionDay.objects.exists()


def test_a_deputy_is_stationed_once(town: Congress) -> None:
    station = make_station()
    deputy = make_deputy("王二")
    residency_add(station=station, deputy=deputy, actor=None)

    with pytest.raises(DomainError) as refused:
        residency_add(station=station, deputy=deputy, actor=None)

    assert refused.value.code == "resident_exists"
    assert station.residents.count() == 1


def test_a_point_cannot_sit_above_a_station(town: Congress) -> None:
    point = make_station("某村联络点", tier="point")

    with pytest.raises(DomainError) as refused:
        station_create(name="镇联络站", tier="station", address="镇上", parent=point, actor=None)

    assert refused.value.code == "station_parent_invalid"


def test_a_station_has_one_head(town: Congress) -> None:
    station = make_station()

    with pytest.raises(DomainError) as refused:
        station_staff_set(
            station=station,
            actor=None,
            staff=[{"name": "甲", "duty": "head"}, {"name": "乙", "duty": "head"}],
        )
    members = station_staff_set(
        station=station,
        actor=None,
        staff=[{"name": "甲", "duty": "head"}, {"name": "乙", "duty": "liaison", "phone": "1"}],
    )

    assert refused.value.code == "staff_one_head"
    assert [m.duty for m in members] == ["head", "liaison"]


def test_self_assessment_goes_to_the_county_whose_stars_come_back_and_lapse(
    world: World, town: Congress
) -> None:
    station = make_station()
    items = make_checklist()  # weights 30, 20, 25, 25
    own = {items[0].pk: 30, items[1].pk: 20, items[2].pk: 25, items[3].pk: 25}
    assessment = assessment_self_assess(
        station=station, year=2026, scores=own, actor=world.staff_a, now=NOW
    )
    review = StarReview.objects.get(congress=world.town_a, station_ref=station.pk)
    events = OutboxEvent.objects.filter(topic="stations").count()

    award = partial(star_review_decide, review=review, award=True)
    with pytest.raises(NotAllowed) as self_award:
        award(reviewer=world.town_a, actor=world.staff_a, stars=5, reason="自评")
    award(
        reviewer=world.county,
        actor=world.county_admin,
        stars=3,
        reason="标牌不统一",
        today=timezone.localdate(),
    )
    dispatch_deliver_pending()
    with tenant_context(world.town_a):
        reviewed = Assessment.objects.get(pk=assessment.pk)
        held = providers()["stations"](2026)
        events_after = OutboxEvent.objects.filter(topic="stations").count()
        with time_machine.travel(timezone.now() + timedelta(days=366)):
            lapsed = providers()["stations"](2026)

    assert self_award.value.code == "not_reviewer"
    assert assessment.self_total == Decimal("100.00")
    assert (review.self_total, review.reviewer_congress_id) == (Decimal("100.00"), world.county.pk)
    assert [i["self_score"] for i in review.items] == [30, 20, 25, 25]
    assert (reviewed.stars, reviewed.state, reviewed.review_note) == (
        3,
        Assessment.State.REVIEWED,
        "标牌不统一",
    )
    assert reviewed.stars_expire_on == timezone.localdate() + timedelta(days=365)
    assert events_after == events + 1
    assert (held["stations_rated"], held["star_total"], held["stations"]) == (1, 3, 1)
    assert (lapsed["stations_rated"], lapsed["star_total"]) == (0, 0)


def test_scores_above_an_items_weight_or_missing_are_refused(town: Congress) -> None:
    station = make_station()
    items = make_checklist()

    with pytest.raises(DomainError) as too_high:
        assessment_self_assess(
            station=station, year=2026, actor=None, scores={i.pk: 31 for i in items}
        )
    with pytest.raises(DomainError) as missing:
        assessment_self_assess(station=station, year=2026, actor=None, scores={items[0].pk: 1})

    assert too_high.value.code == "score_out_of_range"
    assert missing.value.code == "score_missing" and "有统一标牌" in missing.value.message
    assert not Assessment.objects.exists()


def test_the_figures_count_the_serving_deputies_of_the_current_term(town: Congress) -> None:
    make_deputy("甲", phone="13700000001")
    ended = make_deputy("乙", phone="13700000002")
    deputy_end_service(deputy=ended, actor=None)

    # Counted with the deputies who took part in activities: the participation rate's base.
    assert providers()["activities"](2026)["deputies"] == 1
