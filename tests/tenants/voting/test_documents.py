"""The printed documents and the Excel exports: Chinese text that comes back out of the PDF,
with the embedded font and with the fallback; the data read from a real closed round."""

import datetime
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from openpyxl import load_workbook
from pypdf import PdfReader

from congresses.models import Congress
from ops.pdf import FALLBACK_FONT, font_name
from tenants.voting import documents as d
from tenants.voting import exports, sheets
from tenants.voting.models import Candidate
from tenants.voting.services import ballot_cast, round_close
from tests.factories import pdf_text

from .factories import make_vote, per_candidate

CONGRESS = "甲镇人大主席团"
SHEET = d.RoundSheet(
    congress=CONGRESS,
    cycle_title="2027年民生实事项目票决",
    round_number=1,
    round_kind="正式票决",
    ballot_form=d.PER_CANDIDATE,
    seats=2,
    candidates=[
        d.CandidateLine(1, "老旧小区改造<二期>&配套", Decimal("1200.50")),
        d.CandidateLine(2, "农村饮水安全巩固提升", None),
        d.CandidateLine(3, "中小学校园安全设施建设", Decimal("80")),
    ],
)
NOTICE = d.Announcement(
    congress=CONGRESS,
    cycle_title="2027年民生实事项目票决",
    date=datetime.date(2027, 1, 15),
    ballot_form=d.PER_CANDIDATE,
    adopted=[
        d.AdoptedLine(1, "农村饮水安全巩固提升", 40, 3, 2, 1),
        d.AdoptedLine(2, "老旧小区改造<二期>&配套", 35, 6, 4, 1),
    ],
    rounds=[d.DecidingRound(1, "正式票决", 50, 45, 45)],
)


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return pdf_text(pdf)


def _fonts(pdf: bytes) -> set[str]:
    found = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descriptor = font.get_object()
            found.add(str(descriptor["/BaseFont"]))
            for child in descriptor.get("/DescendantFonts", []):
                if "/FontFile2" in child.get_object()["/FontDescriptor"]:
                    found.add("embedded")
            if "/FontDescriptor" in descriptor and "/FontFile2" in descriptor["/FontDescriptor"]:
                found.add("embedded")
    return found


@pytest.fixture(params=["embedded", "fallback"])
def font_path(request: pytest.FixtureRequest) -> str:
    if request.param == "embedded":
        if not Path(settings.PDF_CJK_FONT).is_file():
            pytest.skip("fonts-wqy-zenhei is not installed (infra/local/test.sh installs it)")
        return str(settings.PDF_CJK_FONT)
    return "/nonexistent/no-such-font.ttc"


def test_the_ballot_names_the_congress_the_round_and_every_candidate(font_path: str) -> None:
    text = _text(d.ballot_pdf(SHEET, font_path=font_path))

    assert CONGRESS in text and "2027年民生实事项目票决表决票" in text and "第1轮" in text
    for candidate in SHEET.candidates:
        assert candidate.name in text
    assert "赞成" in text and "反对" in text and "弃权" in text and "1,200.50" in text
    assert "选择一项划“○”" in text


def test_a_choose_n_ballot_says_how_many_may_be_marked(font_path: str) -> None:
    sheet = d.RoundSheet(**{**vars(SHEET), "ballot_form": d.CHOOSE_N})

    text = _text(d.ballot_pdf(sheet, font_path=font_path))

    assert "最多选择 2 项，多选无效" in text and "反对" not in text


def test_the_tally_sheet_has_the_totals_and_both_signatures(font_path: str) -> None:
    text = _text(d.tally_sheet_pdf(SHEET, font_path=font_path))

    for word in (
        "计票单",
        "发出票数",
        "收回票数",
        "有效票",
        "无效票",
        "计票人",
        "监票人",
        CONGRESS,
    ):
        assert word in text
    assert all(c.name in text for c in SHEET.candidates)


def test_the_announcement_lists_the_adopted_in_rank_order(font_path: str) -> None:
    text = _text(d.announcement_pdf(NOTICE, font_path=font_path))

    assert "特此公告" in text and CONGRESS in text and "2027年1月15日" in text
    assert text.index("农村饮水安全巩固提升") < text.index("老旧小区改造<二期>&配套")
    assert "应到代表50名，实到45名" in text


def test_an_unreadable_font_file_falls_back_instead_of_failing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")

    text = _text(d.ballot_pdf(SHEET, font_path=str(broken)))

    assert CONGRESS in text and font_name(str(broken)) == FALLBACK_FONT


def test_the_font_is_embedded_when_the_file_is_there_and_named_when_not() -> None:
    if not Path(settings.PDF_CJK_FONT).is_file():
        pytest.skip("fonts-wqy-zenhei is not installed")

    assert "embedded" in _fonts(d.ballot_pdf(SHEET))
    fallback = _fonts(d.ballot_pdf(SHEET, font_path="/nonexistent.ttf"))
    assert "embedded" not in fallback and any("STSong-Light" in f for f in fallback)


def test_the_candidate_workbook_reads_back_with_chinese_headers_and_widths() -> None:
    rows = [
        exports.CandidateRow(1, "农村饮水安全巩固提升", "民生", Decimal("300.00"), "票决通过", 1),
        exports.CandidateRow(2, "老旧小区改造", "", None, "候选", None),
    ]

    sheet = load_workbook(io.BytesIO(exports.candidates_xlsx(rows))).active
    assert sheet is not None

    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("序号", "项目名称", "类别", "估算投资（万元）", "状态", "名次")
    assert values[1] == (1, "农村饮水安全巩固提升", "民生", 300, "票决通过", 1)
    assert values[2] == (2, "老旧小区改造", None, None, "候选", None)
    assert sheet.column_dimensions["B"].width == 40 and sheet.freeze_panes == "A2"
    assert sheet["D2"].number_format == "#,##0.00"


def test_a_closed_round_gives_the_announcement_and_the_results(town: Congress) -> None:
    vote = make_vote(deputies=5, candidates=3, seats=1)
    a, b, c = vote.candidates
    for i, deputy in enumerate(vote.deputies):
        yes = [x for x, n in ((a, 2), (b, 4), (c, 5)) if i < n]
        ballot_cast(
            round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote, *yes), actor=None
        )
    assert sheets.cycle_announcement(vote.cycle, congress=town.name) is None

    round_close(round_id=vote.round.pk, actor=None)

    notice = sheets.cycle_announcement(vote.cycle, congress=town.name)
    assert notice is not None
    assert [(x.rank, x.name, x.yes, x.no, x.abstain) for x in notice.adopted] == [
        (1, c.name, 5, 0, 0)
    ]
    assert [(r.number, r.entitled, r.present, r.ballots) for r in notice.rounds] == [(1, 5, 5, 5)]
    results = sheets.result_rows(vote.cycle)
    assert [(r.name, r.yes, r.no, r.outcome) for r in results] == [
        (a.name, 2, 3, "未通过"),
        (b.name, 4, 1, "未通过"),
        (c.name, 5, 0, "通过"),
    ]
    statuses = {r.name: (r.status, r.rank) for r in sheets.candidate_rows(vote.cycle)}
    assert statuses[c.name] == (str(Candidate.Status.ADOPTED.label), 1)
    sheet = load_workbook(io.BytesIO(exports.results_xlsx(results))).active
    assert sheet is not None
    assert next(sheet.iter_rows(values_only=True))[:5] == (
        "轮次",
        "表决类型",
        "应到人数",
        "实到人数",
        "收回票数",
    )
    assert "特此公告" in _text(d.announcement_pdf(notice))
