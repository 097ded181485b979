from rest_framework import serializers

from directory.models import DeputyListing
from ops.privacy import masked_phone
from tenants.deputies.models import Deputy


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
