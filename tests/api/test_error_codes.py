"""The refusal codes the OpenAPI document names (api/error_codes.py) are the ones the source writes:
every code written at a refusal is registered, and every registered code is written somewhere.
The codes a rule returns as data reach the client through the same handler, whose log line fails
any test that provokes one not registered (tests/conftest.py)."""

import ast
import logging
from pathlib import Path

import pytest
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from api.error_codes import BY_MODULE, ERROR_CODES, GENERAL
from api.errors import exception_handler
from api.schema import add_refusals
from ops.errors import Conflict
from tests.servers import ROOT

DOMAIN = {"DomainError", "Conflict", "NotAllowed", "LoginRefused", "DeviceImportRefused"}
DRF = {"NotFound", "or_404", "PermissionDenied", "ValidationError", "Throttled", "ParseError"}


def _sources() -> list[Path]:
    return [
        path
        for folder in ("platform", "tenants", "api")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def _permission_code(node: ast.AST) -> str | None:
    """The code of `self.code = "..."`: a permission class naming its refusal."""
    if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Constant):
        return None
    if not any(isinstance(t, ast.Attribute) and t.attr == "code" for t in node.targets):
        return None
    return str(node.value.value)


def _written_at_refusals() -> dict[str, str]:
    """code -> the first place that writes it as a literal: the first argument of a domain
    error (or of `super().__init__` in a module that defines one), the `code=` of a DRF exception,
    the code of a state machine's `refusal=`, or a permission's `self.code`."""
    found: dict[str, str] = {}
    for path in _sources():
        text = path.read_text()
        defines_a_refusal = "(DomainError):" in text
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Assign) and (code := _permission_code(node)) is not None:
                found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "__init__" and defines_a_refusal:
                name = "DomainError"  # a refusal's own class passing its code up
            keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
            argument = node.args[0] if name in DOMAIN and node.args else keyword
            refusal = next((k.value for k in node.keywords if k.arg == "refusal"), None)
            if isinstance(refusal, ast.Tuple) and refusal.elts:
                argument = refusal.elts[0]
            elif name not in DOMAIN | DRF:
                continue
            if isinstance(argument, ast.Constant):
                found.setdefault(str(argument.value), f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_written_at_a_refusal_is_registered() -> None:
    written = _written_at_refusals()
    assert len(written) > 300
    missing = {code: where for code, where in written.items() if code not in ERROR_CODES}
    assert not missing, f"add to api/error_codes.py: {missing}"


def test_every_registered_code_is_written_in_the_source() -> None:
    text = "\n".join(path.read_text() for path in _sources() if path.name != "error_codes.py")
    module_codes = set().union(*BY_MODULE.values()) - set(GENERAL)
    dead = sorted(code for code in module_codes if f'"{code}"' not in text)
    assert not dead, f"no longer raised, drop from api/error_codes.py: {dead}"


def test_the_document_names_the_codes_as_an_enum() -> None:
    document = add_refusals({"paths": {"/x": {"get": {"responses": {}}}}})
    schemas = document["components"]["schemas"]
    assert schemas["Error"]["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}
    assert set(schemas["ErrorCode"]["enum"]) == ERROR_CODES
    refusal = document["paths"]["/x"]["get"]["responses"]["409"]
    assert refusal["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def _answer(exc: Exception) -> dict[str, object]:
    request = APIView().initialize_request(APIRequestFactory().get("/"))
    response = exception_handler(exc, {"request": request})
    assert response is not None
    return dict(response.data)


@pytest.mark.unregistered_code
def test_the_handler_logs_a_refusal_whose_code_is_not_registered(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="api.errors"):
        assert _answer(Conflict("name_taken", "x"))["code"] == "name_taken"
        assert not caplog.records
        assert _answer(Conflict("no_such_code", "x"))["code"] == "no_such_code"
    assert [r.getMessage() for r in caplog.records] == [
        "refusal with an unregistered code: 'no_such_code'"
    ]
