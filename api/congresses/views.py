from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from api.inputs import checked
from api.permissions import host_congress, is_public_host
from congresses.models import Congress, ProvisioningJob
from congresses.selectors import congress_subtree
from congresses.services import CongressSpec, provisioning_job_create
from crossing.services import dispatch_dead_list, dispatch_retry
from ops.errors import DomainError, NotAllowed

from .serializers import (
    CongressOutSerializer,
    CongressProvisionInSerializer,
    DeadDispatchSerializer,
    ProvisioningJobOutSerializer,
)


def _visible_congresses(request: Request) -> QuerySet[Congress]:
    if is_public_host(request):
        return Congress.objects.select_related("parent").all()
    return congress_subtree(host_congress(request))


@extend_schema_view(
    get=extend_schema(
        operation_id="congress_list", summary="本级及下级人大 / this congress and those below it"
    )
)
class CongressListView(ListAPIView[Congress]):
    serializer_class = CongressOutSerializer

    def get_queryset(self) -> QuerySet[Congress]:
        return (
            _visible_congresses(self.request).prefetch_related("domains").order_by("division_code")
        )

    @extend_schema(
        operation_id="congress_provision",
        request=CongressProvisionInSerializer,
        responses={202: ProvisioningJobOutSerializer},
        summary="开通人大（后台任务）/ provision a congress (runs as a task)",
    )
    def post(self, request: Request) -> Response:
        data = CongressProvisionInSerializer(data=request.data)
        checked(data)
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


@extend_schema_view(
    get=extend_schema(
        operation_id="provisioning_job_get", summary="开通进度 / provisioning progress"
    )
)
class ProvisioningJobView(RetrieveAPIView[ProvisioningJob]):
    serializer_class = ProvisioningJobOutSerializer

    def get_queryset(self) -> QuerySet[ProvisioningJob]:
        # A caller sees the jobs they asked for.
        return ProvisioningJob.objects.filter(requested_by=self.request.user)  # type: ignore[misc]


def _operator_only(request: Request) -> None:
    if not is_public_host(request):
        raise NotAllowed("platform_only", _("仅平台运维可在平台地址查看。"))


class DeadDispatchListView(APIView):
    """The crossing dispatches given up after their attempts: the platform operator's view."""

    @extend_schema(
        operation_id="crossing_dead_list",
        responses=DeadDispatchSerializer(many=True),
        summary="投递失败的跨级协同消息 / dispatches given up",
    )
    def get(self, request: Request) -> Response:
        _operator_only(request)
        return Response(DeadDispatchSerializer(dispatch_dead_list(), many=True).data)


class DispatchRetryView(APIView):
    @extend_schema(
        operation_id="crossing_dispatch_retry",
        request=None,
        responses=DeadDispatchSerializer,
        summary="重新投递 / try a given-up dispatch again",
    )
    def post(self, request: Request, pk: int) -> Response:
        _operator_only(request)
        dispatch = dispatch_retry(dispatch_id=pk, actor=request.user)
        return Response(
            {
                "id": dispatch.pk,
                "kind": dispatch.kind,
                "origin": dispatch.origin.name,
                "target": dispatch.target.name,
                "origin_ref": dispatch.origin_ref,
                "created_at": dispatch.created_at,
                "dead_at": None,
                "attempts": dispatch.attempts,
                "last_error": dispatch.last_error,
            }
        )
