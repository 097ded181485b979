"""The stations' settings move to the public congresses.ModuleSettings (one row per congress and
module, docs/scaling.md): a schema that has them carries them over, then the table goes."""

from django.db import migrations


def carry_over(apps, schema_editor):
    StationSettings = apps.get_model("stations", "StationSettings")
    settings = StationSettings.objects.order_by("pk").first()
    if settings is None:
        return
    Congress = apps.get_model("congresses", "Congress")
    congress = Congress.objects.filter(schema_name=schema_editor.connection.schema_name).first()
    if congress is None:  # a template or a pooled schema: no congress, no settings of its own
        return
    values = {"notice_days": settings.notice_days, "star_thresholds": settings.star_thresholds}
    ModuleSettings = apps.get_model("congresses", "ModuleSettings")
    ModuleSettings.objects.update_or_create(
        congress=congress, module="stations", defaults={"values": values}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("stations", "0004_reception_held"),
        ("congresses", "0006_modulesettings"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="StationSettings"),
    ]
