"""Results anyone can recount (docs/verification.md): the year's rounds with their hashes, a
closed round's record, and a verifier that recounts a record sent to it, reading nothing else."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from api.inputs import checked
from api.views import PublicView, ThrottledPublicView
from tenants.voting.record import public_rounds, published_record, record_digest, verify_record


class PublicRoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    kind = serializers.CharField(
        help_text="main/tie/shortfall 票决轮次，evaluation 满意度测评 / a vote round's kind, "
        "or evaluation"
    )
    state = serializers.CharField()
    commitment_hash = serializers.CharField(
        help_text="开始投票时公布的承诺哈希 / the hash published at open"
    )
    record_hash = serializers.CharField(help_text="结果记录的哈希 / the record's hash at close")


class PublicRoundListView(PublicView):
    @extend_schema(
        operation_id="public_round_list",
        responses=PublicRoundSerializer(many=True),
        summary=(
            "某年度各轮票决与满意度测评及其哈希（公开）/ "
            "a year's vote and evaluation rounds with their hashes (public)"
        ),
    )
    def get(self, request: Request, year: int) -> Response:
        return Response(PublicRoundSerializer(public_rounds(year), many=True).data)


class PublicRoundRecordView(PublicView):
    @extend_schema(
        operation_id="public_round_record",
        responses=dict[str, Any],
        summary="已结束轮次的结果记录文件（公开）/ a closed round's record (public)",
    )
    def get(self, request: Request, pk: int) -> Response:
        record = published_record(pk)
        if record is None:
            raise NotFound(_("该轮投票尚未结束或没有结果记录。"), code="record_unknown")
        response = Response(record)
        response["Content-Disposition"] = f'attachment; filename="round-{pk}-record.json"'
        return response


class VerifyInSerializer(serializers.Serializer):
    record = serializers.JSONField(help_text="结果记录文件的内容 / the record file's content")
    commitment_hash = serializers.RegexField(r"^[0-9a-f]{64}$", required=False, allow_blank=True)
    record_hash = serializers.RegexField(r"^[0-9a-f]{64}$", required=False, allow_blank=True)


class ProblemSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class VerifyOutSerializer(serializers.Serializer):
    ok = serializers.BooleanField(help_text="重新计票与公布结果一致 / the recount agrees")
    record_hash = serializers.CharField(help_text="所收到记录的哈希 / the hash of the record sent")
    problems = ProblemSerializer(many=True)


class PublicVerifyView(ThrottledPublicView):
    throttle_scope = "public_verify"

    @extend_schema(
        operation_id="public_record_verify",
        request=VerifyInSerializer,
        responses=VerifyOutSerializer,
        summary="核验结果记录：按记录重新计票（公开）/ recount a round record (public)",
    )
    def post(self, request: Request) -> Response:
        data = VerifyInSerializer(data=request.data)
        checked(data)
        given = data.validated_data
        record = given["record"]
        problems = verify_record(
            record,
            commitment_hash=given.get("commitment_hash", ""),
            record_hash=given.get("record_hash", ""),
        )
        return Response(
            VerifyOutSerializer(
                {"ok": not problems, "record_hash": record_digest(record), "problems": problems}
            ).data
        )
