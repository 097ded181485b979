"""Builders for guidance and benchmark-round tests: staff of the city and the county, and a round
set up through the real services."""

import datetime as dt
from decimal import Decimal
from typing import Any

from accounts.models import User
from congresses.models import Congress
from supervision import services
from supervision.models import BenchmarkRound, Nomination
from supervision.services import CriterionSpec
from tests.conftest import PASSWORD, World
from tests.factories import make_member

TODAY = dt.date(2026, 6, 1)


def staff_of(
    world: World, congress: Congress, username: str, roles: list[str] | None = None
) -> User:
    return make_member(username, congress, roles or ["staff"], world.operator, password=PASSWORD)


CRITERIA = [
    CriterionSpec("履行职责好", 40, "activities", Decimal(20)),
    CriterionSpec("联系群众好", 35, "opinions", Decimal(10)),
    CriterionSpec("政治素质好", 25),
]


def make_round(
    world: World,
    actor: User,
    *,
    kind: str = "deputy",
    quota: int = 1,
    per_nominator_quota: int = 1,
    issuer: Congress | None = None,
    **extra: Any,
) -> BenchmarkRound:
    return services.round_create(
        issuer=issuer or world.city,
        actor=actor,
        kind=kind,
        title="2026年度优秀代表评选",
        year=2026,
        quota=quota,
        per_nominator_quota=per_nominator_quota,
        nominations_open_on=TODAY - dt.timedelta(days=5),
        nominations_close_on=TODAY + dt.timedelta(days=5),
        criteria=extra.pop("criteria", CRITERIA),
        **extra,
    )


def open_round(world: World, **options: Any) -> tuple[BenchmarkRound, User]:
    """A round of the city's, open for nominations, and the city staff member who set it up."""
    city_staff = staff_of(world, world.city, "city-staff")
    round_ = make_round(world, city_staff, **options)
    services.round_open(round_=round_, actor=city_staff)
    return round_, city_staff


def nominate(
    round_: BenchmarkRound,
    congress: Congress,
    actor: User,
    name: str,
    *,
    today: dt.date = TODAY,
    answers: dict[str, bool] | None = None,
    **declarations: bool,
) -> Nomination:
    """A nomination with every exclusion answered "no" but `declarations`, unless `answers`
    gives the answers as they are."""
    if answers is None:
        answers = dict.fromkeys(round_.exclusions, False) | declarations
    return services.nomination_submit(
        round_=round_,
        nominator=congress,
        actor=actor,
        nominee_name=name,
        statement=f"{name}积极履职，联系群众紧密。",
        declarations=answers,
        today=today,
    )


def score_all(round_: BenchmarkRound, reviewer: User, scores: dict[Nomination, int]) -> None:
    criteria = list(round_.criteria.all())
    for nomination, value in scores.items():
        services.score_record(
            nomination=nomination,
            reviewer=reviewer,
            values={c.pk: Decimal(value) for c in criteria},
        )
