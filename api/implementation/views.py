"""实施监督 over HTTP: the board and project page for staff and deputies (deputies read only), the
unit's progress reports on its own projects, supervision and the mid-year report. Views translate
HTTP to services; the rules live in tenants/implementation."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from accounts.roles import Role
from accounts.selectors import users_with_role
from api.actions import Action, Read, Write, collection, endpoint
from api.errors import or_404
from api.files.access import Attachments
from api.permissions import STAFF, has_role, host_congress, roles_of, user_id_of
from filestore.models import StoredFile
from ops.errors import DomainError, NotAllowed
from tenants.deputies.models import Deputy
from tenants.implementation import services
from tenants.implementation.models import (
    Inspection,
    MidyearReport,
    Milestone,
    ProgressReport,
    Project,
    Rectification,
    Stage,
    Unit,
)
from tenants.implementation.selectors import (
    project_detail,
    projects_board,
    stages_list,
    supervision_groups,
)
from tenants.voting.models import Cycle
from tenants.voting.reserve import vote_results_hand_over

from . import serializers as s

READERS = has_role(Role.STAFF, Role.DEPUTY, Role.UNIT)
UNIT = has_role(Role.UNIT)
STAFF_OR_UNIT = has_role(Role.STAFF, Role.UNIT)
# A project's record that staff or the project's unit act on.
Record = TypeVar("Record", Milestone, Rectification)


def _unit_only(request: Request) -> bool:
    """A unit account that is neither staff nor deputy sees only its unit's projects."""
    roles = roles_of(request)
    return Role.UNIT in roles and not roles & {Role.STAFF, Role.DEPUTY}


def _readable(request: Request, pk: int) -> Project:
    rows = projects_board(unit_user_id=user_id_of(request) if _unit_only(request) else None)
    return or_404(rows.filter(pk=pk).first(), _("项目不存在。"))


def _report_readable(request: Request, report: ProgressReport) -> bool:
    if not READERS().has_permission(request, None):  # type: ignore[arg-type]
        return False
    unit_user_id = user_id_of(request) if _unit_only(request) else None
    return projects_board(unit_user_id=unit_user_id).filter(pk=report.project_id).exists()


# Progress photos: whoever may open the project's page (a unit, only its own projects).
ATTACHMENTS = [
    Attachments(
        owners=lambda file_id: ProgressReport.objects.filter(photo_ids__contains=[file_id]),
        readable=_report_readable,
    )
]


def _detail(request: Request, pk: int) -> Any:
    project = project_detail(_readable(request, pk).pk)
    assert project is not None
    unit = project.unit
    context = {
        "can_report": Role.UNIT in roles_of(request)
        and unit is not None
        and user_id_of(request) in unit.member_ids,
        "can_edit": Role.STAFF in roles_of(request),
    }
    return s.ProjectDetailSerializer(project, context=context).data


class CycleQuery(serializers.Serializer):
    cycle = serializers.IntegerField(required=False, min_value=1, help_text="年度 / cycle")


def _board(request: Request, params: dict[str, Any]) -> Any:
    rows = projects_board(unit_user_id=user_id_of(request) if _unit_only(request) else None)
    return rows.filter(cycle_id=params["cycle"]) if "cycle" in params else rows


def _hand_over(request: Request, data: dict[str, Any], pk: int) -> Any:
    cycle = get_object_or_404(Cycle, pk=pk)
    # Voting closes the vote; implementation opens the projects on its VoteResultsFinal.
    vote_results_hand_over(cycle=cycle, actor=request.user)
    return s.ProjectRowSerializer(projects_board(cycle=cycle), many=True).data


def _plan(request: Request, data: dict[str, Any], pk: int) -> Any:
    unit_id = data.pop("unit_id", None)
    unit = None
    if unit_id is not None:
        unit = Unit.objects.filter(pk=unit_id).first()
        if unit is None:
            raise DomainError("unit_unknown", _("责任单位不存在。"), field="unit_id")
    change = services.PlanChange(unit=unit, **data)
    services.project_plan(
        project=get_object_or_404(Project, pk=pk), change=change, actor=request.user
    )
    return _detail(request, pk)


def _report(request: Request, data: dict[str, Any], pk: int) -> Any:
    photo_ids = set(data["photo_ids"])
    # Files of this congress only, and uploaded by the reporter.
    photos = list(StoredFile.objects.filter(pk__in=photo_ids, uploaded_by_id=user_id_of(request)))
    if len(photos) != len(photo_ids):
        raise DomainError("photo_unknown", _("照片不存在或不是您上传的。"), field="photo_ids")
    services.progress_report(
        project=get_object_or_404(Project, pk=pk),
        percent=data["percent"],
        text=data["text"],
        photos=photos,
        actor=request.user,
        funds_spent=data.get("funds_spent"),
        overspend_note=data.get("overspend_note", ""),
    )
    return _detail(request, pk)


ProjectListView = endpoint(
    Read(
        "implementation_project_list",
        "项目推进看板 / the project board",
        _board,
        answer=s.ProjectRowSerializer,
        many=True,
        query=CycleQuery,
    ),
    permission=READERS,
)
HandOverView = endpoint(
    Write(
        "implementation_hand_over",
        "转入实施：票决通过的项目生成实施项目，其余建议回到储备库 / move the adopted "
        "projects into implementation, the rest back to the reserve",
        _hand_over,
        responses=s.ProjectRowSerializer(many=True),
        created=True,
    ),
    permission=STAFF,
)
PlanView = endpoint(
    Write(
        "implementation_project_plan",
        "实施方案：责任单位、责任人、目标、资金 / the plan: unit, owner, target, funds",
        _plan,
        body=s.PlanInSerializer,
        responses=s.ProjectDetailSerializer,
    ),
    permission=STAFF,
)
ReportView = endpoint(
    Write(
        "implementation_report_create",
        "报送进展（责任单位）/ report progress (the responsible unit)",
        _report,
        body=s.ReportInSerializer,
        responses=s.ProjectDetailSerializer,
        created=True,
    ),
    permission=UNIT,
)


# Actions on a project; those that add a record to it answer with the record.
PROJECT = Action(
    permission=STAFF,
    lookup=lambda request, pk: get_object_or_404(Project, pk=pk),
    output=lambda request, project: _detail(request, project.pk),
    responses=s.ProjectDetailSerializer,
    keyword="project",
)
ProjectDetailView = PROJECT.read(
    operation_id="implementation_project_get",
    summary="项目详情：节点、阶段、进展、视察、整改 / one project with all its records",
    permission=READERS,
)


def _milestone_add(request: Request, project: Project, data: dict[str, Any]) -> Milestone:
    milestone = services.milestone_add(project=project, actor=request.user, **data)
    milestone.refresh_from_db()
    return milestone


MilestoneListView = PROJECT.view(
    operation_id="implementation_milestone_add",
    summary="增加时间节点 / add a milestone",
    body=s.MilestoneInSerializer,
    run=_milestone_add,
    answer=s.MilestoneSerializer,
    created=True,
)


def _as_reporter(request: Request, project: Project) -> None:
    """Staff, or the unit responsible for `project` (a 403 for another unit)."""
    if Role.STAFF not in roles_of(request):
        services.require_reporter(project, user_id_of(request))


def _reported(model: type[Record]) -> Callable[[Request, int], Record]:
    """The lookup of a project's record that staff or the project's unit act on."""

    def lookup(request: Request, pk: int) -> Record:
        item = get_object_or_404(model.objects.select_related("project__unit"), pk=pk)
        _as_reporter(request, item.project)
        return item

    return lookup


def _milestone_done(request: Request, milestone: Milestone, data: dict[str, Any]) -> Milestone:
    services.milestone_done(milestone=milestone, actor=request.user, **data)
    milestone.refresh_from_db()
    return milestone


MilestoneDoneView = Action(
    permission=STAFF_OR_UNIT,
    lookup=_reported(Milestone),
    responses=s.MilestoneSerializer,
).view(
    operation_id="implementation_milestone_done",
    summary="节点完成 / a milestone done",
    body=s.MilestoneDoneInSerializer,
    run=_milestone_done,
    find_first=True,
)


StageView = PROJECT.step(
    "implementation_stage_set",
    "跨年度项目的年度阶段 / a multi-year stage",
    services.stage_set,
    body=s.StageInSerializer,
    answer=s.StageSerializer,
)


def _groups(request: Request, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "project_id": project.pk,
            "project_name": project.name,
            "cycle_year": project.cycle.year,
            "supervisors": [{"id": d.pk, "name": d.name} for d in deputies],
        }
        for project, deputies in supervision_groups(cycle_id=params.get("cycle"))
    ]


def _stage_remove(request: Request, data: dict[str, Any], pk: int) -> None:
    stage = get_object_or_404(Stage.objects.select_related("project"), pk=pk)
    services.stage_remove(stage=stage, actor=request.user)


def _supervisors(request: Request, data: dict[str, Any], pk: int) -> Any:
    ids = set(data["deputy_ids"])
    deputies = list(Deputy.objects.filter(pk__in=ids))
    if len(deputies) != len(ids):
        raise DomainError("deputy_unknown", _("代表不在本级名册中。"), field="deputy_ids")
    services.supervisors_set(
        project=get_object_or_404(Project, pk=pk), deputies=deputies, actor=request.user
    )
    return _detail(request, pk)


StageListView = endpoint(
    Read(
        "implementation_stage_list",
        "各项目的年度阶段 / the projects' yearly stages",
        lambda request, params: stages_list(cycle_id=params.get("cycle")),
        answer=s.StageRowSerializer,
        many=True,
        query=CycleQuery,
    ),
    permission=STAFF,
)
StageDetailView = endpoint(
    Write(
        "implementation_stage_remove",
        "删除一个年度阶段 / remove a yearly stage",
        _stage_remove,
        method="delete",
    ),
    permission=STAFF,
)
SupervisionGroupListView = endpoint(
    Read(
        "implementation_supervision_group_list",
        "各项目的代表监督小组 / each project's deputy supervision group",
        _groups,
        answer=s.SupervisionGroupSerializer,
        many=True,
        query=CycleQuery,
    ),
    permission=STAFF,
)
SupervisorsView = endpoint(
    Write(
        "implementation_supervisors_set",
        "代表监督小组 / the deputy supervision group",
        _supervisors,
        body=s.SupervisorsInSerializer,
        responses=s.ProjectDetailSerializer,
    ),
    permission=STAFF,
)


def _inspected(request: Request, pk: int) -> Project:
    project = get_object_or_404(Project, pk=pk)
    if (
        Role.STAFF not in roles_of(request)
        and not project.supervisors.filter(user_id=user_id_of(request)).exists()
    ):
        raise NotAllowed("not_supervisor", _("只有该项目监督小组的代表可以记录视察。"))
    return project


InspectionView = endpoint(
    Write(
        "implementation_inspection_record",
        "记录视察督查（工作人员或监督小组代表）/ record an inspection",
        lambda r, project, d: services.inspection_record(project=project, actor=r.user, **d),
        body=s.InspectionInSerializer,
        answer=s.InspectionSerializer,
        created=True,
        find=_inspected,
    ),
    permission=has_role(Role.STAFF, Role.DEPUTY),
)


def _rectification_open(request: Request, project: Project, data: dict[str, Any]) -> Rectification:
    inspection_id = data.pop("inspection_id", None)
    inspection = (
        get_object_or_404(Inspection, pk=inspection_id) if inspection_id is not None else None
    )
    return services.rectification_open(
        project=project, actor=request.user, inspection=inspection, **data
    )


RectificationCloseView = Action(
    permission=STAFF_OR_UNIT,
    lookup=_reported(Rectification),
    responses=s.RectificationSerializer,
    keyword="rectification",
).step(
    "implementation_rectification_close",
    "整改办结 / close a rectification",
    services.rectification_close,
    body=s.RectificationCloseInSerializer,
    find_first=True,
)
RectificationListView = PROJECT.view(
    operation_id="implementation_rectification_open",
    summary="交办整改事项 / open a rectification",
    body=s.RectificationInSerializer,
    run=_rectification_open,
    answer=s.RectificationSerializer,
    created=True,
    find_first=True,
)


def _midyear(pk: int) -> MidyearReport:
    return get_object_or_404(MidyearReport, cycle_id=pk)


MidyearView = endpoint(
    Read(
        "implementation_midyear_get",
        "年中实施情况报告 / the mid-year report",
        lambda request, pk: _midyear(pk),
        answer=s.MidyearSerializer,
    ),
    Write(
        "implementation_midyear_submit",
        "提请主席团（常委会）审议年中报告 / submit the mid-year report",
        lambda r, d, pk: services.midyear_report_submit(
            cycle=get_object_or_404(Cycle, pk=pk), actor=r.user, **d
        ),
        body=s.MidyearInSerializer,
        answer=s.MidyearSerializer,
        created=True,
        permission=STAFF,
    ),
    permission=READERS,
)


MIDYEAR = Action(
    permission=STAFF,
    lookup=lambda request, pk: _midyear(pk),
    responses=s.MidyearSerializer,
    keyword="report",
)


def _midyear_answer(request: Request, report: MidyearReport, data: dict[str, Any]) -> MidyearReport:
    answered_as = Role.STAFF if Role.STAFF in roles_of(request) else Role.UNIT
    return services.midyear_answer(
        report=report, actor=request.user, answered_as=answered_as, **data
    )


MidyearOpinionsView = MIDYEAR.step(
    "implementation_midyear_opinions",
    "审议意见 / the review opinions",
    services.midyear_opinions_record,
    body=s.OpinionsInSerializer,
)
MidyearAnswerView = MIDYEAR.view(
    operation_id="implementation_midyear_answer",
    summary="政府答复审议意见 / the government's answer",
    body=s.MidyearAnswerInSerializer,
    run=_midyear_answer,
    permission=STAFF_OR_UNIT,
)


UnitAccountListView = endpoint(
    Read(
        "implementation_unit_accounts",
        "可设为单位账号的成员 / members holding the unit role",
        lambda r: users_with_role(congress_id=host_congress(r).pk, role=Role.UNIT),
        answer=s.UnitAccountSerializer,
        many=True,
    ),
    permission=STAFF,
)
UnitListView = collection(
    s.UnitSerializer,
    Read(
        "implementation_unit_list",
        "责任单位 / responsible units",
        lambda request: Unit.objects.all(),
    ),
    Write(
        "implementation_unit_create",
        "新增责任单位 / add a unit",
        lambda request, data: services.unit_create(actor=request.user, **data),
        body=s.UnitInSerializer,
        permission=STAFF,
    ),
    permission=READERS,
)
