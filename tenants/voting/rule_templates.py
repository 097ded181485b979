"""Rule templates from above (实施办法): which template a congress's new cycle starts from, which
fields it locks, where each of a cycle's rules comes from, the dispatches that carry templates
down, and who below uses which, read from the rollups (docs/voting.md, "Rule templates from
above").

Reads and helpers only; the writes are `services.template_issue` and `services.cycle_create`.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congresses.models import Congress, Level, Status
from crossing.models import Dispatch
from crossing.registry import receiver
from crossing.services import dispatch_send
from ops.errors import DomainError
from rollups.selectors import newest_figures

from .models import Cycle, RuleTemplate
from .ruleset import default_rules_json

TEMPLATE_KIND = "voting.rule_template"

# The fields of a rule set a template may lock, in the order the pages show them.
RULE_FIELDS: tuple[str, ...] = tuple(default_rules_json())
FIELD_LABELS = {
    "seats": gettext_lazy("拟票决产生项目数"),
    "list_kind": gettext_lazy("差额或等额"),
    "min_surplus": gettext_lazy("最少差额数"),
    "ballot_form": gettext_lazy("选票形式"),
    "thresholds": gettext_lazy("通过比例"),
    "rank_only": gettext_lazy("按得票排序确定"),
    "quorum": gettext_lazy("法定人数"),
    "shortfall": gettext_lazy("未足额时"),
}
# The nearer a congress above, the deeper its level: a township hears the county before the city.
_NEARNESS: dict[str, int] = {Level.COUNTY: 2, Level.CITY: 1}


def field_label(field: str) -> str:
    return str(FIELD_LABELS.get(field, field))


def templates_own() -> QuerySet[RuleTemplate]:
    return RuleTemplate.objects.filter(issuer_id__isnull=True)


def template_above() -> RuleTemplate | None:
    """The newest template issued by the nearest congress above that issued one."""
    received = list(RuleTemplate.objects.filter(issuer_id__isnull=False))
    if not received:
        return None
    return max(
        received,
        key=lambda t: (_NEARNESS.get(t.issuer_level, 0), t.issued_at, t.pk),
    )


def template_current() -> RuleTemplate | None:
    """The template a new cycle starts from: the congress's own newest, else the nearest above."""
    return templates_own().first() or template_above()


def template_label(template: RuleTemplate) -> str:
    if template.issuer_id is None:
        return _("本级《%(name)s》") % {"name": template.name}
    return _("上级 %(issuer)s《%(name)s》") % {
        "issuer": template.issuer_name,
        "name": template.name,
    }


def template_binding(template: RuleTemplate | None) -> dict[str, Any]:
    """What a cycle started from `template` stores (`Cycle.rules_template`): the template as it is
    now, and the fields locked for the cycle with the values they must keep. One's own template
    locks nothing for oneself; what the congress above locked binds through it (its values are the
    same: `own_template_problem`)."""
    if template is None:
        return {}
    if template.issuer_id is None:
        above = template_above()
        locked = list(above.locked) if above else []
        locked_by = template_label(above) if above else ""
    else:
        locked, locked_by = list(template.locked), template_label(template)
    return {
        "name": template.name,
        "issuer": template.issuer_name,
        "own": template.issuer_id is None,
        "label": template_label(template),
        "rules": template.rules,
        "locked": locked,
        "locked_by": locked_by,
    }


def locked_refusal(field: str, by: str) -> DomainError:
    return DomainError(
        "rule_locked",
        _("“%(field)s”由%(by)s锁定，本级不能更改。") % {"field": field_label(field), "by": by},
        field=field,
    )


def locks_require(binding: dict[str, Any], rules_json: dict[str, Any]) -> None:
    """Refuse (400 `rule_locked`, naming the first field) rules that change a locked field."""
    for field in RULE_FIELDS:
        if field in binding.get("locked", ()) and rules_json[field] != binding["rules"][field]:
            raise locked_refusal(field, binding["locked_by"])


def locked_fields_read(data: Any) -> list[str]:
    """The `locked` of a template as given: a list of rule field names, each at most once."""
    if not isinstance(data, list) or any(f not in RULE_FIELDS for f in data):
        raise DomainError(
            "template_locked_invalid",
            _("锁定的规则项应从以下选择：%(fields)s。") % {"fields": "、".join(RULE_FIELDS)},
            field="locked",
        )
    return [f for f in RULE_FIELDS if f in data]


def own_template_problem(rules_json: dict[str, Any], locked: list[str]) -> DomainError | None:
    """A template of one's own keeps what the congress above locked: the same value, locked."""
    above = template_above()
    if above is None:
        return None
    for field in RULE_FIELDS:
        if field in above.locked and (
            field not in locked or rules_json[field] != above.rules[field]
        ):
            return locked_refusal(field, template_label(above))
    return None


def rules_sources(cycle: Cycle) -> list[dict[str, Any]]:
    """Where each of the cycle's rules comes from: the template it started from (when the value
    is still the template's) or this congress (本级), and whether it is locked."""
    binding = cycle.rules_template or {}
    template_rules = binding.get("rules", {})
    locked = set(binding.get("locked", ()))
    sources = []
    for field in RULE_FIELDS:
        from_template = field in template_rules and template_rules[field] == cycle.rules[field]
        sources.append(
            {
                "field": field,
                "source": "template" if from_template else "own",
                "label": binding["label"] if from_template else _("本级"),
                "locked": field in locked,
                "locked_by": binding.get("locked_by", "") if field in locked else "",
            }
        )
    return sources


# --- crossing: templates down, their use up --------------------------------------------------


def template_send_down(template: RuleTemplate, here: Congress) -> int:
    """Send the template to every active congress below `here`; how many it went to."""
    below = Congress.objects.filter(parent=here) | Congress.objects.filter(parent__parent=here)
    targets = below.filter(status=Status.ACTIVE).exclude(pk=here.pk).order_by("pk")
    payload = {
        "name": template.name,
        "rules": template.rules,
        "locked": template.locked,
        "issuer_level": here.level,
        "issued_at": template.issued_at.isoformat(),
    }
    count = 0
    for target in targets:
        dispatch_send(kind=TEMPLATE_KIND, target=target, origin_ref=template.pk, payload=payload)
        count += 1
    return count


@receiver(TEMPLATE_KIND)
def template_receive(dispatch: Dispatch) -> None:
    """Keep the newest copy of a template from above, by dispatch id."""
    current = RuleTemplate.objects.filter(
        issuer_id=dispatch.origin_id, origin_ref=dispatch.origin_ref
    ).first()
    if current is not None and (current.dispatch_id or 0) > dispatch.pk:
        return
    payload = dispatch.payload
    RuleTemplate.objects.update_or_create(
        issuer_id=dispatch.origin_id,
        origin_ref=dispatch.origin_ref,
        defaults={
            "name": payload["name"],
            "rules": payload["rules"],
            "locked": payload["locked"],
            "issuer_name": dispatch.origin.name,
            "issuer_level": payload["issuer_level"],
            "issued_at": payload["issued_at"],
            "dispatch_id": dispatch.pk,
        },
    )


def template_binding_figures(cycle: Cycle | None) -> dict[str, str | None]:
    """The rollup figures (catalog: `rules_template`, `rules_template_issuer`) that tell the
    congresses above which template the year's cycle started from: its name ("" none) and who
    issued it ("" one's own); None while there is no cycle."""
    if cycle is None:
        return {"rules_template": None, "rules_template_issuer": None}
    binding = cycle.rules_template or {}
    return {
        "rules_template": binding.get("name", ""),
        "rules_template_issuer": "" if binding.get("own") else binding.get("issuer", ""),
    }


def template_uses(here: Congress) -> list[dict[str, Any]]:
    """Every congress below `here` with its newest cycle and the template it started from, as
    its rollups report them (the year's `voting` row). Two queries."""
    below = list(
        (Congress.objects.filter(parent=here) | Congress.objects.filter(parent__parent=here))
        .select_related("parent")
        .order_by("level", "division_code", "pk")
    )
    newest = newest_figures([c.pk for c in below], topic="voting", having="voting_phase")
    rows = []
    for congress in below:
        year, figures = newest.get(congress.pk, (None, {}))
        template = str(figures.get("rules_template") or "")
        issuer = str(figures.get("rules_template_issuer") or "")
        rows.append(
            {
                "congress_id": congress.pk,
                "congress_name": congress.name,
                "level": congress.level,
                "parent_name": congress.parent.name if congress.parent else "",
                "year": year,
                "template_name": template,
                "template_issuer": issuer,
                "own": bool(template) and not issuer,
            }
        )
    return rows
