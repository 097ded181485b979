"""A proposal keeps the year it was first proposed in across carry-overs, and one that was a
candidate in an earlier year (not adopted, back from the reserve) may be a candidate again."""

from django.db import migrations, models


def origin_from_cycle(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Before this, a carried-over proposal's first year was not kept: its cycle's is the best
    # known.
    Proposal = apps.get_model("voting", "Proposal")
    Proposal.objects.update(
        origin_year=models.Subquery(
            apps.get_model("voting", "Cycle")
            .objects.filter(pk=models.OuterRef("cycle_id"))
            .values("year")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("voting", "0015_rule_templates")]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="origin_year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="提出年度"),
        ),
        migrations.RunPython(origin_from_cycle, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="proposal",
            name="origin_year",
            field=models.PositiveSmallIntegerField(verbose_name="提出年度"),
        ),
        migrations.AlterField(
            model_name="candidate",
            name="proposal",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="candidates",
                related_query_name="candidate",
                to="voting.proposal",
                verbose_name="来源建议",
            ),
        ),
        migrations.AddConstraint(
            model_name="candidate",
            constraint=models.UniqueConstraint(
                fields=("cycle", "proposal"), name="candidate_from_proposal_once_a_year"
            ),
        ),
    ]
