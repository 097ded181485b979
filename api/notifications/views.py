"""The caller's own notifications: list with the unread count, mark read."""

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request

from api.actions import Read, Write, endpoint
from api.permissions import IsTenantMember, user_id_of
from tenants.notifications.models import Notification
from tenants.notifications.selectors import notifications_of, unread_count
from tenants.notifications.services import notification_mark_read

PAGE = 50


class NotificationOutSerializer(serializers.ModelSerializer[Notification]):
    class Meta:
        model = Notification
        fields = ["id", "subject", "body", "link", "created_at", "read_at"]


class NotificationListOutSerializer(serializers.Serializer):
    unread = serializers.IntegerField(help_text="未读数 / unread count")
    results = NotificationOutSerializer(many=True)


class MarkReadInSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=500,
        help_text="不填则全部标为已读 / all of them when left out",
    )


class MarkReadOutSerializer(serializers.Serializer):
    marked = serializers.IntegerField()
    unread = serializers.IntegerField()


def _notifications(request: Request) -> dict[str, Any]:
    user_id = user_id_of(request)
    return {"unread": unread_count(user_id), "results": notifications_of(user_id)[:PAGE]}


def _mark_read(request: Request, data: dict[str, Any]) -> dict[str, int]:
    user_id = user_id_of(request)
    marked = notification_mark_read(user_id=user_id, ids=data.get("ids"))
    return {"marked": marked, "unread": unread_count(user_id)}


NotificationListView = endpoint(
    Read(
        "notification_list",
        "我的消息（最近 50 条）与未读数 / my notifications (latest 50) and the unread count",
        _notifications,
        answer=NotificationListOutSerializer,
    ),
    permission=IsTenantMember,
)
NotificationReadView = endpoint(
    Write(
        "notification_mark_read",
        "标为已读 / mark read",
        _mark_read,
        body=MarkReadInSerializer,
        answer=MarkReadOutSerializer,
    ),
    permission=IsTenantMember,
)
