"""Functions filed by key, one function per key: what a tenant module registers from its
AppConfig.ready() so that the platform calls it without importing it (crossing's dispatch
receivers, the rollups' indicator providers)."""

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def register_under(table: dict[str, F], key: str, *, what: str) -> Callable[[F], F]:
    """A decorator that files the function in `table` under `key`. A second function for the same
    key is a wiring mistake and fails at start-up, named by `what`; the same function again (its
    module imported twice) is harmless."""

    def register(func: F) -> F:
        if table.get(key, func) is not func:
            raise RuntimeError(f"two {what} {key!r}")
        table[key] = func
        return func

    return register
