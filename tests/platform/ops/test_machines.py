"""Every state machine (docs/state-machines.md): each state reached from the initial one, each
state that is not final left by some step, and each model field that holds a state governed by
a machine. Then the helper itself: apply, allowed, the refusal, the bulk step."""

from importlib import import_module
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy

from ops.errors import Conflict, DomainError
from ops.machine import Machine, Step, machines
from tests.conftest import World

# Fields that hold a state but are not a machine's, each with the reason.
NOT_MACHINES = {
    # A switch the platform operator flips either way at any time: no steps to walk.
    "congresses.Congress.status": "suspend and resume, both ways",
    # The opinion log's copy of the state an opinion entered; the opinion's own machine rules it.
    "opinions.Event.status": "a copy in the log",
}


def _all_machines() -> dict[str, Machine]:
    for config in apps.get_app_configs():
        for module in ("states", "phases"):
            if find_spec(config.name) and find_spec(f"{config.name}.{module}"):
                import_module(f"{config.name}.{module}")
    return machines()


def _state_fields() -> set[str]:
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.fields
        if isinstance(field, models.CharField)
        and field.choices
        and field.name in ("state", "status", "phase")
    }


MACHINES = _all_machines()


def test_every_field_that_holds_a_state_is_governed_by_a_machine() -> None:
    assert _state_fields() - set(NOT_MACHINES) == set(MACHINES)
    assert len(MACHINES) >= 14


@pytest.mark.parametrize("name", sorted(MACHINES))
def test_every_state_is_reached_and_every_state_not_final_is_left(name: str) -> None:
    machine = MACHINES[name]

    assert machine.reachable() == set(machine.states.values)
    assert machine.dead_ends() == set()
    assert str(machine.initial) not in machine.final


@pytest.mark.parametrize("name", sorted(MACHINES))
def test_a_refusal_names_the_state_and_the_action_in_the_callers_language(name: str) -> None:
    machine = MACHINES[name]
    final = sorted(machine.final) or sorted(set(machine.states.values) - {machine.initial})
    state = final[0]
    action = next(a for a, step in machine.steps.items() if state not in step.sources)

    with translation.override("en"):
        with pytest.raises(DomainError) as refused:
            machine.apply(state, action)
        state_label = str(machine.states(state).label)
        action_label = str(machine.steps[action].label)

    assert isinstance(refused.value, machine.error)
    assert str(state_label) in refused.value.message
    assert str(action_label) in refused.value.message
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message), refused.value


class Light(models.TextChoices):
    RED = "red", "red"
    GREEN = "green", "green"
    AMBER = "amber", "amber"
    OFF = "off", "off"


def _light(**changes: object) -> Machine:
    steps = {
        "go": Step(gettext_lazy("go"), {Light.RED}, Light.GREEN),
        "slow": Step(gettext_lazy("slow"), {Light.GREEN}, Light.AMBER),
        "stop": Step(gettext_lazy("stop"), {Light.AMBER}, Light.RED),
        "look": Step(gettext_lazy("look"), {Light.RED, Light.GREEN, Light.AMBER}),
        "switch_off": Step(gettext_lazy("switch off"), {Light.RED}, Light.OFF),
    }
    fields: dict[str, object] = {
        "states": Light,
        "initial": Light.RED,
        "final": frozenset({Light.OFF}),
        "steps": steps,
        "refusal": ("wrong_light", gettext_lazy("the light is %(state)s: cannot %(action)s")),
        "registered": False,
    }
    return Machine("test.Light.state", **{**fields, **changes})  # type: ignore[arg-type]


def test_apply_leads_where_the_step_says_and_a_step_without_target_stays() -> None:
    light = _light()

    assert light.apply(Light.RED, "go") == Light.GREEN
    assert light.apply(Light.GREEN, "look") == Light.GREEN
    assert light.allowed(Light.RED) == ["go", "look", "switch_off"]
    assert light.allowed(Light.OFF) == []


def test_a_refused_step_raises_the_machines_error_or_the_steps_own() -> None:
    light = _light(error=Conflict)
    with pytest.raises(Conflict) as refused:
        light.apply(Light.GREEN, "stop")
    assert refused.value.code == "wrong_light"
    assert refused.value.message == "the light is green: cannot stop"

    own = _light(
        steps={
            **_light().steps,
            "stop": Step(
                gettext_lazy("stop"), {Light.AMBER}, Light.RED, refusal=("x", gettext_lazy("no"))
            ),
        }
    )
    with pytest.raises(DomainError) as refused_own:
        own.apply(Light.GREEN, "stop")
    assert (refused_own.value.code, refused_own.value.message) == ("x", "no")


def test_the_walk_finds_an_unreachable_state_and_a_dead_end() -> None:
    steps = dict(_light().steps)
    del steps["stop"]  # amber is now left by nothing
    del steps["switch_off"]  # off is now reached by nothing
    broken = _light(steps=steps)

    assert broken.reachable() == {Light.RED, Light.GREEN, Light.AMBER}
    assert broken.dead_ends() == {Light.AMBER}
    assert "test.Light.state" not in machines()


def test_a_machine_naming_an_unknown_state_or_leaving_a_final_one_is_refused() -> None:
    with pytest.raises(ValueError, match="not Light"):
        _light(steps={"fly": Step(gettext_lazy("fly"), {"blue"}, Light.RED)})
    with pytest.raises(ValueError, match="final state off"):
        _light(steps={"on": Step(gettext_lazy("on"), {Light.OFF}, Light.RED)})


def test_the_bulk_step_moves_only_rows_in_a_state_that_allows_it(world: World) -> None:
    from congresses.models import ProvisioningJob
    from congresses.states import PROVISIONING

    jobs = [
        ProvisioningJob.objects.create(spec={}, state=state, requested_by=world.operator)
        for state in ("queued", "running", "succeeded")
    ]

    moved = PROVISIONING.bulk_apply(
        ProvisioningJob.objects.filter(pk__in=[j.pk for j in jobs]), "fail", step="swept"
    )

    assert moved == 2
    assert [ProvisioningJob.objects.get(pk=j.pk).state for j in jobs] == [
        "failed",
        "failed",
        "succeeded",
    ]
    assert ProvisioningJob.objects.get(pk=jobs[2].pk).step != "swept"
