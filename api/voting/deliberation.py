"""审议 over HTTP: materials for deputies, their comments by group, the government's answers."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from accounts.roles import Role
from api.actions import Action, Read, Write, collection
from api.files.access import Attachments
from api.permissions import DEPUTY, STAFF, has_role, roles_of
from filestore.models import StoredFile
from ops.errors import DomainError, NotAllowed
from tenants.linkage.stations.selectors import resident_guest_of_user
from tenants.voting import deliberation
from tenants.voting.models import Candidate, Comment, Material
from tenants.voting.selectors import deputy_of_user

READERS = has_role(Role.STAFF, Role.DEPUTY, Role.UNIT)
ANSWERERS = has_role(Role.STAFF, Role.UNIT)

# A candidate's materials: whoever reads the materials list.
ATTACHMENTS = [Attachments.held_in(Material, "file_id", READERS)]


class MaterialSerializer(serializers.ModelSerializer[Material]):
    file_id = serializers.IntegerField(
        help_text="先上传文件（/files）/ upload the file first (/files)"
    )
    file_name = serializers.CharField(source="file.name", read_only=True)

    class Meta:
        model = Material
        fields = ["id", "title", "file_id", "file_name"]


class CommentOutSerializer(serializers.ModelSerializer[Comment]):
    deputy_name = serializers.CharField(source="commenter_name")
    deputy_congress_name = serializers.CharField(
        source="guest_congress_name",
        help_text="列席代表所属人大（本级代表为空）/ an attending deputy's congress (empty for ours)",
    )

    class Meta:
        model = Comment
        fields = [
            "id",
            "deputy_name",
            "deputy_congress_name",
            "group",
            "text",
            "created_at",
            "answer",
            "answered_at",
        ]


class CommentInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class AnswerInSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=5000)


def _candidate(pk: int) -> Candidate:
    return get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)


def _material_attach(request: Request, data: dict[str, Any], pk: int) -> Material:
    file = StoredFile.objects.filter(pk=data["file_id"]).first()
    if file is None:
        raise DomainError("file_missing", _("文件不存在，请先上传。"), field="file_id")
    return deliberation.material_attach(
        candidate=_candidate(pk), title=data["title"], file=file, actor=request.user
    )


def _commenter(request: Request, pk: int) -> tuple[Candidate, Any, deliberation.Guest | None]:
    """The candidate, and who comments on it: a deputy of its cycle, or a guest (else a 403)."""
    candidate = _candidate(pk)
    user = request.user
    assert user is not None and user.pk is not None  # a member, by the permission class
    deputy = deputy_of_user(candidate.cycle, int(user.pk))
    guest = None
    if deputy is None:
        # A deputy of another congress posted to a station here attends (列席) and comments.
        resident = resident_guest_of_user(user_id=int(user.pk))
        if resident is None:
            raise NotAllowed("not_entitled", _("您不是本次会议的表决代表。"))
        guest = deliberation.Guest(
            congress_id=resident.home_congress_id,
            deputy_id=resident.home_deputy_id,
            name=resident.name,
            congress_name=resident.home_congress_name,
        )
    return candidate, deputy, guest


def _comment_post(request: Request, found: Any, data: dict[str, Any]) -> Comment:
    candidate, deputy, guest = found
    return deliberation.comment_post(
        candidate=candidate, deputy=deputy, guest=guest, actor=request.user, **data
    )


MaterialListView = collection(
    MaterialSerializer,
    Read(
        "voting_material_list",
        "审议材料 / materials of a candidate",
        lambda r, pk: Material.objects.filter(candidate=_candidate(pk)).select_related("file"),
    ),
    Write(
        "voting_material_attach",
        "上传审议材料 / attach a material",
        _material_attach,
        body=MaterialSerializer,
        permission=STAFF,
    ),
    permission=READERS,
)
CommentListView = collection(
    CommentOutSerializer,
    Read(
        "voting_comment_list",
        "审议意见与答复 / comments and answers",
        lambda r, pk: Comment.objects.filter(candidate=_candidate(pk)).select_related("deputy"),
    ),
    Write(
        "voting_comment_post",
        "提出审议意见（本级代表或进站的上级代表列席）/ comment on a candidate (a deputy "
        "of this congress, or one of another posted to a station here)",
        _comment_post,
        body=CommentInSerializer,
        permission=DEPUTY,
        find=_commenter,
    ),
    permission=READERS,
)


def _answer(request: Request, comment: Comment, data: dict[str, Any]) -> Comment:
    staff = Role.STAFF in roles_of(request)
    return deliberation.comment_answer(
        comment=comment,
        actor=request.user,
        answered_as=Role.STAFF if staff else Role.UNIT,
        **data,
    )


CommentAnswerView = Action(
    permission=ANSWERERS,
    lookup=lambda request, pk: get_object_or_404(Comment, pk=pk),
    responses=CommentOutSerializer,
).view(
    operation_id="voting_comment_answer",
    summary="答复审议意见 / answer a comment",
    body=AnswerInSerializer,
    run=_answer,
    find_first=True,
)
