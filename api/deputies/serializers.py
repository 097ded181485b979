from rest_framework import serializers

from ops.privacy import masked_phone
from tenants.deputies.models import Deputy


class DeputyOutSerializer(serializers.ModelSerializer[Deputy]):
    term_number = serializers.IntegerField(source="term.number")
    phone = serializers.SerializerMethodField(
        help_text="按角色脱敏 / masked unless the role needs it"
    )

    class Meta:
        model = Deputy
        fields = [
            "id", "term_number", "name", "gender", "level", "constituency", "delegation",
            "occupation", "phone", "status",
        ]  # fmt: skip

    def get_phone(self, deputy: Deputy) -> str:
        return deputy.phone if self.context.get("unmask") else masked_phone(deputy.phone)
