from rest_framework import serializers

from tenants.voting.models import Candidate, Channel, Cycle, Phase, Round
from tenants.voting.rules import BallotForm, ShortfallRule, ThresholdBase


class CycleOutSerializer(serializers.ModelSerializer[Cycle]):
    candidate_count = serializers.IntegerField(read_only=True)
    present_count = serializers.IntegerField(read_only=True)
    entitled_count = serializers.IntegerField(read_only=True)
    has_call = serializers.BooleanField(
        read_only=True, help_text="是否已发布征集公告 / whether the call is published"
    )

    class Meta:
        model = Cycle
        fields = [
            "id",
            "year",
            "title",
            "phase",
            "seats",
            "min_surplus",
            "ballot_form",
            "threshold_base",
            "quorum_numerator",
            "quorum_denominator",
            "shortfall",
            "channel",
            "rules_fixed_at",
            "candidate_count",
            "present_count",
            "entitled_count",
            "has_call",
        ]


class CycleCreateInSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(max_length=100)
    seats = serializers.IntegerField(min_value=1, max_value=50, default=10)


class CycleRulesInSerializer(serializers.Serializer):
    seats = serializers.IntegerField(min_value=1, max_value=50, required=False)
    min_surplus = serializers.IntegerField(min_value=1, max_value=50, required=False)
    ballot_form = serializers.ChoiceField(choices=[f.value for f in BallotForm], required=False)
    threshold_base = serializers.ChoiceField(
        choices=[b.value for b in ThresholdBase], required=False
    )
    quorum_numerator = serializers.IntegerField(min_value=1, max_value=100, required=False)
    quorum_denominator = serializers.IntegerField(min_value=1, max_value=100, required=False)
    shortfall = serializers.ChoiceField(choices=[r.value for r in ShortfallRule], required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)


class CandidateOutSerializer(serializers.ModelSerializer[Candidate]):
    class Meta:
        model = Candidate
        fields = [
            "id",
            "sequence",
            "name",
            "category",
            "summary",
            "estimated_cost",
            "status",
            "rank",
            "proposal",
        ]


class CandidateInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    category = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    estimated_cost = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True, default=None
    )


class RoundOutSerializer(serializers.ModelSerializer[Round]):
    candidates = CandidateOutSerializer(many=True)
    ballots_cast = serializers.IntegerField(
        help_text="已投票人数（不含内容）/ ballots cast so far, never their content"
    )
    phase = serializers.ChoiceField(choices=Phase.choices, source="cycle.phase")
    ballot_form = serializers.CharField(source="cycle.ballot_form")
    i_voted = serializers.SerializerMethodField(
        help_text="本人是否已投票 / whether the caller has voted"
    )

    class Meta:
        model = Round
        fields = [
            "id",
            "number",
            "kind",
            "seats",
            "state",
            "channel",
            "phase",
            "ballot_form",
            "candidates",
            "ballots_cast",
            "i_voted",
            "opened_at",
            "closed_at",
            "entitled_count",
            "present_count",
            "quorum_count",
            "participation_count",
            "ballot_count",
            "result",
        ]

    def get_i_voted(self, round_: Round) -> bool:
        return bool(self.context.get("i_voted"))


class RoundOpenInSerializer(serializers.Serializer):
    candidate_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, allow_empty=False
    )
    seats = serializers.IntegerField(min_value=1, max_value=50, required=False)
    kind = serializers.ChoiceField(
        choices=[k for k in Round.Kind.choices if k[0] != Round.Kind.EVALUATION],
        required=False,
        help_text="省略时按规则取下一轮 / the round the rules allow next when omitted",
    )


class BallotInSerializer(serializers.Serializer):
    choices = serializers.JSONField(
        help_text="逐项表决：{候选项目ID: yes|no|abstain}；限选：[候选项目ID…] / "
        "per candidate: {candidate id: yes|no|abstain}; choose N: [candidate id, …]"
    )


class ReceiptOutSerializer(serializers.Serializer):
    receipt = serializers.CharField(help_text="回执码，仅显示一次 / receipt code, shown once")


class ReceiptCheckInSerializer(serializers.Serializer):
    receipt = serializers.CharField(max_length=64)


class ReceiptCheckOutSerializer(serializers.Serializer):
    counted = serializers.BooleanField()


class PaperIssueInSerializer(serializers.Serializer):
    deputy_id = serializers.IntegerField()


class TallyInSerializer(serializers.Serializer):
    counts = serializers.JSONField(
        help_text="{候选项目ID: {yes, no, abstain, blank}}（限选：{yes}；测评：{satisfied, basic, "
        "unsatisfied, abstain, blank}），每行合计应等于有效票 / per item counts; each row adds "
        "up to the valid ballots"
    )
    returned = serializers.IntegerField(min_value=0, help_text="收回票数 / ballots returned")
    invalid = serializers.IntegerField(min_value=0, help_text="无效票数 / invalid ballots")
    reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="更正理由（再次录入时必填）/ why the count is corrected (required on re-entry)",
    )


class TallyOutSerializer(serializers.Serializer):
    entries = serializers.IntegerField(help_text="已录入的计票人数 / tellers who have entered")
    issued = serializers.IntegerField(help_text="发出纸质选票数 / paper ballots issued")
    entered = serializers.BooleanField(help_text="本人是否已录入 / whether the caller has entered")
    complete = serializers.BooleanField(help_text="两人是否均已录入 / both tellers have entered")
    agree = serializers.BooleanField(
        allow_null=True, help_text="两人均录入后：结果是否一致 / once both entered: do they agree"
    )
    corrections = serializers.IntegerField(help_text="更正次数 / corrections made")


class TallyAgreementOutSerializer(serializers.Serializer):
    agree = serializers.BooleanField()
    totals_differ = serializers.BooleanField(
        help_text="收回或无效票数是否不一致 / whether the totals differ"
    )
    differences = serializers.ListField(
        child=serializers.CharField(),
        help_text="不一致的候选项目ID（仅主持人可见）/ items the counts differ in (the chair only)",
    )


class DeviceImportInSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="表决器导出的 CSV（序号,赞成,反对,弃权,未按）/ the devices' CSV export"
    )


class DeviceImportOutSerializer(serializers.Serializer):
    candidates = serializers.IntegerField(help_text="已导入的候选项目数 / candidates imported")
