"""Demo: 青石镇's liaison station with two village points, its residents (township deputies and,
picked from the directory, deputies of 东湖区 and a provincial deputy of 云溪市), a published rota
for the coming weeks, the "N有" checklist with a self-assessment that 东湖区 awarded four stars; 柳塘镇's station has
submitted its self-assessment; 东湖区 runs the county centre."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from directory.models import DeputyListing
from supervision.selectors import star_reviews_to_review
from supervision.services import star_review_decide
from tenants.deputies.models import Deputy
from tenants.linkage.stations.models import ChecklistItem, Resident, Station
from tenants.linkage.stations.services import (
    assessment_self_assess,
    checklist_item_add,
    reception_publish,
    reception_schedule,
    residency_add,
    settings_update,
    station_create,
    station_staff_set,
)

# The "N有" list as 青石镇's county sets it (domain-practice.md §2.2), weights out of 100.
CHECKLIST = (
    ("有固定场所", "办公、接待、展示功能区，面积不少于100平方米", 20),
    ("有统一标牌", "门口悬挂统一制作的联络站标牌", 10),
    ("有必要设施", "桌椅、电脑、网络、文件柜，室外设群众意见箱", 15),
    ("有工作人员", "站长1名、联络员1名，专人管理", 15),
    ("有工作制度", "联系群众、意见处理、学习、述职等制度上墙", 15),
    ("有活动计划", "年度活动计划，每季度至少一次活动", 10),
    ("有接待安排", "每月固定接待日，提前3天公告", 10),
    ("有工作台账", "接待记录、意见办理台账完整", 5),
)
# Higher-level deputies stationed at 青石镇: (their congress, username or name)
GUESTS = (("donghu", "donghu-deputy"), ("donghu", "wangjianguo"), ("yunxi", "陈丽华"))


def _checklist(actor: User) -> list[ChecklistItem]:
    if not ChecklistItem.objects.exists():
        for title, guidance, weight in CHECKLIST:
            checklist_item_add(title=title, guidance=guidance, weight=weight, actor=actor)
    return list(ChecklistItem.objects.filter(active=True))


def _listing(slug: str, who: str) -> DeputyListing | None:
    congress = Congress.objects.get(slug=slug)
    user = User.objects.filter(username=who).first()
    listings = DeputyListing.objects.filter(congress=congress, serving=True)
    return (listings.filter(user=user) if user else listings.filter(name=who)).first()


def _seed_qingshi(operator: User) -> None:
    congress = Congress.objects.get(slug="qingshi")
    reviewer = User.objects.get(username="donghu-staff")
    with tenant_context(congress), transaction.atomic():
        if Station.objects.exists():
            return
        staff = User.objects.get(username="qingshi-staff")
        settings_update(notice_days=3, star_thresholds=[60, 70, 80, 90, 95], actor=operator)
        station = station_create(
            name="青石镇人大代表联络站",
            tier="station",
            address="青石镇人民路18号便民服务中心一楼",
            opening_hours="工作日 8:30-17:30",
            phone="0799-6512345",
            actor=operator,
            introduction="设接待区、调解区、展示区，驻站代表每月15日轮流接待选民。",
        )
        for village in ("东村", "西岭村"):
            station_create(
                name=f"{village}人大代表联络点",
                tier="point",
                parent=station,
                address=f"青石镇{village}村民委员会",
                opening_hours="每月15日 9:00-11:00",
                actor=operator,
            )
        station_staff_set(
            station=station,
            actor=operator,
            staff=[
                {"name": "周建平", "duty": "head", "phone": "13907991001"},
                {"name": "吴晓红", "duty": "liaison", "phone": "13907991002"},
            ],
        )
        locals_ = [
            residency_add(station=station, deputy=deputy, actor=operator)
            for deputy in Deputy.objects.filter(status=Deputy.Status.SERVING).order_by("id")[:4]
        ]
        guests = [
            residency_add(station=station, listing_id=listing.pk, actor=operator)
            for slug, who in GUESTS
            if (listing := _listing(slug, who)) is not None
        ]
        _rota(station, locals_, guests, operator)
        items = _checklist(operator)
        full = {item.pk: item.weight for item in items}
        assessment_self_assess(
            station=station, year=timezone.localdate().year, scores=full, actor=staff
        )
        # 东湖区, the county above, reviews the checklist and awards the stars.
        county = Congress.objects.get(slug="donghu")
        review = star_reviews_to_review(county).get(station_ref=station.pk)
        star_review_decide(
            review=review,
            reviewer=county,
            actor=reviewer,
            award=True,
            stars=4,
            reason="标牌未按统一样式制作；意见办理台账不完整，请于年底前整改。",
        )


def _rota(station: Station, locals_: list[Resident], guests: list[Resident], actor: User) -> None:
    today = timezone.localdate()
    plan = (
        (4, "听取群众对农村饮用水安全的意见", [*locals_[:2], *guests[:1]]),
        (11, "养老服务与医疗保障", [*locals_[2:3], *guests[1:2]]),
        (18, "集镇交通与停车", [*locals_[3:4], *guests[2:3]]),
        (25, "代表接待日（草稿）", locals_[:1]),
    )
    for days, topic, on_duty in plan:
        if not on_duty:
            continue
        reception = reception_schedule(
            station=station,
            on=today + timedelta(days=days),
            starts_at=time(9),
            ends_at=time(11, 30),
            on_duty=on_duty,
            topic=topic,
            actor=actor,
        )
        if days < 25:
            reception_publish(reception=reception, actor=actor)


def _seed_liutang(operator: User) -> None:
    with tenant_context(Congress.objects.get(slug="liutang")), transaction.atomic():
        if Station.objects.exists():
            return
        station = station_create(
            name="柳塘镇人大代表之家",
            tier="station",
            address="柳塘镇建设路6号",
            opening_hours="工作日 9:00-17:00",
            actor=operator,
        )
        for deputy in Deputy.objects.filter(status=Deputy.Status.SERVING).order_by("id")[:3]:
            residency_add(station=station, deputy=deputy, actor=operator)
        items = _checklist(operator)
        assessment_self_assess(
            station=station,
            year=timezone.localdate().year,
            actor=operator,
            scores={item.pk: max(item.weight - 3, 0) for item in items},
        )


def _seed_donghu(operator: User) -> None:
    with tenant_context(Congress.objects.get(slug="donghu")), transaction.atomic():
        if Station.objects.exists():
            return
        station_create(
            name="东湖区人大代表联络中心站",
            tier="centre",
            address="东湖区政务服务中心三楼",
            opening_hours="工作日 8:30-17:30",
            phone="0799-6100000",
            actor=operator,
        )


def seed_stations(operator: User) -> None:
    _seed_donghu(operator)
    _seed_qingshi(operator)
    _seed_liutang(operator)
    dispatch_deliver_pending()  # 东湖区 and 云溪市 hear of their deputies' postings
