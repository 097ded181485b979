from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tenants.linkage.activities.models import KIND_CHOICES, Activity, Invitation, Photo
from tenants.linkage.activities.selectors import sign_in_open
from tenants.linkage.duty.models import DutyEntry, Objection, Publication
from tenants.linkage.duty.models import Kind as DutyKind
from tenants.linkage.duty.rules import Band, quarter_of


class InvitationOutSerializer(serializers.ModelSerializer[Invitation]):
    class Meta:
        model = Invitation
        fields = [
            "id",
            "congress_id",
            "deputy_ref",
            "congress_name",
            "name",
            "level",
            "response",
            "reason",
            "responded_at",
            "signed_in_at",
        ]


class ActivityPhotoOutSerializer(serializers.ModelSerializer[Photo]):
    file_name = serializers.CharField(source="file.name")

    class Meta:
        model = Photo
        fields = ["id", "file_id", "file_name", "caption"]


# What the staff's list and the deputy's phone both show of an activity first.
ACTIVITY_FIELDS = ["id", "kind", "title", "starts_at", "ends_at", "place", "organiser_name"]


class ActivityOutSerializer(serializers.ModelSerializer[Activity]):
    organised_here = serializers.SerializerMethodField()
    sign_in_open = serializers.SerializerMethodField()
    invited = serializers.IntegerField(read_only=True)
    accepted = serializers.IntegerField(read_only=True)
    signed_in = serializers.IntegerField(read_only=True)

    class Meta:
        model = Activity
        fields = [
            *ACTIVITY_FIELDS,
            "organised_here",
            "state",
            "cancel_reason",
            "minutes",
            "outcomes",
            "sign_in_from",
            "sign_in_until",
            "sign_in_open",
            "invited",
            "accepted",
            "signed_in",
        ]

    def get_organised_here(self, activity: Activity) -> bool:
        return not activity.is_copy

    def get_sign_in_open(self, activity: Activity) -> bool:
        return sign_in_open(activity, now=timezone.now())


class ActivityDetailOutSerializer(ActivityOutSerializer):
    internal_notes = serializers.CharField()
    invitations = InvitationOutSerializer(many=True)
    photos = ActivityPhotoOutSerializer(many=True)

    class Meta(ActivityOutSerializer.Meta):
        fields = [*ActivityOutSerializer.Meta.fields, "internal_notes", "invitations", "photos"]


class InviteeInSerializer(serializers.Serializer):
    congress = serializers.IntegerField(min_value=1)
    deputy = serializers.IntegerField(min_value=1)


class ActivityCreateInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=KIND_CHOICES)
    title = serializers.CharField(max_length=200)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200)
    internal_notes = serializers.CharField(
        max_length=5000, required=False, allow_blank=True, default=""
    )
    invitees = serializers.ListField(child=InviteeInSerializer(), allow_empty=False, max_length=500)


class ActivityInviteInSerializer(serializers.Serializer):
    invitees = serializers.ListField(child=InviteeInSerializer(), allow_empty=False, max_length=500)


class ActivityRecordInSerializer(serializers.Serializer):
    minutes = serializers.CharField(max_length=20000, allow_blank=True)
    outcomes = serializers.CharField(max_length=20000, allow_blank=True)


class ActivityCancelInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class ActivitySignInOpenInSerializer(serializers.Serializer):
    minutes = serializers.IntegerField(min_value=5, max_value=24 * 60, default=60)


class ActivitySignInCodeSerializer(serializers.Serializer):
    congress_id = serializers.IntegerField()
    congress_name = serializers.CharField()
    url = serializers.CharField()
    svg = serializers.CharField()


class ActivityPhotoInSerializer(serializers.Serializer):
    file_id = serializers.IntegerField(min_value=1)
    caption = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InviteeCandidateSerializer(serializers.Serializer):
    """A deputy another congress may invite, from the public directory."""

    congress_id = serializers.IntegerField()
    congress_name = serializers.CharField(source="congress.name")
    congress_level = serializers.CharField(source="congress.level")
    deputy_id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.CharField()
    delegation = serializers.CharField()


# The deputy's phone pages.


class MyActivitySerializer(serializers.ModelSerializer[Activity]):
    sign_in_open = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            *ACTIVITY_FIELDS,
            "state",
            "cancel_reason",
            "minutes",
            "outcomes",
            "sign_in_open",
        ]

    def get_sign_in_open(self, activity: Activity) -> bool:
        return sign_in_open(activity, now=timezone.now())


class MyInvitationSerializer(serializers.ModelSerializer[Invitation]):
    activity = MyActivitySerializer()

    class Meta:
        model = Invitation
        fields = ["id", "response", "reason", "responded_at", "signed_in_at", "activity"]


class InvitationRespondInSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class CheckInInSerializer(serializers.Serializer):
    organiser = serializers.IntegerField(min_value=1)
    ref = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=64)


class MyTasksSerializer(serializers.Serializer):
    rsvp = MyInvitationSerializer(many=True)
    sign_in = MyInvitationSerializer(many=True)


# Duty records.


class DutyObjectionOutSerializer(serializers.ModelSerializer[Objection]):
    deputy_name = serializers.CharField(source="entry.deputy.name")
    entry_title = serializers.CharField(source="entry.title")
    entry_kind = serializers.CharField(source="entry.kind")
    occurred_on = serializers.DateField(source="entry.occurred_on")

    class Meta:
        model = Objection
        fields = [
            "id",
            "entry_id",
            "deputy_name",
            "entry_title",
            "entry_kind",
            "occurred_on",
            "reason",
            "state",
            "decision_note",
            "filed_at",
            "decided_at",
        ]


class DutyEntryObjectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Objection.State.choices)
    reason = serializers.CharField()
    decision_note = serializers.CharField()


class DutyEntryOutSerializer(serializers.ModelSerializer[DutyEntry]):
    points = serializers.SerializerMethodField()
    objection = serializers.SerializerMethodField()
    deputy_name = serializers.CharField(source="deputy.name")
    can_object = serializers.SerializerMethodField()

    class Meta:
        model = DutyEntry
        fields = [
            "id",
            "deputy_id",
            "deputy_name",
            "kind",
            "title",
            "source_ref",
            "occurred_on",
            "state",
            "points",
            "objection",
            "can_object",
            "origin_congress_name",
        ]

    def get_can_object(self, entry: DutyEntry) -> bool:
        """Counted, in a published quarter whose objection window is open, none pending."""
        quarter = (entry.occurred_on.year, quarter_of(entry.occurred_on))
        return (
            entry.state == DutyEntry.State.COUNTED
            and quarter in self.context.get("open_quarters", set())
            and not any(o.state == Objection.State.OPEN for o in entry.objections.all())
        )

    def get_points(self, entry: DutyEntry) -> str:
        return str(self.context.get("awarded", {}).get(entry.pk, 0))

    @extend_schema_field(DutyEntryObjectionSerializer(allow_null=True))
    def get_objection(self, entry: DutyEntry) -> dict[str, object] | None:
        objections = list(entry.objections.all())
        if not objections:
            return None
        latest = max(objections, key=lambda o: o.filed_at)
        return {
            "id": latest.pk,
            "state": latest.state,
            "reason": latest.reason,
            "decision_note": latest.decision_note,
        }


class DutyRecordOutSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    deputy_name = serializers.CharField()
    score = serializers.DecimalField(max_digits=6, decimal_places=1)
    band = serializers.ChoiceField(choices=[(b.value, b.value) for b in Band])
    entries = DutyEntryOutSerializer(many=True)
    objection_open = serializers.BooleanField()


class DutyObjectionInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class DutyDecideInSerializer(serializers.Serializer):
    uphold = serializers.BooleanField()
    note = serializers.CharField(max_length=2000)


class DutyEntryInSerializer(serializers.Serializer):
    deputy = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=DutyKind.choices)
    source_ref = serializers.CharField(max_length=100)
    occurred_on = serializers.DateField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class DutyRuleSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DutyKind.choices)
    points = serializers.DecimalField(max_digits=6, decimal_places=1, min_value=-100, max_value=100)
    quarter_cap = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, allow_null=True, required=False
    )
    year_cap = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, allow_null=True, required=False
    )


class DutyRulesSerializer(serializers.Serializer):
    rules = DutyRuleSerializer(many=True)
    base_score = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, max_value=1000
    )
    ceiling = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, max_value=1000, allow_null=True
    )
    good_from = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, max_value=1000
    )
    fair_from = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, max_value=1000
    )
    objection_days = serializers.IntegerField(min_value=1, max_value=60)


class DutyScoreOutSerializer(serializers.Serializer):
    deputy_id = serializers.IntegerField(source="deputy.pk")
    name = serializers.CharField(source="deputy.name")
    level = serializers.CharField(source="deputy.level")
    score = serializers.DecimalField(max_digits=6, decimal_places=1)
    band = serializers.ChoiceField(choices=[(b.value, b.value) for b in Band])
    entries = serializers.IntegerField()


class DutyPublicationSerializer(serializers.ModelSerializer[Publication]):
    class Meta:
        model = Publication
        fields = ["id", "year", "quarter", "published_at", "objection_until"]
        read_only_fields = ["id", "published_at", "objection_until"]


class DutyExchangeCongressSerializer(serializers.Serializer):
    name = serializers.CharField()
    level = serializers.CharField()
    division_code = serializers.CharField()


class DutyExchangePeriodSerializer(serializers.Serializer):
    # "from" is a keyword: the field is declared below under its wire name.
    to = serializers.DateField()


DutyExchangePeriodSerializer._declared_fields["from"] = serializers.DateField()


class DutyExchangeEntrySerializer(serializers.Serializer):
    entry_id = serializers.IntegerField()
    deputy_id = serializers.IntegerField()
    deputy_name = serializers.CharField()
    deputy_level = serializers.CharField()
    kind = serializers.ChoiceField(choices=DutyKind.choices)
    kind_name = serializers.CharField()
    occurred_on = serializers.DateField()
    title = serializers.CharField()
    state = serializers.ChoiceField(choices=DutyEntry.State.choices)
    points = serializers.CharField(help_text='一位小数 / one decimal, e.g. "2.0"')
    origin_congress = serializers.CharField(help_text="履职所在人大 / where the work was done")
    origin_division_code = serializers.CharField()


class DutyExchangeSerializer(serializers.Serializer):
    """履职档案交换格式 (docs/linkage-duty.md)."""

    format = serializers.CharField()
    version = serializers.IntegerField()
    congress = DutyExchangeCongressSerializer()
    period = DutyExchangePeriodSerializer()
    generated_at = serializers.DateTimeField()
    entries = DutyExchangeEntrySerializer(many=True)
