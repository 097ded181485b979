"""Issue 12, Low: each failed login appended the typed username to the tenant's audit chain,
unthrottled (a password typed into the name field ended up in the chain for good)."""

from axes.models import AccessAttempt
from django.conf import settings
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from tests.conftest import World
from tests.security.helpers import STRANGER, browser, login

TYPED = "MySecret#Pass2026"


def _chain_text(world: World) -> tuple[int, str]:
    with tenant_context(world.town_a):
        entries = list(AuditEntry.objects.values("actor_label", "payload", "target_id"))
    return len(entries), repr(entries)


def test_failed_login_audit_keeps_no_typed_name_and_stops_growing_once_locked(
    world: World,
) -> None:
    before, _ = _chain_text(world)
    client = browser(world.town_a, STRANGER)
    for _ in range(settings.LOGIN_MAX_FAILURES):
        login(client, TYPED, "whatever")
    after_lockout, text = _chain_text(world)

    for _ in range(5):
        login(client, TYPED, "whatever")
    finally_, _ = _chain_text(world)

    assert TYPED not in text
    assert not AccessAttempt.objects.filter(username__contains=TYPED).exists()
    assert after_lockout - before == settings.LOGIN_MAX_FAILURES
    assert finally_ == after_lockout
