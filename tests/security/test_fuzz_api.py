"""The API against its own OpenAPI document (api/openapi.yaml), fuzzed by schemathesis over a
live server (gunicorn over a database of its own seeded with the demo city): every operation,
anonymous and as a township's staff with an API token, with generated path, query and body
values. No answer is a server error, and every answer has a status code, a content type and a
body the document declares for the operation."""

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.security.counts import report
from tests.servers import ROOT, database_recreate, free_port, gunicorn, platform_env, running

DOCUMENT = schemathesis.openapi.from_path(ROOT / "api" / "openapi.yaml")
# Values the document allows (what a client may send), and no made-up credentials: the anonymous
# cases send none, the staff's send its token. Malformed HTTP (header names no client can send)
# is refused by gunicorn before the application sees it.
DOCUMENT.config.generation.update(modes=[GenerationMode.POSITIVE], with_security_parameters=False)
# Left out, each because its effect would break the rest of the run, not because it fails:
# logging out or changing the password ends the staff's credentials for every later case, and
# revoking a token by id may revoke the very token the staff cases use.
SCHEMA = DOCUMENT.exclude(path_regex=r"^/api/v1/auth/(logout|password|tokens/\{id\})$")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
TENANT = "qingshi"
REQUESTS = {"anonymous": 0, "staff": 0}
FUZZED: set[tuple[str, str]] = set()  # (operation, who) pairs run so far


@dataclass(frozen=True)
class Target:
    base_url: str
    host: str
    token: str


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


MINT = (
    "from accounts.models import User; from congresses.models import Congress;"
    "from accounts.services import api_token_create;"
    f"u = User.objects.get(username='{TENANT}-staff');"
    f"c = Congress.objects.get(slug='{TENANT}');"
    "print(api_token_create(user=u, congress=c, name='fuzz')[1])"
)


@pytest.fixture(scope="module")
def target(s3_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    name = f"{os.environ.get('CONGRESS_TEST_DATABASE', 'test_congress')}_fuzz"
    database_recreate(name)
    port_web = free_port()
    # Its tasks wait on a queue of their own that no worker reads.
    env = platform_env(name, s3_endpoint=s3_endpoint, queue="fuzz", port=port_web)
    _manage(env, "migrate_schemas", "-v", "0")
    _manage(env, "demo_seed")
    token = _manage(env, "shell", "-c", MINT).strip().splitlines()[-1]
    log = tmp_path_factory.mktemp("fuzz") / "web.log"
    with running(gunicorn(port_web, 2), port=port_web, env=env, log=log):
        yield Target(f"http://127.0.0.1:{port_web}", f"{TENANT}.localhost:{port_web}", token)
    database_recreate(name, create=False)


@pytest.mark.parametrize("who", ["anonymous", "staff"])
@SCHEMA.parametrize()
@hypothesis_settings(
    # An exploratory run (docs/security-suites.md) raises the count and lets hypothesis roam.
    max_examples=int(os.environ.get("CONGRESS_FUZZ_EXAMPLES", "4")),
    deadline=None,
    derandomize=os.environ.get("CONGRESS_FUZZ_EXPLORE") != "1",
    database=None,
    phases=[Phase.generate],  # the schema's own examples and coverage cases: left to the API tests
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_document_says(
    case: schemathesis.Case, who: str, target: Target
) -> None:
    headers = {"Host": target.host}
    if who == "staff":
        headers["Authorization"] = f"Bearer {target.token}"
    REQUESTS[who] += 1
    FUZZED.add((case.operation.label, who))
    # No shared cookie jar: a cookie one case was given never rides on the next.
    case.call_and_validate(base_url=target.base_url, headers=headers, checks=CHECKS, timeout=60)


@pytest.fixture(scope="module", autouse=True)
def _request_count() -> Iterator[None]:
    """After the module's last case, in whatever order they ran: the count for the summary, and
    the floor it keeps once every operation has been fuzzed both ways (not on a `-k` subset)."""
    yield
    total = sum(REQUESTS.values())
    operations = len(list(SCHEMA.get_all_operations()))
    report(
        "fuzz",
        f"{total} schemathesis requests ({REQUESTS['anonymous']} anonymous, "
        f"{REQUESTS['staff']} staff) over {operations} operations",
    )
    if len(FUZZED) == len(REQUESTS) * operations:
        assert total >= 1000
