"""The point rules and the bands move to the public congresses.ModuleSettings (one row per
congress and module, docs/scaling.md): a schema that has them carries them over, then the two
tables go."""

from django.db import migrations


def _str_or_none(value):
    return None if value is None else str(value)


def carry_over(apps, schema_editor):
    DutySettings = apps.get_model("duty", "DutySettings")
    PointRule = apps.get_model("duty", "PointRule")
    settings = DutySettings.objects.filter(pk=1).first()
    point_rules = {
        rule.kind: {
            "points": str(rule.points),
            "quarter_cap": _str_or_none(rule.quarter_cap),
            "year_cap": _str_or_none(rule.year_cap),
        }
        for rule in PointRule.objects.order_by("kind")
    }
    if settings is None and not point_rules:
        return
    Congress = apps.get_model("congresses", "Congress")
    congress = Congress.objects.filter(schema_name=schema_editor.connection.schema_name).first()
    if congress is None:  # a template or a pooled schema: no congress, no settings of its own
        return
    values = {"point_rules": point_rules}
    if settings is not None:
        values |= {
            "base_score": str(settings.base_score),
            "ceiling": _str_or_none(settings.ceiling),
            "good_from": str(settings.good_from),
            "fair_from": str(settings.fair_from),
            "objection_days": settings.objection_days,
        }
    ModuleSettings = apps.get_model("congresses", "ModuleSettings")
    ModuleSettings.objects.update_or_create(
        congress=congress, module="duty", defaults={"values": values}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("duty", "0003_kind_deliberation"),
        ("congresses", "0006_modulesettings"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="DutySettings"),
        migrations.DeleteModel(name="PointRule"),
    ]
