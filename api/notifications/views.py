"""The caller's own notifications: list with the unread count, mark read."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.inputs import validated
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


class NotificationListView(APIView):
    permission_classes = [IsTenantMember]

    @extend_schema(
        operation_id="notification_list",
        responses=NotificationListOutSerializer,
        summary="我的消息（最近 50 条）与未读数 / my notifications (latest 50) and the unread count",
    )
    def get(self, request: Request) -> Response:
        user_id = user_id_of(request)
        rows = notifications_of(user_id)[:PAGE]
        return Response(
            {
                "unread": unread_count(user_id),
                "results": NotificationOutSerializer(rows, many=True).data,
            }
        )


class NotificationReadView(APIView):
    permission_classes = [IsTenantMember]

    @extend_schema(
        operation_id="notification_mark_read",
        request=MarkReadInSerializer,
        responses=MarkReadOutSerializer,
        summary="标为已读 / mark read",
    )
    def post(self, request: Request) -> Response:
        data = validated(MarkReadInSerializer, request)
        user_id = user_id_of(request)
        marked = notification_mark_read(user_id=user_id, ids=data.get("ids"))
        return Response({"marked": marked, "unread": unread_count(user_id)})
