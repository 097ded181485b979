"""One way to write a state machine: the transitions as data, `allowed()` and `apply()`.

A module declares each of its machines once, next to its models (docs/state-machines.md):

    ROUND = Machine(
        "supervision.BenchmarkRound.state",
        initial=State.DRAFT,
        steps={
            "edit": Step(gettext_lazy("修改评选设置"), {State.DRAFT}),
            "open": Step(gettext_lazy("开始推荐"), {State.DRAFT}, State.NOMINATING),
            ...
        },
        refusal=("wrong_state", gettext_lazy("评选当前处于%(state)s阶段，不能%(action)s。")),
    )

A step with no target is an action the states allow that leaves the state as it is. A service
asks `ROUND.apply(round_.state, "open")` for the state an action leads to (a `DomainError` in the
caller's language when the state does not allow it), and a page asks `ROUND.allowed(state)` for
its buttons. Every machine is registered by its field's name; `tests/platform/ops/test_machines.py`
walks each one for states no step reaches and states no step leaves.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet, TextChoices
from django.utils.functional import Promise

from .errors import DomainError

_REGISTRY: dict[str, "Machine"] = {}


@dataclass(frozen=True)
class Step:
    label: Promise
    sources: frozenset[str]
    target: str | None = None  # None: the state stays as it is
    refusal: tuple[str, Promise] | None = None  # the machine's own unless a step needs its own

    def __init__(
        self,
        label: Promise,
        sources: Iterable[str],
        target: str | None = None,
        *,
        refusal: tuple[str, Promise] | None = None,
    ) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "sources", frozenset(str(s) for s in sources))
        object.__setattr__(self, "target", None if target is None else str(target))
        object.__setattr__(self, "refusal", refusal)


@dataclass(frozen=True)
class Machine:
    name: str  # "<app label>.<Model>.<field>": the field the machine governs
    states: type[TextChoices]  # the choices `initial` is one of, unless given
    initial: str
    steps: Mapping[str, Step]
    refusal: tuple[str, Promise]  # (code, "…%(state)s…%(action)s…")
    final: frozenset[str] = field(default_factory=frozenset)
    # The refusal's kind: a 400 by default; a Conflict (409) where a second hand got there first.
    error: type[DomainError] = DomainError
    registered: bool = True  # False: a machine made in a test, left out of `machines()`

    def __init__(
        self,
        name: str,
        *,
        initial: TextChoices,
        steps: Mapping[str, Step],
        refusal: tuple[str, Promise],
        final: frozenset[str] = frozenset(),
        error: type[DomainError] = DomainError,
        registered: bool = True,
        states: type[TextChoices] | None = None,
    ) -> None:
        object.__setattr__(self, "states", states or type(initial))
        for attr, value in zip(
            ("name", "initial", "steps", "refusal", "final", "error", "registered"),
            (name, initial, steps, refusal, final, error, registered),
            strict=True,
        ):
            object.__setattr__(self, attr, value)
        known = set(self.states.values)
        named = {self.initial, *self.final}
        for step in self.steps.values():
            named |= step.sources | ({step.target} if step.target else set())
        if unknown := named - known:
            raise ValueError(
                f"{self.name}: states {sorted(unknown)} are not {self.states.__name__}"
            )
        for state in self.final:
            if leaving := [a for a, s in self.steps.items() if state in s.sources and s.target]:
                raise ValueError(f"{self.name}: final state {state} is left by {leaving}")
        if self.registered:
            _REGISTRY[self.name] = self

    def allowed(self, state: str) -> list[str]:
        """The actions `state` allows, in declaration order."""
        return [action for action, step in self.steps.items() if state in step.sources]

    def require(self, state: str, action: str) -> Step:
        step = self.steps[action]
        if state not in step.sources:
            code, message = step.refusal or self.refusal
            raise self.error(
                code,
                str(message) % {"state": self.states(state).label, "action": step.label},
            )
        return step

    def apply(self, state: str, action: str) -> str:
        """The state `action` leads to from `state`; refused when `state` does not allow it."""
        return self.require(state, action).target or state

    def bulk_apply(self, rows: "QuerySet[Any]", action: str, **also: object) -> int:
        """Take `action` for every row of `rows` in a state that allows it (one UPDATE, with the
        other fields in `also`); returns how many moved. Rows in other states are left alone."""
        step = self.steps[action]
        column = self.name.rsplit(".", 1)[1]
        moved = rows.filter(**{f"{column}__in": step.sources})
        return moved.update(**({column: step.target} if step.target else {}), **also)

    def reachable(self) -> set[str]:
        """The states some sequence of steps reaches from the initial state."""
        seen, frontier = {str(self.initial)}, [str(self.initial)]
        while frontier:
            state = frontier.pop()
            for step in self.steps.values():
                if state in step.sources and step.target and step.target not in seen:
                    seen.add(step.target)
                    frontier.append(step.target)
        return seen

    def dead_ends(self) -> set[str]:
        """States that are not final yet no step leaves."""
        leaving = {s for step in self.steps.values() if step.target for s in step.sources}
        return set(self.states.values) - set(self.final) - leaving


def machines() -> dict[str, Machine]:
    """Every machine declared so far, by the field it governs."""
    return dict(_REGISTRY)
