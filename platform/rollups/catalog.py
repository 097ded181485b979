"""Every figure the dashboards show, declared once (docs/indicators.md defines each in words).

A *stored* figure is what a topic's indicator provider (`registry.indicators`) returns and the
rollup row keeps. A *ratio* is never stored: it is computed by `rules.with_rates` from two stored
figures of the same topic, for a tenant's row and for any total alike, so the dashboard, its
Excel export and the wall cannot disagree about it. A key a provider has not (yet) returned
reads as nothing: 0 in sums, None in a tenant's row.

A ratio's numerator and denominator come from one topic: the two are then always computed by the
same provider call in the same drain, so a rate can never mix a fresh count with a stale one
(`tests/platform/rollups/test_rules.py` holds the table to it)."""

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    COUNT = "count"
    MONEY = "money"  # 万元, a Decimal
    LABEL = "label"  # a code, such as the 票决 phase, or a name
    DATE = "date"  # an ISO day, such as when a stage of the route was reached


class Unit(Enum):
    PERCENT = "percent"  # numerator / denominator x 100, 0 to 100
    STARS = "stars"  # numerator / denominator, an average number of stars


@dataclass(frozen=True)
class Figure:
    key: str
    topic: str
    kind: Kind


@dataclass(frozen=True)
class Ratio:
    key: str
    numerator: str
    denominator: str
    unit: Unit


FIGURES: tuple[Figure, ...] = (
    Figure("voting_phase", "voting", Kind.LABEL),
    # The rule template the year's cycle started from: its name ("" none), its issuer ("" own).
    Figure("rules_template", "voting", Kind.LABEL),
    Figure("rules_template_issuer", "voting", Kind.LABEL),
    Figure("proposals", "voting", Kind.COUNT),
    Figure("candidates", "voting", Kind.COUNT),
    Figure("adopted", "voting", Kind.COUNT),
    # The days the year's cycle reached each stage of the route (docs/route.md).
    Figure("route_solicit_close", "voting", Kind.DATE),
    Figure("route_consultation", "voting", Kind.DATE),
    Figure("route_party_review", "voting", Kind.DATE),
    Figure("route_vote", "voting", Kind.DATE),
    Figure("route_announce", "voting", Kind.DATE),
    Figure("route_midyear", "implementation", Kind.DATE),
    Figure("route_evaluation", "voting", Kind.DATE),
    Figure("projects", "implementation", Kind.COUNT),
    Figure("projects_completed", "implementation", Kind.COUNT),
    Figure("projects_red", "implementation", Kind.COUNT),
    Figure("milestones_overdue", "implementation", Kind.COUNT),
    Figure("funds_planned", "implementation", Kind.MONEY),
    Figure("funds_allocated", "implementation", Kind.MONEY),
    Figure("funds_spent", "implementation", Kind.MONEY),
    Figure("rated_satisfied", "evaluation", Kind.COUNT),
    Figure("rated_basic", "evaluation", Kind.COUNT),
    Figure("rated_unsatisfied", "evaluation", Kind.COUNT),
    Figure("ballots_valid", "evaluation", Kind.COUNT),
    Figure("ballots_satisfied", "evaluation", Kind.COUNT),
    Figure("stations", "stations", Kind.COUNT),
    Figure("stations_rated", "stations", Kind.COUNT),
    Figure("star_total", "stations", Kind.COUNT),
    Figure("deputies", "activities", Kind.COUNT),
    Figure("activities", "activities", Kind.COUNT),
    Figure("activity_attendances", "activities", Kind.COUNT),
    Figure("deputies_active", "activities", Kind.COUNT),
    Figure("opinions", "opinions", Kind.COUNT),
    Figure("opinions_escalated_in", "opinions", Kind.COUNT),
    Figure("opinions_closed", "opinions", Kind.COUNT),
    Figure("opinions_on_time", "opinions", Kind.COUNT),
    Figure("opinions_overdue", "opinions", Kind.COUNT),
)

RATIOS: tuple[Ratio, ...] = (
    Ratio("completion_rate", "projects_completed", "projects", Unit.PERCENT),
    Ratio("satisfaction_rate", "ballots_satisfied", "ballots_valid", Unit.PERCENT),
    Ratio("average_stars", "star_total", "stations_rated", Unit.STARS),
    Ratio("participation_rate", "deputies_active", "deputies", Unit.PERCENT),
    Ratio("closure_rate", "opinions_closed", "opinions", Unit.PERCENT),
    Ratio("timeliness_rate", "opinions_on_time", "opinions_closed", Unit.PERCENT),
)

KINDS: dict[str, Kind] = {figure.key: figure.kind for figure in FIGURES}
TOPICS: dict[str, str] = {figure.key: figure.topic for figure in FIGURES}
SUMMABLE = tuple(key for key, kind in KINDS.items() if kind in (Kind.COUNT, Kind.MONEY))
UNITS: dict[str, Unit] = {ratio.key: ratio.unit for ratio in RATIOS}
