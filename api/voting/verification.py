"""Results anyone can recount (docs/verification.md): the year's rounds with their hashes, a
closed round's record, and a verifier that recounts a record sent to it, reading nothing else."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api.actions import Read, Write, endpoint
from api.errors import or_404
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


def _record(request: Request, pk: int) -> Response:
    record = or_404(
        published_record(pk), _("该轮投票尚未结束或没有结果记录。"), code="record_unknown"
    )
    response = Response(record)
    response["Content-Disposition"] = f'attachment; filename="round-{pk}-record.json"'
    return response


PublicRoundListView = endpoint(
    Read(
        "public_round_list",
        "某年度各轮票决与满意度测评及其哈希（公开）/ "
        "a year's vote and evaluation rounds with their hashes (public)",
        lambda request, year: public_rounds(year),
        answer=PublicRoundSerializer,
        many=True,
    ),
    base=PublicView,
)
PublicRoundRecordView = endpoint(
    Read(
        "public_round_record",
        "已结束轮次的结果记录文件（公开）/ a closed round's record (public)",
        _record,
        responses=dict[str, Any],
    ),
    base=PublicView,
)


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


def _verify(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    record = data["record"]
    problems = verify_record(
        record,
        commitment_hash=data.get("commitment_hash", ""),
        record_hash=data.get("record_hash", ""),
    )
    return {"ok": not problems, "record_hash": record_digest(record), "problems": problems}


PublicVerifyView = endpoint(
    Write(
        "public_record_verify",
        "核验结果记录：按记录重新计票（公开）/ recount a round record (public)",
        _verify,
        body=VerifyInSerializer,
        answer=VerifyOutSerializer,
    ),
    base=ThrottledPublicView,
    throttle_scope="public_verify",
)
