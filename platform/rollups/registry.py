"""Indicator providers by topic. Each tenant module registers, from its AppConfig.ready(), a
function that computes its figures for one year from its own schema; the rollups call it with
the tenant's schema set, both when draining the outbox and in the nightly rebuild, so the two
paths cannot disagree."""

from collections.abc import Callable
from decimal import Decimal

from ops.registry import register_under

Figures = dict[str, int | Decimal | str | None]
Provider = Callable[[int], Figures]
_providers: dict[str, Provider] = {}


def indicators(topic: str) -> Callable[[Provider], Provider]:
    return register_under(_providers, topic, what="indicator providers for topic")


def providers() -> dict[str, Provider]:
    return dict(_providers)
