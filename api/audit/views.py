from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api.permissions import has_role
from audit.models import AuditEntry


class AuditEntryOutSerializer(serializers.ModelSerializer[AuditEntry]):
    class Meta:
        model = AuditEntry
        fields = [
            "seq",
            "at",
            "actor_id",
            "actor_label",
            "action",
            "target_type",
            "target_id",
            "outcome",
            "request_id",
        ]


class AuditEntryListView(ListAPIView[AuditEntry]):
    """Only the audit administrator reads the log (三员分立)."""

    serializer_class = AuditEntryOutSerializer
    permission_classes = [has_role(Role.AUDIT_ADMIN)]

    def get_queryset(self) -> QuerySet[AuditEntry]:
        return AuditEntry.objects.order_by("-seq")

    @extend_schema(
        operation_id="audit_entry_list", summary="审计日志 / the audit log of this tenant"
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
