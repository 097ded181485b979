from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ops.privacy import masked_phone
from tenants.linkage.stations.models import (
    Assessment,
    ChecklistItem,
    Posting,
    ReceptionDay,
    Resident,
    StaffMember,
    Station,
    Tier,
)


def opinion_url(station_id: int) -> str:
    """Where the station's page sends a constituent with an opinion (the opinions module)."""
    return f"/portal/opinions/new?station={station_id}"


def public_path(station_id: int) -> str:
    return f"/portal/station/{station_id}"


class StationInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    tier = serializers.ChoiceField(choices=Tier.choices)
    parent = serializers.IntegerField(required=False, allow_null=True)  # type: ignore[assignment]
    address = serializers.CharField(max_length=200)
    opening_hours = serializers.CharField(max_length=100, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    introduction = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class StationUpdateSerializer(StationInSerializer):
    name = serializers.CharField(max_length=100, required=False)
    tier = serializers.ChoiceField(choices=Tier.choices, required=False)
    address = serializers.CharField(max_length=200, required=False)


class StationOutSerializer(serializers.ModelSerializer[Station]):
    parent_name = serializers.CharField(source="parent.name", default="", read_only=True)
    resident_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Station
        fields = [
            "id",
            "name",
            "tier",
            "parent",
            "parent_name",
            "address",
            "opening_hours",
            "phone",
            "resident_count",
        ]


class StaffMemberSerializer(serializers.ModelSerializer[StaffMember]):
    class Meta:
        model = StaffMember
        fields = ["name", "duty", "phone"]
        extra_kwargs = {"phone": {"required": False, "allow_blank": True}}


class StaffSetSerializer(serializers.Serializer):
    staff = StaffMemberSerializer(many=True)


class ResidentOutSerializer(serializers.ModelSerializer[Resident]):
    is_guest = serializers.BooleanField(read_only=True)

    class Meta:
        model = Resident
        fields = [
            "id",
            "name",
            "level",
            "home_congress_name",
            "deputy",
            "listing_id",
            "is_guest",
            "assigned_at",
        ]


class ResidentInSerializer(serializers.Serializer):
    deputy = serializers.IntegerField(
        required=False, help_text="本级代表 / a deputy of this roster"
    )
    listing = serializers.IntegerField(
        required=False, help_text="名录中的代表 / a deputy from the directory"
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("deputy" in attrs) == ("listing" in attrs):
            raise serializers.ValidationError("deputy 与 listing 二选一 / one of deputy or listing")
        return attrs


class OnDutySerializer(serializers.ModelSerializer[Resident]):
    class Meta:
        model = Resident
        fields = ["id", "name", "level"]


class ReceivedSerializer(serializers.Serializer):
    resident_id = serializers.IntegerField()
    name = serializers.CharField()


class ReceptionOutSerializer(serializers.ModelSerializer[ReceptionDay]):
    on_duty = OnDutySerializer(many=True, read_only=True)
    received = ReceivedSerializer(many=True, read_only=True)

    class Meta:
        model = ReceptionDay
        fields = [
            "id",
            "date",
            "starts_at",
            "ends_at",
            "topic",
            "on_duty",
            "published_at",
            "held_at",
            "received",
        ]


class ReceptionHoldSerializer(serializers.Serializer):
    absent = serializers.ListField(
        child=serializers.IntegerField(),
        max_length=50,
        required=False,
        default=list,
        help_text="未到场的接待代表（进站编号）/ deputies on duty who did not come (resident ids)",
    )


class ReceptionInSerializer(serializers.Serializer):
    date = serializers.DateField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    topic = serializers.CharField(max_length=200, required=False, allow_blank=True)
    on_duty = serializers.ListField(child=serializers.IntegerField(), min_length=1, max_length=50)


class StationDetailSerializer(StationOutSerializer):
    staff = serializers.SerializerMethodField()
    residents = ResidentOutSerializer(many=True, read_only=True)
    receptions = ReceptionOutSerializer(many=True, read_only=True)
    public_path = serializers.SerializerMethodField()

    class Meta(StationOutSerializer.Meta):
        fields = [
            *StationOutSerializer.Meta.fields,
            "introduction",
            "staff",
            "residents",
            "receptions",
            "public_path",
        ]

    @extend_schema_field(StaffMemberSerializer(many=True))
    def get_staff(self, station: Station) -> list[dict[str, str]]:
        unmask = bool(self.context.get("unmask"))
        return [
            {"name": m.name, "duty": m.duty, "phone": m.phone if unmask else masked_phone(m.phone)}
            for m in station.staff.all()
        ]

    def get_public_path(self, station: Station) -> str:
        return public_path(station.pk)


class StationSettingsSerializer(serializers.Serializer):
    # PUT replaces both.
    notice_days = serializers.IntegerField(
        label=_("接待日提前公告天数"), min_value=0, max_value=32767
    )
    star_thresholds = serializers.ListField(child=serializers.IntegerField(), max_length=5)


class ChecklistItemSerializer(serializers.ModelSerializer[ChecklistItem]):
    class Meta:
        model = ChecklistItem
        fields = ["id", "title", "guidance", "weight", "position", "active"]
        read_only_fields = ["id", "active"]
        extra_kwargs = {"position": {"required": False}, "guidance": {"required": False}}


class ChecklistScoreInSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    score = serializers.IntegerField(min_value=0)


class SelfAssessInSerializer(serializers.Serializer):
    scores = ChecklistScoreInSerializer(many=True)


class ChecklistScoreOutSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    title = serializers.CharField()
    weight = serializers.IntegerField()
    self_score = serializers.IntegerField(allow_null=True)
    review_score = serializers.IntegerField(allow_null=True)


class AssessmentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    year = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Assessment.State.choices)
    self_total = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    review_total = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    stars = serializers.IntegerField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    reviewed_at = serializers.DateTimeField(allow_null=True)
    review_note = serializers.CharField()
    stars_expire_on = serializers.DateField(allow_null=True)
    scores = ChecklistScoreOutSerializer(many=True)


class PostingOutSerializer(serializers.ModelSerializer[Posting]):
    deputy_name = serializers.CharField(source="deputy.name")

    class Meta:
        model = Posting
        fields = [
            "id",
            "deputy",
            "deputy_name",
            "origin_congress_name",
            "station_name",
            "station_tier",
            "station_address",
            "station_opening_hours",
            "active",
            "receptions",
            "updated_at",
        ]


class PublicResidentSerializer(serializers.ModelSerializer[Resident]):
    class Meta:
        model = Resident
        fields = ["name", "level", "home_congress_name"]


class PublicReceptionSerializer(serializers.ModelSerializer[ReceptionDay]):
    on_duty = PublicResidentSerializer(many=True, read_only=True)

    class Meta:
        model = ReceptionDay
        fields = ["id", "date", "starts_at", "ends_at", "topic", "on_duty"]


class PublicStaffSerializer(serializers.ModelSerializer[StaffMember]):
    class Meta:
        model = StaffMember
        fields = ["name", "duty"]


class StationPublicPageSerializer(serializers.ModelSerializer[Station]):
    """The public page: the station's own particulars, who is stationed here and the published
    rota. No personal phone of anyone."""

    staff = PublicStaffSerializer(many=True, read_only=True)
    residents = PublicResidentSerializer(many=True, read_only=True)
    rota = PublicReceptionSerializer(many=True, read_only=True, source="public_rota")
    congress_name = serializers.SerializerMethodField()
    opinion_path = serializers.SerializerMethodField()

    class Meta:
        model = Station
        fields = [
            "id",
            "name",
            "tier",
            "address",
            "opening_hours",
            "phone",
            "introduction",
            "staff",
            "residents",
            "rota",
            "congress_name",
            "opinion_path",
        ]

    def get_congress_name(self, station: Station) -> str:
        return str(self.context.get("congress_name", ""))

    def get_opinion_path(self, station: Station) -> str:
        return opinion_url(station.pk)
