"""The indicators the dashboards read, by topic: the contract between the tenant modules'
providers (`registry.indicators`) and the city's figures. A key a provider has not (yet)
returned reads as nothing: 0 in sums, None in a tenant's row."""

from enum import Enum


class Kind(Enum):
    COUNT = "count"
    MONEY = "money"  # 万元, a Decimal
    RATE = "rate"  # a share from 0 to 1
    LABEL = "label"  # a code, such as the 票决 phase


INDICATORS: dict[str, dict[str, Kind]] = {
    "voting": {
        "voting_phase": Kind.LABEL,
        "proposals": Kind.COUNT,
        "candidates": Kind.COUNT,
        "adopted": Kind.COUNT,
    },
    "implementation": {
        "projects": Kind.COUNT,
        "projects_completed": Kind.COUNT,
        "projects_red": Kind.COUNT,
        "milestones_overdue": Kind.COUNT,
        "funds_planned": Kind.MONEY,
        "funds_allocated": Kind.MONEY,
        "funds_spent": Kind.MONEY,
    },
    "evaluation": {
        "rated_satisfied": Kind.COUNT,
        "rated_basic": Kind.COUNT,
        "rated_unsatisfied": Kind.COUNT,
        "satisfaction_rate": Kind.RATE,
    },
    "stations": {
        "stations": Kind.COUNT,
        "stations_rated": Kind.COUNT,
        "star_total": Kind.COUNT,
        "deputies": Kind.COUNT,
    },
    "activities": {
        "activities": Kind.COUNT,
        "activity_attendances": Kind.COUNT,
        "deputies_active": Kind.COUNT,
    },
    "opinions": {
        "opinions": Kind.COUNT,
        "opinions_closed": Kind.COUNT,
        "opinions_on_time": Kind.COUNT,
        "opinions_overdue": Kind.COUNT,
    },
}

KINDS: dict[str, Kind] = {key: kind for keys in INDICATORS.values() for key, kind in keys.items()}
SUMMABLE = tuple(key for key, kind in KINDS.items() if kind in (Kind.COUNT, Kind.MONEY))
