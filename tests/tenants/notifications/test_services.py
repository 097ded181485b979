"""Notifications: one row and one e-mail per user and key, however often the sender repeats."""

from typing import Any

import pytest
from django.core import mail
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.notifications.models import Notification
from tenants.notifications.services import notification_mark_read, notification_send
from tests.conftest import World, client_on


def _users(*emails: str) -> list[User]:
    return [
        User.objects.create(username=f"n-{i}-{email or 'none'}", email=email)
        for i, email in enumerate(emails)
    ]


def test_send_creates_a_row_and_an_email_per_user(
    town: Congress, django_capture_on_commit_callbacks: Any
) -> None:
    a, b, no_mail = _users("a@example.cn", "b@example.cn", "")

    with django_capture_on_commit_callbacks(execute=True):
        sent = notification_send(
            key="k:1",
            user_ids=[a.pk, b.pk, no_mail.pk],
            subject="节点将到期",
            body="请按时完成",
            link="/implementation/projects/1",
        )

    assert sent == 3
    assert Notification.objects.filter(key="k:1").count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.cn", "b@example.cn"]
    assert mail.outbox[0].subject == "节点将到期"
    assert "/implementation/projects/1" in mail.outbox[0].body


def test_a_repeated_send_notifies_nobody_twice(
    town: Congress, django_capture_on_commit_callbacks: Any
) -> None:
    a, b = _users("a@example.cn", "b@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(key="k:2", user_ids=[a.pk], subject="s", body="b")

    with django_capture_on_commit_callbacks(execute=True):
        again = notification_send(key="k:2", user_ids=[a.pk, b.pk, b.pk], subject="s", body="b")

    assert again == 1  # only b is new
    assert [m.to for m in mail.outbox] == [["a@example.cn"], ["b@example.cn"]]
    assert Notification.objects.filter(key="k:2").count() == 2


def test_nothing_is_mailed_when_the_callers_transaction_rolls_back(town: Congress) -> None:
    from django.db import transaction

    (a,) = _users("a@example.cn")
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_send(key="k:3", user_ids=[a.pk], subject="s", body="b")
        raise RuntimeError("the caller fails")

    assert not Notification.objects.filter(key="k:3").exists()
    assert mail.outbox == []


def test_send_to_nobody_is_a_no_op(town: Congress) -> None:
    assert notification_send(key="k:4", user_ids=[], subject="s", body="b") == 0


def test_mark_read_touches_only_the_users_own_rows(town: Congress) -> None:
    a, b = _users("", "")
    notification_send(key="k:5", user_ids=[a.pk, b.pk], subject="s", body="b")
    notification_send(key="k:6", user_ids=[a.pk], subject="s", body="b")
    theirs = Notification.objects.get(key="k:5", user_id=b.pk)

    assert notification_mark_read(user_id=a.pk, ids=[theirs.pk]) == 0
    assert notification_mark_read(user_id=a.pk) == 2
    assert Notification.objects.filter(user_id=b.pk, read_at__isnull=True).count() == 1


def test_the_api_lists_mine_with_the_unread_count_and_marks_read(world: World) -> None:
    with tenant_context(world.town_a):
        notification_send(key="k:7", user_ids=[world.staff_a.pk], subject="整改到期", body="b")
        notification_send(key="k:8", user_ids=[world.staff_a.pk], subject="节点逾期", body="b")
        notification_send(key="k:9", user_ids=[world.deputy_both.pk], subject="别人的", body="b")
    client = client_on(world.town_a, world.staff_a)

    listed = client.get("/api/v1/notifications").json()
    assert listed["unread"] == 2
    assert [n["subject"] for n in listed["results"]] == ["节点逾期", "整改到期"]

    first = listed["results"][0]["id"]
    marked = client.post(
        "/api/v1/notifications/read", {"ids": [first]}, content_type="application/json"
    ).json()
    assert marked == {"marked": 1, "unread": 1}


def test_a_session_of_another_tenant_gets_403(world: World) -> None:
    client = client_on(world.town_b, world.staff_b)
    client.defaults["HTTP_HOST"] = "town-a.localhost"

    assert client.get("/api/v1/notifications").status_code == 403


def test_a_failing_mail_server_leaves_the_notification_in_place(
    town: Congress, django_capture_on_commit_callbacks: Any
) -> None:
    from django.test import override_settings

    (a,) = _users("a@example.cn")
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    with (
        override_settings(EMAIL_BACKEND=smtp, EMAIL_HOST="127.0.0.1", EMAIL_PORT=1),
        django_capture_on_commit_callbacks(execute=True),
    ):
        sent = notification_send(key="k:10", user_ids=[a.pk], subject="s", body="b")

    assert sent == 1
    assert Notification.objects.filter(key="k:10", user_id=a.pk).exists()
