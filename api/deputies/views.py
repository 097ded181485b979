from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api.permissions import has_role, membership_of
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import deputy_list

from .serializers import DeputyOutSerializer


class DeputyListView(ListAPIView[Deputy]):
    serializer_class = DeputyOutSerializer
    permission_classes = [has_role(Role.STAFF, Role.DEPUTY, Role.SYSTEM_ADMIN)]

    def get_queryset(self) -> QuerySet[Deputy]:
        return deputy_list()

    def get_serializer_context(self) -> dict[str, Any]:
        membership = membership_of(self.request)
        return {
            **super().get_serializer_context(),
            "unmask": bool(membership and Role.STAFF in membership.roles),
        }

    @extend_schema(operation_id="deputy_list", summary="代表名册 / the deputy roster")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class DeputyDetailView(RetrieveAPIView[Deputy]):
    serializer_class = DeputyOutSerializer
    permission_classes = DeputyListView.permission_classes

    def get_queryset(self) -> QuerySet[Deputy]:
        return deputy_list()

    def get_serializer_context(self) -> dict[str, Any]:
        return DeputyListView.get_serializer_context(self)  # type: ignore[arg-type]

    @extend_schema(operation_id="deputy_get", summary="代表详情 / one deputy")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
