"""What each kind of benchmark round asks and refuses, declared in one place.

An exclusion is a question the nominating congress answers for its nominee; when the round
applies that exclusion, a "yes" refuses the nomination with the exclusion's reason. Outstanding
deputies exclude leaders (领导干部) and standing-committee members (常委会组成人员) by default, as
the 沅江 and similar schemes do (reference/domain-practice.md §3). Indicators are the nominee's
own figures a criterion may be tied to, so its score is pre-filled from the nominee's record.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Kind

Name = TypeVar("Name", str, Promise)


@dataclass(frozen=True)
class Exclusion:
    code: str
    label: Promise
    question: Promise
    reason: Promise


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Promise


@dataclass(frozen=True)
class ScoreItem(Generic[Name]):
    """A score item: its name, its weight and, when tied to an indicator, the figure that earns
    the full weight. A kind's default names it in the reader's language (a lazy text); a round's
    own, as its issuer wrote it."""

    name: Name
    weight: int
    indicator: str = ""
    indicator_full: Decimal | None = None


DefaultCriterion = ScoreItem[Promise]
CriterionSpec = ScoreItem[str]


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    exclusions: tuple[Exclusion, ...]
    default_exclusions: frozenset[str]
    indicators: tuple[Indicator, ...]
    default_criteria: tuple[DefaultCriterion, ...]

    def exclusion(self, code: str) -> Exclusion | None:
        return next((e for e in self.exclusions if e.code == code), None)

    def indicator_keys(self) -> frozenset[str]:
        return frozenset(i.key for i in self.indicators)


LEADER = Exclusion(
    "leader",
    _("领导干部"),
    _("被推荐人是否为领导干部？"),
    _("领导干部不参加优秀代表评选。"),
)
STANDING_COMMITTEE = Exclusion(
    "standing_committee",
    _("常委会组成人员"),
    _("被推荐人是否为人大常委会组成人员？"),
    _("人大常委会组成人员不参加优秀代表评选。"),
)
SPECIAL_COMMITTEE = Exclusion(
    "special_committee",
    _("专门委员会成员"),
    _("被推荐人是否为人大专门委员会成员？"),
    _("人大专门委员会成员不参加本次优秀代表评选。"),
)
DISCIPLINED = Exclusion(
    "disciplined",
    _("受过处分"),
    _("被推荐人本届内是否受过党纪政务处分？"),
    _("本届内受过党纪政务处分的代表不参加评选。"),
)
RECTIFICATION_PENDING = Exclusion(
    "rectification_pending",
    _("整改未完成"),
    _("该联络站是否有尚未完成的整改事项？"),
    _("有尚未完成整改事项的联络站不参加示范联络站评选。"),
)
STATION_NEW = Exclusion(
    "station_new",
    _("运行不满一年"),
    _("该联络站建成运行是否不满一年？"),
    _("建成运行不满一年的联络站不参加示范联络站评选。"),
)
CASE_OPEN = Exclusion(
    "case_open",
    _("尚未办结"),
    _("该案例涉及的事项是否尚未办结？"),
    _("尚未办结的事项不能作为典型案例推荐。"),
)

# The nominee's own figures (tenants/reporting/nominees.py; docs/indicators.md).
STARS = Indicator("stars", _("星级（有效）"))
RECEPTIONS = Indicator("receptions", _("接待日次数"))
OPINIONS = Indicator("opinions", _("收到群众意见数"))
OPINIONS_CLOSED = Indicator("opinions_closed", _("群众意见办结数"))
ACTIVITIES = Indicator("activities", _("参加活动次数"))
CLOSED = Indicator("closed", _("已办结（是为1）"))
ON_TIME = Indicator("on_time", _("按期办结（是为1）"))
RATED_WELL = Indicator("rated_well", _("群众评价满意（是为1）"))

KINDS: dict[str, KindSpec] = {
    Kind.STATION: KindSpec(
        kind=Kind.STATION,
        exclusions=(RECTIFICATION_PENDING, STATION_NEW),
        default_exclusions=frozenset({"rectification_pending", "station_new"}),
        indicators=(STARS, RECEPTIONS, OPINIONS, OPINIONS_CLOSED),
        default_criteria=(
            DefaultCriterion(_("阵地建设（星级）"), 30, "stars", Decimal(5)),
            DefaultCriterion(_("接待活动"), 30, "receptions", Decimal(12)),
            DefaultCriterion(_("意见办理"), 25, "opinions_closed", Decimal(30)),
            DefaultCriterion(_("特色成效"), 15),
        ),
    ),
    Kind.DEPUTY: KindSpec(
        kind=Kind.DEPUTY,
        exclusions=(LEADER, STANDING_COMMITTEE, SPECIAL_COMMITTEE, DISCIPLINED),
        default_exclusions=frozenset({"leader", "standing_committee", "disciplined"}),
        indicators=(ACTIVITIES, RECEPTIONS, OPINIONS),
        default_criteria=(
            DefaultCriterion(_("政治素质好"), 25),
            DefaultCriterion(_("履行职责好"), 25, "activities", Decimal(12)),
            DefaultCriterion(_("联系群众好"), 25, "receptions", Decimal(12)),
            DefaultCriterion(_("活动出勤好"), 25),
        ),
    ),
    Kind.CASE: KindSpec(
        kind=Kind.CASE,
        exclusions=(CASE_OPEN,),
        default_exclusions=frozenset({"case_open"}),
        indicators=(CLOSED, ON_TIME, RATED_WELL),
        default_criteria=(
            DefaultCriterion(_("问题代表性"), 30),
            DefaultCriterion(_("办理成效"), 40, "on_time", Decimal(1)),
            DefaultCriterion(_("群众满意度"), 30, "rated_well", Decimal(1)),
        ),
    ),
}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[kind]
