"""The evaluation meeting's sign-ins join the session's in one Attendance table, told apart by
`meeting` (docs/scaling.md: one table fewer in every schema); the rows carry over."""

from django.db import migrations, models


def carry_over(apps, schema_editor):
    Attendance = apps.get_model("voting", "Attendance")
    EvaluationAttendance = apps.get_model("voting", "EvaluationAttendance")
    Attendance.objects.bulk_create(
        Attendance(cycle_id=row.cycle_id, deputy_id=row.deputy_id, meeting="evaluation")
        for row in EvaluationAttendance.objects.order_by("pk")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('deputies', '0003_term_session'),
        ('voting', '0017_ballot_box'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='attendance',
            name='attendance_once',
        ),
        migrations.AddField(
            model_name='attendance',
            name='meeting',
            field=models.CharField(choices=[('session', '票决会议'), ('evaluation', '满意度测评会议')], default='session', max_length=16),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='attendance',
            constraint=models.UniqueConstraint(fields=('cycle', 'meeting', 'deputy'), name='attendance_once'),
        ),
        migrations.DeleteModel(
            name='EvaluationAttendance',
        ),
    ]
