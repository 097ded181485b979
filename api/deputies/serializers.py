from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from directory.models import DeputyListing
from ops.privacy import masked_phone
from tenants.deputies.models import Deputy, DeputyLevel


class DeputyOutSerializer(serializers.ModelSerializer[Deputy]):
    term_number = serializers.IntegerField(source="term.number")
    phone = serializers.SerializerMethodField(
        help_text="列表中脱敏；工作人员查看详情时完整 / masked in lists, whole for staff in detail"
    )
    linked = serializers.SerializerMethodField(help_text="已关联登录账号 / linked to an account")

    class Meta:
        model = Deputy
        fields = [
            "id",
            "term_number",
            "name",
            "gender",
            "level",
            "constituency",
            "delegation",
            "occupation",
            "phone",
            "status",
            "linked",
        ]

    def get_phone(self, deputy: Deputy) -> str:
        return deputy.phone if self.context.get("unmask") else masked_phone(deputy.phone)

    def get_linked(self, deputy: Deputy) -> bool:
        return deputy.user_id is not None


class RosterQuery(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="姓名、选区、代表团、单位或手机号 / name, constituency, delegation, workplace or phone",
    )
    status = serializers.ChoiceField(
        choices=Deputy.Status.choices, required=False, allow_blank=True, help_text="状态 / status"
    )


class DeputyInSerializer(serializers.Serializer):
    """One deputy's roster entry, as staff add or correct it."""

    name = serializers.CharField(max_length=50, help_text="姓名 / name")
    gender = serializers.ChoiceField(choices=Deputy.Gender.choices, help_text="性别 / gender")
    level = serializers.ChoiceField(choices=DeputyLevel.choices, help_text="代表层级 / level")
    constituency = serializers.CharField(max_length=100, help_text="选区 / constituency")
    delegation = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="代表团/代表小组"
    )
    occupation = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="工作单位及职务"
    )
    phone = serializers.RegexField(
        r"^1\d{10}$",
        required=False,
        allow_blank=True,
        help_text="手机号（11 位）/ mobile phone (11 digits)",
        error_messages={"invalid": _("请填写 11 位手机号。")},
    )


class ImportInSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="代表名册 .xlsx / the roster workbook (.xlsx)")


class ImportProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="Excel 行号 / the row number Excel shows")
    field = serializers.CharField(help_text="列名，空为整行 / the column, empty for the whole row")
    reason = serializers.CharField()


class ImportReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    failed = serializers.IntegerField()
    problems = ImportProblemSerializer(many=True)


class LinkInSerializer(serializers.Serializer):
    login = serializers.CharField(
        max_length=150, help_text="账号名或手机号 / the account's username or phone"
    )


class ListingOutSerializer(serializers.ModelSerializer[DeputyListing]):
    congress_name = serializers.CharField(source="congress.name")
    congress_level = serializers.CharField(source="congress.level")

    class Meta:
        model = DeputyListing
        fields = [
            "id",
            "congress",
            "congress_name",
            "congress_level",
            "deputy_id",
            "term_number",
            "name",
            "level",
            "delegation",
            "serving",
        ]


class TermSessionOutSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="第几次会议 / the session's number")
    opens_on = serializers.DateField(help_text="会议日期 / the day it opens")


class TermOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField(help_text="届次 / the term's number")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    is_current = serializers.BooleanField(help_text="本届（未结束）/ the open term")
    serving_count = serializers.IntegerField(help_text="在任代表数 / serving deputies")
    sessions = TermSessionOutSerializer(many=True)


class TermOpenInSerializer(serializers.Serializer):
    number = serializers.IntegerField(min_value=1, max_value=999, help_text="届次 / term number")
    starts_on = serializers.DateField(help_text="起始日期 / first day")
    ends_on = serializers.DateField(help_text="届满日期 / last day")
    sessions = serializers.ListField(
        child=serializers.DateField(),
        required=False,
        default=list,
        max_length=20,
        help_text="各次会议日期 / the days of its sessions (第1次、第2次…)",
    )
    carry_over = serializers.BooleanField(
        required=False,
        default=False,
        help_text="结转上一届在任代表 / carry the last term's serving deputies over",
    )


class TermSessionInSerializer(serializers.Serializer):
    opens_on = serializers.DateField(help_text="会议日期 / the day it opens")
