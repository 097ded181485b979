"""The vote's rule set stored whole: `Cycle.rules` (JSON through tenants/voting/ruleset.py)
replaces the columns seats, min_surplus, ballot_form, threshold_base, quorum_numerator,
quorum_denominator and shortfall. Each cycle's rules are converted as they were: a single
threshold of more than half over its base, a 差额 list with its surplus, an "at least" quorum."""

from typing import Any

from django.db import migrations, models

import tenants.voting.ruleset


def columns_to_rules(apps: Any, schema_editor: Any) -> None:
    Cycle = apps.get_model("voting", "Cycle")
    for cycle in Cycle.objects.all():
        cycle.rules = {
            "seats": cycle.seats,
            "list_kind": "competitive",
            "min_surplus": cycle.min_surplus,
            "ballot_form": cycle.ballot_form,
            "thresholds": [
                {
                    "numerator": 1,
                    "denominator": 2,
                    "comparison": "more_than",
                    "base": cycle.threshold_base,
                }
            ],
            "rank_only": False,
            "quorum": {
                "numerator": cycle.quorum_numerator,
                "denominator": cycle.quorum_denominator,
                "comparison": "at_least",
            },
            "shortfall": cycle.shortfall,
        }
        cycle.save(update_fields=["rules"])


def rules_to_columns(apps: Any, schema_editor: Any) -> None:
    Cycle = apps.get_model("voting", "Cycle")
    for cycle in Cycle.objects.all():
        rules = cycle.rules
        first = (rules.get("thresholds") or [{"base": "entitled"}])[0]
        cycle.seats = rules["seats"]
        cycle.min_surplus = max(1, rules["min_surplus"])
        cycle.ballot_form = rules["ballot_form"] if rules["ballot_form"] != "ranked" else "choose_n"
        cycle.threshold_base = first["base"]
        cycle.quorum_numerator = rules["quorum"]["numerator"]
        cycle.quorum_denominator = rules["quorum"]["denominator"]
        cycle.shortfall = rules["shortfall"]
        cycle.save()


class Migration(migrations.Migration):
    dependencies = [("voting", "0010_cycle_phase_entered_on")]

    operations = [
        migrations.AddField(
            model_name="cycle",
            name="rules",
            field=models.JSONField(
                default=tenants.voting.ruleset.default_rules_json, verbose_name="票决规则"
            ),
        ),
        migrations.RunPython(columns_to_rules, rules_to_columns),
        migrations.RemoveConstraint(
            model_name="cycle", name="cycle_quorum_a_share_of_the_deputies"
        ),
        migrations.RemoveConstraint(model_name="cycle", name="cycle_seats_at_least_one"),
        migrations.RemoveConstraint(model_name="cycle", name="cycle_surplus_at_least_one"),
        migrations.RemoveField(model_name="cycle", name="ballot_form"),
        migrations.RemoveField(model_name="cycle", name="min_surplus"),
        migrations.RemoveField(model_name="cycle", name="quorum_denominator"),
        migrations.RemoveField(model_name="cycle", name="quorum_numerator"),
        migrations.RemoveField(model_name="cycle", name="seats"),
        migrations.RemoveField(model_name="cycle", name="shortfall"),
        migrations.RemoveField(model_name="cycle", name="threshold_base"),
        migrations.AddConstraint(
            model_name="cycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("rules__seats__gte", 1)),
                name="cycle_rules_seats_at_least_one",
            ),
        ),
        migrations.AddConstraint(
            model_name="cycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("rules__quorum__numerator__gte", 1)),
                name="cycle_rules_quorum_above_nobody",
            ),
        ),
    ]
