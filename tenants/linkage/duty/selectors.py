"""Reads of the duty record: the tenant's scheme, a deputy's entries and scores, the roster's
scores for a year (one query for the entries whatever the roster's size)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import QuerySet

from congresses.selectors import module_settings_values
from congresses.tenant import current_tenant
from tenants.deputies.models import Deputy

from . import rules
from .models import DutyEntry, Objection, Publication

# The key of this module's row in congresses.ModuleSettings.
SETTINGS_MODULE = "duty"


def duty_settings() -> rules.DutySettings:
    values = module_settings_values(congress_id=current_tenant().id, module=SETTINGS_MODULE)
    return rules.DutySettings.from_values(values)


def scheme_current() -> rules.Scheme:
    return duty_settings().scheme()


def as_rule_entry(entry: DutyEntry) -> rules.Entry:
    return rules.Entry(
        id=entry.pk,
        kind=entry.kind,
        occurred_on=entry.occurred_on,
        counted=entry.state == DutyEntry.State.COUNTED,
    )


def entries_of(deputy: Deputy, *, year: int) -> QuerySet[DutyEntry]:
    return DutyEntry.objects.filter(deputy=deputy, occurred_on__year=year).prefetch_related(
        "objections"
    )


@dataclass(frozen=True)
class Standing:
    score: Decimal
    band: rules.Band
    awarded: dict[int, Decimal]


def standing_of(entries: list[DutyEntry], scheme: rules.Scheme, *, year: int) -> Standing:
    plain = [as_rule_entry(e) for e in entries]
    value = rules.score(plain, scheme, year=year)
    return Standing(value, rules.band(value, scheme), rules.award(plain, scheme))


@dataclass(frozen=True)
class DeputyScore:
    deputy: Deputy
    score: Decimal
    band: rules.Band
    entries: int


def roster_scores(*, year: int, through: date | None = None) -> list[DeputyScore]:
    """Every serving deputy of the current term with the year's score (up to `through`)."""
    scheme = scheme_current()
    by_deputy: dict[int, list[rules.Entry]] = defaultdict(list)
    found = DutyEntry.objects.filter(occurred_on__year=year, deputy__term__is_current=True)
    if through is not None:
        found = found.filter(occurred_on__lte=through)
    for entry in found:
        by_deputy[entry.deputy_id].append(as_rule_entry(entry))
    deputies = Deputy.objects.filter(term__is_current=True, status=Deputy.Status.SERVING)
    out = []
    for deputy in deputies.order_by("name", "pk"):
        mine = by_deputy.get(deputy.pk, [])
        value = rules.score(mine, scheme, year=year)
        out.append(DeputyScore(deputy, value, rules.band(value, scheme), len(mine)))
    return out


def publication_open_for(day: date, *, now: datetime) -> Publication | None:
    """The publication of `day`'s quarter, if its objection window is open at `now`."""
    return Publication.objects.filter(
        year=day.year, quarter=rules.quarter_of(day), published_at__lte=now, objection_until__gt=now
    ).first()


def quarters_open(*, now: datetime) -> set[tuple[int, int]]:
    """(year, quarter) of every publication whose objection window is open at `now`."""
    return set(
        Publication.objects.filter(published_at__lte=now, objection_until__gt=now).values_list(
            "year", "quarter"
        )
    )


def objection_list() -> QuerySet[Objection]:
    return Objection.objects.select_related("entry__deputy", "publication")


def deputies_active(*, year: int) -> int:
    """Distinct deputies with at least one counted entry in the year."""
    return (
        DutyEntry.objects.filter(occurred_on__year=year, state=DutyEntry.State.COUNTED)
        .values("deputy")
        .distinct()
        .count()
    )
