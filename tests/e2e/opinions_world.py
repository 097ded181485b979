"""Run inside the live platform's database (`helpers.in_live_platform`, see test_opinions.py): a
township (荷塘镇) under a county (南湖区) and a city of their own, provisioned by the real service,
each congress with its staff and its unit's liaison; the township's liaison station, and one
opinion received 130 days ago that its unit has not answered (the red clock). Nobody has signed
in."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.deputies.services import deputy_register
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_receive,
    opinion_start_handling,
)
from tenants.linkage.stations.services import residency_add, station_create
from tests.e2e.worlds import member, platform_operator, provision_township, staffed_township
from tests.factories import make_term

CITY, COUNTY, TOWN = "op-city", "op-county", "op-town"
CITY_NAME, COUNTY_NAME, TOWN_NAME = "荷风市人大常委会", "南湖区人大常委会", "荷塘镇人大主席团"
STATION = "荷塘镇人大代表之家"
OVERDUE = "荷塘村三组路段路灯损坏已有四个月，晚上出行不安全。"


def provision() -> None:
    operator = platform_operator()
    made = provision_township(
        operator,
        (CITY, COUNTY, TOWN),
        (CITY_NAME, COUNTY_NAME, TOWN_NAME),
        ("373100", "373101", "373101101"),
    )
    units = {}
    for slug in (COUNTY, TOWN):
        short = made[slug].name.removesuffix("人大常委会").removesuffix("人大主席团")
        member(f"{slug}-staff", made[slug], ["staff"], operator, display_name=f"{short}工作人员")
        units[slug] = member(
            f"{slug}-unit", made[slug], ["unit"], operator, display_name=f"{short}承办单位联络员"
        )
        with tenant_context(made[slug]), transaction.atomic():
            make_term()
    now = timezone.now()
    with tenant_context(made[TOWN]), transaction.atomic():
        station_create(
            name=STATION,
            tier="station",
            address="荷塘镇建设路6号",
            opening_hours="工作日 9:00-17:00",
            actor=operator,
        )
        # Received 130 days ago, three months to answer: overdue.
        overdue = opinion_receive(
            channel="reception",
            content=OVERDUE,
            category="urban_rural",
            citizen_name="王老师",
            citizen_phone="13800000000",
            actor=operator,
            now=now - timedelta(days=130),
        )
        opinion_assign(
            opinion=overdue,
            unit_user_id=units[TOWN].pk,
            actor=operator,
            now=now - timedelta(days=128),
        )
        opinion_start_handling(
            opinion=overdue, staff=True, actor=operator, now=now - timedelta(days=120)
        )
    print("ready", made[TOWN].pk)


# A deputy who logs what constituents told them (test_opinions.py's second scenario), in a city,
# county and township of its own (codes 3741xx): 柳溪镇, its staff, and 陈志华, a deputy with a
# login stationed at 柳溪镇人大代表联络站 but not at the village point 柳湾村联络点.
C_CITY, C_COUNTY, C_TOWN = "opc-city", "opc-county", "opc-town"
C_TOWN_NAME = "柳溪镇人大主席团"
C_DEPUTY, C_DEPUTY_NAME = "opc-town-deputy", "陈志华"
C_STATION, C_POINT = "柳溪镇人大代表联络站", "柳湾村联络点"


def collector() -> None:
    operator, town = staffed_township(
        (C_CITY, C_COUNTY, C_TOWN),
        ("柳州湾市人大常委会", "柳东区人大常委会", C_TOWN_NAME),
        ("374150", "374151", "374151101"),
        staff_name="柳溪镇工作人员",
    )
    user = member(C_DEPUTY, town, ["deputy"], operator, display_name=C_DEPUTY_NAME)
    with tenant_context(town), transaction.atomic():
        seat = deputy_register(
            term=make_term(),
            name=C_DEPUTY_NAME,
            gender="male",
            level="township",
            constituency="第2选区",
            actor=None,
            user=user,
        )
        station = station_create(
            name=C_STATION, tier="station", address="柳溪镇政府一楼", actor=operator
        )
        station_create(
            name=C_POINT, tier="point", parent=station, address="柳湾村村委会", actor=operator
        )
        residency_add(station=station, deputy=seat, actor=operator)
    print("ready", town.pk)
