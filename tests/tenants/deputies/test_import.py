"""The roster import: good rows stored, bad rows reported with their reason, and importing the
same workbook again changes nothing."""

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django_tenants.utils import tenant_context
from openpyxl import load_workbook

from congresses.models import Congress
from directory.models import DeputyListing
from ops.errors import DomainError
from outbox.models import OutboxEvent
from tenants.deputies.imports import COLUMNS, roster_import, roster_template
from tenants.deputies.models import Deputy
from tests.conftest import World
from tests.factories import make_term, xlsx

HEADER = list(COLUMNS)


@pytest.fixture
def town(world: World) -> Iterator[Congress]:
    with tenant_context(world.town_a):
        make_term()
        yield world.town_a


def workbook(rows: list[list[Any]], header: list[str] = HEADER) -> bytes:
    return xlsx(header, *rows)


def good_row(i: int) -> list[Any]:
    return [
        f"代表{i:03d}",
        "男" if i % 2 else "女",
        "乡镇人大代表",
        f"第{i % 9 + 1}选区",
        f"第{i % 5 + 1}代表小组",
        "某村村委会",
        f"139{i:08d}",
    ]


# 20 bad rows, each wrong in one way; the key says which column the report must name.
BAD: list[tuple[str, list[Any]]] = [
    ("姓名", ["", "男", "县", "第1选区", "", "", "13800000001"]),
    ("性别", ["错性别", "未知", "县", "第1选区", "", "", "13800000002"]),
    ("代表层级", ["错层级", "女", "村级", "第1选区", "", "", "13800000003"]),
    ("选区", ["缺选区", "女", "县", "", "", "", "13800000004"]),
    ("手机号", ["缺手机", "男", "县", "第1选区", "", "", ""]),
    ("手机号", ["短手机", "男", "县", "第1选区", "", "", "1380000"]),
    ("手机号", ["字母手机", "男", "县", "第1选区", "", "", "1380000abcd"]),
    ("姓名", ["长" * 51, "男", "县", "第1选区", "", "", "13800000008"]),
    ("代表团/代表小组", ["长小组", "男", "县", "第1选区", "组" * 101, "", "13800000009"]),
    ("工作单位及职务", ["长单位", "男", "县", "第1选区", "", "位" * 201, "13800000010"]),
] + [("", good_row(i)) for i in range(10)]  # the same deputy as an earlier row: a duplicate


def test_500_rows_with_20_bad_store_480_and_report_each_and_a_second_import_changes_nothing(
    town: Congress,
) -> None:
    rows = [good_row(i) for i in range(480)]
    bad_at = {}  # Excel row number -> the column the report must name
    for offset, (_column, row) in enumerate(BAD):
        rows.insert(25 * offset + 7, row)  # spread through the file
    for number, row in enumerate(rows, start=2):
        for column, bad in BAD:
            if row is bad:
                bad_at[number] = column
    data = workbook(rows)
    assert len(rows) == 500 and len(bad_at) == 20

    report = roster_import(data=data, actor=None)

    assert (report.created, report.updated, report.unchanged, report.failed) == (480, 0, 0, 20)
    assert {p.row for p in report.problems} == set(bad_at)
    for problem in report.problems:
        assert problem.field == bad_at[problem.row] and problem.reason
    duplicates = [p for p in report.problems if p.field == ""]
    assert len(duplicates) == 10 and all("同一名代表" in p.reason for p in duplicates)
    assert Deputy.objects.count() == 480
    assert DeputyListing.objects.filter(congress=town).count() == 480
    snapshot = sorted(Deputy.objects.values_list("id", "name", "phone", "delegation", "level"))
    events = OutboxEvent.objects.count()

    again = roster_import(data=data, actor=None)

    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 480, 20)
    assert sorted(Deputy.objects.values_list("id", "name", "phone", "delegation", "level")) == (
        snapshot
    )
    assert DeputyListing.objects.filter(congress=town).count() == 480
    assert OutboxEvent.objects.count() == events  # nothing changed, so nothing to roll up


def test_a_changed_row_updates_that_deputy_and_their_listing_only(town: Congress) -> None:
    roster_import(data=workbook([good_row(1), good_row(2)]), actor=None)
    moved = good_row(2)
    moved[4] = "第九代表小组"

    report = roster_import(data=workbook([good_row(1), moved]), actor=None)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    deputy = Deputy.objects.get(name="代表002")
    assert deputy.delegation == "第九代表小组"
    assert (
        DeputyListing.objects.get(congress=town, deputy_id=deputy.pk).delegation == "第九代表小组"
    )


def test_levels_accept_the_short_forms_and_phones_typed_as_numbers(town: Congress) -> None:
    report = roster_import(
        data=workbook([["张三", "男", "县", "第1选区", "", "", 13912345678]]), actor=None
    )

    assert report.created == 1
    assert Deputy.objects.filter(name="张三", level="county", phone="13912345678").exists()


@pytest.mark.parametrize(
    "data", [b"name,phone\n", b"PK\x03\x04 a broken zip", b""], ids=["csv", "broken-zip", "empty"]
)
def test_a_file_that_is_not_a_workbook_is_refused(town: Congress, data: bytes) -> None:
    with pytest.raises(DomainError) as refused:
        roster_import(data=data, actor=None)

    assert refused.value.code == "import_file_invalid"
    assert not Deputy.objects.exists()


def test_a_workbook_without_the_columns_is_refused(town: Congress) -> None:
    with pytest.raises(DomainError) as refused:
        roster_import(data=workbook([["张三", "13912345678"]], header=["姓名", "电话"]), actor=None)

    assert refused.value.code == "import_columns_missing" and "手机号" in refused.value.message
    assert not Deputy.objects.exists()


def test_the_template_has_the_columns_and_imports_as_empty(town: Congress) -> None:
    data = roster_template()

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADER
    report = roster_import(data=data, actor=None)
    assert (report.created, report.failed) == (0, 0)
