"""Indicator providers by topic. Each tenant module registers, from its AppConfig.ready(), a
function that computes its figures for one year from its own schema; the rollups call it with
the tenant's schema set, both when draining the outbox and in the nightly rebuild, so the two
paths cannot disagree."""

from collections.abc import Callable
from decimal import Decimal

Figures = dict[str, int | Decimal | str | None]
Provider = Callable[[int], Figures]
_providers: dict[str, Provider] = {}


def indicators(topic: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        if _providers.get(topic, func) is not func:
            raise RuntimeError(f"two indicator providers for topic {topic!r}")
        _providers[topic] = func
        return func

    return register


def providers() -> dict[str, Provider]:
    return dict(_providers)
