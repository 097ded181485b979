"""Small builders shared by tests."""

import base64
import datetime as dt
import io
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection, connections, transaction
from django.db.models import Q
from django_tenants.utils import schema_context, tenant_context
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from accounts.models import User
from accounts.services import membership_grant, user_create
from congresses.models import Congress, SchemaMigrationState
from congresses.services import CongressSpec, congress_provision
from crossing.models import Dispatch
from directory.models import DeputyListing
from tenants.deputies.imports import COLUMNS
from tenants.deputies.models import Term
from tenants.deputies.selectors import term_current
from tenants.deputies.services import deputy_register, term_open

if TYPE_CHECKING:
    from tests.conftest import World

T = TypeVar("T")

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pdf_text(pdf: bytes, between_pages: str = "") -> str:
    """The text of every page of `pdf`, one after the other."""
    return between_pages.join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def sheet_rows(xlsx: bytes) -> list[tuple[Any, ...]]:
    """The values of every row of the workbook's active sheet."""
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def xlsx(*rows: Iterable[Any]) -> bytes:
    """A workbook whose active sheet holds these rows, in order (a header is a row like others)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def roster_xlsx(rows: list[list[Any]]) -> bytes:
    """A roster workbook in the deputies import's columns, one deputy a row."""
    return xlsx(COLUMNS, *rows)


def sign_in_sheet(names: Iterable[str]) -> SimpleUploadedFile:
    """A signed sign-in sheet as a meeting's clerk uploads it: number, name, signature."""
    rows = ((i, name, "（签名）") for i, name in enumerate(names, start=1))
    return SimpleUploadedFile("签到表.xlsx", xlsx(("序号", "姓名", "签名"), *rows))


# slug, name, level, division code, and its parent: the slug of a congress provisioned before
# it, a congress already there, or None
Provision = tuple[str, str, str, str, str | Congress | None]


def provision_congresses(operator: User, *rows: Provision) -> dict[str, Congress]:
    """Congresses built in order by the real provisioning service, by slug."""
    made: dict[str, Congress] = {}
    for slug, name, level, code, parent in rows:
        spec = CongressSpec(
            name=name,
            slug=slug,
            level=level,
            division_code=code,
            parent_id=(made[parent] if isinstance(parent, str) else parent).pk if parent else None,
        )
        made[slug] = congress_provision(spec=spec, requested_by=operator, acting_in=None)
    return made


def provision_county(
    operator: User, place: str, city_code: str, slugs: Sequence[str]
) -> dict[str, Congress]:
    """`<place>市`, its `<place>县` and the county's townships `<place>甲镇`, `<place>乙镇`, …
    (`slugs`: the city's, the county's, then the townships'), provisioned in order by the real
    service, the division codes counted on from the city's; by slug."""
    city, county, *townships = slugs
    county_code = str(int(city_code) + 1)
    return provision_congresses(
        operator,
        (city, f"{place}市人大常委会", "city", city_code, None),
        (county, f"{place}县人大常委会", "county", county_code, city),
        *(
            (
                slug,
                f"{place}{'甲乙丙丁戊'[i]}镇人大主席团",
                "township",
                f"{county_code}{101 + i}",
                county,
            )
            for i, slug in enumerate(townships)
        ),
    )


def other_county(world: "World", name: str) -> Congress:
    """A county of the shared test city's beside `world.county`, slug `other-county`."""
    return provision_congresses(
        world.operator, ("other-county", name, "county", "369802", world.city)
    )["other-county"]


def make_member(
    username: str,
    congress: Congress,
    roles: list[str],
    operator: User | None,
    *,
    password: str,
    display_name: str = "",
) -> User:
    """An account that needs no password change, holding `roles` in `congress`."""
    user = user_create(
        username=username,
        password=password,
        display_name=display_name or username,
        must_change_password=False,
    )
    with transaction.atomic():
        membership_grant(user=user, congress=congress, roles=roles, granted_by=operator)
    return user


def make_term(*, ends_on: dt.date = dt.date(2026, 12, 31)) -> Term:
    """The current term of the congress whose schema is active, the 18th opened if none is."""
    return term_current() or term_open(
        number=18, starts_on=dt.date(2022, 1, 1), ends_on=ends_on, actor=None
    )


def unused_township_code(county_code: str = "369801") -> str:
    """A division code under the test county that no congress holds: the fixed ones of the
    tests (101-199) and the ones other committed tests hold at the moment are skipped."""
    taken = set(
        Congress.objects.filter(division_code__startswith=county_code).values_list(
            "division_code", flat=True
        )
    )
    free = [f"{county_code}{n}" for n in range(200, 1000) if f"{county_code}{n}" not in taken]
    return random.choice(free)


@contextmanager
def committed_townships(
    count: int, *, name: str, parent: Congress, operator: User
) -> Iterator[list[Congress]]:
    """`count` townships under `parent` whose writes really commit (no test transaction), for
    tests that need real commits or other connections; each is dropped after, with what the
    public schema holds of it. Run it with the database unblocked."""
    towns: list[Congress] = []
    try:
        for _ in range(count):
            code = unused_township_code(parent.division_code)
            towns.append(
                congress_provision(
                    spec=CongressSpec(
                        name=f"{name}{code}镇人大主席团",
                        slug=f"t{code}-{uuid.uuid4().hex[:6]}",
                        level="township",
                        division_code=code,
                        parent_id=parent.pk,
                    ),
                    requested_by=operator,
                    acting_in=None,
                )
            )
        yield towns
    finally:
        connections.close_all()
        for town in towns:
            _drop_schema(town.schema_name)
            SchemaMigrationState.objects.filter(schema_name=town.schema_name).delete()
            DeputyListing.objects.filter(congress=town).delete()
            Dispatch.objects.filter(Q(origin=town) | Q(target=town)).delete()
            town.domains.all().delete()
            town.delete()


def in_own_connection(schema: str, work: Callable[[], T]) -> T:
    """Run `work` in `schema` on a connection of the calling thread's own, closed after: what a
    worker thread of a concurrency test does."""
    try:
        with schema_context(schema):
            return work()
    finally:
        connection.close()


def _drop_schema(schema: str, attempts: int = 20) -> None:
    """Drop a test schema although the Celery worker may still be running a task the test's
    writes queued there: if the two lock each other's tables, PostgreSQL aborts one, and when
    that is the drop it waits for the task to end and tries again."""
    for attempt in range(attempts):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '5s'")
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def station_assignment(
    target: Congress, name: str, constituency: str, village: str
) -> dict[str, Any]:
    """Deputy `name` registered on `target`'s roster of a term of its own (committed with it),
    and the payload of a `stations.assignment` dispatch that posts them to `village`'s liaison
    point."""
    with tenant_context(target), transaction.atomic():
        term = term_open(
            number=20, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2030, 12, 31), actor=None
        )
        deputy = deputy_register(
            term=term,
            name=name,
            gender="male",
            level="county",
            constituency=constituency,
            actor=None,
        )
    return {
        "deputy_id": deputy.pk,
        "active": True,
        "receptions": [],
        "station": {
            "name": f"{village}代表联络点",
            "tier": "point",
            "address": village,
            "opening_hours": "",
        },
    }
