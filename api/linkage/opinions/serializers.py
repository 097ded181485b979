"""Opinions over HTTP: input serializers check shape only (the services check the rules);
output serializers mask personal data for whoever does not need it."""

from typing import Any

from rest_framework import serializers

from ops.privacy import masked_phone
from tenants.linkage.opinions import rules
from tenants.linkage.opinions.models import Category, DeclineKind, Event, Opinion, Rating, Status
from tenants.linkage.opinions.selectors import Clock
from tenants.linkage.opinions.states import allowed_actions

PHONE = r"^1\d{10}$"


def _optional_choice(choices: Any) -> serializers.ChoiceField:
    """A read-only choice that may still be unset (""): declared so the schema's enum allows the
    blank the model stores (a read-only model field drops allow_blank, and the schema with it)."""
    return serializers.ChoiceField(choices=choices, allow_blank=True, read_only=True)


class OpinionRowSerializer(serializers.ModelSerializer[Opinion]):
    """A row of the console's list: the citizen's name and phone masked."""

    category = _optional_choice(Category.choices)
    # Blank until the opinion is escalated and the parent reports back.
    upstream_status = _optional_choice(Status.choices)

    citizen_name = serializers.SerializerMethodField(help_text="脱敏 / masked")
    citizen_phone = serializers.SerializerMethodField(help_text="脱敏 / masked")
    station_name = serializers.SerializerMethodField()
    deputy_name = serializers.SerializerMethodField()
    deputy_congress_name = serializers.CharField(
        source="guest_congress_name",
        read_only=True,
        help_text="进站的其他人大代表所属人大（本级代表为空）/ a posted deputy's own congress",
    )
    clock = serializers.SerializerMethodField(help_text="running | due_soon | overdue | stopped")
    days_left = serializers.SerializerMethodField(allow_null=True)

    class Meta:
        model = Opinion
        fields = [
            "id",
            "tracking_code",
            "status",
            "channel",
            "category",
            "content",
            "citizen_name",
            "citizen_phone",
            "station_name",
            "deputy_name",
            "deputy_congress_name",
            "unit_name",
            "assigned_on",
            "due_on",
            "extended",
            "round",
            "clock",
            "days_left",
            "escalated_to_name",
            "upstream_status",
            "origin_name",
            "received_at",
        ]
        read_only_fields = fields

    def _clock(self, opinion: Opinion) -> Clock:
        clock: Clock = self.context["clock"](opinion)
        return clock

    def get_citizen_name(self, opinion: Opinion) -> str:
        return rules.masked_name(opinion.citizen_name)

    def get_citizen_phone(self, opinion: Opinion) -> str:
        return masked_phone(opinion.citizen_phone)

    def get_station_name(self, opinion: Opinion) -> str:
        return opinion.station.name if opinion.station else ""

    def get_deputy_name(self, opinion: Opinion) -> str:
        return opinion.deputy.name if opinion.deputy else opinion.guest_name

    def get_clock(self, opinion: Opinion) -> str:
        return self._clock(opinion).state

    def get_days_left(self, opinion: Opinion) -> int | None:
        return self._clock(opinion).days_left


class OpinionEventSerializer(serializers.ModelSerializer[Event]):
    class Meta:
        model = Event
        fields = ["id", "at", "action", "status", "actor_label", "note", "public"]
        read_only_fields = fields


class OpinionDetailSerializer(OpinionRowSerializer):
    """One opinion with its timeline. Staff read the citizen's name and phone in full (they
    call the citizen back); a unit reads them masked."""

    rating = _optional_choice(Rating.choices)
    decline_kind = _optional_choice(DeclineKind.choices)

    events = OpinionEventSerializer(many=True, read_only=True)
    actions = serializers.SerializerMethodField(
        help_text="当前可进行的操作 / what staff may do now"
    )
    origin_chain = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(OpinionRowSerializer.Meta):
        fields = [
            *OpinionRowSerializer.Meta.fields,
            "extension_reason",
            "answer",
            "answered_by",
            "answered_on",
            "rating",
            "rating_comment",
            "decline_kind",
            "decline_reason",
            "escalation_note",
            "escalated_at",
            "origin_chain",
            "events",
            "actions",
        ]
        read_only_fields = fields

    def get_citizen_name(self, opinion: Opinion) -> str:
        if self.context.get("full_contact"):
            return opinion.citizen_name
        return super().get_citizen_name(opinion)

    def get_citizen_phone(self, opinion: Opinion) -> str:
        if self.context.get("full_contact"):
            return opinion.citizen_phone
        return super().get_citizen_phone(opinion)

    def get_actions(self, opinion: Opinion) -> list[str]:
        return allowed_actions(opinion) if self.context.get("full_contact") else []


class OpinionMineSerializer(serializers.ModelSerializer[Opinion]):
    """An opinion as the deputy who received it follows it: no contact data of the citizen."""

    category = _optional_choice(Category.choices)
    rating = _optional_choice(Rating.choices)

    station_name = serializers.SerializerMethodField()
    can_dissent = serializers.SerializerMethodField(
        help_text="答复后代表可提出不满意 / answered: the deputy may ask for a new answer"
    )

    class Meta:
        model = Opinion
        fields = [
            "id",
            "status",
            "category",
            "content",
            "station_name",
            "unit_name",
            "due_on",
            "answer",
            "answered_on",
            "rating",
            "received_at",
            "can_dissent",
        ]
        read_only_fields = fields

    def get_station_name(self, opinion: Opinion) -> str:
        return opinion.station.name if opinion.station else ""

    def get_can_dissent(self, opinion: Opinion) -> bool:
        return opinion.status == Status.REPLIED


class OpinionCollectInSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=5000)
    citizen_name = serializers.CharField(max_length=50, help_text="反映人 / the constituent")
    citizen_phone = serializers.RegexField(PHONE, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(
        choices=Category.choices, required=False, allow_blank=True, default=""
    )
    station_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="收集意见的联络站（须是本人进站的）/ the station it was collected at (one the "
        "deputy is stationed at)",
    )


class OpinionReceptionInSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=5000)
    citizen_name = serializers.CharField(max_length=50)
    citizen_phone = serializers.RegexField(PHONE, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(
        choices=Category.choices, required=False, allow_blank=True, default=""
    )
    deputy_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="接待代表 / the deputy on duty"
    )
    listing_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="进站的其他人大代表（名录编号，须同时注明联络站）/ a deputy of another congress "
        "posted at the station (directory listing id; needs station_id)",
    )
    station_id = serializers.IntegerField(required=False, allow_null=True, default=None)


class OpinionSortInSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)


class OpinionAssignInSerializer(serializers.Serializer):
    unit_user_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="承办单位账号 / a unit's account"
    )
    unit_name = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="无账号的承办单位名称 / a unit without an account",
    )
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


class OpinionAnswerInSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=5000)


class OpinionReasonInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class OpinionDeclineInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DeclineKind.choices)
    reason = serializers.CharField(max_length=2000)


class OpinionEscalateInSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000)


class OpinionDeputyFeedbackInSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=2000)


class OpinionUnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class OpinionPolicySerializer(serializers.Serializer):
    answer_months = serializers.IntegerField(min_value=1, max_value=12)
    extended_months = serializers.IntegerField(min_value=1, max_value=24)
    reanswer_months = serializers.IntegerField(min_value=1, max_value=6)
    due_soon_days = serializers.IntegerField(min_value=0, max_value=60)


# --- Public portal ------------------------------------------------------------------------


class PublicOpinionInSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=2000)
    citizen_name = serializers.CharField(max_length=50)
    citizen_phone = serializers.RegexField(PHONE, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(
        choices=Category.choices, required=False, allow_blank=True, default=""
    )
    station = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="扫联络站二维码提交时的联络站 / the station whose QR code was scanned",
    )


class PublicOpinionCreatedSerializer(serializers.Serializer):
    tracking_code = serializers.CharField(
        help_text="凭此查询办理进展 / keep it to follow the opinion"
    )


class PublicTimelineSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = serializers.CharField()
    note = serializers.CharField(allow_blank=True)


class PublicOpinionSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    content = serializers.CharField()
    category = serializers.CharField(allow_blank=True)
    channel = serializers.CharField()
    station = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = serializers.CharField()
    received_on = serializers.DateField()
    handled_by = serializers.CharField(allow_blank=True)
    escalated_to = serializers.CharField(allow_blank=True)
    upstream_status = serializers.CharField(allow_blank=True)
    where = serializers.CharField(allow_blank=True, help_text="上报后的办理情况 / escalated: where")
    due_on = serializers.DateField(allow_null=True)
    answer = serializers.CharField(allow_blank=True)
    answered_by = serializers.CharField(allow_blank=True)
    answered_on = serializers.DateField(allow_null=True)
    rating = serializers.CharField(allow_blank=True)
    can_rate = serializers.BooleanField()
    decline_reason = serializers.CharField(allow_blank=True)
    timeline = PublicTimelineSerializer(many=True)


class PublicRatingInSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class PublicStationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    address = serializers.CharField()
