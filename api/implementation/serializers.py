from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.auth.serializers import AccountBriefSerializer
from filestore.models import StoredFile
from filestore.services import file_download_url
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


def _money(**options: Any) -> serializers.DecimalField:
    """万元, two decimals; the sign is the service's to judge (a named refusal, not a 400)."""
    return serializers.DecimalField(max_digits=12, decimal_places=2, **options)


class UnitSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ["id", "name", "member_ids"]


class UnitAccountSerializer(AccountBriefSerializer):
    pass


# The plan as the board row and the project page both show it.
PLAN_FIELDS = [
    "name",
    "category",
    "unit_id",
    "unit_name",
    "owner_name",
    "annual_target",
    "funds_planned",
    "funds_allocated",
    "funds_spent",
    "overspent",
]


class ProjectRowSerializer(serializers.ModelSerializer[Project]):
    year = serializers.IntegerField(source="cycle.year")
    rank = serializers.IntegerField(source="candidate.rank", allow_null=True)
    unit_name = serializers.CharField(source="unit.name", allow_null=True, default=None)
    overspent = serializers.BooleanField(help_text="支出超过拨付 / spent beyond allocated")
    milestone_count = serializers.IntegerField()
    milestones_red = serializers.IntegerField()
    rectifications_open = serializers.IntegerField()

    class Meta:
        model = Project
        fields = [
            "id",
            "year",
            "rank",
            *PLAN_FIELDS,
            "percent",
            "light",
            "completed_on",
            "milestone_count",
            "milestones_red",
            "rectifications_open",
        ]


class MilestoneSerializer(serializers.ModelSerializer[Milestone]):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "done_on", "light"]


class StageSerializer(serializers.ModelSerializer[Stage]):
    class Meta:
        model = Stage
        fields = ["id", "year", "target", "investment"]


class StageRowSerializer(serializers.ModelSerializer[Stage]):
    project_id = serializers.IntegerField()
    project_name = serializers.CharField(source="project.name")
    cycle_year = serializers.IntegerField(
        source="project.cycle.year", help_text="项目的票决年度 / the project's vote year"
    )

    class Meta:
        model = Stage
        fields = ["id", "project_id", "project_name", "cycle_year", "year", "target", "investment"]


class PhotoSerializer(serializers.ModelSerializer[StoredFile]):
    url = serializers.SerializerMethodField(help_text="限时下载链接 / a short-lived URL")

    class Meta:
        model = StoredFile
        fields = ["id", "name", "url"]

    def get_url(self, stored: StoredFile) -> str:
        return file_download_url(stored=stored)


class ReportSerializer(serializers.ModelSerializer[ProgressReport]):
    photos = PhotoSerializer(many=True)

    class Meta:
        model = ProgressReport
        fields = ["id", "percent", "text", "photos", "reported_at"]


class InspectionSerializer(serializers.ModelSerializer[Inspection]):
    class Meta:
        model = Inspection
        fields = ["id", "held_on", "findings"]


class RectificationSerializer(serializers.ModelSerializer[Rectification]):
    class Meta:
        model = Rectification
        fields = [
            "id",
            "source",
            "inspection_id",
            "reason",
            "owner_name",
            "due_on",
            "closed_on",
            "closing_note",
            "opened_at",
        ]


class SupervisorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class SupervisionGroupSerializer(serializers.Serializer[Any]):
    project_id = serializers.IntegerField()
    project_name = serializers.CharField()
    cycle_year = serializers.IntegerField(help_text="项目的票决年度 / the project's vote year")
    supervisors = SupervisorSerializer(many=True)


class ProjectDetailSerializer(serializers.ModelSerializer[Project]):
    year = serializers.IntegerField(source="cycle.year")
    unit_name = serializers.CharField(source="unit.name", allow_null=True, default=None)
    overspent = serializers.BooleanField()
    milestones = MilestoneSerializer(many=True)
    stages = StageSerializer(many=True)
    reports = ReportSerializer(many=True)
    inspections = InspectionSerializer(many=True)
    rectifications = RectificationSerializer(many=True)
    supervisors = SupervisorSerializer(many=True)
    can_report = serializers.SerializerMethodField(
        help_text="调用者可报送进展 / the caller may report progress"
    )
    can_edit = serializers.SerializerMethodField(
        help_text="调用者可修改实施方案 / the caller may edit the plan"
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "year",
            "cycle_id",
            *PLAN_FIELDS,
            "overspend_note",
            "percent",
            "light",
            "outcome",
            "completed_on",
            "milestones",
            "stages",
            "reports",
            "inspections",
            "rectifications",
            "supervisors",
            "can_report",
            "can_edit",
        ]

    def get_can_report(self, project: Project) -> bool:
        return bool(self.context.get("can_report"))

    def get_can_edit(self, project: Project) -> bool:
        return bool(self.context.get("can_edit"))


class PlanInSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField(required=False)
    owner_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    annual_target = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    outcome = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    funds_planned = _money(required=False)
    funds_allocated = _money(required=False)
    funds_spent = _money(required=False)
    overspend_note = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class ReportInSerializer(serializers.Serializer):
    percent = serializers.IntegerField(help_text="0-100")
    text = serializers.CharField(max_length=5000, label=_("进度说明"))
    photo_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        default=list,
        max_length=20,
        help_text="先上传照片（/files）/ upload the photos first (/files)",
    )
    funds_spent = _money(required=False, allow_null=True)
    overspend_note = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class MilestoneInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    due_on = serializers.DateField()


class MilestoneDoneInSerializer(serializers.Serializer):
    done_on = serializers.DateField()


class StageInSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    target = serializers.CharField(max_length=2000)
    investment = _money()


class SupervisorsInSerializer(serializers.Serializer):
    deputy_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=50)


class InspectionInSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    findings = serializers.CharField(max_length=5000)


class RectificationInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    source = serializers.ChoiceField(choices=Rectification.Source.choices)  # type: ignore[assignment]
    owner_name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True)
    inspection_id = serializers.IntegerField(required=False, allow_null=True)


class RectificationCloseInSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000)


class MidyearSerializer(serializers.ModelSerializer[MidyearReport]):
    class Meta:
        model = MidyearReport
        fields = [
            "id",
            "title",
            "body",
            "heard_on",
            "opinions",
            "opinions_on",
            "answer",
            "answered_on",
        ]


class MidyearInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=20000)
    heard_on = serializers.DateField()


class OpinionsInSerializer(serializers.Serializer):
    opinions = serializers.CharField(max_length=20000)
    on = serializers.DateField()


class MidyearAnswerInSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=20000)
    on = serializers.DateField()


class UnitInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    member_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=50)
