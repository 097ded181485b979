"""票决 over HTTP: the staff console, the chair's control and the deputy's ballot. Views only
translate HTTP to services and back; every rule lives in tenants/voting."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import get_object_or_404
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.actions import Action, Read, Write, collection, endpoint
from api.errors import or_404
from api.inputs import validated
from api.permissions import DEPUTY, STAFF, has_role, roles_of, user_id_of
from congresses.tenant import require_tenant
from ops.errors import DomainError, NotAllowed
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import term_current
from tenants.voting import devices, paper, services
from tenants.voting.models import Candidate, Cycle, Round, RuleTemplate
from tenants.voting.rule_templates import (
    template_binding,
    template_current,
    template_label,
    template_uses,
)
from tenants.voting.ruleset import rule_set_to_json
from tenants.voting.selectors import (
    cycle_entitled_deputies,
    cycle_list,
    cycle_rules_template,
    deputy_of_user,
    paper_issue_list,
    round_for_display,
    rounds_for_display,
    rounds_voted_in,
)

from . import serializers as s

# Who may read a cycle, its candidates and rounds: tellers count paper ballots against them, the
# implementing unit answers deputies' comments on them.
READERS = has_role(Role.STAFF, Role.DEPUTY, Role.TELLER, Role.UNIT)


def _cycle(pk: int) -> Cycle:
    return get_object_or_404(cycle_list(), pk=pk)


def _my_seat(request: Request, cycle: Cycle) -> Deputy:
    seat = deputy_of_user(cycle, user_id_of(request))
    if seat is None:
        raise NotAllowed("not_entitled", _("您不是本次会议的表决代表。"))
    return seat


def _cycle_create(request: Request, data: dict[str, Any]) -> Cycle:
    term = term_current()
    if term is None:
        raise NotAllowed("no_current_term", _("尚未设置本届代表名册。"))
    rules = data.pop("rules", None)
    rule_set = None if rules is None else services.rule_set_read(rules)
    cycle = services.cycle_create(term=term, actor=request.user, rule_set=rule_set, **data)
    return _cycle(cycle.pk)


def _rules_template(request: Request) -> dict[str, Any]:
    rule_set, from_year, template = cycle_rules_template()
    binding = template_binding(template) or None
    return {"rules": rule_set_to_json(rule_set), "from_year": from_year, "template": binding}


CycleListView = collection(
    s.CycleOutSerializer,
    Read(
        "voting_cycle_list",
        "年度票决 / voting cycles",
        lambda request: cycle_list(),
    ),
    Write(
        "voting_cycle_create",
        "新建年度票决 / create a voting cycle",
        _cycle_create,
        body=s.CycleCreateInSerializer,
        permission=STAFF,
    ),
    permission=READERS,
)
RulesTemplateView = endpoint(
    Read(
        "voting_rules_template",
        "新年度票决的起始规则（沿用上一年度或通行做法）/ the rules a new cycle starts from",
        _rules_template,
        answer=s.RulesTemplateOutSerializer,
    ),
    permission=STAFF,
)


def _template_out(template: RuleTemplate, current: RuleTemplate | None) -> dict[str, Any]:
    return {
        "id": template.pk,
        "name": template.name,
        "rules": template.rules,
        "locked": template.locked,
        "own": template.issuer_id is None,
        "issuer_name": template.issuer_name,
        "label": template_label(template),
        "issued_at": template.issued_at,
        "current": current is not None and current.pk == template.pk,
    }


def _template_issue(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    template = services.template_issue(
        name=data["name"], rules_json=data["rules"], locked=data["locked"], actor=request.user
    )
    return _template_out(template, template_current())


def _templates(request: Request) -> list[dict[str, Any]]:
    current = template_current()
    return [_template_out(t, current) for t in RuleTemplate.objects.all()]


RuleTemplateListView = collection(
    s.RuleTemplateOutSerializer,
    Read(
        "voting_rule_template_list",
        "规则模板（本级制定的和上级下发的）/ rule templates, own and from above",
        _templates,
    ),
    Write(
        "voting_rule_template_issue",
        "制定并向下级下发规则模板 / issue a rule template to the congresses below",
        _template_issue,
        body=s.RuleTemplateInSerializer,
    ),
    permission=STAFF,
)
RuleTemplateUseView = endpoint(
    Read(
        "voting_rule_template_uses",
        "下级各人大使用的规则模板 / which template each congress below uses",
        lambda request: template_uses(require_tenant().congress()),
        answer=s.RuleTemplateUseSerializer,
        many=True,
    ),
    permission=STAFF,
)


# A cycle's actions answer with the cycle as the console lists it.
CYCLE = Action(
    permission=STAFF,
    lookup=lambda request, pk: _cycle(pk),
    output=lambda request, cycle: s.CycleOutSerializer(_cycle(cycle.pk)).data,
    responses=s.CycleOutSerializer,
    keyword="cycle",
)
CycleDetailView = CYCLE.read(
    operation_id="voting_cycle_get", summary="年度票决详情 / one cycle", permission=READERS
)

CycleRulesView = CYCLE.step(
    "voting_cycle_rules",
    "设置票决规则（票决前）/ set the rule set (before voting opens)",
    services.cycle_set_rules,
    body=s.CycleRulesInSerializer,
    find_first=True,
)
CycleOpenVotingView = CYCLE.step(
    "voting_cycle_open_voting",
    "确定规则并进入票决 / fix the rules and open the vote",
    services.cycle_open_voting,
)


CandidateListView = collection(
    s.CandidateOutSerializer,
    Read(
        "voting_candidate_list",
        "候选项目 / candidates",
        lambda request, pk: Candidate.objects.filter(cycle=_cycle(pk)).order_by("sequence"),
    ),
    Write(
        "voting_candidate_add",
        "增加候选项目 / add a candidate",
        lambda r, cycle, d: services.candidate_add(cycle=cycle, actor=r.user, **d),
        body=s.CandidateInSerializer,
        permission=STAFF,
        find=lambda request, pk: _cycle(pk),
    ),
    permission=READERS,
)


def _sign_in(request: Request, cycle: Cycle, data: dict[str, Any]) -> Cycle:
    services.attendance_sign_in(cycle=cycle, deputy=_my_seat(request, cycle), actor=request.user)
    return cycle


SignInView = CYCLE.view(
    operation_id="voting_sign_in",
    summary="代表签到 / sign in to the session",
    run=_sign_in,
    permission=DEPUTY,
)


def _rounds_payload(request: Request, rounds: list[Round]) -> list[dict[str, Any]]:
    if not rounds:
        return []
    seat = deputy_of_user(rounds[0].cycle, user_id_of(request))
    voted = rounds_voted_in(seat, rounds)
    return [dict(s.RoundOutSerializer(r, context={"i_voted": r.pk in voted}).data) for r in rounds]


def _round(pk: int) -> Round:
    return or_404(round_for_display(pk), _("该投票不存在。"), code="round_unknown")


def _round_payload(request: Request, round_id: int) -> dict[str, Any]:
    return _rounds_payload(request, [_round(round_id)])[0]


def _close(request: Request, round_: Round, data: dict[str, Any]) -> Round:
    services.round_close(round_id=round_.pk, actor=request.user)
    return _round(round_.pk)


# A round's state and live count, which the chair's actions answer with.
ROUND = Action(
    permission=STAFF,
    lookup=lambda request, pk: _round(pk),
    output=lambda request, round_: _rounds_payload(request, [round_])[0],
    responses=s.RoundOutSerializer,
)
RoundDetailView = ROUND.read(
    operation_id="voting_round_get",
    summary="投票状态与实时人数（不含内容）/ round state and live count (never content)",
    permission=READERS,
)
RoundCloseView = ROUND.view(
    operation_id="voting_round_close",
    summary="结束投票并计票（主持人）/ close and count (chair)",
    run=_close,
)


def _round_open(request: Request, cycle: Cycle, data: dict[str, Any]) -> dict[str, Any]:
    chosen = None
    if "candidate_ids" in data:
        chosen = list(Candidate.objects.filter(cycle=cycle, pk__in=data["candidate_ids"]))
        if len(chosen) != len(set(data["candidate_ids"])):
            raise DomainError(
                "round_candidates_invalid", _("本轮候选项目无效。"), field="candidate_ids"
            )
    round_ = services.round_open(
        cycle=cycle,
        actor=request.user,
        candidates=chosen,
        seats=data.get("seats"),
        kind=data.get("kind"),
    )
    return _round_payload(request, round_.pk)


RoundListView = endpoint(
    Read(
        "voting_round_list",
        "表决轮次 / rounds of a cycle",
        lambda r, pk: _rounds_payload(r, list(rounds_for_display().filter(cycle=_cycle(pk)))),
        responses=s.RoundOutSerializer(many=True),
    ),
    Write(
        "voting_round_open",
        "开始投票（主持人）/ open a round (chair)",
        _round_open,
        body=s.RoundOpenInSerializer,
        responses=s.RoundOutSerializer,
        created=True,
        permission=STAFF,
        find=lambda request, pk: _cycle(pk),
    ),
    permission=READERS,
)


def _ballot_cast(request: Request, data: dict[str, Any], pk: int) -> dict[str, str]:
    round_ = _round(pk)
    receipt = services.ballot_cast(
        round_id=pk,
        deputy=_my_seat(request, round_.cycle),
        choices=data["choices"],
        actor=request.user,
    )
    return {"receipt": receipt.code}


BallotView = endpoint(
    Write(
        "voting_ballot_cast",
        "投票（无记名）/ cast a secret ballot",
        _ballot_cast,
        body=s.BallotInSerializer,
        responses=s.ReceiptOutSerializer,
        created=True,
    ),
    permission=DEPUTY,
)
ReceiptCheckView = endpoint(
    Write(
        "voting_receipt_check",
        "核验回执：选票是否已计入 / was my ballot counted?",
        lambda r, d, pk: {"counted": services.receipt_check(round_id=pk, code=d["receipt"])},
        body=s.ReceiptCheckInSerializer,
        responses=s.ReceiptCheckOutSerializer,
    ),
    permission=READERS,
)


STAFF_OR_TELLER = has_role(Role.STAFF, Role.TELLER)
TELLER = has_role(Role.TELLER)


def _paper_issue(request: Request, round_: Round, data: dict[str, Any]) -> None:
    deputy = cycle_entitled_deputies(round_.cycle).filter(pk=data["deputy_id"]).first()
    if deputy is None:
        raise NotAllowed("not_entitled", _("您不是本次会议的表决代表。"))
    services.paper_issue(round_id=round_.pk, deputy=deputy, actor=request.user)


def _tally_enter(request: Request, round_: Round, data: dict[str, Any]) -> Any:
    paper.tally_enter(round_id=round_.pk, teller=request.user, **data)
    return paper.tally_state(round_, teller_id=user_id_of(request))


PaperIssueView = endpoint(
    Read(
        "voting_paper_issue_list",
        "发票名单：谁已签到、谁已领票或已投票 / who is present and who already took "
        "part, for issuing paper ballots",
        lambda r, pk: paper_issue_list(_round(pk)).order_by("delegation", "name", "pk"),
        answer=s.PaperIssueEntryOutSerializer,
        many=True,
    ),
    Write(
        "voting_paper_issue",
        "发放纸质选票（记为已参加本轮）/ issue a paper ballot (counts as taking part)",
        _paper_issue,
        body=s.PaperIssueInSerializer,
        created=True,
        find=lambda request, pk: _round(pk),
    ),
    permission=STAFF_OR_TELLER,
)
TallyView = endpoint(
    Read(
        "voting_tally_state",
        "纸质计票录入进度（两人均录入后才显示是否一致）/ the tellers' progress "
        "(agreement shown only once both entered)",
        lambda r, pk: paper.tally_state(_round(pk), teller_id=user_id_of(r)),
        answer=s.TallyOutSerializer,
    ),
    Write(
        "voting_tally_enter",
        "计票人录入纸质选票计票结果（两人分别录入；再次录入为更正，须说明理由）/ "
        "a teller enters the paper count (again: a correction with a reason)",
        _tally_enter,
        body=s.TallyInSerializer,
        answer=s.TallyOutSerializer,
        permission=TELLER,
        find=lambda request, pk: _round(pk),
    ),
    permission=STAFF_OR_TELLER,
)


TallyAgreementView = ROUND.read(
    operation_id="voting_tally_agreement",
    summary="两名计票人结果是否一致（两人均录入后；主持人可见不一致的项目）/ do the two "
    "counts agree (once both entered; the chair sees where they differ)",
    permission=STAFF_OR_TELLER,
    show=lambda r, round_: paper.tally_agreement(round_, chair=Role.STAFF in roles_of(r)),
    answer=s.TallyAgreementOutSerializer,
)


class DeviceImportView(APIView):
    permission_classes = [STAFF]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="voting_device_import",
        request={"multipart/form-data": s.DeviceImportInSerializer},
        responses=s.DeviceImportOutSerializer,
        summary="导入表决器结果（逐行报告）/ import the voting devices' counts (reported per row)",
    )
    def post(self, request: Request, pk: int) -> Response:
        _round(pk)
        upload = validated(s.DeviceImportInSerializer, request)["file"]
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DomainError(
                "device_file_encoding", _("请以 UTF-8 编码的 CSV 文件导入。"), field="file"
            ) from None
        result = devices.device_import(round_id=pk, csv_text=text, actor=request.user)
        return Response({"candidates": len(result.counts)})
