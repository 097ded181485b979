"""Sending and reading notifications. Other modules call `notification_send`."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .models import Notification


def notification_send(
    *, key: str, user_ids: Iterable[int], subject: str, body: str, link: str = ""
) -> int:
    """Notify each user once per `key`: an in-app row, and an e-mail to users who have an address.
    Users already notified under `key` are skipped, so the call is safe to repeat (a retried task).
    The e-mails go after the caller's transaction commits, so a rolled-back write sends nothing.
    Returns how many users were newly notified."""
    wanted = {int(pk) for pk in user_ids}
    if not wanted:
        return 0
    new: list[int] = []
    with transaction.atomic():
        for user_id in sorted(wanted):
            # get_or_create retries inside a savepoint when a concurrent sender wins the insert.
            _, created = Notification.objects.get_or_create(
                key=key,
                user_id=user_id,
                defaults={"subject": subject[:200], "body": body, "link": link[:300]},
            )
            if created:
                new.append(user_id)
        if new:
            # A mail server that fails is logged, not raised: the rows stand and the app shows them.
            def mail_new_rows() -> None:  # named: Django logs a robust callback by its name
                _mail(user_ids=new, subject=subject, body=body, link=link)

            transaction.on_commit(mail_new_rows, robust=True)
    return len(new)


def _mail(*, user_ids: list[int], subject: str, body: str, link: str) -> None:
    addresses = (
        User.objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    text = f"{body}\n\n{link}" if link else body
    messages = [
        EmailMessage(
            subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[address]
        )
        for address in addresses
    ]
    if messages:
        get_connection().send_messages(messages)


def notification_mark_read(*, user_id: int, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (`ids`, or all of them). Returns how many changed."""
    unread = Notification.objects.filter(user_id=user_id, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
