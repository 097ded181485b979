"""A county and a township of the browser test's own, built in the live platform's database by the
real services (provisioning, accounts, roster, stations), so no other test sees them:

    python manage.py shell -c "from tests.e2e.duty_world import build; build('<suffix>')"

prints the names, hosts and accounts as JSON. The county deputy is stationed at the township's
station through the directory, as staff would do it on the station page, and is on duty on a
reception day today, published in time (scheduled and published as if five days ago)."""

import json
from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from directory.models import DeputyListing
from tenants.deputies.services import deputy_register
from tenants.linkage.stations.services import (
    reception_publish,
    reception_schedule,
    residency_add,
    station_create,
)
from tests.e2e.worlds import term_to_2027
from tests.factories import make_member, provision_congresses

PASSWORD = "Duty#2026e2e"


def _user(username: str, name: str, congress: Congress, roles: list[str]) -> User:
    return make_member(username, congress, roles, None, password=PASSWORD, display_name=name)


def build(suffix: str) -> None:
    operator = User.objects.get(username="ops")
    city = Congress.objects.filter(level="city").order_by("pk").first()
    assert city is not None
    number = int(suffix, 16) % 40 + 50  # 50..89: far from the demo's counties
    county_code = f"{city.division_code[:4]}{number:02d}"
    made = provision_congresses(
        operator,
        (f"dutyc{suffix}", f"履职测试{suffix}区人大常委会", "county", county_code, city),
        (
            f"dutyt{suffix}",
            f"履职测试{suffix}镇人大主席团",
            "township",
            f"{county_code}101",
            f"dutyc{suffix}",
        ),
    )
    county, town = made[f"dutyc{suffix}"], made[f"dutyt{suffix}"]
    deputy_user = _user(f"dutyd{suffix}", "陈立", county, ["deputy"])
    staff = _user(f"dutys{suffix}", "镇联络站工作人员", town, ["staff"])
    with tenant_context(county), transaction.atomic():
        deputy = deputy_register(
            term=term_to_2027(),
            name="陈立",
            gender="male",
            level="county",
            constituency="第3选区",
            actor=None,
            user=deputy_user,
        )
    with tenant_context(town):
        with transaction.atomic():
            term_to_2027()
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
