"""What the `*_world.py` builders share. They run in a Django shell on the live platform's
database (`helpers.in_live_platform`), not in the test process, so nothing here imports
Playwright: accounts on the demo's password, a township under a city and county of the world's
own, its roster, and a year's cycle brought through 票决 by the real services."""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.utils import timezone

from accounts.models import User
from congresses.models import Congress
from tenants.demo.data import DEMO_PASSWORD
from tenants.deputies.models import Deputy, Term
from tenants.deputies.services import deputy_register, term_open
from tenants.voting.announcement import announcement_publish
from tenants.voting.models import Candidate, Cycle
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    cycle_create,
    round_close,
    round_open,
)
from tenants.voting.solicitation import call_publish
from tests.factories import make_member, make_term, provision_congresses
from tests.tenants.voting.factories import (
    Candidacy,
    cycle_with_candidates,
    party_review,
    voting_opened,
)


def platform_operator() -> User:
    """The platform's operator (seeded with the demo), who provisions every world."""
    return User.objects.get(username="ops")


def member(
    username: str,
    congress: Congress,
    roles: list[str],
    granted_by: User | None,
    *,
    display_name: str = "",
) -> User:
    """An account on the demo's password, with no password change pending, holding `roles`."""
    return make_member(
        username, congress, roles, granted_by, password=DEMO_PASSWORD, display_name=display_name
    )


def term_to_2027() -> Term:
    """The congress's current term, else the 18th opened to run to the end of 2027."""
    return make_term(ends_on=dt.date(2027, 12, 31))


def open_term_19() -> Term:
    """The congress's 19th term, 2026 to 2030, opened by the real service."""
    return term_open(
        number=19, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2030, 12, 31), actor=None
    )


def provision_township(
    by: User, slugs: tuple[str, str, str], names: tuple[str, str, str], codes: tuple[str, str, str]
) -> dict[str, Congress]:
    """A city, its county and the county's township (slugs, names and division codes in that
    order), provisioned by the real service; by slug."""
    city, county, town = slugs
    return provision_congresses(
        by,
        (city, names[0], "city", codes[0], None),
        (county, names[1], "county", codes[1], city),
        (town, names[2], "township", codes[2], county),
    )


def staffed_township(
    slugs: tuple[str, str, str],
    names: tuple[str, str, str],
    codes: tuple[str, str, str],
    *,
    staff_name: str = "",
) -> tuple[User, Congress]:
    """The platform's operator and a township of its own (`provision_township`), with its staff
    account `<township slug>-staff` (display name `staff_name`)."""
    operator = platform_operator()
    town = provision_township(operator, slugs, names, codes)[slugs[2]]
    member(f"{slugs[2]}-staff", town, ["staff"], operator, display_name=staff_name)
    return operator, town


def deputies_in_three_groups(
    term: Term, names: Sequence[str], *, users: Sequence[User | None] = (), actor: User | None
) -> list[Deputy]:
    """A township's roster: two deputies to a constituency, in three groups, every third a
    woman; the i-th deputy is linked to `users[i]` where there is one."""
    return [
        deputy_register(
            term=term,
            name=name,
            gender="female" if i % 3 == 1 else "male",
            level="township",
            constituency=f"第{i // 2 + 1}选区",
            delegation=f"第{i % 3 + 1}代表小组",
            actor=actor,
            user=users[i] if i < len(users) else None,
        )
        for i, name in enumerate(names)
    ]


def deputies_in_one_group(
    term: Term, names: Sequence[str], *, delegation: str = "", users: Sequence[User] = ()
) -> list[Deputy]:
    """A township's roster: two deputies to a constituency, a woman first, all in `delegation`;
    the i-th deputy is linked to `users[i]` where there is one."""
    return [
        deputy_register(
            term=term,
            name=name,
            gender="male" if i % 2 else "female",
            level="township",
            constituency=f"第{i // 2 + 1}选区",
            delegation=delegation,
            actor=None,
            user=users[i] if i < len(users) else None,
        )
        for i, name in enumerate(names)
    ]


def cycle_taking_proposals(
    *,
    term: Term,
    year: int,
    town_short: str,
    seats: int,
    call: tuple[str, str],
    open_days: tuple[int, int],
    actor: User | None,
) -> Cycle:
    """The township's `year` cycle for `seats` projects, its call for proposals (title, body)
    published on the portal, open from `open_days[0]` days ago to `open_days[1]` days on."""
    today = timezone.localdate()
    cycle = cycle_create(
        year=year,
        title=f"{town_short}{year}年民生实事项目人大代表票决",
        term=term,
        actor=actor,
        seats=seats,
    )
    title, body = call
    call_publish(
        cycle=cycle,
        title=title,
        body=body,
        actor=actor,
        opens_on=today - dt.timedelta(days=open_days[0]),
        closes_on=today + dt.timedelta(days=open_days[1]),
    )
    return cycle


def record_review(
    cycle: Cycle,
    *,
    summary: str = "同意提请镇人代会票决",
    held_on: dt.date | None = None,
    kind: str = "party_review",
    minutes: str = "党委审定纪要.pdf",
    uploaded_by: User | None = None,
    actor: User | None = None,
) -> None:
    """The party committee's review of the candidates (or another governance step, `kind`)
    recorded with its minutes, held `held_on` (today unless given)."""
    held_on = held_on or dt.date.today()
    party_review(
        cycle, summary, held_on, kind, minutes=minutes, uploaded_by=uploaded_by, actor=actor
    )


def one_seat_vote_opened(
    term: Term, year: int, candidates: Iterable[str], *, channel: str
) -> Cycle:
    """`year`'s cycle for one project among `candidates`, counted on `channel`, past the party
    review and open for voting, nobody named as acting."""
    cycle = cycle_with_candidates(
        term=term,
        year=year,
        title=f"{year}年民生实事项目票决",
        seats=1,
        candidates=candidates,
        actor=None,
        channel=channel,
    )
    record_review(cycle)
    return voting_opened(cycle, actor=None)


def vote_and_announce(
    cycle: Cycle,
    deputies: Sequence[Deputy],
    choices: Callable[[int, list[Candidate]], dict[str, str]],
    *,
    actor: User,
) -> None:
    """Every deputy signs in and casts `choices(i, candidates)` (the i-th deputy, the candidates
    in ballot order) in one round; the round is closed and the result announced."""
    for deputy in deputies:
        attendance_sign_in(cycle=cycle, deputy=deputy, actor=actor)
    round_ = round_open(cycle=cycle, actor=actor)
    listed = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
    for i, deputy in enumerate(deputies):
        ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices(i, listed), actor=actor)
    round_close(round_id=round_.pk, actor=actor)
    announcement_publish(cycle=cycle, actor=actor)


def projects_adopted(
    *,
    term: Term,
    deputies: Sequence[Deputy],
    town_short: str,
    year: int,
    projects: Sequence[tuple[Any, ...]],
    not_adopted: Candidacy,
    held_on: dt.date,
    review: str,
    choices: Callable[[int, list[Candidate]], dict[str, str]],
    actor: User,
    uploaded_by: User | None = None,
) -> Cycle:
    """The township's `year` brought through 票决 and handed over to implementation: `projects`
    (name, category, planned cost first) and `not_adopted` on the list, the party review held
    `held_on`, every deputy voting `choices`, the result announced."""
    cycle = cycle_with_candidates(
        term=term,
        year=year,
        title=f"{town_short}{year}年民生实事项目人大代表票决",
        seats=len(projects),
        candidates=[
            *((name, kind, planned, "") for name, kind, planned, *_ in projects),
            not_adopted,
        ],
        actor=actor,
    )
    record_review(
        cycle,
        held_on=held_on,
        summary=review,
        minutes="党委会议纪要.pdf",
        uploaded_by=uploaded_by,
        actor=actor,
    )
    cycle = voting_opened(cycle, actor=actor)
    vote_and_announce(cycle, deputies, choices, actor=actor)
    vote_results_hand_over(cycle=cycle, actor=actor)
    return cycle
