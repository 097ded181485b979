"""Joint activities over HTTP: the staff console (organise, invite from the directory, open the
QR sign-in, minutes, photos, outcomes) and the deputy's phone (my activities, RSVP, sign-in by the
QR code's link, my tasks). Every rule lives in tenants/linkage/activities."""

from typing import Any
from urllib.parse import urlencode

import segno
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.request import Request

from api.actions import Action, Read, Write, endpoint
from api.errors import or_404
from api.files.access import Attachments
from api.inputs import YearQuery
from api.links import public_url
from api.permissions import DEPUTY, STAFF, host_congress, host_tenant
from congresses.models import Congress
from congresses.selectors import congress_primary_domain
from directory.selectors import listing_related
from filestore.models import StoredFile
from ops.errors import DomainError, NotAllowed
from tenants.deputies.models import Deputy
from tenants.linkage.activities import services
from tenants.linkage.activities.models import Activity, Invitation, Photo
from tenants.linkage.activities.selectors import (
    activity_by_origin,
    activity_detail,
    activity_list,
    deputy_of_user,
    invitations_of,
    invitees_from_directory,
    tasks_of,
)

from . import serializers as s

# An activity's photos: staff, who run the activity's page.
ATTACHMENTS = [Attachments.held_in(Photo, "file_id", STAFF)]


def _activity(pk: int) -> Activity:
    return or_404(activity_detail(pk), _("该活动不存在。"), code="activity_unknown")


def _detail(pk: int) -> dict[str, Any]:
    activity = _activity(pk)
    data = dict(s.ActivityDetailOutSerializer(activity).data)
    if activity.is_copy:
        data["internal_notes"] = ""
    return data


def _invitees(request: Request, rows: list[dict[str, int]]) -> list[Any]:
    return invitees_from_directory(
        organiser=host_congress(request), picks=[(r["congress"], r["deputy"]) for r in rows]
    )


class ActivityListQuery(YearQuery):
    kind = serializers.CharField(required=False, allow_blank=True, max_length=30)


def _activity_create(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    invitees = _invitees(request, data.pop("invitees"))
    activity = services.activity_create(
        tenant=host_tenant(request), invitees=invitees, actor=request.user, **data
    )
    return _detail(activity.pk)


ActivityListView = endpoint(
    Read(
        "activity_list",
        "代表活动（本单位组织及受邀）/ activities organised here or shared with us",
        lambda r, params: activity_list(kind=params.get("kind", ""), year=params.get("year")),
        answer=s.ActivityOutSerializer,
        many=True,
        query=ActivityListQuery,
    ),
    Write(
        "activity_create",
        "组织活动并邀请代表 / organise an activity and invite deputies",
        _activity_create,
        body=s.ActivityCreateInSerializer,
        responses=s.ActivityDetailOutSerializer,
        created=True,
    ),
    permission=STAFF,
)


ACTIVITY = Action(
    permission=STAFF,
    lookup=lambda request, pk: _activity(pk),
    output=lambda request, activity: _detail(activity.pk),
    responses=s.ActivityDetailOutSerializer,
    keyword="activity",
)
ActivityDetailView = ACTIVITY.read(operation_id="activity_get", summary="活动详情 / one activity")


def _invite(request: Request, activity: Activity, data: dict[str, Any]) -> Activity:
    services.activity_invite(
        activity=activity,
        organiser=host_congress(request),
        picks=[(r["congress"], r["deputy"]) for r in data["invitees"]],
        actor=request.user,
    )
    return activity


def _photo(request: Request, activity: Activity, data: dict[str, Any]) -> Activity:
    file = StoredFile.objects.filter(pk=data["file_id"]).first()
    if file is None:
        raise DomainError("file_unknown", _("文件不存在。"), field="file_id")
    services.photo_add(activity=activity, file=file, caption=data["caption"], actor=request.user)
    return activity


InviteView = ACTIVITY.view(
    operation_id="activity_invite",
    summary="追加邀请代表 / invite more deputies",
    body=s.ActivityInviteInSerializer,
    run=_invite,
)
RecordView = ACTIVITY.step(
    "activity_record",
    "活动纪要与成果 / minutes and outcomes",
    services.activity_record,
    body=s.ActivityRecordInSerializer,
)
CancelView = ACTIVITY.step(
    "activity_cancel",
    "取消活动 / cancel the activity",
    services.activity_cancel,
    body=s.ActivityCancelInSerializer,
)
PhotoView = ACTIVITY.view(
    operation_id="activity_photo_add",
    summary="添加活动照片（先上传文件）/ add a photo (upload the file first)",
    body=s.ActivityPhotoInSerializer,
    run=_photo,
    created=True,
)


def _check_in_url(congress: Congress, activity: Activity) -> str:
    query = urlencode(
        {
            "org": activity.organiser_id,
            "ref": services.activity_ref(activity),
            "t": activity.sign_in_token,
        }
    )
    return public_url(congress_primary_domain(congress), f"/me/check-in?{query}")


def _sign_in_open(request: Request, data: dict[str, Any], pk: int) -> dict[str, Any]:
    services.activity_open_sign_in(
        activity=_activity(pk), minutes=data["minutes"], actor=request.user
    )
    return _detail(pk)


def _sign_in_codes(request: Request, pk: int) -> list[dict[str, Any]]:
    activity = _activity(pk)
    if activity.is_copy:
        raise NotAllowed("activity_not_organiser", _("只有组织单位可以展示签到码。"))
    if not activity.sign_in_token:
        return []
    ids = sorted({i.congress_id for i in activity.invitations.all()})
    congresses = Congress.objects.filter(pk__in=ids).prefetch_related("domains")
    codes = []
    for congress in congresses:
        url = _check_in_url(congress, activity)
        svg = segno.make(url, error="m").svg_inline(scale=4, title=congress.name)
        codes.append(
            {"congress_id": congress.pk, "congress_name": congress.name, "url": url, "svg": svg}
        )
    return codes


SignInView = endpoint(
    Write(
        "activity_sign_in_open",
        "开启扫码签到（生成新签到码）/ open the QR sign-in with a fresh token",
        _sign_in_open,
        body=s.ActivitySignInOpenInSerializer,
        responses=s.ActivityDetailOutSerializer,
    ),
    Read(
        "activity_sign_in_codes",
        "签到二维码（每个受邀单位一个，指向代表本单位的签到页）/ the QR codes, one per "
        "invited congress, each opening the sign-in page on the deputy's own congress",
        _sign_in_codes,
        answer=s.ActivitySignInCodeSerializer,
        many=True,
    ),
    permission=STAFF,
)


class CandidateQuery(serializers.Serializer):
    search = serializers.CharField(required=False, allow_blank=True, trim_whitespace=True)
    congress = serializers.IntegerField(required=False, min_value=1)


def _candidates(request: Request, params: dict[str, Any]) -> Any:
    listings = listing_related(
        congress=host_congress(request), search=params.get("search", "").strip()[:50]
    )
    if "congress" in params:
        listings = listings.filter(congress_id=params["congress"])
    return listings[:500]


CandidateListView = endpoint(
    Read(
        "activity_invitee_candidates",
        "可邀请的代表（本级、上级、下级人大）/ deputies this congress may invite",
        _candidates,
        answer=s.InviteeCandidateSerializer,
        many=True,
        query=CandidateQuery,
    ),
    permission=STAFF,
)


# The deputy's phone pages.


def my_seat(request: Request) -> Deputy:
    user = request.user
    seat = deputy_of_user(int(user.pk)) if user is not None and user.pk else None
    if seat is None:
        raise NotAllowed("not_a_deputy", _("您不在本单位本届代表名册中。"))
    return seat


def _my_invitation(request: Request, pk: int) -> Invitation:
    return or_404(
        invitations_of(my_seat(request)).filter(pk=pk).first(),
        _("该活动邀请不存在。"),
        code="invitation_unknown",
    )


MyActivityListView = endpoint(
    Read(
        "me_activity_list",
        "我的活动 / my activities",
        lambda request: invitations_of(my_seat(request)),
        answer=s.MyInvitationSerializer,
        many=True,
    ),
    permission=DEPUTY,
)


MyRespondView = Action(
    permission=DEPUTY,
    lookup=_my_invitation,
    output=lambda r, invitation: s.MyInvitationSerializer(_my_invitation(r, invitation.pk)).data,
    responses=s.MyInvitationSerializer,
).view(
    operation_id="me_activity_respond",
    summary="回复邀请：参加或请假 / attend or take leave",
    body=s.InvitationRespondInSerializer,
    run=lambda r, invitation, d: services.invitation_respond(
        invitation=invitation, actor=r.user, **d
    ),
)


def _check_in(request: Request, data: dict[str, Any]) -> Invitation:
    activity = or_404(
        activity_by_origin(organiser_id=data["organiser"], origin_ref=data["ref"]),
        _("该活动不存在或尚未送达本单位。"),
        code="activity_unknown",
    )
    invitation = services.invitation_sign_in(
        activity=activity, token=data["token"], actor=request.user
    )
    return _my_invitation(request, invitation.pk)


MyCheckInView = endpoint(
    Write(
        "me_check_in",
        "扫码签到（在本人所在单位）/ sign in by the QR code, in my own congress",
        _check_in,
        body=s.CheckInInSerializer,
        answer=s.MyInvitationSerializer,
    ),
    permission=DEPUTY,
)
MyTasksView = endpoint(
    Read(
        "me_tasks",
        "我的待办：待回复的邀请、可签到的活动 / my tasks",
        lambda request: tasks_of(my_seat(request), now=timezone.now()),
        answer=s.MyTasksSerializer,
    ),
    permission=DEPUTY,
)
