"""群众意见 over HTTP: the staff console and the units' answers (login), the public form, QR
intake and tracking page (no login). Views check roles and call services; a unit reaches only
what was assigned to it (a 404 for the rest, as for any other row it cannot see)."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from accounts.roles import Role
from api.actions import Action, Read, Write, endpoint
from api.errors import or_404
from api.inputs import validated
from api.permissions import DEPUTY, STAFF, has_role, roles_of
from api.views import PublicView
from ops.errors import DomainError, NotAllowed
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import deputy_for_user
from tenants.linkage.opinions import services
from tenants.linkage.opinions.models import Channel, Opinion, Status
from tenants.linkage.opinions.selectors import (
    Clock,
    opinion_by_code,
    opinion_clock,
    opinion_detail,
    opinion_list,
    opinions_received_by,
    policy_current,
    public_status,
    unit_accounts,
)
from tenants.linkage.stations.models import Station
from tenants.linkage.stations.selectors import resident_listed, station_list

from . import serializers as s

HANDLERS = has_role(Role.STAFF, Role.UNIT)


def _unit_scope(request: Request) -> int | None:
    """None for staff (every opinion); the caller's own id for a unit (only its own)."""
    return None if Role.STAFF in roles_of(request) else request.user.pk


def _clock_for() -> Callable[[Opinion], Clock]:
    today, policy = timezone.localdate(), policy_current()
    return lambda opinion: opinion_clock(opinion, today=today, policy=policy)


def _opinion(request: Request, pk: int) -> Opinion:
    return or_404(
        opinion_detail(pk, unit_user_id=_unit_scope(request)),
        _("意见不存在。"),
        code="opinion_unknown",
    )


def _detail(request: Request, opinion: Opinion) -> Response:
    fresh = opinion_detail(opinion.pk)
    context = {"clock": _clock_for(), "full_contact": Role.STAFF in roles_of(request)}
    return Response(s.OpinionDetailSerializer(fresh, context=context).data)


def _station(pk: int | None, field: str) -> Station | None:
    if pk is None:
        return None
    station = station_list().filter(pk=pk).first()
    if station is None:
        raise DomainError("station_unknown", _("联络站不存在。"), field=field)
    return station


LIST_FILTERS = [
    OpenApiParameter("status", str, enum=Status.values),
    OpenApiParameter("category", str),
    OpenApiParameter("channel", str, enum=Channel.values),
    OpenApiParameter("overdue", bool, description="只看超期 / overdue only"),
    OpenApiParameter("escalated", bool, description="只看上报或下级上报 / escalated either way"),
    OpenApiParameter("q", str, description="内容或查询码 / text or tracking code"),
]


@extend_schema_view(
    get=extend_schema(
        operation_id="opinion_list",
        parameters=LIST_FILTERS,
        summary="群众意见（承办单位只见交办给本单位的）/ opinions (a unit sees its own only)",
    )
)
class OpinionListView(ListAPIView[Opinion]):
    serializer_class = s.OpinionRowSerializer
    permission_classes = [HANDLERS]

    def get_queryset(self) -> QuerySet[Opinion]:
        query = self.request.query_params
        return opinion_list(
            unit_user_id=_unit_scope(self.request),
            status=query.get("status", ""),
            category=query.get("category", ""),
            channel=query.get("channel", ""),
            overdue=query.get("overdue") == "true",
            escalated=True if query.get("escalated") == "true" else None,
            search=query.get("q", "").strip(),
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "clock": _clock_for()}

    @extend_schema(
        operation_id="opinion_receive",
        request=s.OpinionReceptionInSerializer,
        responses={201: s.OpinionDetailSerializer},
        summary="登记接待中收到的意见 / record an opinion taken at a reception",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if Role.STAFF not in roles_of(request):
            raise NotAllowed("staff_only", _("只有工作人员可以登记意见。"))
        data = validated(s.OpinionReceptionInSerializer, request)
        deputy = None
        if data["deputy_id"] is not None:
            deputy = Deputy.objects.filter(pk=data["deputy_id"]).first()
            if deputy is None:
                raise DomainError("deputy_unknown", _("代表不存在。"), field="deputy_id")
        station = _station(data["station_id"], "station_id")
        guest = None
        if data["listing_id"] is not None:
            # A deputy of another congress counts only where they are stationed.
            guest = (
                resident_listed(station_id=station.pk, listing_id=data["listing_id"])
                if station is not None
                else None
            )
            if guest is None:
                raise DomainError(
                    "deputy_not_posted", _("该代表未在本联络站进站。"), field="listing_id"
                )
        opinion = services.opinion_receive(
            channel=Channel.RECEPTION,
            content=data["content"],
            citizen_name=data["citizen_name"],
            citizen_phone=data["citizen_phone"],
            category=data["category"],
            deputy=deputy,
            guest=guest,
            station=station,
            actor=request.user,
        )
        response = _detail(request, opinion)
        response.status_code = status.HTTP_201_CREATED
        return response


def _detail_data(request: Request, opinion: Opinion) -> Any:
    return _detail(request, opinion).data


OPINION = Action(
    permission=STAFF,
    lookup=_opinion,
    output=_detail_data,
    responses=s.OpinionDetailSerializer,
    keyword="opinion",
)
OpinionDetailView = OPINION.read(
    operation_id="opinion_get",
    summary="意见详情与办理记录 / an opinion and its timeline",
    permission=HANDLERS,
)


def _handle(request: Request, opinion: Opinion, data: dict[str, Any]) -> Opinion:
    return services.opinion_start_handling(
        opinion=opinion, actor=request.user, staff=Role.STAFF in roles_of(request)
    )


def _reply(request: Request, opinion: Opinion, data: dict[str, Any]) -> Opinion:
    return services.opinion_reply(
        opinion=opinion,
        answer=data["answer"],
        actor=request.user,
        staff=Role.STAFF in roles_of(request),
    )


OpinionSortView = OPINION.step(
    "opinion_sort",
    "分类 / sort into a category",
    services.opinion_sort,
    body=s.OpinionSortInSerializer,
)
OpinionAssignView = OPINION.step(
    "opinion_assign",
    "交办承办单位并定办理期限 / assign to a unit with a deadline",
    services.opinion_assign,
    body=s.OpinionAssignInSerializer,
)
OpinionHandleView = OPINION.view(
    operation_id="opinion_handle",
    summary="开始办理（承办单位）/ start handling (the unit)",
    run=_handle,
    permission=HANDLERS,
)
OpinionReplyView = OPINION.view(
    operation_id="opinion_reply",
    summary="答复（承办单位或工作人员代录）/ answer (the unit, or staff recording its letter)",
    body=s.OpinionAnswerInSerializer,
    run=_reply,
    permission=HANDLERS,
)
OpinionExtendView = OPINION.step(
    "opinion_extend",
    "延期一次（须说明理由）/ extend once, with the reason",
    services.opinion_extend,
    body=s.OpinionReasonInSerializer,
)
OpinionDeclineView = OPINION.step(
    "opinion_decline",
    "不予受理（诉讼、仲裁、行政复议等）/ decline an out-of-scope matter",
    services.opinion_decline,
    body=s.OpinionDeclineInSerializer,
)
OpinionEscalateView = OPINION.step(
    "opinion_escalate",
    "上报上级人大 / escalate to the parent congress",
    services.opinion_escalate,
    body=s.OpinionEscalateInSerializer,
)
OpinionCloseView = OPINION.step(
    "opinion_close",
    "办结归档（群众未评价）/ close an answered opinion the citizen did not rate",
    services.opinion_close,
)


@extend_schema_view(
    get=extend_schema(
        operation_id="opinion_mine",
        summary="我接待的群众意见 / the opinions this deputy received",
    )
)
class OpinionMineView(ListAPIView[Opinion]):
    """The opinions this deputy received from citizens, to follow them on the phone."""

    serializer_class = s.OpinionMineSerializer
    permission_classes = [DEPUTY]

    def get_queryset(self) -> QuerySet[Opinion]:
        return opinions_received_by(user_id=int(self.request.user.pk or 0))

    @extend_schema(
        operation_id="opinion_collect",
        description="代表把本人走访、进站时收集的群众意见登记为接待所得，记入本人履职档案 / a "
        "deputy logs what constituents told them on a visit or at their station, as received at a "
        "reception, credited to their own record",
        request=s.OpinionCollectInSerializer,
        responses={201: s.OpinionMineSerializer},
        summary="代表登记本人收集的群众意见 / a deputy logs an opinion collected from constituents",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = validated(s.OpinionCollectInSerializer, request)
        opinion = services.opinion_collect(
            deputy=deputy_for_user(user_id=int(request.user.pk or 0)),
            content=data["content"],
            citizen_name=data["citizen_name"],
            citizen_phone=data["citizen_phone"],
            category=data["category"],
            station=_station(data["station_id"], "station_id"),
            actor=request.user,
        )
        return Response(s.OpinionMineSerializer(opinion).data, status=status.HTTP_201_CREATED)


def _deputy_dissatisfied(request: Request, data: dict[str, Any], pk: int) -> None:
    opinion = Opinion.objects.select_related("deputy").filter(pk=pk).first()
    if opinion is None or opinion.deputy is None or opinion.deputy.user_id != request.user.pk:
        raise NotFound(_("意见不存在。"), code="opinion_unknown")
    services.opinion_rate(
        opinion=opinion,
        rating="dissatisfied",
        comment=data["comment"],
        actor=request.user,
        by_deputy=True,
    )


def _policy_set(request: Request, data: dict[str, Any]) -> Any:
    services.policy_set(actor=request.user, **data)
    return policy_current()


DeputyFeedbackView = endpoint(
    Write(
        "opinion_deputy_dissatisfied",
        "接待代表对答复不满意 / the receiving deputy is dissatisfied with the answer",
        _deputy_dissatisfied,
        body=s.OpinionDeputyFeedbackInSerializer,
        empty=True,
    ),
    permission=DEPUTY,
    doc="The deputy who received an opinion says the answer does not satisfy: a new answer.",
)
UnitListView = endpoint(
    Read(
        "opinion_units",
        "本级承办单位账号 / the handling units with an account here",
        lambda r: [{"id": u.pk, "name": u.display_name or u.username} for u in unit_accounts()],
        answer=s.OpinionUnitSerializer,
        many=True,
    ),
    permission=STAFF,
)
PolicyView = endpoint(
    Read(
        "opinion_policy_get",
        "办理时限 / the answer clocks",
        lambda request: policy_current(),
        answer=s.OpinionPolicySerializer,
    ),
    Write(
        "opinion_policy_set",
        "设置办理时限 / set the answer clocks",
        _policy_set,
        body=s.OpinionPolicySerializer,
        answer=s.OpinionPolicySerializer,
        method="put",
    ),
    permission=STAFF,
)


# --- Public portal: no login ------------------------------------------------------------


class PublicOpinionThrottle(ScopedRateThrottle):
    """Counters of their own, at the rates of the proposal form (settings' public_* rates)."""

    RATE_OF = {"public_opinion": "public_proposal", "public_opinion_tracking": "public_tracking"}

    def get_rate(self) -> str | None:
        return self.THROTTLE_RATES[self.RATE_OF[str(self.scope)]]


class _PublicOpinionView(PublicView):
    throttle_classes = [PublicOpinionThrottle]
    throttle_scope = "public_opinion_tracking"


def _by_code(code: str) -> Opinion:
    return or_404(opinion_by_code(code), _("查询码不存在。"), code="tracking_unknown")


def _public_opinion(request: Request, data: dict[str, Any]) -> dict[str, str]:
    station = _station(data.pop("station"), "station")
    opinion = services.opinion_receive(
        channel=Channel.QR_CODE if station else Channel.ONLINE, station=station, **data
    )
    return {"tracking_code": opinion.tracking_code}


def _public_rate(request: Request, data: dict[str, Any], code: str) -> Any:
    opinion = services.opinion_rate(opinion=_by_code(code), **data)
    return public_status(_by_code(opinion.tracking_code))


def _public_station(request: Request, pk: int) -> Any:
    return or_404(station_list().filter(pk=pk).first(), _("联络站不存在。"), code="station_unknown")


PublicOpinionView = endpoint(
    Write(
        "public_opinion_submit",
        "反映意见（公开）/ submit an opinion (public)",
        _public_opinion,
        body=s.PublicOpinionInSerializer,
        responses=s.PublicOpinionCreatedSerializer,
        created=True,
    ),
    base=_PublicOpinionView,
    doc="A citizen's opinion, online or by a station's QR code (the form with ?station=<id>).",
    throttle_scope="public_opinion",
)
PublicOpinionTrackView = endpoint(
    Read(
        "public_opinion_track",
        "凭查询码查看意见办理情况（公开）/ follow an opinion by its code (public)",
        lambda request, code: public_status(_by_code(code)),
        answer=s.PublicOpinionSerializer,
    ),
    base=_PublicOpinionView,
)
PublicOpinionRatingView = endpoint(
    Write(
        "public_opinion_rate",
        "评价答复：满意、基本满意、不满意（公开）/ rate the answer (public)",
        _public_rate,
        body=s.PublicRatingInSerializer,
        answer=s.PublicOpinionSerializer,
    ),
    base=_PublicOpinionView,
    throttle_scope="public_opinion",
)
PublicStationView = endpoint(
    Read(
        "public_opinion_station",
        "扫码提交时显示的联络站（公开）/ the station of a QR code (public)",
        _public_station,
        answer=s.PublicStationSerializer,
    ),
    base=_PublicOpinionView,
)
