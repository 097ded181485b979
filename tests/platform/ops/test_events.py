"""The in-process event registry: who subscribes, when they run, what may be published."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from ops.events import publish, subscribe, subscribers_of
from tenants.voting.events import (
    AttendanceSigned,
    CommentPosted,
    EvaluationUnsatisfied,
    VoteResultsFinal,
)


@dataclass(frozen=True)
class Happened:
    what: str


@dataclass(frozen=True)
class Committed:
    what: str


@dataclass
class Mutable:
    what: str


def test_a_subscriber_runs_at_once_in_the_publishers_transaction() -> None:
    seen: list[str] = []
    subscribe(Happened, lambda event: seen.append(f"now:{event.what}"))

    publish(Happened("a"))

    assert seen == ["now:a"]


@pytest.mark.django_db
def test_an_on_commit_subscriber_waits_for_the_commit(
    django_capture_on_commit_callbacks: Any,
) -> None:
    seen: list[str] = []

    def later(event: Committed) -> None:
        seen.append(event.what)

    subscribe(Committed, later, on_commit=True)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(Committed("kept"))
        assert seen == []

    assert seen == ["kept"]


def test_subscribing_twice_keeps_one_subscriber() -> None:
    def handler(event: Happened) -> None: ...

    subscribe(Happened, handler)
    subscribe(Happened, handler)

    assert [s.handler for s in subscribers_of(Happened)].count(handler) == 1


def test_only_frozen_dataclasses_are_published() -> None:
    with pytest.raises(TypeError):
        publish(Mutable("x"))


def test_voting_s_events_have_their_subscribers_registered_by_the_apps() -> None:
    def names(event_type: type) -> set[str]:
        return {s.handler.__module__ for s in subscribers_of(event_type)}

    assert names(AttendanceSigned) == {"tenants.linkage.duty.subscribers"}
    assert names(CommentPosted) == {"tenants.linkage.duty.subscribers"}
    assert names(VoteResultsFinal) == {"tenants.implementation.subscribers"}
    assert names(EvaluationUnsatisfied) == {"tenants.implementation.subscribers"}
