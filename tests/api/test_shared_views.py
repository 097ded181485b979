"""The shared parts of the api's views: the action endpoint (api/actions.py), the view bases
(api/views.py), downloads (api/downloads.py) and public addresses (api/links.py)."""

from dataclasses import replace
from typing import Any

import pytest
from django.test import override_settings
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory

from api.actions import Action, Read, Write, endpoint
from api.downloads import XLSX, attachment
from api.files.access import Attachments
from api.links import public_url
from api.permissions import STAFF
from tenants.voting.models import Material


class _Body(serializers.Serializer):
    n = serializers.IntegerField()


class _Added(serializers.Serializer):
    added = serializers.IntegerField()


def _lookup(request: Request, pk: int) -> dict[str, int]:
    if pk != 1:
        raise NotFound()
    return {"pk": pk}


KIND = Action(
    permission=AllowAny,
    lookup=_lookup,
    output=lambda request, found: {"found": found["pk"]},
    responses=_Body,
)


def _post(view: Any, pk: int, body: dict[str, Any]) -> Response:
    request = APIRequestFactory().post("/action", body, format="json")
    response: Response = view.as_view()(request, pk=pk)
    return response


def test_an_action_answers_with_the_object_found() -> None:
    view = KIND.view(operation_id="thing_poke", summary="poke", body=_Body, run=lambda r, o, d: o)

    response = _post(view, 1, {"n": 2})

    assert (response.status_code, response.data) == (200, {"found": 1})
    assert view.__name__ == "ThingPokeView"


def test_an_action_checks_the_body_before_it_looks_the_object_up() -> None:
    view = KIND.view(operation_id="thing_poke", summary="poke", body=_Body, run=lambda r, o, d: o)

    response = _post(view, 2, {"n": "many"})

    assert response.status_code == 400


def test_find_first_looks_the_object_up_before_the_body() -> None:
    view = KIND.view(
        operation_id="thing_poke",
        summary="poke",
        body=_Body,
        run=lambda r, o, d: o,
        find_first=True,
    )

    assert _post(view, 2, {"n": "many"}).status_code == 404
    assert _post(view, 1, {"n": "many"}).status_code == 400


def test_an_answer_serializer_shows_what_the_run_returns_and_created_answers_201() -> None:
    view = KIND.view(
        operation_id="thing_add",
        summary="add",
        body=_Body,
        run=lambda r, o, d: {"added": d["n"]},
        answer=_Added,
        created=True,
    )

    response = _post(view, 1, {"n": 3})

    assert (response.status_code, response.data) == (201, {"added": 3})


def test_an_output_that_is_a_response_is_answered_as_it_is() -> None:
    kind = Action(
        permission=AllowAny,
        lookup=_lookup,
        output=lambda request, found: Response({"found": found["pk"]}, headers={"X-Kept": "1"}),
        responses=_Body,
    )
    view = kind.view(operation_id="thing_poke", summary="poke", run=lambda r, o, d: o)

    response = _post(view, 1, {})

    assert (response.status_code, response.data, response["X-Kept"]) == (200, {"found": 1}, "1")


def test_an_action_without_output_shows_the_object_through_its_responses() -> None:
    kind = Action(permission=AllowAny, lookup=lambda r, pk: {"n": pk, "hidden": 0}, responses=_Body)
    view = kind.view(operation_id="thing_poke", summary="poke", run=lambda r, o, d: o)

    assert _post(view, 4, {}).data == {"n": 4}


# Things whose services take them as `thing=`.
STEPS = Action(permission=AllowAny, lookup=_lookup, responses=_Body, keyword="thing")


_POKED: list[dict[str, Any]] = []


def _poke(**given: Any) -> dict[str, int]:
    """A service: the thing it was given, with its `n`; what it was given kept in _POKED."""
    _POKED.append(given)
    return {"n": given["thing"]["pk"] + given.get("n", 0)}


def test_a_step_calls_its_service_with_the_object_the_caller_and_the_body() -> None:
    view = STEPS.step("thing_poke", "poke", _poke, body=_Body)

    response = _post(view, 1, {"n": 2})

    assert (response.status_code, response.data) == (200, {"n": 3})
    given = _POKED[-1]
    assert (given["thing"], given["n"], "actor" in given) == ({"pk": 1}, 2, True)
    assert view.__name__ == "ThingPokeView" and view.__module__ == __name__


def test_a_step_takes_the_options_of_a_view() -> None:
    view = STEPS.step("thing_poke", "poke", _poke, body=_Body, created=True, find_first=True)

    assert _post(view, 2, {"n": "many"}).status_code == 404
    assert _post(view, 1, {"n": 3}).status_code == 201


def _get(view: Any, pk: int) -> Response:
    response: Response = view.as_view()(APIRequestFactory().get("/thing"), pk=pk)
    return response


def test_a_read_answers_with_the_object_as_the_actions_do() -> None:
    view = KIND.read(operation_id="thing_get", summary="get")

    assert (_get(view, 1).status_code, _get(view, 1).data) == (200, {"found": 1})
    assert _get(view, 2).status_code == 404
    assert view.__name__ == "ThingGetView"


def test_a_read_shows_what_show_makes_of_the_object_through_the_answer() -> None:
    view = KIND.read(
        operation_id="thing_added",
        summary="added",
        show=lambda r, o: {"added": o["pk"] + 1},
        answer=_Added,
    )

    assert _get(view, 1).data == {"added": 2}


class _Query(serializers.Serializer):
    n = serializers.IntegerField(required=False)


_OPERATIONS = (
    Read(
        "thing_list",
        "list",
        lambda r, q, pk: [{"n": q.get("n", pk)}],
        answer=_Body,
        many=True,
        query=_Query,
    ),
    Write(
        "thing_add",
        "add",
        lambda r, d, pk: {"added": d["n"] + pk},
        body=_Body,
        answer=_Added,
        created=True,
        permission=STAFF,
    ),
)
THINGS = endpoint(*_OPERATIONS, permission=AllowAny)


def test_an_endpoint_reads_through_its_query_and_answer() -> None:
    request = APIRequestFactory().get("/things", {"n": 5})
    response: Response = THINGS.as_view()(request, pk=1)

    assert (response.status_code, response.data) == (200, [{"n": 5}])
    assert THINGS.__name__ == "ThingListView"


def test_an_endpoint_answers_a_file_to_download_as_it_is() -> None:
    download = endpoint(
        Read("thing_file", "file", lambda r, pk: attachment(b"%PDF", "application/pdf", "t.pdf")),
        permission=AllowAny,
    )

    response = download.as_view()(APIRequestFactory().get("/thing.pdf"), pk=1)

    assert (response.status_code, response.content) == (200, b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="t.pdf"'


def test_an_endpoint_refuses_a_bad_query_and_a_bad_body() -> None:
    read: Response = THINGS.as_view()(APIRequestFactory().get("/things", {"n": "x"}), pk=1)
    open_to_all = endpoint(
        *(replace(op, permission=None) for op in _OPERATIONS), permission=AllowAny
    )

    assert read.status_code == 400
    assert _post(open_to_all, 1, {"n": "many"}).status_code == 400
    assert (_post(open_to_all, 1, {"n": 2}).status_code, _post(open_to_all, 1, {"n": 2}).data) == (
        201,
        {"added": 3},
    )


def test_an_endpoint_asks_a_write_its_own_permission() -> None:
    view = THINGS()
    view.request = Request(APIRequestFactory().post("/things"))

    assert [type(p) for p in view.get_permissions()] == [STAFF]


def test_a_path_takes_one_operation_a_method() -> None:
    with pytest.raises(AssertionError):
        endpoint(_OPERATIONS[1], _OPERATIONS[1], permission=AllowAny)


def test_an_endpoint_asks_each_method_its_own_permission_and_the_first_for_others() -> None:
    view = THINGS()
    view.request = Request(APIRequestFactory().put("/things"))

    assert [type(p) for p in view.get_permissions()] == [AllowAny]


def test_a_write_that_finds_first_answers_404_whatever_the_body() -> None:
    found = endpoint(
        Write("thing_poke", "poke", lambda r, o, d: o, body=_Body, find=_lookup, empty=True),
        permission=AllowAny,
    )

    assert _post(found, 2, {"n": "many"}).status_code == 404
    assert _post(found, 1, {"n": "many"}).status_code == 400
    assert (_post(found, 1, {"n": 1}).status_code, _post(found, 1, {"n": 1}).data) == (204, None)


def test_a_read_declares_its_query_and_the_parameters_its_find_reads_itself() -> None:
    scope = OpenApiParameter("scope", str, enum=["own", "all"])
    both = Read("thing_list", "list", lambda r, q: [], query=_Query, parameters=[scope])
    bare = Read("thing_list", "list", lambda r: [], answer=_Body)

    assert both.schema()["parameters"] == [_Query, scope]
    assert "parameters" not in bare.schema()


def test_an_attachment_is_not_stored_unless_asked() -> None:
    kept = attachment(b"x", XLSX, "名册.xlsx", no_store=False)
    private = attachment(b"x", XLSX, "名册.xlsx")

    assert private["Cache-Control"] == "no-store"
    assert "Cache-Control" not in kept
    assert kept["Content-Disposition"].startswith("attachment;")


@override_settings(PUBLIC_SCHEME="https", PUBLIC_PORT="443")
def test_a_public_url_leaves_out_the_schemes_own_port() -> None:
    assert public_url("a.example", "/login") == "https://a.example/login"


@override_settings(PUBLIC_SCHEME="http", PUBLIC_PORT="8080")
def test_a_public_url_names_another_port() -> None:
    assert public_url("a.example", "/login") == "http://a.example:8080/login"


def test_a_declared_view_stands_in_the_module_that_declared_it() -> None:
    from api.linkage.stations.views import StationListView
    from api.voting.views import RoundCloseView

    assert THINGS.__module__ == __name__
    assert (StationListView.__module__, StationListView.__name__) == (
        "api.linkage.stations.views",
        "StationListView",
    )
    assert RoundCloseView.__module__ == "api.voting.views"


def test_attachments_held_in_a_field_are_the_rows_holding_the_file_readable_by_permission() -> None:
    kind = Attachments.held_in(Material, "file_id", AllowAny)

    assert '"file_id" = 7' in str(kind.owners(7).query)
    assert kind.readable(Request(APIRequestFactory().get("/files/7/url")), None) is True
