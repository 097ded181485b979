"""Domain events: one product module tells the others what happened without importing them.

A publisher (voting) defines its events as frozen dataclasses in its own `events.py` and calls
`publish(event)` inside its service's transaction. A subscriber (duty, implementation) registers a
handler in its `AppConfig.ready`. Delivery is synchronous, in the publisher's transaction, in the
order of registration, so the subscriber's writes commit or roll back with the publisher's; a
subscriber that only reacts to committed facts asks for `on_commit=True`. This is an explicit
registry, not Django signals: `subscribers_of(EventType)` lists who reacts, and a handler that
raises aborts the publisher's write as any other error in its transaction would."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from django.db import transaction

E = TypeVar("E")


@dataclass(frozen=True)
class Subscriber:
    handler: Callable[[Any], None]
    on_commit: bool


_registry: defaultdict[type, list[Subscriber]] = defaultdict(list)


def subscribe(
    event_type: type[E], handler: Callable[[E], None], *, on_commit: bool = False
) -> None:
    """Register `handler` for `event_type`. Registering the same handler twice keeps one."""
    subscriber = Subscriber(handler=handler, on_commit=on_commit)
    if subscriber not in _registry[event_type]:
        _registry[event_type].append(subscriber)


def subscribers_of(event_type: type) -> list[Subscriber]:
    return list(_registry[event_type])


def publish(event: object) -> None:
    """Deliver `event` to its subscribers: now, or after the commit for those that asked."""
    cls = type(event)
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass: events are values")
    for subscriber in _registry[cls]:
        if subscriber.on_commit:
            transaction.on_commit(partial(subscriber.handler, event))
        else:
            subscriber.handler(event)
