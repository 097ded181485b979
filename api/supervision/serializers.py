from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from supervision.kinds import KINDS, kind_spec
from supervision.models import (
    Attachment,
    BenchmarkRound,
    Criterion,
    Guidance,
    Kind,
    Nomination,
    Objection,
    State,
)


class AttachmentOutSerializer(serializers.ModelSerializer[Attachment]):
    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "uploaded_at"]
        read_only_fields = fields


class AttachmentUploadInSerializer(serializers.Serializer):
    file = serializers.FileField()


class AttachmentUrlSerializer(serializers.Serializer):
    url = serializers.CharField()


class SubordinateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)


# --- Guidance ---------------------------------------------------------------------------------


class GuidanceOutSerializer(serializers.ModelSerializer[Guidance]):
    issuer_name = serializers.CharField(source="issuer.name")
    issued_by_name = serializers.CharField(source="issued_by.__str__")
    attachments = AttachmentOutSerializer(many=True)
    target_count = serializers.IntegerField(required=False)
    read_count = serializers.IntegerField(
        required=False, help_text="已有人阅读的接收单位数 / receiving congresses with a reader"
    )
    read_by_me = serializers.BooleanField(required=False)
    read_here = serializers.BooleanField(
        required=False, help_text="本单位是否已有人阅读 / whether anyone here has read it"
    )

    class Meta:
        model = Guidance
        fields = [
            "id",
            "kind",
            "title",
            "reference",
            "body",
            "issued_at",
            "issuer_name",
            "issued_by_name",
            "attachments",
            "report_due",
            "withdrawn_at",
            "target_count",
            "read_count",
            "read_by_me",
            "read_here",
        ]
        read_only_fields = fields


class GuidanceInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Guidance.Kind.choices)
    title = serializers.CharField(max_length=200)
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    body = serializers.CharField()
    scope = serializers.ChoiceField(
        choices=[
            ("all", "all"),
            ("townships", "townships"),
            ("counties", "counties"),
            ("picked", "picked"),
        ],
        help_text="all: 全部下级; townships: 全部乡镇; counties: 全部县级; picked: target_ids",
    )
    target_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    attachment_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    report_due = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="要求各接收单位于此日前报送材料 / ask each recipient for a report by this date",
    )


class GuidanceReportInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    attachment_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list, max_length=20
    )


class GuidanceReportOutSerializer(serializers.Serializer):
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    submitted_by_name = serializers.CharField(source="submitted_by.__str__")
    attachments = AttachmentOutSerializer(many=True)


REPORT_STATES = [
    ("received", "按时报送"),
    ("late", "逾期报送"),
    ("missing", "逾期未报"),
    ("pending", "待报送"),
]


class MyGuidanceReportSerializer(serializers.Serializer):
    report_due = serializers.DateField()
    state = serializers.ChoiceField(choices=REPORT_STATES)
    withdrawn = serializers.BooleanField()
    report = GuidanceReportOutSerializer(allow_null=True)


# A congress below, as the congress above lists those it directs: the receivers of its guidance
# in their reports and receipts, the users of its rule templates (api/voting).
class CongressBelowSerializer(serializers.Serializer):
    congress_id = serializers.IntegerField()
    congress_name = serializers.CharField()
    level = serializers.CharField()
    parent_name = serializers.CharField()


class TargetReportSerializer(CongressBelowSerializer):
    state = serializers.ChoiceField(choices=REPORT_STATES)
    report = GuidanceReportOutSerializer(allow_null=True)


class GuidanceReportsSerializer(serializers.Serializer):
    guidance = GuidanceOutSerializer()
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="各状态的单位数 / congresses per state"
    )
    reports = TargetReportSerializer(many=True)


class GuidanceReaderSerializer(serializers.Serializer):
    name = serializers.CharField()
    read_at = serializers.DateTimeField()


class TargetReceiptsSerializer(CongressBelowSerializer):
    first_read_at = serializers.DateTimeField(allow_null=True)
    readers = GuidanceReaderSerializer(many=True)


class GuidanceDetailSerializer(serializers.Serializer):
    guidance = GuidanceOutSerializer()
    receipts = TargetReceiptsSerializer(many=True)


# --- Benchmark rounds -------------------------------------------------------------------------


class BenchmarkExclusionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    question = serializers.CharField()


class BenchmarkIndicatorSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class BenchmarkCriterionSerializer(serializers.ModelSerializer[Criterion]):
    class Meta:
        model = Criterion
        fields = ["id", "position", "name", "weight", "indicator", "indicator_full"]
        read_only_fields = fields


class BenchmarkCriterionInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    weight = serializers.IntegerField(min_value=0, max_value=100)
    indicator = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    indicator_full = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True, default=None
    )


class BenchmarkKindSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    name = serializers.CharField()
    exclusions = BenchmarkExclusionSerializer(many=True)
    default_exclusions = serializers.ListField(child=serializers.CharField())
    indicators = BenchmarkIndicatorSerializer(many=True)
    default_criteria = BenchmarkCriterionInSerializer(many=True)


def kinds_payload() -> list[dict[str, Any]]:
    return [
        {
            "kind": spec.kind.value,
            "name": str(spec.kind.label),
            "exclusions": [
                {"code": e.code, "name": str(e.label), "question": str(e.question)}
                for e in spec.exclusions
            ],
            "default_exclusions": sorted(spec.default_exclusions),
            "indicators": [{"key": i.key, "name": str(i.label)} for i in spec.indicators],
            "default_criteria": [
                {
                    "name": str(c.name),
                    "weight": c.weight,
                    "indicator": c.indicator,
                    "indicator_full": c.indicator_full,
                }
                for c in spec.default_criteria
            ],
        }
        for spec in KINDS.values()
    ]


class BenchmarkRoundOutSerializer(serializers.ModelSerializer[BenchmarkRound]):
    issuer_name = serializers.CharField(source="issuer.name")
    criteria = BenchmarkCriterionSerializer(many=True)
    exclusions = serializers.SerializerMethodField()
    nomination_count = serializers.IntegerField(required=False)
    is_issuer = serializers.SerializerMethodField(
        help_text="本单位是否为组织单位 / whether the caller's congress runs the round"
    )
    actions = serializers.SerializerMethodField(
        help_text="当前状态允许的操作 / actions the round's state allows"
    )

    class Meta:
        model = BenchmarkRound
        fields = [
            "id",
            "kind",
            "title",
            "year",
            "description",
            "quota",
            "per_nominator_quota",
            "exclusions",
            "nominations_open_on",
            "nominations_close_on",
            "notice_starts_on",
            "notice_ends_on",
            "state",
            "decision_note",
            "decided_at",
            "announced_at",
            "issuer_name",
            "criteria",
            "nomination_count",
            "is_issuer",
            "actions",
        ]
        read_only_fields = fields

    @extend_schema_field(BenchmarkExclusionSerializer(many=True))
    def get_exclusions(self, round_: BenchmarkRound) -> list[dict[str, str]]:
        spec = kind_spec(round_.kind)
        found = [spec.exclusion(code) for code in round_.exclusions]
        return [
            {"code": e.code, "name": str(e.label), "question": str(e.question)}
            for e in found
            if e is not None
        ]

    def get_is_issuer(self, round_: BenchmarkRound) -> bool:
        return bool(round_.issuer_id == self.context.get("congress_id"))

    def get_actions(self, round_: BenchmarkRound) -> list[str]:
        from supervision.phases import actions_allowed

        return actions_allowed(round_)


class BenchmarkRoundInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField(max_length=200)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    quota = serializers.IntegerField(min_value=1, max_value=500)
    per_nominator_quota = serializers.IntegerField(min_value=1, max_value=50, default=1)
    exclusions = serializers.ListField(
        child=serializers.CharField(max_length=32), required=False, allow_null=True, default=None
    )
    nominations_open_on = serializers.DateField()
    nominations_close_on = serializers.DateField()
    criteria = BenchmarkCriterionInSerializer(many=True)


class BenchmarkRoundUpdateInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    quota = serializers.IntegerField(min_value=1, max_value=500, required=False)
    per_nominator_quota = serializers.IntegerField(min_value=1, max_value=50, required=False)
    exclusions = serializers.ListField(child=serializers.CharField(max_length=32), required=False)
    nominations_open_on = serializers.DateField(required=False)
    nominations_close_on = serializers.DateField(required=False)
    criteria = BenchmarkCriterionInSerializer(many=True, required=False)


class NominationOutSerializer(serializers.ModelSerializer[Nomination]):
    nominator_name = serializers.CharField(source="nominator.name")
    nominator_parent_name = serializers.SerializerMethodField()
    attachments = AttachmentOutSerializer(many=True)
    declarations = serializers.DictField(child=serializers.BooleanField())
    figures = serializers.DictField(child=serializers.CharField(allow_null=True))

    class Meta:
        model = Nomination
        fields = [
            "id",
            "round",
            "nominator_name",
            "nominator_parent_name",
            "nominee_name",
            "nominee_ref",
            "nominee_detail",
            "statement",
            "declarations",
            "figures",
            "status",
            "rank",
            "submitted_at",
            "attachments",
        ]
        read_only_fields = fields

    def get_nominator_parent_name(self, nomination: Nomination) -> str:
        parent = nomination.nominator.parent
        return parent.name if parent else ""


class NominationInSerializer(serializers.Serializer):
    # The record nominated, as `nominee-options` offers it: a station's id, a directory
    # listing's id (a deputy), an opinion's id (a case), all of the nominating congress.
    nominee_ref = serializers.IntegerField(min_value=1)
    statement = serializers.CharField()
    declarations = serializers.DictField(child=serializers.BooleanField(), default=dict)
    attachment_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )


class ScoreSheetLineSerializer(serializers.Serializer):
    criterion_id = serializers.IntegerField()
    name = serializers.CharField()
    weight = serializers.IntegerField()
    indicator = serializers.CharField()
    indicator_label = serializers.CharField()
    indicator_value = serializers.CharField(allow_null=True)
    prefill = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    my_score = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)


class ScoreSheetSerializer(serializers.Serializer):
    nomination = NominationOutSerializer()
    lines = ScoreSheetLineSerializer(many=True)


class ScoreInSerializer(serializers.Serializer):
    values = serializers.DictField(
        child=serializers.DecimalField(max_digits=5, decimal_places=2),
        help_text="评分项 id -> 分数（0–100）/ criterion id -> score (0-100)",
    )


class BenchmarkRankingRowSerializer(serializers.Serializer):
    nomination_id = serializers.IntegerField(source="nomination.pk")
    nominee_name = serializers.CharField(source="nomination.nominee_name")
    nominator_name = serializers.CharField(source="nomination.nominator.name")
    total = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    rank = serializers.IntegerField()
    tied = serializers.BooleanField()
    reviewers = serializers.IntegerField()


class BenchmarkDecideInSerializer(serializers.Serializer):
    selected_ids = serializers.ListField(child=serializers.IntegerField())
    note = serializers.CharField(required=False, allow_blank=True, default="")


class BenchmarkPublicityInSerializer(serializers.Serializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class ObjectionOutSerializer(serializers.ModelSerializer[Objection]):
    nominee_name = serializers.CharField(source="nomination.nominee_name")

    class Meta:
        model = Objection
        fields = [
            "id",
            "nomination",
            "nominee_name",
            "summary",
            "received_on",
            "source",
            "submitter_name",
            "submitter_contact",
            "upheld",
            "resolution",
            "resolved_at",
        ]
        read_only_fields = fields


class ObjectionInSerializer(serializers.Serializer):
    nomination_id = serializers.IntegerField()
    summary = serializers.CharField()
    received_on = serializers.DateField()


class ObjectionResolveInSerializer(serializers.Serializer):
    upheld = serializers.BooleanField()
    resolution = serializers.CharField()


class BenchmarkResultLineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rank = serializers.IntegerField(allow_null=True)
    nominee_name = serializers.CharField()
    nominee_detail = serializers.CharField()
    nominator_name = serializers.CharField(source="nominator.name")


class BenchmarkResultSerializer(serializers.Serializer):
    round = BenchmarkRoundOutSerializer()
    lines = BenchmarkResultLineSerializer(many=True)


class PublicBenchmarkRoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField()
    year = serializers.IntegerField()
    state = serializers.ChoiceField(choices=State.choices)
    notice_starts_on = serializers.DateField(allow_null=True)
    notice_ends_on = serializers.DateField(allow_null=True)
    announced_at = serializers.DateTimeField(allow_null=True)
    lines = BenchmarkResultLineSerializer(many=True, source="announced")


class NomineeOptionSerializer(serializers.Serializer):
    ref = serializers.IntegerField()
    name = serializers.CharField()
    detail = serializers.CharField()


class PublicObjectionInSerializer(serializers.Serializer):
    nomination_id = serializers.IntegerField(min_value=1)
    summary = serializers.CharField(max_length=2000)
    name = serializers.CharField(max_length=50)
    contact = serializers.CharField(max_length=50)


class PublicObjectionReceivedSerializer(serializers.Serializer):
    received_on = serializers.DateField()
