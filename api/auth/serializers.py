from rest_framework import serializers

from accounts.roles import Role
from accounts.rules import TOKEN_MAX_DAYS
from congresses.models import Level


class CongressBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)
    division_code = serializers.CharField()


class MembershipOutSerializer(serializers.Serializer):
    congress = CongressBriefSerializer()
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))


# An account as a list or a session names it (`account_brief`).
class AccountBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()


class UserOutSerializer(AccountBriefSerializer):
    is_platform_operator = serializers.BooleanField()
    must_change_password = serializers.BooleanField()


class SessionOutSerializer(serializers.Serializer):
    user = UserOutSerializer(allow_null=True)
    congress = CongressBriefSerializer(allow_null=True)
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    memberships = MembershipOutSerializer(many=True)
    idle_timeout_seconds = serializers.IntegerField()


class LoginInSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class SwitchInSerializer(serializers.Serializer):
    congress_id = serializers.IntegerField()


class SwitchOutSerializer(serializers.Serializer):
    url = serializers.CharField()


class PasswordChangeInSerializer(serializers.Serializer):
    old_password = serializers.CharField(max_length=128, trim_whitespace=False)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class TokenCreateInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    days = serializers.IntegerField(
        min_value=1,
        max_value=max(TOKEN_MAX_DAYS.values()),
        required=False,
        help_text="有效天数，上限因角色而异（默认 30）/ days valid; the ceiling depends on the role "
        "(default 30)",
    )


class TokenCreateOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    token = serializers.CharField(help_text="只显示一次 / shown once")
    expires_at = serializers.DateTimeField()


class TokenOwnerSerializer(AccountBriefSerializer):
    pass


class TokenOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    prefix = serializers.CharField(
        help_text="令牌开头几位，便于辨认 / the token's first characters"
    )
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)
    user = TokenOwnerSerializer()


class HandoffInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=100, trim_whitespace=True)
