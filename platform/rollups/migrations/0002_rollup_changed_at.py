import django.db.models.functions.datetime
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rollups", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="rollup",
            name="changed_at",
            field=models.DateTimeField(null=True, verbose_name="数据更新时间"),
        ),
        # Rows computed before: their figures changed no later than they were computed.
        migrations.RunSQL(
            "UPDATE rollups_rollup SET changed_at = computed_at",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="rollup",
            name="changed_at",
            field=models.DateTimeField(
                db_default=django.db.models.functions.datetime.Now(), verbose_name="数据更新时间"
            ),
        ),
    ]
