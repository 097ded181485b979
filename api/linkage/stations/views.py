"""代表联络站 over HTTP: the staff console (stations, staff, residents, rota, checklist and its
assessment), the copies of our deputies' postings elsewhere, and the public station page with its
QR code. Views translate HTTP to the services and back; the rules live in tenants/linkage/stations."""

import io
from typing import Any

import segno
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from accounts.roles import Role
from api.actions import Action, Read, Write, collection, endpoint
from api.downloads import SVG, PublicDownloadView, binary
from api.errors import or_404
from api.permissions import STAFF, has_role, host_tenant, roles_of
from api.views import PublicView
from ops.errors import DomainError
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import deputy_for_user
from tenants.linkage.stations import selectors, services
from tenants.linkage.stations.models import Assessment, ChecklistItem, ReceptionDay, Station

from . import serializers as s

READERS = has_role(Role.STAFF, Role.DEPUTY)


def _station(pk: int) -> Station:
    return get_object_or_404(Station.objects.all(), pk=pk)


def _detail(request: Request, pk: int) -> dict[str, Any]:
    station = or_404(
        selectors.station_detail(station_id=pk), _("该联络站不存在。"), code="station_unknown"
    )
    unmask = Role.STAFF in roles_of(request)
    return dict(s.StationDetailSerializer(station, context={"unmask": unmask}).data)


def _parent(data: dict[str, Any]) -> dict[str, Any]:
    if "parent" in data:
        parent_id = data.pop("parent")
        data["parent"] = _station(parent_id) if parent_id is not None else None
    return data


def _station_create(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    station = services.station_create(actor=request.user, **_parent(data))
    return _detail(request, station.pk)


def _station_update(request: Request, data: dict[str, Any], pk: int) -> dict[str, Any]:
    data = _parent(data)
    services.station_update(station=_station(pk), actor=request.user, **data)
    return _detail(request, pk)


StationListView = endpoint(
    Read(
        "station_list",
        "联络站列表 / liaison stations",
        lambda request: selectors.station_list(),
        answer=s.StationOutSerializer,
        many=True,
    ),
    Write(
        "station_create",
        "新建联络站 / create a station",
        _station_create,
        body=s.StationInSerializer,
        responses=s.StationDetailSerializer,
        created=True,
        permission=STAFF,
    ),
    permission=READERS,
)
StationDetailView = endpoint(
    Read(
        "station_get",
        "联络站详情：站务人员、进站代表、接待日 / a station with staff, residents, rota",
        _detail,
        responses=s.StationDetailSerializer,
    ),
    Write(
        "station_update",
        "修改联络站 / update a station",
        _station_update,
        body=s.StationUpdateSerializer,
        responses=s.StationDetailSerializer,
        permission=STAFF,
        method="patch",
    ),
    permission=READERS,
)


def _staff_set(request: Request, data: dict[str, Any], pk: int) -> dict[str, Any]:
    services.station_staff_set(station=_station(pk), staff=data["staff"], actor=request.user)
    return _detail(request, pk)


StationStaffView = endpoint(
    Write(
        "station_staff_set",
        "设置站务人员 / set the station's staff",
        _staff_set,
        body=s.StaffSetSerializer,
        responses=s.StationDetailSerializer,
        method="put",
    ),
    permission=STAFF,
)


def _resident_add(request: Request, data: dict[str, Any], pk: int) -> Any:
    deputy = None
    if "deputy" in data:
        deputy = Deputy.objects.filter(pk=data["deputy"]).first()
        if deputy is None:
            raise DomainError("deputy_unknown", _("名册中没有这名代表。"), field="deputy")
    return services.residency_add(
        station=_station(pk), deputy=deputy, listing_id=data.get("listing"), actor=request.user
    )


def _resident_end(request: Request, data: dict[str, Any], pk: int) -> None:
    resident = or_404(
        selectors.resident_of(resident_id=pk), _("该进站代表不存在。"), code="resident_unknown"
    )
    services.residency_end(resident=resident, actor=request.user)


ResidentListView = endpoint(
    Write(
        "station_resident_add",
        "代表进站：本级代表或名录中的上级代表 / station a deputy, ours or from the directory",
        _resident_add,
        body=s.ResidentInSerializer,
        answer=s.ResidentOutSerializer,
        created=True,
    ),
    permission=STAFF,
)
ResidentDetailView = endpoint(
    Write(
        "station_resident_end",
        "代表离站 / a deputy leaves the station",
        _resident_end,
        method="delete",
    ),
    permission=STAFF,
)


def _reception_schedule(request: Request, data: dict[str, Any], pk: int) -> ReceptionDay:
    station = _station(pk)
    on_duty = list(station.residents.filter(pk__in=data["on_duty"]))
    if len(on_duty) != len(set(data["on_duty"])):
        raise DomainError(
            "reception_not_resident", _("接待代表须为本站进站代表。"), field="on_duty"
        )
    return services.reception_schedule(
        station=station,
        on=data["date"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        topic=data.get("topic", ""),
        on_duty=on_duty,
        actor=request.user,
    )


ReceptionListView = endpoint(
    Write(
        "station_reception_schedule",
        "安排接待日（草稿）/ schedule a reception day (draft)",
        _reception_schedule,
        body=s.ReceptionInSerializer,
        answer=s.ReceptionOutSerializer,
        created=True,
    ),
    permission=STAFF,
)


def _reception(pk: int) -> ReceptionDay:
    return get_object_or_404(ReceptionDay.objects.all(), pk=pk)


RECEPTION = Action(
    permission=STAFF,
    lookup=lambda request, pk: _reception(pk),
    responses=s.ReceptionOutSerializer,
    keyword="reception",
)

ReceptionPublishView = RECEPTION.step(
    "station_reception_publish",
    "公告接待日（须提前规定天数）/ publish a reception day, the notice days ahead",
    services.reception_publish,
)
ReceptionHoldView = RECEPTION.view(
    operation_id="station_reception_hold",
    summary="标记接待日已接待（记入代表履职档案）/ mark a reception day held (duty entries)",
    body=s.ReceptionHoldSerializer,
    run=lambda r, reception, d: services.reception_hold(
        reception=reception, absent=d["absent"], actor=r.user
    ),
)


ReceptionDetailView = endpoint(
    Write(
        "station_reception_cancel",
        "取消接待日 / cancel a reception day",
        lambda r, d, pk: services.reception_cancel(reception=_reception(pk), actor=r.user),
        method="delete",
    ),
    permission=STAFF,
)
SettingsView = endpoint(
    Read(
        "station_settings_get",
        "联络站设置 / the stations' settings",
        lambda request: services.settings_get(),
        answer=s.StationSettingsSerializer,
    ),
    Write(
        "station_settings_update",
        "修改联络站设置（公告天数、星级分数线）/ set the notice days and star thresholds",
        lambda request, data: services.settings_update(actor=request.user, **data),
        body=s.StationSettingsSerializer,
        answer=s.StationSettingsSerializer,
        permission=STAFF,
        method="put",
    ),
    permission=READERS,
)
ChecklistView = collection(
    s.ChecklistItemSerializer,
    Read(
        "station_checklist_list",
        "规范化建设标准（N有）/ the standardisation checklist",
        lambda request: selectors.checklist_items(),
    ),
    Write(
        "station_checklist_add",
        "增加一项标准 / add a criterion",
        lambda request, data: services.checklist_item_add(actor=request.user, **data),
        body=s.ChecklistItemSerializer,
        permission=STAFF,
    ),
    permission=READERS,
)


def _checklist_retire(request: Request, data: dict[str, Any], pk: int) -> None:
    item = get_object_or_404(ChecklistItem.objects.all(), pk=pk)
    services.checklist_item_retire(item=item, actor=request.user)


ChecklistItemView = endpoint(
    Write(
        "station_checklist_retire",
        "停用一项标准 / retire a criterion",
        _checklist_retire,
        method="delete",
    ),
    permission=STAFF,
)


def _assessment_out(station: Station, year: int) -> dict[str, Any]:
    found = selectors.assessment_for(station_id=station.pk, year=year)
    if found is None:
        scores = [
            {
                "item": i.pk,
                "title": i.title,
                "weight": i.weight,
                "self_score": None,
                "review_score": None,
            }
            for i in selectors.checklist_items()
        ]
        blank = {
            "id": None,
            "year": year,
            "state": Assessment.State.DRAFT,
            "self_total": None,
            "review_total": None,
            "stars": None,
            "submitted_at": None,
            "reviewed_at": None,
            "review_note": "",
            "stars_expire_on": None,
            "scores": scores,
        }
        return dict(s.AssessmentOutSerializer(blank).data)
    data = {
        name: getattr(found, name)
        for name in (
            "id",
            "year",
            "state",
            "self_total",
            "review_total",
            "stars",
            "submitted_at",
            "reviewed_at",
            "review_note",
            "stars_expire_on",
        )
    }
    data["scores"] = [
        {
            "item": r.item_id,
            "title": r.item.title,
            "weight": r.item.weight,
            "self_score": r.self_score,
            "review_score": r.review_score,
        }
        for r in found.scores.all()
    ]
    return dict(s.AssessmentOutSerializer(data).data)


def _scores(data: dict[str, Any]) -> dict[int, int]:
    return {row["item"]: row["score"] for row in data["scores"]}


def _self_assess(request: Request, data: dict[str, Any], pk: int, year: int) -> dict[str, Any]:
    station = _station(pk)
    services.assessment_self_assess(
        station=station, year=year, scores=_scores(data), actor=request.user
    )
    return _assessment_out(station, year)


def _postings(request: Request) -> Any:
    postings = selectors.posting_list()
    if Role.STAFF not in roles_of(request):
        seat = deputy_for_user(user_id=int(request.user.pk))  # type: ignore[arg-type]
        postings = postings.filter(deputy=seat) if seat else postings.none()
    return postings


AssessmentView = endpoint(
    Read(
        "station_assessment_get",
        "年度规范化建设评定 / the station's assessment of a year",
        lambda request, pk, year: _assessment_out(_station(pk), year),
        responses=s.AssessmentOutSerializer,
    ),
    permission=READERS,
)
SelfAssessView = endpoint(
    Write(
        "station_self_assess",
        "提交自评 / submit the self-assessment",
        _self_assess,
        body=s.SelfAssessInSerializer,
        responses=s.AssessmentOutSerializer,
    ),
    permission=STAFF,
)
PostingListView = endpoint(
    Read(
        "station_posting_list",
        "本级代表在其他人大联络站的进站情况（工作人员看全部，代表看本人）/ our deputies "
        "stationed elsewhere (staff: all; a deputy: their own)",
        _postings,
        answer=s.PostingOutSerializer,
        many=True,
    ),
    permission=READERS,
)


def _public_station(pk: int) -> Station:
    return or_404(
        selectors.station_public(station_id=pk, today=timezone.localdate()),
        _("该联络站不存在。"),
        code="station_unknown",
    )


def _public_page(request: Request, pk: int) -> Any:
    context = {"congress_name": host_tenant(request).name}
    return s.StationPublicPageSerializer(_public_station(pk), context=context).data


PublicStationView = endpoint(
    Read(
        "public_station_get",
        "联络站公开页：进站代表与接待日安排（公开）/ a station's public page and rota",
        _public_page,
        responses=s.StationPublicPageSerializer,
    ),
    base=PublicView,
)


def _qr_code(request: Request, pk: int) -> HttpResponse:
    station = _station(pk)
    url = request.build_absolute_uri(s.public_path(station.pk))
    # A file of its own (not inline markup): it needs the SVG namespace to render as an image.
    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", scale=6, title=station.name, xmldecl=False)
    response = HttpResponse(svg.getvalue(), content_type=SVG)
    response["Cache-Control"] = "public, max-age=3600"
    return response


PublicStationQrView = endpoint(
    Read(
        "public_station_qr",
        "联络站二维码，指向公开页（公开）/ the station's QR code to its public page",
        _qr_code,
        responses=binary(SVG, "二维码 SVG"),
    ),
    base=PublicDownloadView,
)
