"""Responses conform to the published schema (findings of the fuzz run: opinion enums answered
"" where the schema's enum had no blank; supervision/kinds answered numbers where the schema says
decimal strings)."""

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.conftest import World, client_on


@pytest.fixture(scope="module")
def components() -> dict[str, Any]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return dict(schema["components"]["schemas"])


@pytest.mark.parametrize(
    ("component", "field"),
    [
        ("OpinionRow", "category"),
        ("OpinionDetail", "category"),
        ("OpinionDetail", "rating"),
        ("OpinionDetail", "decline_kind"),
        ("OpinionMine", "rating"),
    ],
)
def test_opinion_enums_allow_the_blank_the_api_returns(
    components: dict[str, Any], component: str, field: str
) -> None:
    options = components[component]["properties"][field].get("oneOf", [])

    assert {"$ref": "#/components/schemas/BlankEnum"} in options


def test_benchmark_kinds_give_decimals_as_strings_like_the_schema(
    world: World, components: dict[str, Any]
) -> None:
    criterion = components["BenchmarkCriterionIn"]["properties"]

    kinds = client_on(world.county, world.county_admin).get("/api/v1/supervision/kinds").json()

    fulls = [c["indicator_full"] for k in kinds for c in k["default_criteria"]]
    assert criterion["indicator_full"]["type"] == "string"
    assert "5.00" in fulls and all(f is None or isinstance(f, str) for f in fulls)
