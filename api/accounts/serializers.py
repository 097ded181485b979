from rest_framework import serializers

from accounts.roles import Role

ROLES_HELP = "角色代码 / role codes: " + ", ".join(Role.values)


class RoleListField(serializers.ListField):
    """Role codes, checked by the service (an unknown one is refused naming it)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            child=serializers.CharField(max_length=32),
            max_length=len(Role.values),
            help_text=ROLES_HELP,
            **kwargs,  # type: ignore[arg-type]
        )


class MemberOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="成员资格编号 / membership id")
    user_id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    is_active = serializers.BooleanField(help_text="本单位是否启用 / active in this congress")
    must_change_password = serializers.BooleanField(
        help_text="尚未修改初始密码 / the one-time password is still unchanged"
    )
    last_login = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class AccountCreateInSerializer(serializers.Serializer):
    # Blank ones reach the service, whose refusal names the field and says what it wants.
    username = serializers.CharField(max_length=150, allow_blank=True)
    display_name = serializers.CharField(max_length=100, allow_blank=True)
    roles = RoleListField()


class RolesChangeInSerializer(serializers.Serializer):
    grant = RoleListField(required=False, default=list)
    revoke = RoleListField(required=False, default=list)


class IssuedOutSerializer(serializers.Serializer):
    members = MemberOutSerializer(many=True)
    slips_pdf = serializers.CharField(
        help_text="账号通知单 PDF（Base64），仅此一次 / the slips' PDF, base64, shown this once"
    )
    slips_filename = serializers.CharField()
