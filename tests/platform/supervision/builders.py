"""Builders for guidance and benchmark-round tests: staff of the city and the county, and a round
set up through the real services."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from accounts.models import User
from accounts.services import membership_grant, user_create
from congresses.models import Congress
from supervision import services
from supervision.models import BenchmarkRound, Nomination
from supervision.services import CriterionSpec
from tests.conftest import PASSWORD, World

TODAY = dt.date(2026, 6, 1)


def staff_of(
    world: World, congress: Congress, username: str, roles: list[str] | None = None
) -> User:
    user = user_create(
        username=username,
        password=PASSWORD,
        display_name=username,
        is_platform_operator=False,
        must_change_password=False,
    )
    with transaction.atomic():
        membership_grant(
            user=user, congress=congress, roles=roles or ["staff"], granted_by=world.operator
        )
    return user


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


def nominate(
    round_: BenchmarkRound, congress: Congress, actor: User, name: str, **declarations: bool
) -> Nomination:
    answers = dict.fromkeys(round_.exclusions, False) | declarations
    return services.nomination_submit(
        round_=round_,
        nominator=congress,
        actor=actor,
        nominee_name=name,
        statement=f"{name}积极履职，联系群众紧密。",
        declarations=answers,
        today=TODAY,
    )


def score_all(round_: BenchmarkRound, reviewer: User, scores: dict[Nomination, int]) -> None:
    criteria = list(round_.criteria.all())
    for nomination, value in scores.items():
        services.score_record(
            nomination=nomination,
            reviewer=reviewer,
            values={c.pk: Decimal(value) for c in criteria},
        )
