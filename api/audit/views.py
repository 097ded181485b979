"""The audit administrator's log (三员分立: nobody else reads it): entries narrowed by actor,
action, object and days, each action in the reader's language; the same entries as a workbook;
and the chain's verification, the check the nightly job runs, on demand."""

import io
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from openpyxl import Workbook
from openpyxl.styles import Font
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.downloads import XLSX, DownloadView, attachment, binary
from api.inputs import queried
from api.permissions import has_role, host_congress
from audit.anchors import anchor_mismatch
from audit.models import AuditEntry
from audit.selectors import audit_chain_break, audit_entries, audit_target_types
from ops.errors import DomainError
from ops.spreadsheet import sheet_append
from ops.tenancy import current_schema

from .actions import action_label, action_labels

AUDIT_ADMIN = has_role(Role.AUDIT_ADMIN)
EXPORT_MAX_ROWS = 50_000


def target_type_label(target_type: str) -> str:
    """A model's name in the reader's language (`accounts.user` is 用户)."""
    if not target_type:
        return ""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return target_type
    return str(model._meta.verbose_name)


class AuditQuery(serializers.Serializer):
    actor = serializers.CharField(
        required=False, allow_blank=True, max_length=150, help_text="操作人（部分姓名）/ actor"
    )
    action = serializers.CharField(
        required=False, allow_blank=True, max_length=64, help_text="操作代码 / action code"
    )
    target_type = serializers.CharField(
        required=False, allow_blank=True, max_length=64, help_text="对象类型 / object type"
    )
    target_id = serializers.CharField(
        required=False, allow_blank=True, max_length=64, help_text="对象ID / object id"
    )
    since = serializers.DateField(required=False, help_text="起始日期 / from (inclusive)")
    until = serializers.DateField(required=False, help_text="截止日期 / to (inclusive)")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and since > until:
            raise serializers.ValidationError({"until": _("截止日期不能早于起始日期。")})
        return attrs


def _entries(request: Request) -> QuerySet[AuditEntry]:
    return audit_entries(**queried(AuditQuery, request))


class AuditEntryOutSerializer(serializers.ModelSerializer[AuditEntry]):
    action_label = serializers.SerializerMethodField(help_text="操作名称 / the action, translated")
    target_label = serializers.SerializerMethodField(help_text="对象类型名称 / object type name")

    class Meta:
        model = AuditEntry
        fields = [
            "seq",
            "at",
            "actor_id",
            "actor_label",
            "action",
            "action_label",
            "target_type",
            "target_label",
            "target_id",
            "outcome",
            "request_id",
        ]

    def get_action_label(self, entry: AuditEntry) -> str:
        return action_label(entry.action)

    def get_target_label(self, entry: AuditEntry) -> str:
        return target_type_label(entry.target_type)


@extend_schema_view(
    get=extend_schema(
        operation_id="audit_entry_list",
        parameters=[AuditQuery],
        summary="审计日志 / the audit log of this tenant",
    )
)
class AuditEntryListView(ListAPIView[AuditEntry]):
    """Only the audit administrator reads the log (三员分立)."""

    serializer_class = AuditEntryOutSerializer
    permission_classes = [AUDIT_ADMIN]

    def get_queryset(self) -> QuerySet[AuditEntry]:
        return _entries(self.request)


class ChoiceOut(serializers.Serializer):
    code = serializers.CharField()
    # A field named like Field.label, the word the page shows: the stubs see a clash.
    label = serializers.CharField()  # type: ignore[assignment]


class AuditChoicesOut(serializers.Serializer):
    actions = ChoiceOut(many=True)
    target_types = ChoiceOut(many=True)


class AuditChoicesView(APIView):
    permission_classes = [AUDIT_ADMIN]

    @extend_schema(
        operation_id="audit_choices",
        responses=AuditChoicesOut,
        summary="审计日志筛选项 / the log's filter choices, translated",
    )
    def get(self, request: Request) -> Response:
        actions = sorted(
            ({"code": code, "label": str(label)} for code, label in action_labels().items()),
            key=lambda item: item["code"],
        )
        types = [{"code": t, "label": target_type_label(t)} for t in audit_target_types()]
        return Response({"actions": actions, "target_types": types})


class AuditExportView(DownloadView):
    permission_classes = [AUDIT_ADMIN]

    @extend_schema(
        operation_id="audit_export_xlsx",
        parameters=[AuditQuery],
        responses=binary(XLSX, "Excel"),
        summary="导出审计日志（Excel）/ the filtered log as a workbook",
    )
    def get(self, request: Request) -> HttpResponse:
        entries = _entries(request)
        if entries.count() > EXPORT_MAX_ROWS:
            raise DomainError(
                "export_too_large",
                _("导出不能超过 %(n)d 条，请缩小日期范围。") % {"n": EXPORT_MAX_ROWS},
                field="since",
            )
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = _("审计日志")
        headers = [_("序号"), _("时间"), _("操作人"), _("操作"), _("操作代码")]
        headers += [_("对象类型"), _("对象ID"), _("结果"), _("请求ID")]
        sheet_append(sheet, headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        zone = timezone.get_current_timezone()
        for entry in entries.iterator(chunk_size=2000):
            at = timezone.localtime(entry.at, zone).strftime("%Y-%m-%d %H:%M:%S")
            sheet_append(
                sheet,
                [
                    entry.seq,
                    at,
                    entry.actor_label,
                    action_label(entry.action),
                    entry.action,
                    target_type_label(entry.target_type),
                    entry.target_id,
                    entry.outcome,
                    entry.request_id,
                ],
            )
        for letter, width in zip("ABCDEFGHI", (8, 20, 16, 24, 28, 16, 10, 10, 34), strict=True):
            sheet.column_dimensions[letter].width = width
        out = io.BytesIO()
        book.save(out)
        name = f"{host_congress(request).name}-{_('审计日志')}.xlsx"
        return attachment(out.getvalue(), XLSX, name)


class ChainBreakOut(serializers.Serializer):
    seq = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()


class ChainVerifyOut(serializers.Serializer):
    intact = serializers.BooleanField()
    entries = serializers.IntegerField(help_text="链上条数 / entries walked")
    head_seq = serializers.IntegerField(allow_null=True)
    checked_at = serializers.DateTimeField()
    broken = ChainBreakOut(allow_null=True)


def _break_reason(reason: str) -> str:
    """chain.find_break's reason, in the reader's language."""
    if reason.startswith("sequence gap"):
        return _("序号不连续，有条目被删除。")
    if reason.startswith("link"):
        return _("与前一条的链接不符，有条目被插入或调换。")
    return _("内容与其哈希不符，条目被改动。")


class AuditVerifyView(APIView):
    permission_classes = [AUDIT_ADMIN]

    @extend_schema(
        operation_id="audit_verify",
        request=None,
        responses=ChainVerifyOut,
        summary="校验审计链 / verify this congress's audit chain now",
        description="逐条核对哈希链，并与存于本单位之外的锚点比对（与每晚的校验相同）。/ "
        "Walks the hash chain and compares it with the anchors kept outside the tenant, as "
        "the nightly check does.",
    )
    def post(self, request: Request) -> Response:
        found = audit_chain_break()
        broken: dict[str, Any] | None = None
        if found is not None:
            broken = {
                "seq": found.seq,
                "reason": _("第 %(seq)d 条：%(reason)s")
                % {"seq": found.seq, "reason": _break_reason(found.reason)},
            }
        elif anchor_mismatch(current_schema()) is not None:
            broken = {
                "seq": None,
                "reason": _("审计链与存于本单位之外的锚点不符：已锚定的条目被删除或改写。"),
            }
        head = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
        return Response(
            {
                "intact": broken is None,
                "entries": AuditEntry.objects.count(),
                "head_seq": head,
                "checked_at": timezone.now(),
                "broken": broken,
            }
        )
