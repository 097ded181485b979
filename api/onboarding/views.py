"""The setup checklist (开通向导) over HTTP: each item's state as the congress's rows give it."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.permissions import has_role
from tenants.reporting.setup import SETUP_ITEMS, setup_checklist


class SetupItemOutSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=SETUP_ITEMS, help_text="事项 / the item")
    done = serializers.BooleanField(help_text="已完成 / done")
    count = serializers.IntegerField(help_text="已有数量 / how many there are")
    total = serializers.IntegerField(help_text="应有数量，0 为不适用 / out of, 0 if none")


class SetupChecklistOutSerializer(serializers.Serializer):
    items = SetupItemOutSerializer(many=True)
    done_count = serializers.IntegerField(help_text="已完成事项数 / items done")
    complete = serializers.BooleanField(help_text="全部完成 / every item done")


class SetupChecklistView(APIView):
    permission_classes = [has_role(Role.STAFF, Role.SYSTEM_ADMIN)]

    @extend_schema(
        operation_id="setup_checklist",
        responses=SetupChecklistOutSerializer,
        summary="开通向导：各项设置是否完成 / the setup checklist, derived from this congress's rows",
    )
    def get(self, request: Request) -> Response:
        checklist = setup_checklist()
        return Response(
            SetupChecklistOutSerializer(
                {
                    "items": checklist.items,
                    "done_count": checklist.done_count,
                    "complete": checklist.complete,
                }
            ).data
        )
