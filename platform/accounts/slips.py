"""账号通知单: the slips an administrator prints and hands out at a session, one per person, each
with the person's username and one-time password. Rendered from plain data into a PDF that lives
only in the response that issued the passwords: nothing here is stored.

The slips are the congress's own documents and stay in Chinese whatever the reader's language."""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ops.pdf import font_name

# A password's characters told apart on paper: a fixed-width Latin face, not the CJK font.
MONO_FACE = "Courier-Bold"
SLIP_NOTE = (
    "初始密码仅用于首次登录。首次登录后系统将要求您立即设置新密码，初始密码随即失效。"
    "请妥善保管本通知单，不要转交他人；如遗失，请联系系统管理员重新发放。"
)


@dataclass(frozen=True)
class Slip:
    name: str
    username: str
    password: str


def slips_filename(congress_name: str) -> str:
    return f"{congress_name}-账号通知单.pdf"


def slips_pdf(
    *, congress_name: str, login_url: str, slips: Sequence[Slip], font_path: str | None = None
) -> bytes:
    """One slip per person, three to a page, with a dashed line to cut along between them."""
    font = font_name(font_path)
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=TA_CENTER)
    note = ParagraphStyle("note", parent=body, fontSize=9.5, leading=14)
    password = ParagraphStyle("password", parent=body, fontName=MONO_FACE, fontSize=14)
    story: list[object] = []
    for index, slip in enumerate(slips):
        rows = [
            [Paragraph("姓名", body), Paragraph(escape(slip.name), body)],
            [Paragraph("用户名", body), Paragraph(escape(slip.username), password)],
            [Paragraph("初始密码", body), Paragraph(escape(slip.password), password)],
            [Paragraph("登录地址", body), Paragraph(escape(login_url), body)],
        ]
        table = Table(rows, colWidths=[28 * mm, 130 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEEEEE")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        block = [
            Paragraph(escape(congress_name), title),
            Paragraph("账号通知单", title),
            Spacer(1, 3 * mm),
            table,
            Spacer(1, 2 * mm),
            Paragraph(SLIP_NOTE, note),
        ]
        if index < len(slips) - 1:
            cut = Table([[""]], colWidths=[158 * mm], rowHeights=[6 * mm])
            cut.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.grey, 1, (3, 3))]))
            block += [cut, Spacer(1, 6 * mm)]
        story.append(KeepTogether(block))
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"{congress_name} 账号通知单",
        author=congress_name,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    ).build(story)  # type: ignore[arg-type]
    return out.getvalue()
