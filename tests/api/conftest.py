"""What the API tests share: accounts made straight in the database (these tests are about the
API, not about how accounts are made), town A's deputies on their phones and on its roster, and
its call for proposals."""

from collections.abc import Sequence
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_term
from tests.tenants.voting.factories import make_deputies


def member(user: User, congress: Congress, roles: list[str]) -> User:
    """`user`, on the tests' password, holding `roles` in `congress`."""
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, congress=congress, roles=roles)
    return user


def on_phones(world: World, deputies: Sequence[Deputy], prefix: str) -> list[Client]:
    """Town A's `deputies`, each given an account of their own named `{prefix}-{pk}` and
    logged in on a phone: their phones, in order."""
    with tenant_context(world.town_a):
        for deputy in deputies:
            account = User.objects.create(username=f"{prefix}-{deputy.pk}")
            deputy.user = member(account, world.town_a, ["deputy"])
            deputy.save(update_fields=["user"])
    return [client_on(world.town_a, deputy.user) for deputy in deputies]


def seat_deputy_both(world: World, name: str = "代表甲") -> Deputy:
    """`world.deputy_both` on town A's roster of this term, as `name`."""
    with tenant_context(world.town_a):
        return deputy_register(
            term=make_term(),
            name=name,
            gender="male",
            level="township",
            constituency="第1选区",
            actor=None,
            user=world.deputy_both,
        )


def call_opened(world: World, *, opens_in: int = -1) -> tuple[Client, int]:
    """Town A (three deputies on its roster) with its 2027 cycle, whose call for proposals its
    staff published through the API, open from `opens_in` days from today for a month: the
    staff's client and the cycle's id."""
    with tenant_context(world.town_a):
        make_deputies(3)
    staff = client_on(world.town_a, world.staff_a)
    cycle = staff.post(
        "/api/v1/voting/cycles",
        {"year": 2027, "title": "2027年民生实事", "seats": 1},
        content_type="application/json",
    ).json()
    today = timezone.localdate()
    call = staff.post(
        f"/api/v1/voting/cycles/{cycle['id']}/call",
        {
            "title": "关于征集2027年民生实事项目建议的公告",
            "body": "欢迎提出建议。",
            "opens_on": str(today + timedelta(days=opens_in)),
            "closes_on": str(today + timedelta(days=30)),
        },
        content_type="application/json",
    )
    assert call.status_code == 201, call.json()
    return staff, int(cycle["id"])
