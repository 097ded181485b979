"""A county and a township of the browser test's own, built in the live platform's database by the
real services (provisioning, accounts, roster, stations), so no other test sees them:

    python manage.py shell -c "from tests.e2e.duty_world import build; build('<suffix>')"

prints the names, hosts and accounts as JSON. The county deputy is stationed at the township's
station through the directory, as staff would do it on the station page, and is on duty on a
reception day today, published in time (scheduled and published as if five days ago)."""

import json
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import membership_grant, user_create
from congresses.models import Congress
from congresses.services import CongressSpec, congress_provision
from crossing.services import dispatch_deliver_pending
from directory.models import DeputyListing
from tenants.deputies.models import Term
from tenants.deputies.selectors import term_current
from tenants.deputies.services import deputy_register, term_open
from tenants.linkage.stations.services import (
    reception_publish,
    reception_schedule,
    residency_add,
    station_create,
)

PASSWORD = "Duty#2026e2e"


def _user(username: str, name: str, congress: Congress, roles: list[str]) -> User:
    user = user_create(
        username=username, password=PASSWORD, display_name=name, must_change_password=False
    )
    with transaction.atomic():
        membership_grant(user=user, congress=congress, roles=roles, granted_by=None)
    return user


def _term() -> Term:
    return term_current() or term_open(
        number=18, starts_on=date(2022, 1, 1), ends_on=date(2027, 12, 31), actor=None
    )


def build(suffix: str) -> None:
    operator = User.objects.get(username="ops")
    city = Congress.objects.filter(level="city").order_by("pk").first()
    assert city is not None
    number = int(suffix, 16) % 40 + 50  # 50..89: far from the demo's counties
    county = congress_provision(
        spec=CongressSpec(
            name=f"履职测试{suffix}区人大常委会",
            slug=f"dutyc{suffix}",
            level="county",
            division_code=f"{city.division_code[:4]}{number:02d}",
            parent_id=city.pk,
        ),
        requested_by=operator,
        acting_in=None,
    )
    town = congress_provision(
        spec=CongressSpec(
            name=f"履职测试{suffix}镇人大主席团",
            slug=f"dutyt{suffix}",
            level="township",
            division_code=f"{county.division_code}101",
            parent_id=county.pk,
        ),
        requested_by=operator,
        acting_in=None,
    )
    deputy_user = _user(f"dutyd{suffix}", "陈立", county, ["deputy"])
    staff = _user(f"dutys{suffix}", "镇联络站工作人员", town, ["staff"])
    with tenant_context(county), transaction.atomic():
        deputy = deputy_register(
            term=_term(),
            name="陈立",
            gender="male",
            level="county",
            constituency="第3选区",
            actor=None,
            user=deputy_user,
        )
    with tenant_context(town):
        with transaction.atomic():
            _term()
            station = station_create(
                name=f"履职测试{suffix}镇人大代表联络站",
                tier="station",
                address="镇政府一楼",
                actor=staff,
            )
        listing = DeputyListing.objects.get(congress=county, deputy_id=deputy.pk)
        resident = residency_add(station=station, listing_id=listing.pk, actor=staff)
        earlier = timezone.now() - timedelta(days=5)
        reception = reception_schedule(
            station=station,
            on=timezone.localdate(),
            starts_at=time(9),
            ends_at=time(11),
            on_duty=[resident],
            actor=staff,
            now=earlier,
        )
        reception_publish(reception=reception, actor=staff, now=earlier)
    dispatch_deliver_pending()  # the county's posting; the worker may have delivered it already
    print(
        json.dumps(
            {
                "county": {"slug": county.slug, "name": county.name},
                "town": {"slug": town.slug, "name": town.name},
                "station": station.name,
                "station_id": station.pk,
                "reception_id": reception.pk,
                "deputy": {"username": deputy_user.username, "name": "陈立"},
                "staff": staff.username,
                "password": PASSWORD,
            },
            ensure_ascii=False,
        )
    )
