"""届次: a term opens with its sessions, one at a time; it closes only when no vote of its
deputies is still to come; the next one starts with or without the last one's deputies."""

from collections.abc import Iterator
from datetime import date

import pytest
from django_tenants.utils import tenant_context

from congresses.models import Congress
from directory.models import DeputyListing
from ops.errors import Conflict, DomainError
from tenants.deputies.models import Deputy, Term
from tenants.deputies.services import term_close, term_open, term_session_add
from tenants.voting.models import Phase
from tenants.voting.services import cycle_create
from tests.conftest import World
from tests.tenants.stations.factories import make_deputy


@pytest.fixture
def town(world: World) -> Iterator[Congress]:
    with tenant_context(world.town_b):
        yield world.town_b


def _open(number: int = 18, **extra: object) -> Term:
    return term_open(
        number=number,
        starts_on=date(2022, 1, 1) if number == 18 else date(2027, 1, 1),
        ends_on=date(2026, 12, 31) if number == 18 else date(2031, 12, 31),
        actor=None,
        **extra,  # type: ignore[arg-type]
    )


def test_a_term_opens_with_its_sessions_numbered_in_date_order(town: Congress) -> None:
    term = _open(sessions=[date(2023, 1, 10), date(2022, 1, 5)])

    assert term.is_current
    assert [(s.number, s.opens_on) for s in term.sessions.all()] == [
        (1, date(2022, 1, 5)),
        (2, date(2023, 1, 10)),
    ]
    third = term_session_add(term=term, opens_on=date(2024, 1, 8), actor=None)
    assert third.number == 3


def test_a_second_term_is_refused_while_one_is_open(town: Congress) -> None:
    _open()

    with pytest.raises(Conflict) as refused:
        _open(19)

    assert refused.value.code == "term_still_open" and refused.value.field == "number"
    assert Term.objects.count() == 1


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "sessions", "code", "field"),
    [
        (date(2022, 1, 1), date(2022, 1, 1), [], "term_dates_invalid", "ends_on"),
        (date(2022, 1, 1), date(2040, 1, 1), [], "term_too_long", "ends_on"),
        (
            date(2022, 1, 1),
            date(2026, 12, 31),
            [date(2021, 12, 1)],
            "session_date_outside_term",
            "sessions.0",
        ),
    ],
)
def test_bad_dates_are_refused_naming_the_field_and_nothing_is_stored(
    town: Congress,
    starts_on: date,
    ends_on: date,
    sessions: list[date],
    code: str,
    field: str,
) -> None:
    with pytest.raises(DomainError) as refused:
        term_open(number=18, starts_on=starts_on, ends_on=ends_on, sessions=sessions, actor=None)

    assert (refused.value.code, refused.value.field) == (code, field)
    assert not Term.objects.exists()


def test_a_session_outside_the_term_or_before_the_last_is_refused(town: Congress) -> None:
    term = _open(sessions=[date(2023, 1, 10)])

    with pytest.raises(DomainError) as before_last:
        term_session_add(term=term, opens_on=date(2022, 6, 1), actor=None)
    with pytest.raises(DomainError) as outside:
        term_session_add(term=term, opens_on=date(2027, 1, 1), actor=None)

    assert before_last.value.code == "session_not_after_last"
    assert outside.value.code == "session_date_outside_term"
    assert term.sessions.count() == 1


def test_a_term_with_a_vote_still_to_come_cannot_close(town: Congress) -> None:
    term = _open()
    cycle = cycle_create(year=2026, title="2026年民生实事", term=term, actor=None)

    with pytest.raises(Conflict) as refused:
        term_close(term=term, actor=None)

    assert refused.value.code == "term_in_use" and "2026" in refused.value.message
    assert Term.objects.get(pk=term.pk).is_current
    # once the vote is held and the projects are in implementation, the term may close
    cycle.phase = Phase.IMPLEMENT
    cycle.save(update_fields=["phase"])
    assert not term_close(term=term, actor=None).is_current


def test_a_closed_term_cannot_close_again_nor_take_sessions(town: Congress) -> None:
    term = term_close(term=_open(), actor=None)

    with pytest.raises(Conflict):
        term_close(term=term, actor=None)
    with pytest.raises(Conflict):
        term_session_add(term=term, opens_on=date(2023, 1, 1), actor=None)


def test_the_next_term_carries_the_serving_deputies_over_or_starts_empty(
    town: Congress,
) -> None:
    make_deputy("连任代表", phone="13700000001")
    ended = make_deputy("离任代表", phone="13700000002")
    ended.status = Deputy.Status.ENDED
    ended.save(update_fields=["status"])
    old = Term.objects.get(is_current=True)
    term_close(term=old, actor=None)
    assert not DeputyListing.objects.filter(congress=town, term_number=18, serving=True).exists()

    new = _open(19, carry_over=True)

    carried = Deputy.objects.filter(term=new)
    assert [d.name for d in carried] == ["连任代表"]
    assert DeputyListing.objects.filter(congress=town, term_number=19, serving=True).count() == 1
    # the old roster is kept as it was
    assert Deputy.objects.filter(term=old).count() == 2


def test_a_term_number_must_follow_the_last_and_carry_over_needs_a_last_term(
    town: Congress,
) -> None:
    with pytest.raises(DomainError) as nothing_to_carry:
        _open(carry_over=True)
    term_close(term=_open(), actor=None)
    with pytest.raises(DomainError) as backwards:
        term_open(number=17, starts_on=date(2027, 1, 1), ends_on=date(2031, 12, 31), actor=None)
    with pytest.raises(Conflict) as again:
        _open(18)

    assert nothing_to_carry.value.field == "carry_over"
    assert backwards.value.code == "term_number_not_after_last"
    assert again.value.code == "term_exists"
