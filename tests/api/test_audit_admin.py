"""The audit administrator's log over HTTP: every action code the code records has a label in
Chinese and in English (found by walking the source, so a new code without one fails here);
the filters (actor, action, object, days) with bad input refused naming the field; the export;
and the chain's verification, intact and after an edit made past the trigger."""

import ast
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone, translation
from django_tenants.utils import tenant_context

from accounts.models import User
from api.audit.actions import LABELS, action_labels
from audit.models import AuditEntry
from audit.services import audit_record
from tenants.linkage.opinions.states import OPINION
from tenants.voting.models import GovernanceStep
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_member, sheet_rows

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
ENTRIES = "/api/v1/audit/entries"


def _constants(node: ast.AST, pattern: re.Pattern[str] = CODE) -> set[str]:
    return {
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and pattern.match(n.value)
    }


def recorded_action_codes() -> set[str]:
    """Every audit action the code can record: each `action=` argument and each value given to
    a name ending in `action` (rollcall passes its code through one), in platform, tenants and
    api; the opinion steps, recorded as `opinions.<step>`; and the governance kinds, recorded as
    `voting.<kind>`. An `action=` built any other way fails the test that calls this."""
    found: set[str] = set()
    for root in ("platform", "tenants", "api"):
        for path in (ROOT / root).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call):
                    for keyword in node.keywords:
                        if keyword.arg == "action":
                            found |= _constants(keyword.value)
                elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.endswith("action") for t in node.targets
                ):
                    found |= _constants(node.value)
    found |= {f"opinions.{step}" for step in OPINION.steps}
    found |= {f"voting.{kind}" for kind in GovernanceStep.Kind.values}
    return found


def test_the_walk_finds_the_codes_recorded_by_name_and_by_family() -> None:
    codes = recorded_action_codes()
    assert {"user.login", "voting.roll_call", "opinions.assign", "voting.party_review"} <= codes
    assert len(codes) > 140


def test_every_recorded_action_has_a_label_in_both_languages() -> None:
    labels = action_labels()
    missing = sorted(recorded_action_codes() - set(labels))
    assert missing == []
    for code in recorded_action_codes():
        with translation.override("zh-hans"):
            chinese = str(labels[code])
        with translation.override("en"):
            english = str(labels[code])
        assert re.search(r"[\u4e00-\u9fff]", chinese), code
        assert english.strip() and not re.search(r"[\u4e00-\u9fff]", english), code


def test_no_label_is_kept_for_a_code_nothing_records() -> None:
    assert sorted(set(LABELS) - recorded_action_codes()) == []


def _user(username: str, world: World, roles: list[str]) -> User:
    return make_member(username, world.town_a, roles, world.operator, password=PASSWORD)


@pytest.fixture
def auditor(world: World) -> Client:
    return client_on(world.town_a, _user("town-a-audit", world, ["audit_admin"]))


def test_entries_are_shown_with_their_action_in_the_readers_language(
    world: World, auditor: Client
) -> None:
    client_on(world.town_a, _user("qian-staff", world, ["staff"]))
    found = auditor.get(ENTRIES, {"actor": "qian", "action": "user.login"}).json()
    assert found["count"] == 1
    assert found["results"][0]["action_label"] == "登录"
    assert found["results"][0]["target_label"] == "用户"
    english = auditor.get(
        ENTRIES, {"actor": "qian", "action": "user.login"}, HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert english["results"][0]["action_label"] == "Log in"
    assert english["results"][0]["target_label"] == "User"
    choices = auditor.get("/api/v1/audit/choices").json()
    assert {"code": "user.login", "label": "登录"} in choices["actions"]
    assert {"code": "accounts.user", "label": "用户"} in choices["target_types"]


def test_the_filters_narrow_by_actor_action_object_and_days(world: World, auditor: Client) -> None:
    with tenant_context(world.town_a), transaction.atomic():
        old = audit_record(action="deputy.register", target_type="deputies.deputy", target_id=7)
        audit_record(action="deputy.register", target_type="deputies.deputy", target_id=8)
    # the first of the two is moved three days back, past the trigger, as a fixture
    with tenant_context(world.town_a), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE audit_auditentry SET at = %s WHERE id = %s",
            [timezone.now() - timedelta(days=3), old.pk],
        )
        cursor.execute("SET LOCAL session_replication_role = origin")
    today = timezone.localdate()

    def seqs(**query: Any) -> list[int]:
        response = auditor.get(ENTRIES, {"action": "deputy.register", **query})
        assert response.status_code == 200, response.content
        return [row["seq"] for row in response.json()["results"]]

    both = seqs()
    assert len(both) == 2
    assert seqs(target_type="deputies.deputy", target_id="7") == [old.seq]
    assert seqs(since=today.isoformat()) == [both[0]]
    assert seqs(until=(today - timedelta(days=1)).isoformat()) == [old.seq]
    assert seqs(since=(today - timedelta(days=3)).isoformat(), until=today.isoformat()) == both
    assert seqs(actor="nobody-of-that-name") == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"since": "2026-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2026-06-02", "until": "2026-06-01"}, "until"),
        ({"action": "x" * 65}, "action"),
    ],
)
def test_bad_filters_are_refused_naming_the_field(
    auditor: Client, query: dict[str, str], field: str
) -> None:
    response = auditor.get(ENTRIES, query)
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert auditor.get("/api/v1/audit/entries.xlsx", query).status_code == 400


def test_the_export_holds_the_filtered_entries_in_the_readers_language(
    world: World, auditor: Client
) -> None:
    client_on(world.town_a, _user("zheng-staff", world, ["staff"]))
    response = auditor.get("/api/v1/audit/entries.xlsx", {"actor": "zheng"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    rows = sheet_rows(response.content)
    assert rows[0][:5] == ("序号", "时间", "操作人", "操作", "操作代码")
    listed = auditor.get(ENTRIES, {"actor": "zheng"}).json()["results"]
    assert [r[0] for r in rows[1:]] == [row["seq"] for row in listed]
    assert {r[3] for r in rows[1:]} == {"登录"}


def test_verification_reports_an_intact_chain_and_names_an_edited_entry(
    world: World, auditor: Client
) -> None:
    intact = auditor.post("/api/v1/audit/verify").json()
    assert intact["intact"] is True
    assert intact["broken"] is None
    with tenant_context(world.town_a):
        assert intact["entries"] == AuditEntry.objects.count()
        victim = AuditEntry.objects.order_by("seq").first()
        assert victim is not None
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(
                "UPDATE audit_auditentry SET actor_label = 'forged' WHERE id = %s", [victim.pk]
            )
            cursor.execute("SET LOCAL session_replication_role = origin")

    broken = auditor.post("/api/v1/audit/verify").json()

    assert broken["intact"] is False
    assert broken["broken"]["seq"] == victim.seq
    assert "内容与其哈希不符" in broken["broken"]["reason"]
