"""A project's supervisors and a report's photos are kept as arrays of ids on their rows, not in
two tables of pairs in every schema (docs/scaling.md); the pairs carry over, in the order they
were added."""

import django.contrib.postgres.fields
from django.db import migrations, models


def carry_over(apps, schema_editor):
    Project = apps.get_model("implementation", "Project")
    ProgressReport = apps.get_model("implementation", "ProgressReport")
    for model, relation, field, target in (
        (Project, "supervisors", "supervisor_ids", "deputy_id"),
        (ProgressReport, "photos", "photo_ids", "storedfile_id"),
    ):
        through = getattr(model, relation).through
        source = "project_id" if model is Project else "progressreport_id"
        ids = {}
        for row in through.objects.order_by("id").values(source, target):
            ids.setdefault(row[source], []).append(row[target])
        for pk, values in ids.items():
            model.objects.filter(pk=pk).update(**{field: values})


class Migration(migrations.Migration):

    dependencies = [
        ('implementation', '0002_midyearreport_answered_as'),
    ]

    operations = [
        migrations.AddField(
            model_name='progressreport',
            name='photo_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None),
        ),
        migrations.AddField(
            model_name='project',
            name='supervisor_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), blank=True, default=list, size=None, verbose_name='代表监督小组'),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='progressreport',
            name='photos',
        ),
        migrations.RemoveField(
            model_name='project',
            name='supervisors',
        ),
    ]
