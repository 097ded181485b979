"""评估 over HTTP: the staff's evaluation console, its results, and the public account (明白账)
with the public's online rating. Deputies cast their ratings through the round's ballot endpoint
(`voting/rounds/<id>/ballots`), the same secret ballot as the project vote."""

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from accounts.roles import Role
from api.actions import Action, Read, endpoint
from api.downloads import PDF, PublicDownloadView, attachment, binary
from api.errors import or_404
from api.inputs import validated
from api.permissions import DEPUTY, STAFF, has_role, host_tenant
from api.views import PublicView
from ops.errors import Conflict, NotAllowed
from tenants.reporting import account
from tenants.voting import documents, evaluation, services
from tenants.voting.models import Candidate, Channel, Cycle, Phase, Round
from tenants.voting.satisfaction import Base, Outcome, RuleType
from tenants.voting.selectors import cycle_list, deputy_of_user, rounds_voted_in

READERS = has_role(Role.STAFF, Role.DEPUTY, Role.TELLER, Role.UNIT)
# One enum in the schema for the three results (settings.SPECTACULAR_SETTINGS).
OUTCOMES = [o.value for o in Outcome]


class EvaluationRulesSerializer(serializers.Serializer):
    rule_type = serializers.ChoiceField(
        choices=[r.value for r in RuleType], help_text="majority 过半数 | rate 满意率"
    )
    base = serializers.ChoiceField(
        choices=[b.value for b in Base], help_text="过半数的基数：全体代表 | 有效票 / majority base"
    )
    half_is_enough_satisfied = serializers.BooleanField(
        help_text="满意票恰好半数即为满意 / exactly half 满意 is 满意"
    )
    half_is_enough_basic = serializers.BooleanField(
        help_text="满意加基本满意恰好半数即为基本满意 / exactly half approving is 基本满意"
    )
    pass_rate = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        help_text="满意率标准（%）/ pass rate in percent",
    )
    public_rating = serializers.BooleanField(help_text="开放群众网上评价 / public online rating")
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        help_text="测评渠道：手机 | 纸质（会议签到、计票人录入）| 表决器（会议签到、导入）| 并用 / "
        "electronic | paper (meeting, tellers) | device (meeting, import) | hybrid",
    )


class EvaluationRulesInSerializer(EvaluationRulesSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            f.required = False


class EvaluationProjectSerializer(serializers.ModelSerializer[Candidate]):
    class Meta:
        model = Candidate
        fields = ["id", "sequence", "rank", "name", "category", "summary"]


class EvaluationRoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Round.State.choices)
    opened_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True)
    ballots_cast = serializers.IntegerField(help_text="已测评人数（不含内容）/ ballots cast")
    channel = serializers.ChoiceField(choices=Channel.choices)
    entitled_count = serializers.IntegerField(
        allow_null=True, help_text="开始时冻结的应测评人数 / entitled, frozen at open"
    )
    present_count = serializers.IntegerField(
        allow_null=True, help_text="实到（会议测评：开始时冻结）/ present, frozen at open"
    )
    quorum_count = serializers.IntegerField(
        allow_null=True, help_text="法定人数（会议测评）/ quorum, for a meeting"
    )
    i_voted = serializers.BooleanField(help_text="本人是否已测评 / whether the caller has rated")


class EvaluationOutSerializer(serializers.Serializer):
    cycle_id = serializers.IntegerField()
    year = serializers.IntegerField()
    title = serializers.CharField()
    phase = serializers.ChoiceField(choices=Phase.choices)
    entitled_count = serializers.IntegerField(help_text="全体代表数 / deputies entitled")
    present_count = serializers.IntegerField(
        help_text="测评会议已签到人数 / signed in to the evaluation meeting"
    )
    signed_in = serializers.BooleanField(
        help_text="本人是否已在测评会议签到 / whether the caller signed in"
    )
    rules = EvaluationRulesSerializer()
    rules_fixed_at = serializers.DateTimeField(allow_null=True)
    round = EvaluationRoundSerializer(allow_null=True)
    projects = EvaluationProjectSerializer(many=True)


class PublicRatingCountSerializer(serializers.Serializer):
    satisfied = serializers.IntegerField()
    basic = serializers.IntegerField()
    unsatisfied = serializers.IntegerField()


class EvaluationMarkCountSerializer(PublicRatingCountSerializer):
    abstain = serializers.IntegerField()


class MarkRatesSerializer(serializers.Serializer):
    satisfied = serializers.CharField(allow_null=True)
    basic = serializers.CharField(allow_null=True)
    unsatisfied = serializers.CharField(allow_null=True)
    abstain = serializers.CharField(allow_null=True)


class VerdictBaseSerializer(serializers.Serializer):
    base = serializers.ChoiceField(
        choices=[b.value for b in Base], help_text="结果的基数 / the verdict's base"
    )
    base_count = serializers.IntegerField(help_text="基数人数 / its size")
    rate = serializers.CharField(
        allow_null=True,
        help_text="（满意+基本满意）/ 该基数，百分比 / approving over that base, percent",
    )


class EvaluationResultLineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    rank = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    outcome = serializers.ChoiceField(choices=OUTCOMES)
    counts = EvaluationMarkCountSerializer()
    rate = serializers.CharField(
        allow_null=True,
        help_text="总体满意率（有效票为基数，四舍五入两位）/ over valid ballots, half-up",
    )
    rate_base = serializers.CharField(help_text="满意率的基数：valid 有效票 / the rate's base")
    mark_rates = MarkRatesSerializer(
        allow_null=True, help_text="各项占有效票的比率 / each mark over valid ballots"
    )
    verdict = VerdictBaseSerializer(
        allow_null=True, help_text="测评结果所用基数 / the base the verdict uses"
    )
    public = PublicRatingCountSerializer(
        help_text="群众网上评价，单独统计 / the public's rating, apart"
    )


class EvaluationResultsSerializer(serializers.Serializer):
    entitled_count = serializers.IntegerField()
    present_count = serializers.IntegerField(allow_null=True)
    ballot_count = serializers.IntegerField()
    rules = serializers.DictField()
    projects = EvaluationResultLineSerializer(many=True)


def _cycle(pk: int) -> Cycle:
    return get_object_or_404(cycle_list(), pk=pk)


def _rules(cycle: Cycle) -> dict[str, Any]:
    return {
        "rule_type": cycle.evaluation_rule_type,
        "base": cycle.evaluation_base,
        "half_is_enough_satisfied": cycle.evaluation_half_is_enough_satisfied,
        "half_is_enough_basic": cycle.evaluation_half_is_enough_basic,
        "pass_rate": cycle.evaluation_pass_rate,
        "public_rating": cycle.evaluation_public_rating,
        "channel": cycle.evaluation_channel,
    }


def _state(request: Request, pk: int) -> dict[str, Any]:
    cycle = _cycle(pk)
    round_ = evaluation.evaluation_round(cycle)
    projects = list(
        cycle.candidates.filter(status=Candidate.Status.ADOPTED).order_by("rank", "sequence")
    )
    round_data = None
    user_id = int(request.user.pk) if request.user and request.user.pk else 0
    seat = deputy_of_user(cycle, user_id)
    if round_ is not None:
        voted = rounds_voted_in(seat, [round_])
        round_data = {
            "id": round_.pk,
            "state": round_.state,
            "channel": round_.channel,
            "opened_at": round_.opened_at,
            "closed_at": round_.closed_at,
            "ballots_cast": round_.participations.count(),
            "entitled_count": round_.entitled_count,
            "present_count": round_.present_count,
            "quorum_count": round_.quorum_count,
            "i_voted": round_.pk in voted,
        }
    return {
        "cycle_id": cycle.pk,
        "year": cycle.year,
        "title": cycle.title,
        "phase": cycle.phase,
        "entitled_count": cycle.entitled_count,  # type: ignore[attr-defined]
        "present_count": cycle.attendances.at_evaluation().count(),
        "signed_in": seat is not None
        and cycle.attendances.at_evaluation().filter(deputy=seat).exists(),
        "rules": _rules(cycle),
        "rules_fixed_at": cycle.evaluation_rules_fixed_at,
        "round": round_data,
        "projects": EvaluationProjectSerializer(projects, many=True).data,
    }


# The evaluation's actions answer with its state as the console shows it.
EVALUATION = Action(
    permission=STAFF,
    lookup=lambda request, pk: _cycle(pk),
    output=lambda request, cycle: EvaluationOutSerializer(_state(request, cycle.pk)).data,
    responses=EvaluationOutSerializer,
    keyword="cycle",
)
EvaluationView = EVALUATION.read(
    operation_id="voting_evaluation_get",
    summary="满意度测评：规则、进度与项目 / the evaluation: rules, progress, projects",
    permission=READERS,
)
EvaluationResultsView = EVALUATION.read(
    operation_id="voting_evaluation_results",
    summary="测评结果（测评结束后）/ results, once the evaluation is closed",
    permission=READERS,
    show=lambda request, cycle: _results(cycle),
    answer=EvaluationResultsSerializer,
)


def _open(request: Request, cycle: Cycle, data: dict[str, Any]) -> Cycle:
    evaluation.evaluation_open(cycle=cycle, actor=request.user)
    return cycle


EvaluationRulesView = EVALUATION.step(
    "voting_evaluation_rules",
    "设置测评规则（测评开始前）/ set the evaluation rules (before it opens)",
    evaluation.evaluation_set_rules,
    body=EvaluationRulesInSerializer,
    find_first=True,
)
EvaluationOpenView = EVALUATION.view(
    operation_id="voting_evaluation_open",
    summary="确定规则并开始测评 / fix the rules and open the evaluation",
    run=_open,
    created=True,
)


def _results(cycle: Cycle) -> dict[str, Any]:
    round_ = evaluation.evaluation_round(cycle)
    if round_ is None or round_.state != Round.State.CLOSED:
        raise Conflict("evaluation_not_closed", _("测评结束后才能查看结果。"))
    result = round_.result or {}
    public = account.public_rating_counts(cycle)
    lines = []
    for c in round_.candidates.order_by("rank", "sequence"):
        key = str(c.pk)
        lines.append(
            {
                "id": c.pk,
                "rank": c.rank,
                "name": c.name,
                "outcome": result["outcomes"][key],
                "counts": result["counts"][key],
                "rate": result["rates"][key],
                "rate_base": result.get("rate_base", Base.VALID.value),
                "mark_rates": result.get("mark_rates", {}).get(key),
                "verdict": result.get("verdicts", {}).get(key),
                "public": public.get(c.pk, dict.fromkeys(account.PUBLIC_MARKS, 0)),
            }
        )
    return {
        "entitled_count": round_.entitled_count,
        "present_count": round_.present_count,
        "ballot_count": round_.ballot_count,
        "rules": result["rules"],
        "projects": lines,
    }


def _sign_in(request: Request, cycle: Cycle, data: dict[str, Any]) -> Cycle:
    seat = deputy_of_user(cycle, int(request.user.pk) if request.user.pk else 0)
    if seat is None:
        raise NotAllowed("not_entitled", _("您不是本次测评的代表。"))
    evaluation.evaluation_sign_in(cycle=cycle, deputy=seat, actor=request.user)
    return cycle


def _close(request: Request, cycle: Cycle, data: dict[str, Any]) -> dict[str, Any]:
    round_ = evaluation.evaluation_round(cycle)
    if round_ is None:
        raise Conflict("evaluation_not_open", _("测评尚未开始。"))
    services.round_close(round_id=round_.pk, actor=request.user)
    return _results(cycle)


EvaluationSignInView = EVALUATION.view(
    operation_id="voting_evaluation_sign_in",
    summary="测评会议签到（纸质或表决器测评）/ sign in to the evaluation meeting",
    run=_sign_in,
    permission=DEPUTY,
)
EvaluationCloseView = EVALUATION.view(
    operation_id="voting_evaluation_close",
    summary="结束测评并计票 / close the evaluation and count",
    run=_close,
    answer=EvaluationResultsSerializer,
)
CycleCloseYearView = EVALUATION.step(
    "voting_cycle_close_year",
    "公布明白账、结束本年度 / publish the account as final and close the year",
    evaluation.cycle_close_year,
)


# --- The public account and rating (no login) -----------------------------------------------


class AccountLineSerializer(serializers.Serializer):
    candidate_id = serializers.IntegerField()
    rank = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    category = serializers.CharField(allow_blank=True)
    unit = serializers.CharField(allow_blank=True)
    target = serializers.CharField(allow_blank=True)
    outcome = serializers.CharField(allow_blank=True)
    percent = serializers.IntegerField()
    completed = serializers.BooleanField()
    funds_planned = serializers.DecimalField(max_digits=12, decimal_places=2)
    funds_allocated = serializers.DecimalField(max_digits=12, decimal_places=2)
    funds_spent = serializers.DecimalField(max_digits=12, decimal_places=2)
    result = serializers.ChoiceField(
        choices=OUTCOMES,
        allow_null=True,
        help_text="代表测评结果，测评结束后 / the deputies' result, once closed",
    )
    counts = EvaluationMarkCountSerializer(allow_null=True)
    rate = serializers.CharField(
        allow_null=True, help_text="总体满意率（有效票为基数）/ over valid ballots, half-up"
    )
    rate_base = serializers.CharField(allow_null=True)
    verdict = VerdictBaseSerializer(
        allow_null=True, help_text="测评结果所用基数 / the base the verdict uses"
    )
    public = PublicRatingCountSerializer()


class AccountSerializer(serializers.Serializer):
    congress = serializers.CharField()
    year = serializers.IntegerField()
    title = serializers.CharField()
    evaluated = serializers.BooleanField()
    public_rating_open = serializers.BooleanField()
    funds_planned = serializers.DecimalField(max_digits=14, decimal_places=2)
    funds_allocated = serializers.DecimalField(max_digits=14, decimal_places=2)
    funds_spent = serializers.DecimalField(max_digits=14, decimal_places=2)
    lines = AccountLineSerializer(many=True)
    rated = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="本浏览器已评价的项目 / projects this browser has rated",
    )


def _published_cycle(year: int) -> Cycle:
    return or_404(
        account.published_cycle(year), _("该年度明白账尚未公布。"), code="account_unknown"
    )


def _published(request: Request, year: int) -> tuple[Cycle, documents.Account]:
    cycle = _published_cycle(year)
    return cycle, account.cycle_account(cycle, congress=host_tenant(request).name)


def _rater_token(request: Request) -> str:
    """Who rates, as the server sees it: the client address (through the proxy, like the rate
    limit) and the day. A browser cookie could be dropped at will to rate again; an address
    cannot, so the public rating is one per project per address per day. Only a keyed hash of it
    is stored (`evaluation.rater_key`), never the address."""
    address = PublicRatingThrottle().get_ident(request)
    return f"address:{address}|day:{timezone.localdate().isoformat()}"


class PublicAccountView(PublicView):
    @extend_schema(
        operation_id="public_account",
        responses=AccountSerializer,
        summary="民生实事项目明白账（公开）/ the public account of a year (public)",
    )
    def get(self, request: Request, year: int) -> Response:
        cycle, found = _published(request, year)
        rated = account.candidates_rated_by(cycle, evaluation.rater_key(_rater_token(request)))
        data = AccountSerializer(
            {
                **vars(found),
                "funds_planned": found.funds_planned,
                "funds_allocated": found.funds_allocated,
                "funds_spent": found.funds_spent,
                "rated": rated,
            }
        ).data
        return Response(data)


def _account_pdf(request: Request, year: int) -> HttpResponse:
    _cycle_found, found = _published(request, year)
    content = documents.account_pdf(found, date=timezone.localdate())
    return attachment(content, PDF, f"{year}年民生实事项目明白账.pdf")


PublicAccountPdfView = endpoint(
    Read(
        "public_account_pdf",
        "明白账（PDF，公开）/ the public account as PDF (public)",
        _account_pdf,
        responses=binary(PDF, "明白账 / the public account"),
    ),
    base=PublicDownloadView,
)


class PublicRatingThrottle(SimpleRateThrottle):
    """Per address, like the proposal form: a browser rates all projects in one request."""

    scope = "public_rating"
    rate = "10/hour"

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class AccountRatingInSerializer(serializers.Serializer):
    marks = serializers.DictField(
        child=serializers.ChoiceField(choices=["satisfied", "basic", "unsatisfied"]),
        allow_empty=False,
        help_text="{项目ID: satisfied|basic|unsatisfied} / {project id: mark}",
    )


class AccountRatingOutSerializer(serializers.Serializer):
    rated = serializers.IntegerField(help_text="本次评价的项目数 / projects rated")


class PublicRatingView(PublicView):
    """The public's online rating: one per project per address per day, limited per address.
    It is counted apart and never enters the deputies' result."""

    throttle_classes = [PublicRatingThrottle]

    @extend_schema(
        operation_id="public_rating_submit",
        request=AccountRatingInSerializer,
        responses={201: AccountRatingOutSerializer},
        summary="群众网上评价（公开）/ rate the year's projects (public)",
    )
    def post(self, request: Request, year: int) -> Response:
        data = validated(AccountRatingInSerializer, request)
        cycle = _published_cycle(year)
        rated = evaluation.public_rating_submit(
            cycle=cycle, rater_token=_rater_token(request), marks=data["marks"]
        )
        return Response({"rated": rated}, status=status.HTTP_201_CREATED)
