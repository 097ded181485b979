"""The setup checklist (开通向导) of a freshly provisioned congress: what its first administrator
still has to do before the year can run. Every item's state is read from the congress's own rows
here, each time it is asked for; nothing about the checklist is stored. Reads only."""

from dataclasses import dataclass

from accounts.roles import Role
from accounts.selectors import members_with_role
from congresses.tenant import current_tenant
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import term_current
from tenants.implementation.models import Unit
from tenants.linkage.stations.models import Station
from tenants.voting.models import Cycle

# In the order the work is done: a roster needs a term, accounts need a roster, and a cycle is
# voted by the term's deputies.
SETUP_ITEMS = ("term", "roster", "accounts", "units", "stations", "cycle")
# 三员分立: the first administrator is the system administrator; the other two are other people.
OTHER_ADMIN_ROLES = (Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)


@dataclass(frozen=True)
class SetupItem:
    key: str
    done: bool
    # What there is (terms, deputies, linked deputies, units...) and, where the item is a share
    # of a whole, the whole (serving deputies for accounts); 0 where there is no whole.
    count: int
    total: int = 0


@dataclass(frozen=True)
class SetupChecklist:
    items: tuple[SetupItem, ...]

    @property
    def done_count(self) -> int:
        return sum(item.done for item in self.items)

    @property
    def complete(self) -> bool:
        return self.done_count == len(self.items)


def setup_checklist() -> SetupChecklist:
    """The checklist of the current tenant (runs in a tenant's schema)."""
    congress_id = current_tenant().id
    term = term_current()
    serving = Deputy.objects.filter(term=term, status=Deputy.Status.SERVING) if term else None
    serving_count = serving.count() if serving is not None else 0
    linked = serving.filter(user__isnull=False).count() if serving is not None else 0
    admins_missing = [
        role
        for role in OTHER_ADMIN_ROLES
        if not members_with_role(congress_id=congress_id, role=role).exists()
    ]
    units = Unit.objects.count()
    stations = Station.objects.count()
    cycles = Cycle.objects.count()
    return SetupChecklist(
        items=(
            SetupItem("term", term is not None, 1 if term is not None else 0),
            SetupItem("roster", serving_count > 0, serving_count),
            SetupItem(
                "accounts",
                serving_count > 0 and linked == serving_count and not admins_missing,
                linked,
                serving_count,
            ),
            SetupItem("units", units > 0, units),
            SetupItem("stations", stations > 0, stations),
            SetupItem("cycle", cycles > 0, cycles),
        )
    )
