"""票决的书面材料: the printable ballot (表决票), the tellers' tally sheet (计票单) and the
announcement (公告), rendered as PDF from plain data. No ORM and no HTTP here: `sheets.py` reads
the data, the API sends the bytes.

They are the congress's own documents and stay in Chinese whatever the reader's language. The
Chinese font is `ops.pdf`'s, shared with the platform's other PDFs.
"""

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ops.pdf import font_name

from .rules import rate_percent

PER_CANDIDATE, CHOOSE_N = "per_candidate", "choose_n"


@dataclass(frozen=True)
class CandidateLine:
    sequence: int
    name: str
    estimated_cost: Decimal | None = None


@dataclass(frozen=True)
class RoundSheet:
    """What the ballot and the tally sheet of one round show."""

    congress: str
    cycle_title: str
    round_number: int
    round_kind: str  # its label: 正式票决, 同票再次投票, 另行票决
    ballot_form: str  # PER_CANDIDATE or CHOOSE_N
    seats: int
    candidates: Sequence[CandidateLine]


@dataclass(frozen=True)
class AdoptedLine:
    rank: int
    name: str
    yes: int
    no: int
    abstain: int
    round_number: int  # the round that adopted it
    share: str | None = None  # 票决率: 赞成 over the threshold's base, percent, half-up


@dataclass(frozen=True)
class DecidingRound:
    number: int
    kind: str
    entitled: int
    present: int
    ballots: int


@dataclass(frozen=True)
class Announcement:
    congress: str
    cycle_title: str
    date: datetime.date
    ballot_form: str
    adopted: Sequence[AdoptedLine]
    rounds: Sequence[DecidingRound]
    share_base: str = "entitled"  # what the 票决率 is measured on: entitled | present | valid


@dataclass(frozen=True)
class AccountLine:
    candidate_id: int
    rank: int | None
    name: str
    category: str
    unit: str
    target: str
    outcome: str
    percent: int
    completed: bool
    funds_planned: Decimal
    funds_allocated: Decimal
    funds_spent: Decimal
    # The deputies' evaluation, once closed: its result, counts and 总体满意率 (percent).
    result: str | None = None
    counts: dict[str, int] | None = None
    rate: Decimal | None = None
    rate_base: str | None = None  # "valid": the 满意率 is over the valid ballots
    # The base the result was measured on: {"base": "entitled"|"valid", "base_count", "rate"}.
    verdict: dict[str, Any] | None = None
    # The public's online rating, a separate stream: counts per mark.
    public: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Account:
    congress: str
    year: int
    title: str
    evaluated: bool
    public_rating_open: bool
    lines: list[AccountLine]

    @property
    def funds_planned(self) -> Decimal:
        return sum((line.funds_planned for line in self.lines), Decimal(0))

    @property
    def funds_allocated(self) -> Decimal:
        return sum((line.funds_allocated for line in self.lines), Decimal(0))

    @property
    def funds_spent(self) -> Decimal:
        return sum((line.funds_spent for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    right: ParagraphStyle
    paragraph: ParagraphStyle  # indented by two characters, as Chinese prose is
    font: str


def _styles(font: str) -> _Styles:
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    return _Styles(
        title=ParagraphStyle(
            "title", parent=body, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, spaceAfter=8),
        body=body,
        cell=ParagraphStyle("cell", parent=body, fontSize=10.5, leading=14),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        paragraph=ParagraphStyle("paragraph", parent=body, firstLineIndent=22),
        font=font,
    )


def _pdf(story: list[Flowable], *, title: str, author: str) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author=author,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return out.getvalue()


def _grid(
    rows: list[list[object]], widths: list[float], font: str, *, header_rows: int = 1
) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EEEEEE")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _cost(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def _round_heading(sheet: RoundSheet) -> str:
    return f"第{sheet.round_number}轮（{sheet.round_kind}）"


def ballot_pdf(sheet: RoundSheet, *, font_path: str | None = None) -> bytes:
    """表决票: one row per candidate with a box for each choice (or one box, for choose-N)."""
    st = _styles(font_name(font_path))
    if sheet.ballot_form == CHOOSE_N:
        instructions = (
            f"请在同意的项目后的方框内划“○”。最多选择 {sheet.seats} 项，多选无效；"
            "未划“○”的项目视为不选。"
        )
        header: list[object] = ["序号", "项目名称", "估算投资（万元）", "选择"]
        widths = [14 * mm, 96 * mm, 34 * mm, 26 * mm]
        boxes = [""]
    else:
        instructions = "请对每个项目在“赞成”“反对”“弃权”中选择一项划“○”。"
        header = ["序号", "项目名称", "估算投资（万元）", "赞成", "反对", "弃权"]
        widths = [14 * mm, 82 * mm, 32 * mm, 14 * mm, 14 * mm, 14 * mm]
        boxes = ["", "", ""]
    rows: list[list[object]] = [header]
    for c in sheet.candidates:
        rows.append(
            [str(c.sequence), Paragraph(escape(c.name), st.cell), _cost(c.estimated_cost), *boxes]
        )
    table = _grid(rows, widths, st.font)
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (3, 1), (-1, -1), [colors.white]),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(escape(sheet.congress), st.subtitle),
        Paragraph(escape(f"{sheet.cycle_title}表决票"), st.title),
        Paragraph(_round_heading(sheet), st.subtitle),
        Paragraph(f"说明：{instructions}", st.body),
        Spacer(1, 6 * mm),
        table,
        Spacer(1, 8 * mm),
        Paragraph("本票不记名，不得在票面上书写与表决无关的内容。", st.body),
    ]
    return _pdf(story, title=f"{sheet.cycle_title}表决票", author=sheet.congress)


def tally_sheet_pdf(sheet: RoundSheet, *, font_path: str | None = None) -> bytes:
    """计票单: the tellers' empty grid per candidate, the round's totals and their signatures."""
    st = _styles(font_name(font_path))
    if sheet.ballot_form == CHOOSE_N:
        header: list[object] = ["序号", "项目名称", "得票数"]
        widths = [14 * mm, 116 * mm, 40 * mm]
        blanks = [""]
    else:
        header = ["序号", "项目名称", "赞成", "反对", "弃权"]
        widths = [14 * mm, 96 * mm, 20 * mm, 20 * mm, 20 * mm]
        blanks = ["", "", ""]
    rows: list[list[object]] = [header]
    for c in sheet.candidates:
        rows.append([str(c.sequence), Paragraph(escape(c.name), st.cell), *blanks])
    candidates = _grid(rows, widths, st.font)
    candidates.setStyle(TableStyle([("ALIGN", (0, 1), (0, -1), "CENTER")]))
    totals = _grid(
        [["发出票数", "收回票数", "有效票", "无效票"], ["", "", "", ""]],
        [42.5 * mm] * 4,
        st.font,
    )
    totals.setStyle(TableStyle([("ROWHEIGHT", (0, 1), (-1, 1), 12 * mm)]))
    signatures = Table(
        [["计票人（签名）：", "", "监票人（签名）：", ""]],
        colWidths=[32 * mm, 53 * mm, 32 * mm, 53 * mm],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.font, 11),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(escape(sheet.congress), st.subtitle),
        Paragraph(escape(f"{sheet.cycle_title}计票单"), st.title),
        Paragraph(f"{_round_heading(sheet)}　本轮产生项目数：{sheet.seats}", st.subtitle),
        candidates,
        Spacer(1, 6 * mm),
        totals,
        Spacer(1, 14 * mm),
        signatures,
        Spacer(1, 8 * mm),
        Paragraph("日期：________年____月____日", st.right),
    ]
    return _pdf(story, title=f"{sheet.cycle_title}计票单", author=sheet.congress)


def _date(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


SHARE_BASE_LABELS = {"entitled": "全体代表数", "present": "出席代表数", "valid": "有效票数"}


def _share(value: str | None) -> str:
    return "—" if value is None else f"{value}%"


def announcement_pdf(notice: Announcement, *, font_path: str | None = None) -> bytes:
    """公告: the adopted projects in rank order with their votes, and the deciding rounds' counts."""
    st = _styles(font_name(font_path))
    turnout = "；".join(
        f"第{r.number}轮（{r.kind}）应到代表{r.entitled}名，实到{r.present}名，收回选票{r.ballots}张"
        for r in notice.rounds
    )
    if notice.adopted:
        opening = (
            f"{notice.cycle_title}已经表决。{turnout}。"
            f"根据表决结果，以下{len(notice.adopted)}个项目确定为本年度民生实事项目："
        )
    else:
        opening = f"{notice.cycle_title}已经表决。{turnout}。经表决，没有项目获得通过。"
    story: list[Flowable] = [
        Paragraph(escape(f"{notice.congress}公告"), st.title),
        Paragraph(escape(notice.cycle_title), st.subtitle),
        Spacer(1, 4 * mm),
        Paragraph(escape(opening), st.paragraph),
        Spacer(1, 5 * mm),
    ]
    if notice.adopted:
        share = "票决率"
        choose_n = notice.ballot_form == CHOOSE_N
        if choose_n:
            header: list[object] = ["名次", "项目名称", "得票数", share, "表决轮次"]
            widths = [16 * mm, 90 * mm, 22 * mm, 22 * mm, 20 * mm]
        else:
            header = ["名次", "项目名称", "赞成", "反对", "弃权", share, "表决轮次"]
            widths = [14 * mm, 70 * mm, 15 * mm, 15 * mm, 15 * mm, 22 * mm, 19 * mm]
        rows: list[list[object]] = [header]
        for a in notice.adopted:
            counts = [a.yes] if choose_n else [a.yes, a.no, a.abstain]
            rows.append(
                [
                    str(a.rank),
                    Paragraph(escape(a.name), st.cell),
                    *(str(n) for n in counts),
                    _share(a.share),
                    str(a.round_number),
                ]
            )
        table = _grid(rows, widths, st.font)
        table.setStyle(
            TableStyle(
                [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "CENTER")]
            )
        )
        story += [
            table,
            Spacer(1, 3 * mm),
            Paragraph(
                escape(
                    f"票决率为赞成票占{SHARE_BASE_LABELS.get(notice.share_base, '')}的比例，"
                    "四舍五入保留两位小数。"
                ),
                st.body,
            ),
        ]
    story += [
        Spacer(1, 8 * mm),
        Paragraph("特此公告。", st.paragraph),
        Spacer(1, 14 * mm),
        Paragraph(escape(notice.congress), st.right),
        Paragraph(_date(notice.date), st.right),
    ]
    return _pdf(story, title=f"{notice.cycle_title}公告", author=notice.congress)


RESULT_LABELS = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
BASE_LABELS = {"entitled": "全体代表", "valid": "有效票"}


def mark_rates_note(counts: dict[str, int]) -> str:
    """满意 %, 基本满意 %, 不满意 % of the valid ballots (docs/evaluation.md), half-up."""
    valid = sum(counts.get(k, 0) for k in ("satisfied", "basic", "unsatisfied", "abstain"))
    if valid <= 0:
        return ""
    shown = "，".join(
        f"{label}{rate_percent(counts.get(key, 0), valid)}%" for key, label in RESULT_LABELS.items()
    )
    return f"；{shown}（以有效票{valid}张为基数）"


def verdict_note(verdict: dict[str, Any] | None) -> str:
    """Which base the result was measured on, when it is not the 满意率's: a rate over the
    valid ballots never stands unexplained beside a verdict taken over all deputies."""
    if not verdict or verdict.get("base") != "entitled":
        return ""
    rate = verdict.get("rate")
    return f"。测评结果以全体代表{verdict.get('base_count', 0)}人为基数" + (
        f"，满意与基本满意合计占{rate}%" if rate is not None else ""
    )


def account_pdf(account: Account, *, date: datetime.date, font_path: str | None = None) -> bytes:
    """明白账: per project its target, outcome, money and rating; the public's online rating apart.
    Landscape would squeeze Chinese less, but A4 portrait prints everywhere: one block per project."""
    st = _styles(font_name(font_path))
    story: list[Flowable] = [
        Paragraph(escape(account.congress), st.subtitle),
        Paragraph(escape(f"{account.year}年民生实事项目明白账"), st.title),
        Paragraph(escape(account.title), st.subtitle),
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                f"本年度实施民生实事项目{len(account.lines)}个，计划投资{_cost(account.funds_planned)}万元，"
                f"已拨付{_cost(account.funds_allocated)}万元，已支出{_cost(account.funds_spent)}万元。"
                + ("代表满意度测评结果如下。" if account.evaluated else "代表满意度测评尚未进行。")
            ),
            st.paragraph,
        ),
        Spacer(1, 4 * mm),
    ]
    for i, line in enumerate(account.lines, start=1):
        rating = "尚未测评"
        if line.result and line.counts:
            c = line.counts
            rating = (
                f"{RESULT_LABELS[line.result]}（满意{c['satisfied']}票，基本满意{c['basic']}票，"
                f"不满意{c['unsatisfied']}票，弃权{c['abstain']}票"
                + mark_rates_note(c)
                + (f"；满意率{line.rate}%（以有效票为基数）" if line.rate is not None else "")
                + "）"
                + verdict_note(line.verdict)
            )
        public_total = sum(line.public.values())
        public = (
            f"满意{line.public.get('satisfied', 0)}人，基本满意{line.public.get('basic', 0)}人，"
            f"不满意{line.public.get('unsatisfied', 0)}人"
            if public_total
            else "无"
        )
        rows: list[list[object]] = [
            ["年度目标", Paragraph(escape(line.target or "—"), st.cell)],
            ["责任单位", Paragraph(escape(line.unit or "—"), st.cell)],
            [
                "完成情况",
                Paragraph(escape(f"{line.outcome or '—'}（进度{line.percent}%）"), st.cell),
            ],
            [
                "资金（万元）",
                f"计划 {_cost(line.funds_planned)}　已拨付 {_cost(line.funds_allocated)}　"
                f"已支出 {_cost(line.funds_spent)}",
            ],
            ["代表测评", Paragraph(escape(rating), st.cell)],
            ["群众网上评价", Paragraph(escape(public), st.cell)],
        ]
        table = Table(
            [[Paragraph(escape(f"{i}. {line.name}"), st.body), ""], *rows],
            colWidths=[32 * mm, 138 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.font, 10.5),
                    ("SPAN", (0, 0), (1, 0)),
                    ("BACKGROUND", (0, 0), (1, 0), colors.HexColor("#EEEEEE")),
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story += [table, Spacer(1, 4 * mm)]
    story += [
        Paragraph("群众网上评价单独统计，不计入代表测评结果。", st.body),
        Spacer(1, 10 * mm),
        Paragraph(escape(account.congress), st.right),
        Paragraph(_date(date), st.right),
    ]
    return _pdf(story, title=f"{account.year}年民生实事项目明白账", author=account.congress)
