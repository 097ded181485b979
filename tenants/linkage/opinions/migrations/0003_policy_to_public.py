"""The SLA clocks move to the public congresses.ModuleSettings (one row per congress and module,
docs/scaling.md): a schema that has them carries them over, then the table goes."""

from django.db import migrations


def carry_over(apps, schema_editor):
    Policy = apps.get_model("opinions", "Policy")
    policy = Policy.objects.order_by("pk").first()
    if policy is None:
        return
    Congress = apps.get_model("congresses", "Congress")
    congress = Congress.objects.filter(schema_name=schema_editor.connection.schema_name).first()
    if congress is None:  # a template or a pooled schema: no congress, no settings of its own
        return
    values = {
        "answer_months": policy.answer_months,
        "extended_months": policy.extended_months,
        "reanswer_months": policy.reanswer_months,
        "due_soon_days": policy.due_soon_days,
    }
    ModuleSettings = apps.get_model("congresses", "ModuleSettings")
    ModuleSettings.objects.update_or_create(
        congress=congress, module="opinions", defaults={"values": values}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("opinions", "0002_opinion_guest_deputy"),
        ("congresses", "0006_modulesettings"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="Policy"),
    ]
