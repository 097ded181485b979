"""The dashboard's tables, one per indicator group, as the page shows them and the Excel export
writes them: each a title and its columns, the figures it shows in their order. A figure's
header is declared once, here, whichever table shows it; what a figure is and how a rate is
computed is declared once, in platform/rollups/catalog.py, and a column's format follows from it."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rollups.catalog import KINDS, UNITS, Kind, Unit

FORMATS = {Kind.COUNT: "count", Kind.MONEY: "money", Kind.LABEL: "phase", Kind.DATE: "date"}


@dataclass(frozen=True)
class Column:
    key: str
    header: Promise

    @property
    def format(self) -> str:
        """count | money | phase for a stored figure, rate | stars for a ratio."""
        if self.key in UNITS:
            return "rate" if UNITS[self.key] is Unit.PERCENT else "stars"
        return FORMATS[KINDS[self.key]]


@dataclass(frozen=True)
class Table:
    name: str
    title: Promise
    columns: Sequence[Column]


# Each figure's column header, whichever table shows it.
HEADERS: dict[str, Promise] = {
    "voting_phase": _("票决阶段"),
    "proposals": _("项目建议"),
    "candidates": _("候选项目"),
    "adopted": _("票决通过项目"),
    "projects": _("实施项目"),
    "projects_completed": _("已完成"),
    "completion_rate": _("完成率"),
    "projects_red": _("红灯预警"),
    "milestones_overdue": _("逾期节点"),
    "funds_planned": _("计划资金（万元）"),
    "funds_allocated": _("已拨付（万元）"),
    "funds_spent": _("已支出（万元）"),
    "rated_satisfied": _("满意"),
    "rated_basic": _("基本满意"),
    "rated_unsatisfied": _("不满意"),
    "ballots_valid": _("有效票"),
    "ballots_satisfied": _("满意及基本满意票"),
    "satisfaction_rate": _("满意率"),
    "stations": _("联络站"),
    "stations_rated": _("已评星"),
    "average_stars": _("平均星级"),
    "activities": _("活动次数"),
    "activity_attendances": _("参加人次"),
    "deputies_active": _("参加活动代表"),
    "deputies": _("代表人数"),
    "participation_rate": _("代表参与率"),
    "opinions": _("收到意见"),
    "opinions_escalated_in": _("其中下级上报"),
    "opinions_closed": _("已办结"),
    "closure_rate": _("办结率"),
    "opinions_on_time": _("按期办结"),
    "timeliness_rate": _("按期办结率"),
    "opinions_overdue": _("超期未办"),
}


def _table(name: str, title: Promise, *keys: str) -> Table:
    """A table of the figures `keys`, in their order, each under its header."""
    return Table(name, title, tuple(Column(key, HEADERS[key]) for key in keys))


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        _table("voting", _("票决情况"), "voting_phase", "proposals", "candidates", "adopted"),
        _table(
            "implementation",
            _("项目实施与资金"),
            "projects",
            "projects_completed",
            "completion_rate",
            "projects_red",
            "milestones_overdue",
            "funds_planned",
            "funds_allocated",
            "funds_spent",
        ),
        _table(
            "evaluation",
            _("满意度测评"),
            "rated_satisfied",
            "rated_basic",
            "rated_unsatisfied",
            "ballots_valid",
            "ballots_satisfied",
            "satisfaction_rate",
        ),
        _table("stations", _("代表联络站"), "stations", "stations_rated", "average_stars"),
        _table(
            "activities",
            _("代表活动与履职"),
            "activities",
            "activity_attendances",
            "deputies_active",
            "deputies",
            "participation_rate",
        ),
        _table(
            "opinions",
            _("群众意见办理"),
            "opinions",
            "opinions_escalated_in",
            "opinions_closed",
            "closure_rate",
            "opinions_on_time",
            "timeliness_rate",
            "opinions_overdue",
        ),
    )
}
