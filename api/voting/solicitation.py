"""征集 and 初定 over HTTP: the staff's proposal desk and the public portal (no login)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from accounts.roles import Role
from api.actions import Action, Read, Write, collection, endpoint
from api.errors import or_404
from api.files.access import Attachments
from api.permissions import DEPUTY, STAFF, has_role, host_congress, membership_of
from api.views import PublicView, ThrottledPublicView
from filestore.models import StoredFile
from ops.errors import DomainError, NotAllowed
from ops.privacy import masked_phone
from tenants.deputies.selectors import deputy_for_user
from tenants.voting import announcement, sheets, solicitation
from tenants.voting.models import Call, Cycle, Exclusion, GovernanceStep, Proposal
from tenants.voting.phases import phase_allows
from tenants.voting.selectors import proposal_outcome, reserve_proposals

from .serializers import CandidateOutSerializer
from .views import CYCLE

# 党委审定 is the party reviewer's own act (docs/voting.md); staff record 会商, and may enter a
# review from its minutes where the party committee has no account here.
GOVERNANCE = has_role(Role.STAFF, Role.PARTY_REVIEWER)

# The minutes of a consultation or the party review: staff only, like the governance record.
ATTACHMENTS = [Attachments.held_in(GovernanceStep, "minutes_id", GOVERNANCE)]


class CallSerializer(serializers.ModelSerializer[Call]):
    year = serializers.IntegerField(source="cycle.year", read_only=True)

    class Meta:
        model = Call
        fields = ["id", "year", "title", "body", "opens_on", "closes_on", "published_at"]
        read_only_fields = ["id", "year", "published_at"]


class ProposalOutSerializer(serializers.ModelSerializer[Proposal]):
    submitter_phone = serializers.SerializerMethodField(help_text="脱敏 / masked")

    class Meta:
        model = Proposal
        fields = [
            "id",
            "source",
            "title",
            "category",
            "description",
            "location",
            "estimated_cost",
            "submitter_name",
            "submitter_phone",
            "tracking_code",
            "origin_year",
            "status",
            "merged_into",
            "screening_reason",
            "exclusion",
            "submitted_at",
        ]

    def get_submitter_phone(self, proposal: Proposal) -> str:
        return masked_phone(proposal.submitter_phone)


def _estimated_cost(**options: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        default=None,
        **options,
    )


# What every proposal states, whoever submits it: the project, its place and its rough cost.
# (A comment: a serializer's docstring is its schema description, and subclasses inherit it.)
class _ProposalTextSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    category = serializers.CharField(max_length=50)
    description = serializers.CharField(max_length=5000)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ProposalInSerializer(_ProposalTextSerializer):
    estimated_cost = _estimated_cost()
    submitter_name = serializers.CharField(max_length=50)
    submitter_phone = serializers.RegexField(
        r"^1\d{10}$", required=False, allow_blank=True, default=""
    )


class StaffProposalInSerializer(ProposalInSerializer):
    # Named `origin`: `source` is a serializer's own attribute.
    origin = serializers.ChoiceField(
        choices=Proposal.Source.choices, help_text="来源 / where it comes from"
    )


class MyProposalInSerializer(_ProposalTextSerializer):
    """A deputy's own proposal: they are its submitter, their name and phone from the roster."""

    estimated_cost = _estimated_cost(help_text="估算投资（万元）/ estimated cost, in 10,000 yuan")


class MyProposalOutSerializer(serializers.ModelSerializer[Proposal]):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "title",
            "category",
            "description",
            "location",
            "estimated_cost",
            "tracking_code",
            "status",
            "status_label",
            "screening_reason",
            "submitted_at",
        ]


class MyCallSerializer(serializers.Serializer):
    title = serializers.CharField()
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    open = serializers.BooleanField(help_text="现在可以提出建议 / proposals are taken today")


class MyProposalsOutSerializer(serializers.Serializer):
    cycle = serializers.IntegerField()
    year = serializers.IntegerField()
    call = MyCallSerializer(allow_null=True, help_text="征集公告；未发布时为空 / null before")
    proposals = MyProposalOutSerializer(many=True)


class ScreenInSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    exclusion = serializers.ChoiceField(
        choices=Exclusion.choices, required=False, allow_blank=True, default=""
    )


class MergeInSerializer(serializers.Serializer):
    into = serializers.IntegerField()


class GovernanceInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=GovernanceStep.Kind.choices)
    held_on = serializers.DateField()
    summary = serializers.CharField(max_length=5000)
    minutes_file_id = serializers.IntegerField(
        help_text="先上传纪要（/files）/ upload the minutes first (/files)"
    )


class GovernanceOutSerializer(serializers.ModelSerializer[GovernanceStep]):
    minutes_name = serializers.CharField(source="minutes.name")

    class Meta:
        model = GovernanceStep
        fields = ["id", "kind", "held_on", "summary", "minutes", "minutes_name"]


class TrackingOutSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField(help_text="受理、合并、储备、初定、票决的进展 / where it stands")
    status_label = serializers.CharField()
    detail = serializers.CharField(allow_blank=True)
    year = serializers.IntegerField()


class TrackingCreatedSerializer(serializers.Serializer):
    tracking_code = serializers.CharField(
        help_text="凭此查询办理进展 / keep it to follow the proposal"
    )


def _cycle(pk: int) -> Cycle:
    return get_object_or_404(Cycle, pk=pk)


def _proposal(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("cycle"), pk=pk)


CallView = CYCLE.step(
    "voting_call_publish",
    "发布征集公告 / publish the call for proposals",
    solicitation.call_publish,
    body=CallSerializer,
    answer=CallSerializer,
    created=True,
)


def _proposal_add(request: Request, data: dict[str, Any], pk: int) -> Proposal:
    return solicitation.proposal_submit(
        cycle=_cycle(pk), actor=request.user, source=data.pop("origin"), **data
    )


ProposalListView = collection(
    ProposalOutSerializer,
    Read(
        "voting_proposal_list",
        "项目建议 / proposals",
        lambda request, pk: Proposal.objects.filter(cycle=_cycle(pk)).order_by("-submitted_at"),
    ),
    Write(
        "voting_proposal_add",
        "登记代表、部门或村（社区）的建议 / record a proposal from a deputy, department or village",
        _proposal_add,
        body=StaffProposalInSerializer,
    ),
    permission=STAFF,
)


def _my_proposals(request: Request, cycle: Cycle) -> dict[str, Any]:
    deputy = deputy_for_user(user_id=int(request.user.pk or 0))
    call = Call.objects.filter(cycle=cycle).first()
    takes = solicitation.call_open(call, today=timezone.localdate()) and phase_allows(
        cycle, "submit_proposal"
    )
    mine = (
        Proposal.objects.filter(cycle=cycle, deputy=deputy) if deputy else Proposal.objects.none()
    )
    return {
        "cycle": cycle.pk,
        "year": cycle.year,
        "call": None
        if call is None
        else {
            "title": call.title,
            "opens_on": call.opens_on,
            "closes_on": call.closes_on,
            "open": takes,
        },
        "proposals": mine.order_by("-submitted_at"),
    }


MyProposalsView = endpoint(
    Read(
        "voting_proposal_mine",
        "我提出的项目建议及征集状态 / my proposals in this cycle, and whether the call is open",
        lambda request, pk: _my_proposals(request, _cycle(pk)),
        answer=MyProposalsOutSerializer,
    ),
    Write(
        "voting_proposal_propose",
        "代表本人提出民生实事项目建议（征集期内）/ a deputy proposes a project while the "
        "call is open",
        lambda r, d, pk: solicitation.proposal_propose(
            cycle=_cycle(pk), deputy=deputy_for_user(user_id=int(r.user.pk or 0)), actor=r.user, **d
        ),
        body=MyProposalInSerializer,
        answer=MyProposalOutSerializer,
        created=True,
    ),
    permission=DEPUTY,
    doc="A deputy proposes a project themselves while the call is open, and follows their own.",
)


PROPOSAL = Action(
    permission=STAFF,
    lookup=lambda request, pk: _proposal(pk),
    responses=ProposalOutSerializer,
    keyword="proposal",
)

ProposalScreenView = PROPOSAL.step(
    "voting_proposal_screen",
    "初定：列入或说明理由不列入 / shortlist, or not with a reason",
    solicitation.proposal_screen,
    body=ScreenInSerializer,
    find_first=True,
)
ProposalMergeView = PROPOSAL.view(
    operation_id="voting_proposal_merge",
    summary="合并重复建议 / merge a duplicate",
    body=MergeInSerializer,
    run=lambda r, proposal, d: solicitation.proposal_merge(
        proposal=proposal, into=_proposal(d["into"]), actor=r.user
    ),
)
ProposalReserveView = PROPOSAL.step(
    "voting_proposal_reserve", "转入储备库 / move to the reserve", solicitation.proposal_to_reserve
)
ProposalCandidateView = PROPOSAL.step(
    "voting_proposal_to_candidate",
    "列为候选项目 / make it a candidate",
    solicitation.candidate_from_proposal,
    answer=CandidateOutSerializer,
    created=True,
)


def _governance_record(request: Request, data: dict[str, Any], pk: int) -> GovernanceStep:
    membership = membership_of(request)
    roles = membership.roles if membership is not None else []
    if data["kind"] != GovernanceStep.Kind.PARTY_REVIEW and Role.STAFF not in roles:
        raise NotAllowed(
            "governance_kind_not_yours",
            _("党委审定人只能记录党委审定。"),
            field="kind",
        )
    minutes = StoredFile.objects.filter(pk=data.pop("minutes_file_id")).first()
    if minutes is None:
        raise DomainError(
            "minutes_missing", _("会议纪要文件不存在，请先上传。"), field="minutes_file_id"
        )
    return solicitation.governance_record(
        cycle=_cycle(pk), minutes=minutes, actor=request.user, **data
    )


GovernanceView = collection(
    GovernanceOutSerializer,
    Read(
        "voting_governance_list",
        "会商与党委审定记录 / consultation and party review records",
        lambda r, pk: GovernanceStep.objects.filter(cycle=_cycle(pk)).select_related("minutes"),
    ),
    Write(
        "voting_governance_record",
        "记录会商或党委审定（附纪要）/ record a consultation or the party review, with minutes",
        _governance_record,
        body=GovernanceInSerializer,
    ),
    permission=GOVERNANCE,
)


class PartyReviewCandidateOut(serializers.Serializer):
    sequence = serializers.IntegerField()
    name = serializers.CharField()
    estimated_cost = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)


class PartyReviewCycleOut(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    title = serializers.CharField()
    phase = serializers.CharField()
    can_record = serializers.BooleanField(
        help_text="当前阶段可以记录审定 / a review may be recorded now"
    )
    candidates = PartyReviewCandidateOut(many=True)
    reviews = GovernanceOutSerializer(many=True)


PartyReviewListView = endpoint(
    Read(
        "voting_party_review_list",
        "党委审定：候选项目与审定记录 / the party reviewer's cycles, candidates and reviews",
        lambda request: solicitation.party_review_cycles(),
        answer=PartyReviewCycleOut,
        many=True,
    ),
    permission=has_role(Role.PARTY_REVIEWER),
)


AdvanceView = CYCLE.step(
    "voting_cycle_advance",
    "进入下一阶段（征集→初定→审议）/ move to the next phase",
    solicitation.cycle_advance,
)


def _current_call() -> Call | None:
    return Call.objects.select_related("cycle").order_by("-cycle__year").first()


def _public_call(request: Request) -> Call:
    return or_404(_current_call(), _("暂无征集公告。"), code="call_unknown")


def _public_proposal(request: Request, data: dict[str, Any]) -> dict[str, str]:
    call = _current_call()
    if call is None:
        raise DomainError("call_not_open", _("当前不在项目建议征集期内。"))
    proposal = solicitation.proposal_submit(
        cycle=call.cycle, source=Proposal.Source.CITIZEN, **data
    )
    return {"tracking_code": proposal.tracking_code}


def _tracking(request: Request, code: str) -> Any:
    proposal = or_404(
        (
            Proposal.objects.select_related("cycle", "merged_into")
            .filter(tracking_code=code.upper())
            .first()
        ),
        _("查询码不存在。"),
        code="tracking_unknown",
    )
    return proposal_outcome(proposal)


PublicCallView = endpoint(
    Read(
        "public_call_current",
        "当前征集公告（公开）/ the current call for proposals (public)",
        _public_call,
        answer=CallSerializer,
    ),
    base=PublicView,
)
PublicProposalView = endpoint(
    Write(
        "public_proposal_submit",
        "提交项目建议（公开）/ submit a proposal (public)",
        _public_proposal,
        body=ProposalInSerializer,
        responses=TrackingCreatedSerializer,
        created=True,
    ),
    base=ThrottledPublicView,
    doc="A citizen's proposal: no login, rate-limited per address, answered with a tracking code.",
    throttle_scope="public_proposal",
)
PublicTrackingView = endpoint(
    Read(
        "public_proposal_track",
        "凭查询码查看建议进展（公开）/ follow a proposal by its code (public)",
        _tracking,
        responses=TrackingOutSerializer,
    ),
    base=ThrottledPublicView,
    throttle_scope="public_tracking",
)


class AdoptedLineSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    name = serializers.CharField()
    yes = serializers.IntegerField()
    no = serializers.IntegerField()
    abstain = serializers.IntegerField()
    round_number = serializers.IntegerField()
    share = serializers.CharField(
        allow_null=True,
        help_text="票决率：赞成票占 share_base 的百分比，四舍五入到两位小数 / the share, half-up",
    )


class DecidingRoundSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    kind = serializers.CharField()
    entitled = serializers.IntegerField()
    present = serializers.IntegerField()
    ballots = serializers.IntegerField()


class AnnouncementSerializer(serializers.Serializer):
    congress = serializers.CharField()
    cycle_title = serializers.CharField()
    date = serializers.DateField()
    ballot_form = serializers.CharField()
    adopted = AdoptedLineSerializer(many=True)
    rounds = DecidingRoundSerializer(many=True)
    share_base = serializers.ChoiceField(
        choices=["entitled", "present", "valid"],
        help_text="票决率的基数：全体代表、出席代表或有效票 / what the share is measured on",
    )


def published_announcement(request: Request, year: int) -> Any:
    """The announcement of a year's vote, once staff have published it; a 404 before."""
    cycle = Cycle.objects.filter(year=year, announcement_published_at__isnull=False).first()
    notice = None
    if cycle is not None and not sheets.cycle_vote_unfinished(cycle):
        notice = sheets.cycle_announcement(cycle, congress=str(request.tenant.name))  # type: ignore[attr-defined]
    return or_404(notice, _("该年度票决结果尚未公告。"), code="announcement_unknown")


PublicAnnouncementView = endpoint(
    Read(
        "public_announcement",
        "票决结果公告（公开）/ the announcement of a year's vote (public)",
        published_announcement,
        answer=AnnouncementSerializer,
    ),
    base=PublicView,
)


class AnnouncementReviewSerializer(serializers.Serializer):
    ready = serializers.BooleanField(help_text="表决已结束，可以公告 / the vote is over")
    published_at = serializers.DateTimeField(allow_null=True)
    notice = AnnouncementSerializer(allow_null=True, help_text="公告预览 / the preview")


def _review(request: Request, cycle: Cycle) -> dict[str, Any]:
    ready = announcement.announcement_ready(cycle)
    notice = sheets.cycle_announcement(cycle, congress=str(host_congress(request).name))
    return {
        "ready": ready,
        "published_at": cycle.announcement_published_at,
        "notice": notice if ready else None,
    }


# The announcement's review and its publishing answer with its preview and whether it is out.
ANNOUNCEMENT = Action(
    permission=STAFF,
    lookup=lambda request, pk: _cycle(pk),
    output=lambda request, cycle: AnnouncementReviewSerializer(_review(request, cycle)).data,
    responses=AnnouncementReviewSerializer,
    keyword="cycle",
)
AnnouncementReviewView = ANNOUNCEMENT.read(
    operation_id="voting_announcement_review",
    summary="票决结果公告预览与发布状态 / the announcement's preview and whether it is out",
)
AnnouncementPublishView = ANNOUNCEMENT.step(
    "voting_announcement_publish",
    "发布票决结果公告到门户 / publish the announcement on the public portal",
    announcement.announcement_publish,
)


class ReserveCarryOutSerializer(serializers.Serializer):
    carried = serializers.IntegerField(
        help_text="转入本年度的储备建议数 / reserve proposals brought in"
    )


class ReserveQuery(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="名称或类别 / title or category"
    )
    origin_year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="提出年度 / year proposed"
    )


class ReserveProposalOutSerializer(serializers.ModelSerializer[Proposal]):
    """A proposal in the reserve (its status is always 入储备库)."""

    year = serializers.IntegerField(
        source="cycle.year", read_only=True, help_text="最近所在年度 / the year it was last in"
    )
    times_candidate = serializers.IntegerField(
        read_only=True, help_text="此前列为候选项目的次数 / times it was a candidate before"
    )

    class Meta:
        model = Proposal
        fields = [
            "id",
            "source",
            "title",
            "category",
            "location",
            "estimated_cost",
            "tracking_code",
            "origin_year",
            "year",
            "times_candidate",
            "screening_reason",
        ]


ReserveListView = endpoint(
    Read(
        "voting_reserve_list",
        "储备库：往年未列入或未通过、留待来年的建议 / the reserve: proposals kept for a later year",
        lambda r, q: reserve_proposals(text=q.get("q", ""), origin_year=q.get("origin_year")),
        answer=ReserveProposalOutSerializer,
        many=True,
        query=ReserveQuery,
    ),
    permission=STAFF,
)


ReserveCarryView = CYCLE.view(
    operation_id="voting_reserve_carry",
    summary="将往年储备库建议转入本年度征集 / bring the reserve of earlier years into this year",
    run=lambda r, cycle, d: {"carried": solicitation.reserve_carry(cycle=cycle, actor=r.user)},
    answer=ReserveCarryOutSerializer,
)
