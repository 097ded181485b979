from typing import Any

from django.db import migrations, models
from django.utils import timezone


def published_as_before(apps: Any, schema_editor: Any) -> None:
    """Cycles past the vote were public before publication became a staff act: they stay so."""
    cycle = apps.get_model("voting", "Cycle")
    cycle.objects.filter(phase__in=["implement", "evaluate", "closed"]).update(
        announcement_published_at=timezone.now()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('voting', '0013_round_commitment'),
    ]

    operations = [
        migrations.AddField(
            model_name='cycle',
            name='announcement_published_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='公告发布时间'),
        ),
        migrations.RunPython(published_as_before, migrations.RunPython.noop),
    ]
