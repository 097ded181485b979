"""Run inside the live platform's database (`helpers.in_live_platform`, see test_stations.py): a
city (石城市) and a county (石门区) of their own, provisioned by the real service on first use, and
under them the township each scenario needs:

- `roster()`: 石泉镇, its staff and an empty roster of the current term, to import into;
- `station()`: 石桥镇's liaison station with two village points, its head and liaison, four
  township deputies in residence and, picked from the directory, two deputies of 石门区 and a
  provincial deputy on the city's roster; a rota of four reception days, three of them
  published (the demo's `_rota`); and 石门区's staff, who see their two deputies posted there.
  Nobody has signed in."""

from django.db import transaction
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from directory.models import DeputyListing
from tenants.demo.stations import _rota
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.linkage.stations.services import residency_add, station_create, station_staff_set
from tests.e2e.worlds import deputies_in_one_group, member, platform_operator, term_to_2027
from tests.factories import provision_congresses

CITY, COUNTY = "st-city", "st-county"
TOWN, TOWN_NAME = "st-town", "石桥镇人大主席团"
IMPORT, IMPORT_NAME = "st-import", "石泉镇人大主席团"
COUNTY_NAME = "石门区人大常委会"
STATION = "石桥镇人大代表联络站"
HEAD_PHONE = "13907991001"
# Deputies elsewhere, stationed at 石桥镇 through the directory: (congress, name, level)
GUESTS = (
    (COUNTY, "王建明", "county"),
    (COUNTY, "刘春梅", "county"),
    (CITY, "林秀华", "provincial"),
)
LOCALS = ["赵一帆", "钱二河", "孙三山", "李四川"]


def _provision(slug: str, name: str, level: str, code: str, parent: Congress | None) -> Congress:
    found = Congress.objects.filter(slug=slug).first()
    if found is not None:
        return found
    made = provision_congresses(platform_operator(), (slug, name, level, code, parent))[slug]
    with tenant_context(made), transaction.atomic():
        term_to_2027()
    return made


def _county() -> Congress:
    city = _provision(CITY, "石城市人大常委会", "city", "373200", None)
    return _provision(COUNTY, COUNTY_NAME, "county", "373201", city)


def _staff(slug: str, congress: Congress) -> User:
    return member(
        f"{slug}-staff", congress, ["staff"], None, display_name=f"{congress.name[:3]}工作人员"
    )


def roster() -> None:
    town = _provision(IMPORT, IMPORT_NAME, "township", "373201102", _county())
    _staff(IMPORT, town)
    print("ready", town.pk)


def station() -> None:
    county = _county()
    town = _provision(TOWN, TOWN_NAME, "township", "373201101", county)
    staff = _staff(TOWN, town)
    if not User.objects.filter(username=f"{COUNTY}-staff").exists():
        _staff(COUNTY, county)  # reads where its deputies are stationed
    listings = []
    for slug, name, level in GUESTS:
        with tenant_context(Congress.objects.get(slug=slug)), transaction.atomic():
            deputy = deputy_register(
                term=term_to_2027(),
                name=name,
                gender="female",
                level=level,
                constituency="第1选区",
                actor=None,
            )
        listings.append(DeputyListing.objects.get(congress__slug=slug, deputy_id=deputy.pk))
    with tenant_context(town), transaction.atomic():
        term = term_to_2027()
        deputies_in_one_group(term, LOCALS)
        place = station_create(
            name=STATION,
            tier="station",
            address="石桥镇人民路18号便民服务中心一楼",
            opening_hours="工作日 8:30-17:30",
            phone="0799-6512345",
            actor=staff,
            introduction="设接待区、调解区、展示区，驻站代表每月15日轮流接待选民。",
        )
        for village in ("东村", "西岭村"):
            station_create(
                name=f"{village}人大代表联络点",
                tier="point",
                parent=place,
                address=f"石桥镇{village}村民委员会",
                opening_hours="每月15日 9:00-11:00",
                actor=staff,
            )
        station_staff_set(
            station=place,
            actor=staff,
            staff=[
                {"name": "周建平", "duty": "head", "phone": HEAD_PHONE},
                {"name": "吴晓红", "duty": "liaison", "phone": "13907991002"},
            ],
        )
        locals_ = [
            residency_add(station=place, deputy=deputy, actor=staff)
            for deputy in Deputy.objects.filter(term=term).order_by("id")
        ]
        guests = [
            residency_add(station=place, listing_id=listing.pk, actor=staff) for listing in listings
        ]
        _rota(place, locals_, guests, staff)
    print("station", place.pk)
