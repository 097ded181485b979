"""The OpenAPI document declares the refusals every operation may give, with the error body the
exception handler writes: a refusal was an undeclared status for every operation."""

import yaml
from django.test import Client

from tests.conftest import World, client_on
from tests.servers import ROOT

DOCUMENT = yaml.safe_load((ROOT / "api" / "openapi.yaml").read_text())


def test_every_operation_declares_the_refusals_with_the_error_body() -> None:
    missing = [
        (path, method, status)
        for path, item in DOCUMENT["paths"].items()
        for method, operation in item.items()
        for status in ("400", "401", "403", "404", "409")
        if operation["responses"].get(status, {}).get("content", {}).get("application/json")
        != {"schema": {"$ref": "#/components/schemas/Error"}}
    ]

    assert missing == []
    assert DOCUMENT["components"]["schemas"]["Error"]["required"] == ["code", "detail"]


def test_a_refusal_has_the_documented_body(world: World) -> None:
    anonymous = Client(HTTP_HOST="town-a.localhost").get("/api/v1/deputies")
    foreign = client_on(world.town_b, world.staff_b)
    foreign.defaults["HTTP_HOST"] = "town-a.localhost"
    mismatch = foreign.get("/api/v1/deputies")

    for response in (anonymous, mismatch):
        assert response.status_code in (401, 403)
        assert set(response.json()) <= {"code", "detail", "fields"}
        assert isinstance(response.json()["code"], str) and response.json()["detail"]


def test_an_api_path_that_names_no_endpoint_answers_json_404(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    for path in ("/api/v1/deputies/-1", "/api/v1/deputies/abc", "/api/v1/no-such-thing"):
        response = staff.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"code": "not_found", "detail": "No such API endpoint."}
    # A browser-like client that checks CSRF: a POST gets the same answer, not the HTML page.
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="town-a.localhost")
    posted = browser.post("/api/v1/opinions/-5/extend", {"reason": "x"})
    assert posted.status_code == 404
    assert posted.json()["code"] == "not_found"


def test_an_opinion_not_escalated_has_a_blank_upstream_status_the_document_allows() -> None:
    row = DOCUMENT["components"]["schemas"]["OpinionRow"]["properties"]["upstream_status"]
    refs = [entry["$ref"] for entry in row["oneOf"]]

    assert "#/components/schemas/BlankEnum" in refs


HOSTILE = ("²", "٣", "31356", "-1", "9" * 30, "a\x00b", "🀩")


def _listings() -> list[tuple[str, list[str]]]:
    return [
        (path, [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"])
        for path, item in DOCUMENT["paths"].items()
        if "get" in item and "{" not in path
    ]


def test_a_nul_character_in_a_path_or_query_is_refused_in_the_callers_language(
    world: World,
) -> None:
    staff = client_on(world.town_a, world.staff_a)

    for path in ("/api/v1/opinions?q=a%00b", "/api/v1/public/track/AB%00CD", "/api/v1/x?%00=1"):
        response = staff.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400, path
        assert response.json()["code"] == "nul_character"
        assert "NUL" in response.json()["detail"]


def test_hostile_query_values_get_a_refusal_never_a_server_error(world: World) -> None:
    """Every documented query parameter of every listing, given values a hand parse chokes on
    (a superscript digit, an Arabic-Indic digit, a year past 9999, a NUL byte), as staff and a
    deputy of a township and as staff of a county: a 4xx naming the field, or an answer."""
    callers = [
        client_on(world.town_a, world.staff_a),
        client_on(world.town_a, world.deputy_both),
        client_on(world.county, world.county_admin),
    ]
    for caller in callers:
        caller.raise_request_exception = False
    checked, failures = 0, []
    for path, names in _listings():
        for name in names:
            for value in HOSTILE:
                for caller in callers:
                    response = caller.get(path, {name: value}, HTTP_ACCEPT_LANGUAGE="en")
                    checked += 1
                    if response.status_code >= 500 or (
                        response.status_code == 400 and "code" not in response.json()
                    ):
                        failures.append((path, name, value, response.status_code))

    assert failures == []
    assert checked > 300
