"""履职档案交换格式: the duty record for the provincial and national deputy-work platforms, as
JSON and as an xlsx workbook with the same fields (docs/linkage-duty.md defines the format).
`exchange_document` builds it from the records; `exchange_xlsx` writes the workbook and
`exchange_from_xlsx` reads one back, as a receiving platform would."""

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from congresses.models import Congress
from congresses.tenant import current_tenant
from ops.errors import DomainError
from ops.spreadsheet import FORMULA_LEADS, sheet_append
from tenants.deputies.models import Deputy

from . import rules
from .models import DutyEntry, Kind
from .selectors import as_rule_entry, scheme_current

FORMAT = "congress.duty-record"
VERSION = 1
FIELDS = (
    "entry_id",
    "deputy_id",
    "deputy_name",
    "deputy_level",
    "kind",
    "kind_name",
    "occurred_on",
    "title",
    "state",
    "points",
    "origin_congress",
    "origin_division_code",
)
META = ("format", "version", "congress_name", "congress_level", "division_code", "from", "to")
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    first: date
    last: date


def period_parse(first: str, last: str) -> Period:
    """`from`/`to` as given (YYYY-MM-DD, inclusive); the current year when absent."""
    year = timezone.localdate().year
    try:
        start = date.fromisoformat(first) if first else date(year, 1, 1)
        end = date.fromisoformat(last) if last else date(start.year, 12, 31)
    except ValueError:
        start = end = date.min
    if start == date.min or end < start or (end - start).days > MAX_DAYS:
        raise DomainError(
            "period_invalid",
            _("导出期间无效：请用 YYYY-MM-DD 格式，截止日期不早于起始日期，跨度不超过三年。"),
            field="from",
        )
    return Period(start, end)


def exchange_document(*, period: Period, deputy: Deputy | None = None) -> dict[str, Any]:
    """The record of the period (one deputy's, or the whole roster's), points under this
    congress's rules: each year's caps count from the year's first entry, so the entries of the
    whole years spanned are scored and those of the period kept."""
    here = Congress.objects.get(pk=current_tenant().id)
    found = DutyEntry.objects.select_related("deputy").filter(
        occurred_on__year__gte=period.first.year, occurred_on__year__lte=period.last.year
    )
    if deputy is not None:
        found = found.filter(deputy=deputy)
    entries = list(found.order_by("deputy__name", "deputy_id", "occurred_on", "id"))
    scheme = scheme_current()
    by_deputy: dict[int, list[rules.Entry]] = defaultdict(list)
    for entry in entries:
        by_deputy[entry.deputy_id].append(as_rule_entry(entry))
    points: dict[int, Decimal] = {}
    for plain in by_deputy.values():
        points.update(rules.award(plain, scheme))
    kept = [e for e in entries if period.first <= e.occurred_on <= period.last]
    origins = {
        pk: (name, code)
        for pk, name, code in Congress.objects.filter(
            pk__in={e.origin_congress_id for e in kept if e.origin_congress_id}
        ).values_list("pk", "name", "division_code")
    }

    def origin(entry: DutyEntry) -> tuple[str, str]:
        if entry.origin_congress_id is None:
            return here.name, here.division_code
        name, code = origins.get(entry.origin_congress_id, (entry.origin_congress_name, ""))
        return entry.origin_congress_name or name, code

    return {
        "format": FORMAT,
        "version": VERSION,
        "congress": {"name": here.name, "level": here.level, "division_code": here.division_code},
        "period": {"from": period.first.isoformat(), "to": period.last.isoformat()},
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "entries": [
            {
                "entry_id": e.pk,
                "deputy_id": e.deputy_id,
                "deputy_name": e.deputy.name,
                "deputy_level": e.deputy.level,
                "kind": e.kind,
                "kind_name": str(Kind(e.kind).label),
                "occurred_on": e.occurred_on.isoformat(),
                "title": e.title,
                "state": e.state,
                "points": str(points.get(e.pk, Decimal(0)).quantize(Decimal("0.1"))),
                "origin_congress": origin(e)[0],
                "origin_division_code": origin(e)[1],
            }
            for e in kept
        ],
    }


def exchange_xlsx(document: dict[str, Any]) -> bytes:
    """The workbook: sheet `meta` (key, value) and sheet `entries` (the field codes, then one
    row per entry), text through the one spreadsheet writer."""
    book = Workbook()
    meta = book.active
    assert meta is not None
    meta.title = "meta"
    congress, period = document["congress"], document["period"]
    for key, value in (
        ("format", document["format"]),
        ("version", document["version"]),
        ("congress_name", congress["name"]),
        ("congress_level", congress["level"]),
        ("division_code", congress["division_code"]),
        ("from", period["from"]),
        ("to", period["to"]),
        ("generated_at", document["generated_at"]),
    ):
        sheet_append(meta, [key, value])
    sheet = book.create_sheet("entries")
    sheet_append(sheet, FIELDS)
    for entry in document["entries"]:
        values: list[Any] = [entry[f] for f in FIELDS]
        values[FIELDS.index("occurred_on")] = date.fromisoformat(entry["occurred_on"])
        values[FIELDS.index("points")] = float(entry["points"])
        sheet_append(sheet, values)
    for cell in sheet["G"][1:]:
        cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value: Any) -> str:
    text = "" if value is None else str(value)
    # The writer's apostrophe before formula-like text is not part of the value.
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_LEADS) else text


def exchange_from_xlsx(data: bytes) -> dict[str, Any]:
    """Read a workbook of this format back into the JSON document's shape."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    meta: dict[str, Any] = {_text(k): v for k, v in book["meta"].iter_rows(values_only=True)}
    rows = book["entries"].iter_rows(values_only=True)
    header = tuple(_text(v) for v in next(rows))
    if header != FIELDS:
        raise ValueError("not a duty-record workbook")
    entries = []
    for row in rows:
        entry: dict[str, Any] = dict(zip(FIELDS, row, strict=True))
        day = entry["occurred_on"]
        entries.append(
            {
                **{f: _text(entry[f]) for f in FIELDS},
                "entry_id": int(entry["entry_id"]),
                "deputy_id": int(entry["deputy_id"]),
                "occurred_on": (day.date() if isinstance(day, datetime) else day).isoformat(),
                "points": str(Decimal(str(entry["points"])).quantize(Decimal("0.1"))),
            }
        )
    return {
        "format": _text(meta["format"]),
        "version": int(meta["version"]),
        "congress": {
            "name": _text(meta["congress_name"]),
            "level": _text(meta["congress_level"]),
            "division_code": _text(meta["division_code"]),
        },
        "period": {"from": _text(meta["from"]), "to": _text(meta["to"])},
        "generated_at": _text(meta["generated_at"]),
        "entries": entries,
    }
