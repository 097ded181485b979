"""Receivers by dispatch kind. Tenant modules fill it from their AppConfig.ready(), so the
platform delivers to them without importing them."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from ops.registry import register_under

if TYPE_CHECKING:
    from .models import Dispatch

Receiver = Callable[["Dispatch"], None]
_receivers: dict[str, Receiver] = {}


def receiver(kind: str) -> Callable[[Receiver], Receiver]:
    """Register the function that applies dispatches of `kind` in the target's schema.

    It runs inside the delivery's transaction with the target's schema set, and must be
    idempotent by (origin, origin_ref): keep the newest copy by dispatch id, since payloads are
    whole snapshots of what is shared.
    """
    return register_under(_receivers, kind, what="receivers for dispatch kind")


def receiver_for(kind: str) -> Receiver:
    try:
        return _receivers[kind]
    except KeyError:
        raise LookupError(f"no receiver for dispatch kind {kind!r}") from None
