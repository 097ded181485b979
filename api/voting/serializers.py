from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from api.supervision.serializers import CongressBelowSerializer
from tenants.voting.models import Candidate, Channel, Cycle, Phase, Round
from tenants.voting.rule_templates import RULE_FIELDS, rules_sources
from tenants.voting.rules import BallotForm, Comparison, ListKind, ShortfallRule, ThresholdBase


class ShareSerializer(serializers.Serializer):
    """A share of a base: 过半数 is {1, 2, more_than}, 达到三分之二 {2, 3, at_least}."""

    numerator = serializers.IntegerField(min_value=0, max_value=1000, help_text="分子 / numerator")
    denominator = serializers.IntegerField(
        min_value=1, max_value=1000, help_text="分母 / denominator"
    )
    comparison = serializers.ChoiceField(
        choices=[c.value for c in Comparison],
        help_text="超过（more_than）或达到（at_least）/ strictly more than, or at least",
    )


class ThresholdSerializer(ShareSerializer):
    base = serializers.ChoiceField(
        choices=[b.value for b in ThresholdBase],
        help_text="全体代表、出席代表或有效票 / all deputies, those present or valid ballots",
    )


class RuleSetSerializer(serializers.Serializer):
    """The vote's rule set, whole (tenants/voting/rules.RuleSet)."""

    seats = serializers.IntegerField(
        min_value=1, max_value=50, help_text="拟票决产生项目数 / seats"
    )
    list_kind = serializers.ChoiceField(
        choices=[k.value for k in ListKind], help_text="差额（competitive）或等额（equal）"
    )
    min_surplus = serializers.IntegerField(
        min_value=0, max_value=50, help_text="最少差额数（差额时）/ least surplus of candidates"
    )
    ballot_form = serializers.ChoiceField(
        choices=[f.value for f in BallotForm],
        help_text="逐项表决、限选N项或排序 / per candidate, choose up to N, ranked",
    )
    thresholds = serializers.ListField(
        child=ThresholdSerializer(),
        max_length=2,
        help_text="须同时达到的通过比例（一个或两个）/ pass thresholds, all must hold",
    )
    rank_only = serializers.BooleanField(
        help_text="只按得票排序确定项目，不设通过比例 / fill the seats by rank alone"
    )
    quorum = ShareSerializer(help_text="法定人数 / quorum, a share of all deputies")
    shortfall = serializers.ChoiceField(
        choices=[r.value for r in ShortfallRule],
        help_text="不足额时：接受或另行票决 / too few pass: accept fewer, or one more round",
    )


class RuleSourceSerializer(serializers.Serializer):
    """Where one rule of a cycle comes from (tenants/voting/rule_templates.rules_sources)."""

    field = serializers.ChoiceField(choices=list(RULE_FIELDS), help_text="规则项 / the rule")
    source = serializers.ChoiceField(
        choices=["own", "template"], help_text="本级设定或来自模板 / set here, or the template's"
    )  # type: ignore[assignment]
    label = serializers.CharField(help_text="本级，或模板名称 / 本级, or the template's name")  # type: ignore[assignment]
    locked = serializers.BooleanField(help_text="上级锁定，本级不能更改 / locked from above")
    locked_by = serializers.CharField(help_text="锁定它的模板 / the template that locks it")


class CycleOutSerializer(serializers.ModelSerializer[Cycle]):
    rules_sources = serializers.SerializerMethodField(
        help_text="每项规则的来源与是否锁定 / where each rule comes from, and whether it is locked"
    )
    candidate_count = serializers.IntegerField(read_only=True)
    present_count = serializers.IntegerField(read_only=True)
    entitled_count = serializers.IntegerField(read_only=True)
    has_call = serializers.BooleanField(
        read_only=True, help_text="是否已发布征集公告 / whether the call is published"
    )
    rules = RuleSetSerializer(read_only=True)
    seats = serializers.IntegerField(
        source="rules.seats", read_only=True, help_text="拟票决产生项目数 / seats"
    )

    class Meta:
        model = Cycle
        fields = [
            "id",
            "year",
            "title",
            "phase",
            "seats",
            "rules",
            "channel",
            "rules_fixed_at",
            "candidate_count",
            "present_count",
            "entitled_count",
            "has_call",
            "announcement_published_at",
            "rules_sources",
        ]

    @extend_schema_field(RuleSourceSerializer(many=True))
    def get_rules_sources(self, cycle: Cycle) -> list[dict[str, Any]]:
        return rules_sources(cycle)


class CycleCreateInSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(max_length=100)
    seats = serializers.IntegerField(min_value=1, max_value=50, default=10)
    rules = RuleSetSerializer(
        required=False,
        help_text="整套票决规则；省略时按通行做法 / the whole rule set; common practice if omitted",
    )


class TemplateBindingSerializer(serializers.Serializer):
    """The rule template a cycle starts from and the fields it locks for the cycle."""

    name = serializers.CharField()
    label = serializers.CharField(help_text="本级《…》或上级 …《…》")  # type: ignore[assignment]
    own = serializers.BooleanField(help_text="本级制定 / this congress's own")
    locked = serializers.ListField(
        child=serializers.ChoiceField(choices=list(RULE_FIELDS)),
        help_text="本级不能更改的规则项 / the fields this congress may not change",
    )
    locked_by = serializers.CharField(help_text="锁定它们的模板 / the template that locks them")


class RulesTemplateOutSerializer(serializers.Serializer):
    rules = RuleSetSerializer(help_text="新年度的起始规则 / the rule set a new cycle starts from")
    from_year = serializers.IntegerField(
        allow_null=True,
        help_text="沿用哪一年度的规则，空为模板或通行做法 / the year it comes from; null: a template "
        "or common practice",
    )
    template = TemplateBindingSerializer(
        allow_null=True,
        help_text="起始的规则模板及锁定项，空为无 / the rule template it starts from, if any",
    )


class RuleTemplateOutSerializer(serializers.Serializer):
    """A rule template (实施办法): this congress's own or one issued from above."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    rules = RuleSetSerializer()
    locked = serializers.ListField(child=serializers.ChoiceField(choices=list(RULE_FIELDS)))
    own = serializers.BooleanField(help_text="本级制定 / this congress's own")
    issuer_name = serializers.CharField(help_text="发布的上级，本级为空 / the issuer above")
    label = serializers.CharField(help_text="本级《…》或上级 …《…》")  # type: ignore[assignment]
    issued_at = serializers.DateTimeField()
    current = serializers.BooleanField(
        help_text="新年度票决从它起始 / the one a new cycle starts from"
    )


@extend_schema_field(RuleSetSerializer)
class RuleSetJSONField(serializers.JSONField):
    """A rule set as JSON, read by tenants/voting/ruleset.py (which names the field that is
    wrong, as the cycle's rules are), typed as the rule set in the schema."""


@extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=RULE_FIELDS)))
class RuleFieldsJSONField(serializers.JSONField):
    """A list of rule field names as JSON, checked by rule_templates.locked_fields_read."""


class RuleTemplateInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text="模板名称，如实施办法的名称 / name")
    rules = RuleSetJSONField(help_text="整套票决规则 / the whole rule set")
    locked = RuleFieldsJSONField(
        help_text="下级不能更改的规则项 / the rule fields congresses below may not change"
    )


class RuleTemplateUseSerializer(CongressBelowSerializer):
    """A congress below and the template its newest cycle started from."""

    year = serializers.IntegerField(allow_null=True, help_text="最新年度票决，空为尚无 / newest")
    template_name = serializers.CharField(help_text="空为未用模板 / empty: no template")
    template_issuer = serializers.CharField(help_text="空为本级模板 / empty: its own template")
    own = serializers.BooleanField()


class CycleRulesInSerializer(serializers.Serializer):
    """Any rules of the rule set (each whole: a threshold list, a quorum) and the channel."""

    seats = serializers.IntegerField(min_value=1, max_value=50, required=False)
    list_kind = serializers.ChoiceField(choices=[k.value for k in ListKind], required=False)
    min_surplus = serializers.IntegerField(min_value=0, max_value=50, required=False)
    ballot_form = serializers.ChoiceField(choices=[f.value for f in BallotForm], required=False)
    thresholds = serializers.ListField(child=ThresholdSerializer(), max_length=2, required=False)
    rank_only = serializers.BooleanField(required=False)
    quorum = ShareSerializer(required=False)
    shortfall = serializers.ChoiceField(choices=[r.value for r in ShortfallRule], required=False)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)


class CandidateCountSerializer(serializers.Serializer):
    yes = serializers.IntegerField(help_text="赞成 / yes")
    no = serializers.IntegerField(help_text="反对 / no")
    abstain = serializers.IntegerField(help_text="弃权 / abstain")
    points = serializers.IntegerField(
        required=False, help_text="排序票的优先分 / priority points of ranked ballots"
    )


class PaperFiguresSerializer(serializers.Serializer):
    returned = serializers.IntegerField(help_text="收回票数 / paper ballots returned")
    invalid = serializers.IntegerField(help_text="无效票数 / invalid paper ballots")


class VoteResultSerializer(serializers.Serializer):
    """A closed vote round's result, as the round's ballot method counted it
    (tenants/voting/methods.py). `shares` is each candidate's 票决率 (赞成 over `share_base`:
    entitled, present or valid), rounded half-up to 0.01 %, as a string; rounds closed before it
    was recorded have none."""

    counts = serializers.DictField(child=CandidateCountSerializer())
    valid_ballots = serializers.IntegerField()
    share_base = serializers.ChoiceField(
        choices=[b.value for b in ThresholdBase],
        required=False,
        help_text="票决率的基数 / the base of the 票决率",
    )
    share_bases = serializers.DictField(child=serializers.IntegerField(), required=False)
    shares = serializers.DictField(
        child=serializers.CharField(allow_null=True),
        required=False,
        help_text="每个候选项目的票决率（%）/ each candidate's share in percent",
    )
    paper = PaperFiguresSerializer(
        allow_null=True, required=False, help_text="纸质选票 / the paper ballots"
    )
    device = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        allow_null=True,
        required=False,
        help_text="表决器导入的票数 / the device import",
    )
    adopted = serializers.ListField(child=serializers.CharField())
    next_round = serializers.ListField(child=serializers.CharField())
    next_round_seats = serializers.IntegerField()
    reason = serializers.ChoiceField(
        choices=["", "tie", "shortfall"],
        allow_blank=True,
        help_text="须再投一轮的原因：同票或差额不足 / why another round must follow",
    )


class VoidResultSerializer(serializers.Serializer):
    """A void round's result: more paper ballots returned than issued, nothing decided."""

    void = serializers.BooleanField()
    reason = serializers.ChoiceField(choices=["returned_exceeds_issued"])
    issued = serializers.IntegerField()
    returned = serializers.IntegerField()


@extend_schema_field(
    PolymorphicProxySerializer(
        component_name="RoundResult",
        serializers=[VoteResultSerializer, VoidResultSerializer],
        resource_type_field_name=None,
        allow_null=True,
    )
)
class RoundResultField(serializers.JSONField):
    """The round's stored result as it is: a vote result once closed, a void result when void."""


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
    ballot_form = serializers.SerializerMethodField(
        help_text="逐项表决、限选N项或排序 / per candidate, choose up to N, ranked"
    )
    result = RoundResultField(allow_null=True, read_only=True)
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

    def get_ballot_form(self, round_: Round) -> str:
        return str(round_.cycle.rules["ballot_form"])

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


class RollEntryOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="代表编号 / deputy number")
    name = serializers.CharField()
    delegation = serializers.CharField(help_text="代表团/代表小组 / delegation")
    constituency = serializers.CharField(help_text="选区 / constituency")
    present = serializers.BooleanField(help_text="已签到 / present")


class PaperIssueEntryOutSerializer(RollEntryOutSerializer):
    took_part = serializers.CharField(
        allow_null=True,
        help_text="本轮已领纸质选票（paper）或已电子投票（electronic）/ a paper ballot issued "
        "(paper) or an e-ballot cast (electronic) in this round",
    )
