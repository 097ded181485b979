"""民生实事项目票决: the annual cycle, its candidates, rounds and the secret ballot store.

Who voted (`Participation`) and what was voted (`Ballot`) are stored apart; see
docs/ballot-secrecy.md for what that does and does not protect against.
"""

import secrets
import uuid
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tenants.deputies.models import Deputy, Term

from .ruleset import default_rules_json
from .satisfaction import Base, Mark, Outcome, RuleType


class Phase(models.TextChoices):
    SOLICIT = "solicit", _("征集")
    SHORTLIST = "shortlist", _("初定")
    DELIBERATE = "deliberate", _("审议")
    VOTE = "vote", _("票决")
    IMPLEMENT = "implement", _("实施监督")
    EVALUATE = "evaluate", _("评估")
    CLOSED = "closed", _("已结束")


class Channel(models.TextChoices):
    ELECTRONIC = "electronic", _("电子表决")
    PAPER = "paper", _("纸质选票")
    DEVICE = "device", _("表决器")
    HYBRID = "hybrid", _("电子与纸质并用")


class Cycle(models.Model):
    """年度票决: one per congress and year, with the rule set fixed before voting opens."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    title = models.CharField(_("名称"), max_length=100)
    term = models.ForeignKey(Term, verbose_name=_("届次"), on_delete=models.PROTECT)
    phase = models.CharField(_("阶段"), max_length=16, choices=Phase.choices, default=Phase.SOLICIT)
    # The vote's rule set, whole (rules.RuleSet through ruleset.py): seats, 差额 or 等额, ballot
    # form, thresholds, quorum, shortfall. Fixed when voting opens (`rules_fixed_at`).
    rules = models.JSONField(_("票决规则"), default=default_rules_json)
    channel = models.CharField(
        _("表决渠道"), max_length=16, choices=Channel.choices, default=Channel.ELECTRONIC
    )
    rules_fixed_at = models.DateTimeField(_("规则确定时间"), null=True, blank=True)
    # 满意度测评: its rule set, fixed when the evaluation opens (satisfaction.py).
    evaluation_rule_type = models.CharField(
        _("测评规则"),
        max_length=16,
        choices=[(r.value, r.value) for r in RuleType],
        default=RuleType.MAJORITY.value,
    )
    evaluation_base = models.CharField(
        _("测评基数"),
        max_length=16,
        choices=[(b.value, b.value) for b in Base],
        default=Base.ENTITLED.value,
    )
    evaluation_half_is_enough_satisfied = models.BooleanField(
        _("满意票恰好半数视为满意"), default=True
    )
    evaluation_half_is_enough_basic = models.BooleanField(
        _("满意与基本满意票合计恰好半数视为基本满意"), default=True
    )
    evaluation_pass_rate = models.DecimalField(
        _("满意率标准（%）"), max_digits=5, decimal_places=2, default=Decimal("80.00")
    )
    evaluation_public_rating = models.BooleanField(_("开放群众网上评价"), default=False)
    # Electronic: rated on phones over a period. Paper or device: rated at a meeting, with its own
    # sign-in and quorum (Attendance at the evaluation meeting).
    evaluation_channel = models.CharField(
        _("测评渠道"), max_length=16, choices=Channel.choices, default=Channel.ELECTRONIC
    )
    evaluation_rules_fixed_at = models.DateTimeField(_("测评规则确定时间"), null=True, blank=True)
    # The day (Beijing time) the cycle entered each phase after 征集, as {phase: "YYYY-MM-DD"}:
    # the township's own dates that the year's route (docs/route.md) is compared with.
    phase_entered_on = models.JSONField(_("各阶段开始日期"), default=dict, blank=True)
    # The result's announcement reaches the public portal only when staff publish it, after
    # previewing it (docs/voting.md, 公告): closing the vote does not publish it.
    announcement_published_at = models.DateTimeField(_("公告发布时间"), null=True, blank=True)
    # The rule template the cycle started from, as it was then (rule_templates.py): name, issuer,
    # rules and the fields locked for this cycle; {} when it started from none.
    rules_template = models.JSONField(_("规则模板"), default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("年度票决")
        ordering = ["-year"]
        # What RuleSet.problems() refuses most plainly, held by the database too: no write path
        # may store a rule set under which a round fills no seat or opens with nobody present.
        constraints = [
            models.CheckConstraint(
                condition=Q(rules__seats__gte=1), name="cycle_rules_seats_at_least_one"
            ),
            models.CheckConstraint(
                condition=Q(rules__quorum__numerator__gte=1),
                name="cycle_rules_quorum_above_nobody",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Candidate(models.Model):
    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("候选")
        ADOPTED = "adopted", _("票决通过")
        NOT_ADOPTED = "not_adopted", _("未通过")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="candidates")
    sequence = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("项目名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=50, blank=True)
    summary = models.TextField(_("项目概述"), blank=True)
    estimated_cost = models.DecimalField(
        _("估算投资（万元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # A proposal not adopted returns to the reserve and may be a candidate again in a later
    # year: one candidate per proposal and cycle (Meta), not one for ever.
    proposal = models.ForeignKey(
        "Proposal",
        verbose_name=_("来源建议"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="candidates",
        related_query_name="candidate",
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.CANDIDATE
    )
    rank = models.PositiveSmallIntegerField(_("名次"), null=True, blank=True)
    # Set once, when the year-end evaluation closes; the counts stay in its round's result.
    satisfaction = models.CharField(
        _("测评结果"), max_length=16, choices=[(o.value, o.value) for o in Outcome], blank=True
    )

    class Meta:
        verbose_name = verbose_name_plural = _("候选项目")
        ordering = ["cycle", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "sequence"], name="candidate_sequence_once"),
            models.UniqueConstraint(fields=["cycle", "name"], name="candidate_name_once"),
            models.UniqueConstraint(
                fields=["cycle", "proposal"], name="candidate_from_proposal_once_a_year"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Exclusion(models.TextChoices):
    """Kinds of project not put to the vote (DESIGN.md §4.2, domain-practice.md §1.4)."""

    HIGHER_LEVEL = "higher_level", _("上级安排或配套项目")
    CONTINUATION = "continuation", _("续建项目")
    ANCILLARY = "ancillary", _("配套辅助项目")
    BURDEN = "burden", _("增加群众或企业负担")
    DEBT_RISK = "debt_risk", _("形成政府债务风险")
    STABILITY_RISK = "stability_risk", _("存在社会稳定风险")
    NOT_READY = "not_ready", _("资金、用地等实施条件不具备")
    NOT_PUBLIC_BENEFIT = "not_public_benefit", _("不具备普惠性、公益性")
    OTHER = "other", _("其他")


class Call(models.Model):
    """征集公告: published on the congress's public portal with its dates."""

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="call")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))
    opens_on = models.DateField(_("征集开始"))
    closes_on = models.DateField(_("征集截止"))
    published_at = models.DateTimeField(_("发布时间"))

    class Meta:
        verbose_name = verbose_name_plural = _("征集公告")
        constraints = [
            models.CheckConstraint(
                name="call_closes_after_opening", condition=Q(closes_on__gte=models.F("opens_on"))
            )
        ]

    def __str__(self) -> str:
        return self.title


class Proposal(models.Model):
    """项目建议: from a citizen, a deputy, a department or a village. Kept in the reserve
    (储备库) across years when not taken up."""

    class Source(models.TextChoices):
        CITIZEN = "citizen", _("群众")
        DEPUTY = "deputy", _("人大代表")
        DEPARTMENT = "department", _("政府部门")
        VILLAGE = "village", _("村（社区）")

    class Status(models.TextChoices):
        RECEIVED = "received", _("已受理")
        MERGED = "merged", _("已合并")
        RESERVE = "reserve", _("入储备库")
        SHORTLISTED = "shortlisted", _("列入初步候选")
        REJECTED = "rejected", _("未列入")

    # The cycle it is in now: carried over from the reserve, it moves to the new year's.
    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="proposals")
    # The year it was first proposed in, kept across carry-overs.
    origin_year = models.PositiveSmallIntegerField(_("提出年度"))
    source = models.CharField(_("来源"), max_length=16, choices=Source.choices)
    title = models.CharField(_("建议名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=50)
    description = models.TextField(_("内容"))
    location = models.CharField(_("地点"), max_length=200, blank=True)
    estimated_cost = models.DecimalField(
        _("估算投资（万元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    submitter_name = models.CharField(_("建议人"), max_length=50)
    submitter_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    deputy = models.ForeignKey(
        Deputy, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tracking_code = models.CharField(_("查询码"), max_length=12, unique=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    screening_reason = models.TextField(_("初定意见"), blank=True)
    exclusion = models.CharField(
        _("不予列入情形"), max_length=32, choices=Exclusion.choices, blank=True
    )
    submitted_at = models.DateTimeField(_("提交时间"))

    class Meta:
        verbose_name = verbose_name_plural = _("项目建议")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="proposal_rejection_has_reason",
                condition=~Q(status="rejected") | ~Q(screening_reason=""),
            ),
            models.CheckConstraint(
                name="proposal_merged_points_somewhere",
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class GovernanceStep(models.Model):
    """人大-政府会商 and 党委审定: recorded steps of shortlisting, with their minutes."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("人大与政府会商")
        PARTY_REVIEW = "party_review", _("党委审定")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="governance_steps")
    kind = models.CharField(_("环节"), max_length=16, choices=Kind.choices)
    held_on = models.DateField(_("日期"))
    summary = models.TextField(_("结论"))
    minutes = models.ForeignKey(
        "filestore.StoredFile",
        verbose_name=_("会议纪要"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = verbose_name_plural = _("初定环节")
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class Material(models.Model):
    """审议材料: what deputies read about a candidate before the session."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("材料名称"), max_length=200)
    file = models.ForeignKey("filestore.StoredFile", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    """A deputy's comment on a candidate during deliberation, by deputy group, and the
    government's answer. The commenter is a deputy of this roster or a deputy of another congress
    attending the deliberation (列席: one posted to a station here, docs/linkage-duty.md), kept as
    a snapshot of their congress and roster id there, never a foreign key."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="comments")
    deputy = models.ForeignKey(
        Deputy, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    guest_congress_id = models.PositiveBigIntegerField(
        _("列席代表所属人大编号"), null=True, blank=True
    )
    guest_deputy_id = models.PositiveBigIntegerField(_("列席代表编号"), null=True, blank=True)
    guest_name = models.CharField(_("列席代表"), max_length=50, blank=True)
    guest_congress_name = models.CharField(_("列席代表所属人大"), max_length=100, blank=True)
    group = models.CharField(_("代表小组"), max_length=100, blank=True)
    text = models.TextField(_("审议意见"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("政府答复"), blank=True)
    answered_by_id = models.BigIntegerField(null=True, blank=True)
    # The role the answer was given in: a unit never overwrites the staff's answer.
    answered_as = models.CharField(max_length=20, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                name="comment_deputy_or_guest",
                condition=(Q(deputy__isnull=False) & Q(guest_deputy_id__isnull=True))
                | (
                    Q(deputy__isnull=True)
                    & Q(guest_congress_id__isnull=False)
                    & Q(guest_deputy_id__isnull=False)
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.deputy or self.guest_name} on {self.candidate}"

    @property
    def commenter_name(self) -> str:
        return self.deputy.name if self.deputy is not None else self.guest_name


class AttendanceQuerySet(models.QuerySet["Attendance"]):
    def at_session(self) -> "AttendanceQuerySet":
        return self.filter(meeting=Attendance.Meeting.SESSION)

    def at_evaluation(self) -> "AttendanceQuerySet":
        return self.filter(meeting=Attendance.Meeting.EVALUATION)


class Attendance(models.Model):
    """签到: a deputy present at the session that votes, or at the meeting that rates the
    projects on paper or by device (the evaluation's own attendance, apart from the session's)."""

    class Meeting(models.TextChoices):
        SESSION = "session", _("票决会议")
        EVALUATION = "evaluation", _("满意度测评会议")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="attendances")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")
    meeting = models.CharField(max_length=16, choices=Meeting.choices, default=Meeting.SESSION)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "meeting", "deputy"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.deputy} @ {self.meeting} of {self.cycle}"


def _new_salt() -> str:
    return secrets.token_hex(32)


class Round(models.Model):
    class Kind(models.TextChoices):
        MAIN = "main", _("正式票决")
        TIE = "tie", _("同票再次投票")
        SHORTFALL = "shortfall", _("另行票决")
        EVALUATION = "evaluation", _("满意度测评")

    class State(models.TextChoices):
        OPEN = "open", _("投票中")
        CLOSED = "closed", _("已结束")
        VOID = "void", _("本轮无效")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("轮次"))
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MAIN)
    seats = models.PositiveSmallIntegerField(_("本轮产生项目数"))
    candidates = models.ManyToManyField(Candidate, related_name="rounds")
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    # Which entries the round takes (rules.channel_accepts), fixed when it opens.
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.ELECTRONIC)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    # Frozen at open: the roster and the attendance the quorum was checked against. Later roster
    # changes never touch them. (An electronic evaluation, open for a period with no meeting,
    # takes its 实到 from the ballots at close.)
    entitled_count = models.PositiveIntegerField(null=True, blank=True)
    present_count = models.PositiveIntegerField(null=True, blank=True)
    quorum_count = models.PositiveIntegerField(null=True, blank=True)
    # Frozen at close.
    participation_count = models.PositiveIntegerField(null=True, blank=True)
    ballot_count = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    # Results anyone can recount (record.py): what the round is held under, fixed and hashed at
    # open; the published record's hash at close.
    commitment = models.JSONField(null=True, blank=True)
    commitment_hash = models.CharField(max_length=64, blank=True)
    record_hash = models.CharField(max_length=64, blank=True)
    # While the round is open, its ballots are boxed under a key derived from the server's
    # BALLOT_KEY and this salt (store.py); the close forgets it.
    ballot_salt = models.CharField(max_length=64, blank=True, default=_new_salt)

    class Meta:
        verbose_name = verbose_name_plural = _("表决轮次")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="round_number_once"),
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(state="open"), name="round_one_open_per_cycle"
            ),
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(kind="evaluation"), name="round_one_evaluation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} #{self.number}"


class Participation(models.Model):
    """Who voted (or was issued a paper ballot) in a round. Never what."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participations")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "deputy"], name="participation_once")
        ]

    def __str__(self) -> str:
        return f"{self.deputy} voted in {self.round}"


class Ballot(models.Model):
    """What was voted. No deputy, no time, a random key (docs/ballot-secrecy.md). While its
    round is open a ballot is only a `box` (its choices and receipt hash, encrypted, one length
    per round); at close the boxes are opened and written as new `sealed` rows in a random order,
    each with a receipt hash from an independent shuffle."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    choices = models.JSONField(null=True, blank=True)
    receipt_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    box = models.BinaryField(null=True, blank=True)
    sealed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="ballot_boxed_until_sealed",
                condition=Q(sealed=True, box__isnull=True, choices__isnull=False)
                | Q(sealed=False, box__isnull=False, choices__isnull=True)
                | Q(sealed=False, box__isnull=True, choices__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"ballot of {self.round}"


class TallyEntry(models.Model):
    """A teller's count of the paper ballots of a round. Two tellers count independently; the
    round closes only on two entries that agree. A correction is a new entry with its reason;
    the one it replaces stays, no longer current, as the history."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tally_entries")
    teller_id = models.BigIntegerField()
    # {item id: {mark: n}}: 赞成/反对/弃权/未填 (blank) per candidate, "yes" alone for choose-N,
    # 满意/基本满意/不满意/弃权/未填 per project in an evaluation.
    counts = models.JSONField()
    returned = models.PositiveIntegerField(_("收回票数"))
    invalid = models.PositiveIntegerField(_("无效票数"))
    current = models.BooleanField(default=True)
    reason = models.TextField(_("更正理由"), blank=True)
    entered_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "teller_id"],
                condition=Q(current=True),
                name="tally_current_once_per_teller",
            ),
        ]

    def __str__(self) -> str:
        return f"tally of {self.round} by {self.teller_id}"


class DeviceResult(models.Model):
    """The counts a voting-device system reports for a round (赞成/反对/弃权/未按 per candidate).
    Devices report totals only, so nothing here can identify a deputy's vote."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="device_result")
    counts = models.JSONField()  # {candidate id: {"yes", "no", "abstain", "not_pressed"}}
    imported_by_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"device result of {self.round}"


class Entitlement(models.Model):
    """The entitled list of a round, frozen at close."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entitlements")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")
    voted = models.BooleanField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "deputy"], name="entitlement_once")]

    def __str__(self) -> str:
        return f"{self.deputy} in {self.round}"


class PublicRating(models.Model):
    """群众网上评价: one mark per project per rater, a stream apart from the deputies' secret
    evaluation and never counted in it. `rater_key` is a keyed hash of the rater (the client
    address and the day), so the address itself is never stored."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="ratings")
    mark = models.CharField(
        max_length=16, choices=[(m.value, m.value) for m in Mark if m != Mark.ABSTAIN]
    )
    rater_key = models.CharField(max_length=64)
    rated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "rater_key"], name="public_rating_once")
        ]

    def __str__(self) -> str:
        return f"{self.mark} for {self.candidate}"


class RuleTemplate(models.Model):
    """A rule template (实施办法): this congress's own (`issuer_id` null), or the copy of one that
    a congress above issued to it (docs/voting.md, rule_templates.py)."""

    name = models.CharField(_("模板名称"), max_length=100)
    rules = models.JSONField(_("票决规则"))
    locked = models.JSONField(_("锁定的规则项"), default=list)
    issuer_id = models.IntegerField(null=True, blank=True)
    issuer_name = models.CharField(max_length=100, blank=True)
    issuer_level = models.CharField(max_length=16, blank=True)
    origin_ref = models.CharField(max_length=40, blank=True)
    dispatch_id = models.BigIntegerField(null=True, blank=True)
    issued_at = models.DateTimeField()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_id", "origin_ref"],
                condition=Q(issuer_id__isnull=False),
                name="rule_template_copy_once",
            )
        ]

    def __str__(self) -> str:
        return self.name
