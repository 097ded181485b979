from rest_framework import serializers

from congresses.models import Congress, Level, ProvisioningJob


class CongressOutSerializer(serializers.ModelSerializer[Congress]):
    parent_id = serializers.IntegerField(allow_null=True)
    parent_name = serializers.CharField(source="parent.name", allow_null=True, default=None)
    domain = serializers.SerializerMethodField()

    class Meta:
        model = Congress
        fields = [
            "id",
            "name",
            "slug",
            "level",
            "parent_id",
            "parent_name",
            "division_code",
            "status",
            "domain",
            "created_at",
        ]

    def get_domain(self, congress: Congress) -> str:
        return next((d.domain for d in congress.domains.all() if d.is_primary), "")


class CongressProvisionInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text="中文名称 / Chinese name")
    slug = serializers.CharField(max_length=40, help_text="域名标识 / subdomain, e.g. qingshi")
    level = serializers.ChoiceField(choices=Level.choices)
    parent_id = serializers.IntegerField(required=False, allow_null=True, default=None)
    division_code = serializers.CharField(max_length=12)
    admin_username = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default=""
    )
    admin_display_name = serializers.CharField(
        max_length=50, required=False, allow_blank=True, default=""
    )
    admin_password = serializers.CharField(
        max_length=128,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        write_only=True,
    )


class ProvisioningJobOutSerializer(serializers.ModelSerializer[ProvisioningJob]):
    slug = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()

    class Meta:
        model = ProvisioningJob
        fields = [
            "id",
            "state",
            "step",
            "progress",
            "error_code",
            "error",
            "congress",
            "slug",
            "name",
            "created_at",
            "finished_at",
        ]

    def get_slug(self, job: ProvisioningJob) -> str:
        return str(job.spec.get("slug", ""))

    def get_name(self, job: ProvisioningJob) -> str:
        return str(job.spec.get("name", ""))


class DeadDispatchSerializer(serializers.Serializer):
    """A dispatch given up after its attempts (crossing.services.MAX_ATTEMPTS)."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    origin = serializers.CharField(source="origin.name")
    target = serializers.CharField(source="target.name")
    origin_ref = serializers.CharField()
    created_at = serializers.DateTimeField()
    dead_at = serializers.DateTimeField()
    attempts = serializers.IntegerField()
    last_error = serializers.CharField()
