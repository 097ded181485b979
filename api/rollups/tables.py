"""The dashboard's tables, one per indicator group, as the page shows them and the Excel export
writes them: each a title and its columns (a figure's key and its header). What a figure is and
how a rate is computed is declared once, in platform/rollups/catalog.py; a column's format
follows from it."""

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


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "voting",
            _("票决情况"),
            (
                Column("voting_phase", _("票决阶段")),
                Column("proposals", _("项目建议")),
                Column("candidates", _("候选项目")),
                Column("adopted", _("票决通过项目")),
            ),
        ),
        Table(
            "implementation",
            _("项目实施与资金"),
            (
                Column("projects", _("实施项目")),
                Column("projects_completed", _("已完成")),
                Column("completion_rate", _("完成率")),
                Column("projects_red", _("红灯预警")),
                Column("milestones_overdue", _("逾期节点")),
                Column("funds_planned", _("计划资金（万元）")),
                Column("funds_allocated", _("已拨付（万元）")),
                Column("funds_spent", _("已支出（万元）")),
            ),
        ),
        Table(
            "evaluation",
            _("满意度测评"),
            (
                Column("rated_satisfied", _("满意")),
                Column("rated_basic", _("基本满意")),
                Column("rated_unsatisfied", _("不满意")),
                Column("ballots_valid", _("有效票")),
                Column("ballots_satisfied", _("满意及基本满意票")),
                Column("satisfaction_rate", _("满意率")),
            ),
        ),
        Table(
            "stations",
            _("代表联络站"),
            (
                Column("stations", _("联络站")),
                Column("stations_rated", _("已评星")),
                Column("average_stars", _("平均星级")),
            ),
        ),
        Table(
            "activities",
            _("代表活动与履职"),
            (
                Column("activities", _("活动次数")),
                Column("activity_attendances", _("参加人次")),
                Column("deputies_active", _("参加活动代表")),
                Column("deputies", _("代表人数")),
                Column("participation_rate", _("代表参与率")),
            ),
        ),
        Table(
            "opinions",
            _("群众意见办理"),
            (
                Column("opinions", _("收到意见")),
                Column("opinions_escalated_in", _("其中下级上报")),
                Column("opinions_closed", _("已办结")),
                Column("closure_rate", _("办结率")),
                Column("opinions_on_time", _("按期办结")),
                Column("timeliness_rate", _("按期办结率")),
                Column("opinions_overdue", _("超期未办")),
            ),
        ),
    )
}
