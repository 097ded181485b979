"""Guidance and benchmark rounds over HTTP. The caller's congress is the host's tenant: it issues
and runs rounds as the issuer, or reads and nominates as a congress below. Every rule lives in
platform/supervision; views check roles, pick objects through the tree and call services."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.actions import Action, Read, Write, collection, endpoint
from api.errors import or_404
from api.inputs import validated
from api.permissions import STAFF, IsTenantMember, host_congress, is_public_host, user_id_of
from api.views import PublicView, ThrottledPublicView
from congresses.models import Congress, Level
from congresses.selectors import congress_subtree
from ops.errors import DomainError, NotAllowed
from supervision import selectors, services
from supervision.kinds import kind_spec
from supervision.models import Attachment, BenchmarkRound, Guidance, Nomination, Objection
from supervision.services import CriterionSpec
from tenants.reporting.nominees import nominee_get, nominee_options

from . import serializers as s


def _congress(request: Request) -> Congress:
    return host_congress(request)


def _missing(what: str) -> str:
    """The 404's words for a `what` (评选, 推荐) the caller cannot see."""
    return _("%(what)s不存在。") % {"what": what}


def _issued_round(request: Request, pk: int) -> BenchmarkRound:
    return or_404(
        (
            BenchmarkRound.objects.select_related("issuer")
            .filter(pk=pk, issuer=_congress(request))
            .first()
        ),
        _missing(_("评选")),
    )


def _visible_round(request: Request, pk: int) -> BenchmarkRound:
    return or_404(
        selectors.rounds_visible_to(_congress(request)).filter(pk=pk).first(), _missing(_("评选"))
    )


def _round_out(request: Request, round_: BenchmarkRound) -> dict[str, Any]:
    fresh = selectors.rounds_visible_to(_congress(request)).get(pk=round_.pk)
    return dict(
        s.BenchmarkRoundOutSerializer(fresh, context={"congress_id": _congress(request).pk}).data
    )


ROUND = Action(
    permission=STAFF,
    lookup=_issued_round,
    output=_round_out,
    responses=s.BenchmarkRoundOutSerializer,
    keyword="round_",
)


def _criteria(rows: list[dict[str, Any]]) -> list[CriterionSpec]:
    return [
        CriterionSpec(r["name"], r["weight"], r.get("indicator", ""), r.get("indicator_full"))
        for r in rows
    ]


# --- Files and the tree -----------------------------------------------------------------------


class FileUploadView(APIView):
    permission_classes = [STAFF]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="supervision_file_upload",
        request={"multipart/form-data": s.AttachmentUploadInSerializer},
        responses={201: s.AttachmentOutSerializer},
        summary="上传文件附件或推荐材料 / upload an attachment for guidance or a nomination",
    )
    def post(self, request: Request) -> Response:
        upload = validated(s.AttachmentUploadInSerializer, request)["file"]
        attachment = services.attachment_store(
            owner=_congress(request), uploaded_by=request.user, name=upload.name, data=upload.read()
        )
        return Response(s.AttachmentOutSerializer(attachment).data, status=status.HTTP_201_CREATED)


def _file_url(request: Request, pk: int) -> dict[str, str]:
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None or not selectors.attachment_readable(attachment, _congress(request)):
        raise NotFound(_missing(_("附件")))
    return {"url": selectors.attachment_download_url(attachment)}


FileUrlView = endpoint(
    Read(
        "supervision_file_url",
        "附件下载链接（限时）/ a short-lived download URL",
        _file_url,
        responses=s.AttachmentUrlSerializer,
    )
)


def _subordinates(request: Request) -> list[dict[str, Any]]:
    me = _congress(request)
    below = congress_subtree(me).exclude(pk=me.pk).order_by("division_code")
    return [{"id": c.pk, "name": c.name, "level": c.level, "parent_id": c.parent_id} for c in below]


SubordinateListView = endpoint(
    Read(
        "supervision_subordinates",
        "所辖单位 / the congresses below this one",
        _subordinates,
        responses=s.SubordinateSerializer(many=True),
    ),
    permission=STAFF,
)


# --- Guidance ---------------------------------------------------------------------------------


def _targets(issuer: Congress, scope: str, ids: list[int]) -> list[Congress]:
    below = congress_subtree(issuer).exclude(pk=issuer.pk)
    if scope == "all":
        return list(below)
    if scope == "townships":
        return list(below.filter(level=Level.TOWNSHIP))
    if scope == "counties":
        return list(below.filter(level=Level.COUNTY))
    picked = list(Congress.objects.select_related("parent__parent").filter(pk__in=set(ids)))
    if len(picked) != len(set(ids)):
        raise DomainError("target_unknown", _("接收单位不存在。"), field="target_ids")
    return picked


def _issued_guidance(request: Request, pk: int) -> Guidance:
    return or_404(
        selectors.guidance_issued(_congress(request)).filter(pk=pk).first(), _missing(_("文件"))
    )


def _addressed_guidance(request: Request, pk: int) -> Guidance:
    return or_404(selectors.guidance_addressed_to(_congress(request), pk), _missing(_("文件")))


class GuidanceListView(APIView):
    def get_permissions(self) -> list[Any]:
        issued = self.request.method == "POST" or self.request.query_params.get("box") == "issued"
        return [STAFF()] if issued else [IsTenantMember()]

    @extend_schema(
        operation_id="supervision_guidance_list",
        parameters=[
            OpenApiParameter(
                "box",
                enum=["received", "issued"],
                default="received",
                description="received: 发给本单位的; issued: 本单位发出的（工作人员）",
            )
        ],
        responses=s.GuidanceOutSerializer(many=True),
        summary="指导意见与通知 / guidance received or issued",
    )
    def get(self, request: Request) -> Response:
        me = _congress(request)
        found: QuerySet[Guidance]
        if request.query_params.get("box") == "issued":
            found = selectors.guidance_issued(me)
        else:
            found = selectors.guidance_received(me, reader_id=user_id_of(request))
        return Response(s.GuidanceOutSerializer(found, many=True).data)

    @extend_schema(
        operation_id="supervision_guidance_issue",
        request=s.GuidanceInSerializer,
        responses={201: s.GuidanceOutSerializer},
        summary="下发指导意见或通知 / issue guidance or a notice",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.GuidanceInSerializer, request)
        me = _congress(request)
        guidance = services.guidance_issue(
            issuer=me,
            actor=request.user,
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            reference=data["reference"],
            targets=_targets(me, data["scope"], data["target_ids"]),
            attachment_ids=data["attachment_ids"],
            report_due=data["report_due"],
        )
        found = selectors.guidance_issued(me).get(pk=guidance.pk)
        return Response(s.GuidanceOutSerializer(found).data, status=status.HTTP_201_CREATED)


def _issued_out(request: Request, guidance: Guidance) -> Any:
    return s.GuidanceOutSerializer(
        selectors.guidance_issued(_congress(request)).get(pk=guidance.pk)
    ).data


def _received_out(request: Request, guidance: Guidance) -> Any:
    found = selectors.guidance_received(_congress(request), reader_id=user_id_of(request))
    return s.GuidanceOutSerializer(found.get(pk=guidance.pk)).data


def _read(request: Request, guidance: Guidance, data: dict[str, Any]) -> Guidance:
    services.guidance_read(guidance=guidance, congress=_congress(request), reader=request.user)
    return guidance


def _reports(request: Request, guidance: Guidance) -> dict[str, Any]:
    if guidance.report_due is None:
        raise DomainError("report_not_requested", _("该文件不要求报送材料。"))
    reports = selectors.guidance_report_status(guidance)
    counts = {state: 0 for state, _label in s.REPORT_STATES}
    for row in reports:
        counts[row.state] += 1
    return {"guidance": guidance, "counts": counts, "reports": reports}


# Guidance this congress issued, which its staff follow up and may withdraw.
ISSUED = Action(
    permission=STAFF,
    lookup=_issued_guidance,
    output=_issued_out,
    responses=s.GuidanceOutSerializer,
    keyword="guidance",
)
# Guidance addressed to this congress: its staff record the receipt (not any member).
RECEIVED = Action(
    permission=STAFF,
    lookup=_addressed_guidance,
    output=_received_out,
    responses=s.GuidanceOutSerializer,
)

GuidanceDetailView = ISSUED.read(
    operation_id="supervision_guidance_receipts",
    summary="发文详情与各单位阅读情况 / issued guidance with read receipts per congress",
    show=lambda r, g: {"guidance": g, "receipts": selectors.guidance_receipt_status(g)},
    answer=s.GuidanceDetailSerializer,
)
GuidanceReadView = RECEIVED.view(
    operation_id="supervision_guidance_read",
    summary="阅读收到的文件（记录已读）/ read received guidance (records the receipt)",
    run=_read,
)
GuidanceWithdrawView = ISSUED.step(
    "supervision_guidance_withdraw",
    "撤回发出的文件（不再接收报送）/ withdraw an issued notice (no more reports)",
    services.guidance_withdraw,
)
GuidanceReportListView = ISSUED.read(
    operation_id="supervision_guidance_reports",
    summary="各接收单位报送情况：按时、逾期、未报 / report-back per receiving congress",
    show=_reports,
    answer=s.GuidanceReportsSerializer,
)


def _mine(request: Request, guidance: Guidance) -> dict[str, Any]:
    report = selectors.report_of(guidance, _congress(request))
    return {
        "report_due": guidance.report_due,
        "state": selectors.report_state_of(guidance, report, timezone.localdate()),
        "withdrawn": guidance.withdrawn_at is not None,
        "report": report,
    }


def _reporting(request: Request, pk: int) -> Guidance:
    guidance = _addressed_guidance(request, pk)
    if guidance.report_due is None:
        raise DomainError("report_not_requested", _("该文件不要求报送材料。"))
    return guidance


def _report_submit(request: Request, guidance: Guidance, data: dict[str, Any]) -> dict[str, Any]:
    services.report_submit(
        guidance=guidance,
        congress=_congress(request),
        actor=request.user,
        text=data["text"],
        attachment_ids=data["attachment_ids"],
    )
    guidance.refresh_from_db()
    return _mine(request, guidance)


# The report speaks for the receiving congress: its staff send it.
GuidanceReportView = endpoint(
    Read(
        "supervision_guidance_report_get",
        "本单位的报送材料 / this congress's report on a notice",
        lambda request, pk: _mine(request, _reporting(request, pk)),
        answer=s.MyGuidanceReportSerializer,
    ),
    Write(
        "supervision_guidance_report_submit",
        "报送材料（时限前可重报）/ report back on a notice (replaceable until the date)",
        _report_submit,
        body=s.GuidanceReportInSerializer,
        answer=s.MyGuidanceReportSerializer,
        find=_addressed_guidance,
    ),
    permission=STAFF,
)


# --- Benchmark rounds -------------------------------------------------------------------------


KindListView = endpoint(
    Read(
        "supervision_kinds",
        "评选类别：排除条件、指标、默认评分项 / kinds: exclusions, indicators, default criteria",
        # Through the serializer, so numbers come out as the schema declares them.
        lambda request: s.kinds_payload(),
        answer=s.BenchmarkKindSerializer,
        many=True,
    )
)


def _rounds(request: Request) -> Any:
    me = _congress(request)
    rounds = selectors.rounds_visible_to(me)
    return s.BenchmarkRoundOutSerializer(rounds, many=True, context={"congress_id": me.pk}).data


def _round_create(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    criteria = _criteria(data.pop("criteria"))
    round_ = services.round_create(
        issuer=_congress(request), actor=request.user, criteria=criteria, **data
    )
    return _round_out(request, round_)


def _round_update(request: Request, data: dict[str, Any], pk: int) -> dict[str, Any]:
    criteria = _criteria(data.pop("criteria")) if "criteria" in data else None
    round_ = services.round_update(
        round_=_issued_round(request, pk), actor=request.user, criteria=criteria, **data
    )
    return _round_out(request, round_)


RoundListView = endpoint(
    Read(
        "supervision_round_list",
        "本单位组织的和上级组织的评选 / rounds run here or above",
        _rounds,
        responses=s.BenchmarkRoundOutSerializer(many=True),
    ),
    Write(
        "supervision_round_create",
        "新建评选 / set up a round",
        _round_create,
        body=s.BenchmarkRoundInSerializer,
        responses=s.BenchmarkRoundOutSerializer,
        created=True,
        permission=STAFF,
    ),
    permission=IsTenantMember,
)
RoundDetailView = endpoint(
    Read(
        "supervision_round_get",
        "评选详情 / one round",
        lambda request, pk: _round_out(request, _visible_round(request, pk)),
        responses=s.BenchmarkRoundOutSerializer,
    ),
    Write(
        "supervision_round_update",
        "修改评选设置（筹备阶段）/ change a round's settings",
        _round_update,
        body=s.BenchmarkRoundUpdateInSerializer,
        responses=s.BenchmarkRoundOutSerializer,
        permission=STAFF,
        method="patch",
    ),
    permission=IsTenantMember,
)


RoundOpenView = ROUND.step(
    "supervision_round_open", "开始推荐 / open nominations", services.round_open
)


RoundCloseNominationsView = ROUND.step(
    "supervision_round_close_nominations",
    "结束推荐、进入评审 / close nominations, start review",
    services.round_close_nominations,
)


def _nominate(request: Request, data: dict[str, Any], pk: int) -> Nomination:
    round_ = _visible_round(request, pk)
    # The nominee is a record of the nominating congress: looked up here, on its own host,
    # in its own schema; a record it does not hold (another congress's) is refused.
    nominee = nominee_get(kind=round_.kind, ref=data.pop("nominee_ref"), year=round_.year)
    if nominee is None:
        raise DomainError(
            "nominee_unknown",
            _("推荐对象须是本单位的联络站、代表或案例。"),
            field="nominee_ref",
        )
    nomination = services.nomination_submit(
        round_=round_,
        nominator=_congress(request),
        actor=request.user,
        nominee_name=nominee.name,
        nominee_detail=nominee.detail,
        nominee_ref=nominee.ref,
        figures=nominee.figures,
        **data,
    )
    return selectors.nominations_visible_to(round_, _congress(request)).get(pk=nomination.pk)


NominationListView = collection(
    s.NominationOutSerializer,
    Read(
        "supervision_nomination_list",
        "推荐名单（组织单位看全部，下级只看本辖区）/ nominations, as far as the caller's tree reaches",
        lambda r, pk: selectors.nominations_visible_to(_visible_round(r, pk), _congress(r)),
    ),
    Write(
        "supervision_nomination_submit",
        "推荐 / nominate",
        _nominate,
        body=s.NominationInSerializer,
        permission=STAFF,
    ),
    permission=IsTenantMember,
)


class NomineeOptionListView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="supervision_nominee_options",
        parameters=[OpenApiParameter("search", str, required=False)],
        responses=s.NomineeOptionSerializer(many=True),
        summary="可推荐对象：本单位的联络站、代表（名录，不含联系方式）或已办结案例 / what this "
        "congress may nominate",
    )
    def get(self, request: Request, pk: int) -> Response:
        round_ = _visible_round(request, pk)
        search = request.query_params.get("search", "").strip()[:50]
        options = nominee_options(kind=round_.kind, search=search)
        return Response(s.NomineeOptionSerializer(options, many=True).data)


def _visible_nomination(request: Request, pk: int) -> Nomination:
    found = Nomination.objects.select_related("round__issuer").filter(pk=pk).first()
    me = _congress(request)
    if (
        found is None
        or not selectors.nominations_visible_to(found.round, me).filter(pk=pk).exists()
    ):
        raise NotFound(_missing(_("推荐")))
    return found


def _withdraw(request: Request, nomination: Nomination, data: dict[str, Any]) -> Nomination:
    return services.nomination_withdraw(
        nomination=nomination, congress=_congress(request), actor=request.user
    )


def _nomination_out(request: Request, nomination: Nomination) -> Any:
    found = selectors.nominations_visible_to(nomination.round, _congress(request))
    return s.NominationOutSerializer(found.get(pk=nomination.pk)).data


NominationWithdrawView = Action(
    permission=STAFF,
    lookup=_visible_nomination,
    output=_nomination_out,
    responses=s.NominationOutSerializer,
).view(
    operation_id="supervision_nomination_withdraw",
    summary="撤回推荐 / withdraw a nomination",
    run=_withdraw,
)


def _issued_nomination(request: Request, pk: int) -> Nomination:
    return or_404(
        (
            Nomination.objects.select_related("round__issuer", "nominator__parent")
            .prefetch_related("attachments")
            .filter(pk=pk, round__issuer=_congress(request))
            .first()
        ),
        _missing(_("推荐")),
    )


def _sheet(request: Request, nomination: Nomination) -> dict[str, Any]:
    criteria = list(nomination.round.criteria.all())
    suggested = services.prefilled_scores(nomination, criteria)
    mine = dict(
        nomination.scores.filter(reviewer_id=user_id_of(request)).values_list(
            "criterion_id", "value"
        )
    )
    labels = {i.key: str(i.label) for i in kind_spec(nomination.round.kind).indicators}
    lines = [
        {
            "criterion_id": c.pk,
            "name": c.name,
            "weight": c.weight,
            "indicator": c.indicator,
            "indicator_label": labels.get(c.indicator, ""),
            "indicator_value": (
                None
                if nomination.figures.get(c.indicator) is None
                else str(nomination.figures[c.indicator])
            ),
            "prefill": suggested.get(c.pk),
            "my_score": mine.get(c.pk),
        }
        for c in criteria
    ]
    return dict(s.ScoreSheetSerializer({"nomination": nomination, "lines": lines}).data)


def _score(request: Request, data: dict[str, Any], pk: int) -> dict[str, Any]:
    try:
        values = {int(k): v for k, v in data["values"].items()}
    except ValueError:
        raise DomainError(
            "criterion_unknown", _("评分项不属于本次评选。"), field="values"
        ) from None
    nomination = _issued_nomination(request, pk)
    services.score_record(nomination=nomination, reviewer=request.user, values=values)
    return _sheet(request, nomination)


ScoreSheetView = endpoint(
    Read(
        "supervision_score_sheet",
        "评分表（含指标预填）/ the score sheet with pre-filled scores",
        lambda request, pk: _sheet(request, _issued_nomination(request, pk)),
        responses=s.ScoreSheetSerializer,
    ),
    Write(
        "supervision_score_record",
        "评分 / score a nomination",
        _score,
        body=s.ScoreInSerializer,
        responses=s.ScoreSheetSerializer,
    ),
    permission=STAFF,
)
RankingView = endpoint(
    Read(
        "supervision_round_ranking",
        "综合得分排名 / nominations ranked by weighted score",
        lambda request, pk: selectors.round_ranking(_issued_round(request, pk)),
        answer=s.BenchmarkRankingRowSerializer,
        many=True,
    ),
    permission=STAFF,
)


RoundDecideView = ROUND.step(
    "supervision_round_decide",
    "评选决定 / the committee's decision",
    services.round_decide,
    body=s.BenchmarkDecideInSerializer,
)


RoundPublicityView = ROUND.step(
    "supervision_round_publicity",
    "开始公示 / start the public-notice period",
    services.round_start_publicity,
    body=s.BenchmarkPublicityInSerializer,
)


def _object(request: Request, data: dict[str, Any], pk: int) -> Objection:
    round_ = _issued_round(request, pk)
    nomination = or_404(
        round_.nominations.filter(pk=data["nomination_id"]).first(), _missing(_("推荐"))
    )
    objection = services.objection_record(
        nomination=nomination,
        actor=request.user,
        summary=data["summary"],
        received_on=data["received_on"],
    )
    return selectors.round_objections(round_).get(pk=objection.pk)


ObjectionListView = collection(
    s.ObjectionOutSerializer,
    Read(
        "supervision_objection_list",
        "公示期异议 / objections received during the notice period",
        lambda request, pk: selectors.round_objections(_issued_round(request, pk)),
    ),
    Write(
        "supervision_objection_record",
        "登记异议 / record an objection",
        _object,
        body=s.ObjectionInSerializer,
    ),
    permission=STAFF,
)


def _issued_objection(request: Request, pk: int) -> Objection:
    return or_404(
        Objection.objects.filter(pk=pk, round__issuer=_congress(request)).first(),
        _missing(_("异议")),
    )


def _objection_out(request: Request, objection: Objection) -> Any:
    found = selectors.round_objections(objection.round).get(pk=objection.pk)
    return s.ObjectionOutSerializer(found).data


ObjectionResolveView = Action(
    permission=STAFF,
    lookup=_issued_objection,
    output=_objection_out,
    responses=s.ObjectionOutSerializer,
    keyword="objection",
).step(
    "supervision_objection_resolve",
    "处理异议 / resolve an objection",
    services.objection_resolve,
    body=s.ObjectionResolveInSerializer,
)


RoundAnnounceView = ROUND.step(
    "supervision_round_announce", "公布评选结果 / announce the result", services.round_announce
)


def _result(request: Request, pk: int) -> dict[str, Any]:
    round_ = _visible_round(request, pk)
    lines = selectors.round_result(round_)
    if not lines and round_.issuer_id != _congress(request).pk:
        raise NotAllowed("result_not_public", _("评选结果尚未公示。"))
    return {
        "round": _round_out(request, round_),
        "lines": s.BenchmarkResultLineSerializer(lines, many=True).data,
    }


RoundResultView = endpoint(
    Read(
        "supervision_round_result",
        "公示或公布的名单 / the list in public notice or announced",
        _result,
        responses=s.BenchmarkResultSerializer,
    )
)


def _announced(request: Request) -> Any:
    if is_public_host(request):
        return []
    return selectors.rounds_announced_by(host_congress(request))


PublicRoundListView = endpoint(
    Read(
        "public_benchmark_list",
        "评选结果公布（公开）/ announced benchmark results (public)",
        _announced,
        answer=s.PublicBenchmarkRoundSerializer,
        many=True,
    ),
    base=PublicView,
    doc="The issuer's public portal: announced rounds and their lists, no login.",
)


def _public_round(request: Request, pk: int) -> BenchmarkRound:
    if is_public_host(request):
        raise NotFound(_missing(_("评选")))
    round_ = selectors.round_public(host_congress(request), pk)
    if round_ is None:
        raise DomainError("publicity_closed", _("不在公示期内，不能提出异议。"))
    return round_


PublicObjectionView = endpoint(
    Write(
        "public_benchmark_objection",
        "公示期内对入选对象提出异议（公开）/ object to a nominee during the notice period",
        lambda r, round_, d: services.objection_submit_public(round_=round_, **d),
        body=s.PublicObjectionInSerializer,
        answer=s.PublicObjectionReceivedSerializer,
        created=True,
        find=_public_round,
    ),
    base=ThrottledPublicView,
    doc="An objection from the public to a nominee on the list in 公示: no login, rate-limited "
    "per\naddress; the organiser's staff see it among the objections and resolve it.",
    throttle_scope="public_objection",
)
