"""审议 over HTTP: materials for deputies, their comments by group, the government's answers."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.roles import Role
from api.actions import Action
from api.files.access import Attachments, by_permission
from api.inputs import validated
from api.permissions import DEPUTY, STAFF, has_role, roles_of
from api.views import ReadWriteView
from filestore.models import StoredFile
from ops.errors import DomainError, NotAllowed
from tenants.linkage.stations.selectors import resident_guest_of_user
from tenants.voting import deliberation
from tenants.voting.models import Candidate, Comment, Material
from tenants.voting.selectors import deputy_of_user

READERS = has_role(Role.STAFF, Role.DEPUTY, Role.UNIT)
ANSWERERS = has_role(Role.STAFF, Role.UNIT)

# A candidate's materials: whoever reads the materials list.
ATTACHMENTS = [
    Attachments(
        owners=lambda file_id: Material.objects.filter(file_id=file_id),
        readable=by_permission(READERS),
    )
]


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


class MaterialListView(ReadWriteView):
    read_permission, write_permission = READERS, STAFF

    @extend_schema(
        operation_id="voting_material_list",
        responses=MaterialSerializer(many=True),
        summary="审议材料 / materials of a candidate",
    )
    def get(self, request: Request, pk: int) -> Response:
        materials = Material.objects.filter(candidate=_candidate(pk)).select_related("file")
        return Response(MaterialSerializer(materials, many=True).data)

    @extend_schema(
        operation_id="voting_material_attach",
        request=MaterialSerializer,
        responses={201: MaterialSerializer},
        summary="上传审议材料 / attach a material",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(MaterialSerializer, request)
        file = StoredFile.objects.filter(pk=data["file_id"]).first()
        if file is None:
            raise DomainError("file_missing", _("文件不存在，请先上传。"), field="file_id")
        material = deliberation.material_attach(
            candidate=_candidate(pk), title=data["title"], file=file, actor=request.user
        )
        return Response(MaterialSerializer(material).data, status=status.HTTP_201_CREATED)


class CommentListView(ReadWriteView):
    read_permission, write_permission = READERS, DEPUTY

    @extend_schema(
        operation_id="voting_comment_list",
        responses=CommentOutSerializer(many=True),
        summary="审议意见与答复 / comments and answers",
    )
    def get(self, request: Request, pk: int) -> Response:
        comments = Comment.objects.filter(candidate=_candidate(pk)).select_related("deputy")
        return Response(CommentOutSerializer(comments, many=True).data)

    @extend_schema(
        operation_id="voting_comment_post",
        request=CommentInSerializer,
        responses={201: CommentOutSerializer},
        summary="提出审议意见（本级代表或进站的上级代表列席）/ comment on a candidate (a deputy "
        "of this congress, or one of another posted to a station here)",
    )
    def post(self, request: Request, pk: int) -> Response:
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
        comment = deliberation.comment_post(
            candidate=candidate,
            deputy=deputy,
            guest=guest,
            actor=user,
            **validated(CommentInSerializer, request),
        )
        return Response(CommentOutSerializer(comment).data, status=status.HTTP_201_CREATED)


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
    output=lambda request, comment: CommentOutSerializer(comment).data,
    responses=CommentOutSerializer,
).view(
    operation_id="voting_comment_answer",
    summary="答复审议意见 / answer a comment",
    body=AnswerInSerializer,
    run=_answer,
    find_first=True,
)
