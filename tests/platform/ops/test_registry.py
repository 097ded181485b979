"""Functions filed by key (ops/registry.py), as crossing's receivers and the rollups' providers
are: one function per key."""

from collections.abc import Callable

import pytest

from ops.registry import register_under


def first(value: int) -> int:
    return value


def second(value: int) -> int:
    return value + 1


def test_a_function_is_filed_under_its_key_and_returned_as_it_is() -> None:
    table: dict[str, Callable[[int], int]] = {}

    registered = register_under(table, "opinion.copy", what="receivers for dispatch kind")(first)

    assert registered is first
    assert table == {"opinion.copy": first}


def test_the_same_function_filed_again_is_kept_once() -> None:
    table: dict[str, Callable[[int], int]] = {}
    register_under(table, "voting", what="indicator providers for topic")(first)

    register_under(table, "voting", what="indicator providers for topic")(first)

    assert table == {"voting": first}


def test_a_second_function_for_a_key_fails_naming_the_key() -> None:
    table: dict[str, Callable[[int], int]] = {}
    register_under(table, "voting", what="indicator providers for topic")(first)

    with pytest.raises(RuntimeError, match="two indicator providers for topic 'voting'"):
        register_under(table, "voting", what="indicator providers for topic")(second)
    assert table == {"voting": first}
