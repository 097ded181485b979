from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import User
from api.permissions import host_congress, is_public_host
from congresses.models import Congress, ProvisioningJob
from congresses.selectors import congress_subtree
from congresses.services import CongressSpec, provisioning_job_create
from ops.errors import DomainError

from .serializers import (
    CongressOutSerializer,
    CongressProvisionInSerializer,
    ProvisioningJobOutSerializer,
)


def _visible_congresses(request: Request) -> QuerySet[Congress]:
    if is_public_host(request):
        return Congress.objects.select_related("parent").all()
    return congress_subtree(host_congress(request))


class CongressListView(ListAPIView[Congress]):
    serializer_class = CongressOutSerializer

    def get_queryset(self) -> QuerySet[Congress]:
        return (
            _visible_congresses(self.request).prefetch_related("domains").order_by("division_code")
        )

    @extend_schema(
        operation_id="congress_list", summary="本级及下级人大 / this congress and those below it"
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="congress_provision",
        request=CongressProvisionInSerializer,
        responses={202: ProvisioningJobOutSerializer},
        summary="开通人大（后台任务）/ provision a congress (runs as a task)",
    )
    def post(self, request: Request) -> Response:
        data = CongressProvisionInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        password = fields.pop("admin_password")
        if fields["admin_username"] and password:
            try:
                validate_password(password, User(username=fields["admin_username"]))
            except ValidationError as weak:
                raise DomainError(
                    "password_weak", " ".join(weak.messages), field="admin_password"
                ) from None
        spec = CongressSpec(
            **fields, admin_password_hash=make_password(password) if password else ""
        )
        acting_in = None if is_public_host(request) else host_congress(request)
        job = provisioning_job_create(spec=spec, requested_by=request.user, acting_in=acting_in)  # type: ignore[arg-type]
        return Response(ProvisioningJobOutSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ProvisioningJobView(RetrieveAPIView[ProvisioningJob]):
    serializer_class = ProvisioningJobOutSerializer

    def get_queryset(self) -> QuerySet[ProvisioningJob]:
        # A caller sees the jobs they asked for.
        return ProvisioningJob.objects.filter(requested_by=self.request.user)  # type: ignore[misc]

    @extend_schema(operation_id="provisioning_job_get", summary="开通进度 / provisioning progress")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)
