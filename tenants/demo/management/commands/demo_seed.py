"""Idempotent: creates what is missing of the demo city and leaves the rest as it is."""

from datetime import date, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import membership_grant, user_ensure
from congresses.models import Congress
from congresses.schemas import schema_template_current
from congresses.services import CongressSpec, congress_provision
from filestore.services import file_store
from filestore.storage import storage_ready
from rollups.services import rollup_rebuild_everywhere
from tenants.demo import data
from tenants.demo.activities import seed_activities
from tenants.demo.evaluation import seed_evaluation
from tenants.demo.implementation import seed_implementation
from tenants.demo.opinions import seed_opinions
from tenants.demo.stations import seed_stations
from tenants.demo.supervision import seed_supervision
from tenants.deputies.models import Deputy, Term
from tenants.deputies.selectors import term_current
from tenants.deputies.services import deputy_register, term_open
from tenants.voting.models import Cycle
from tenants.voting.services import candidate_add, cycle_create, cycle_set_rules
from tenants.voting.solicitation import (
    call_publish,
    candidate_from_proposal,
    cycle_advance,
    governance_record,
    proposal_screen,
    proposal_submit,
    proposal_to_reserve,
)

ROSTER_SIZE = {"city": 8, "county": 10, "township": 12}


class Command(BaseCommand):
    help = "Create the demo city: 1 city, 2 counties, 6 townships, staff of each role and deputies."

    def handle(self, *args: Any, **options: Any) -> None:
        password_hash = make_password(data.DEMO_PASSWORD)
        storage_ready()  # the minutes of the demo vote are files
        with transaction.atomic():
            operator = user_ensure(
                username="ops", display_name="平台运维", password_hash=password_hash
            )
            User.objects.filter(pk=operator.pk).update(
                is_platform_operator=True, must_change_password=False
            )
            operator.is_platform_operator = True
        template = schema_template_current()
        for demo in data.CONGRESSES:
            congress = Congress.objects.filter(slug=demo.slug).first()
            if congress is None:
                parent = Congress.objects.get(slug=demo.parent) if demo.parent else None
                congress = congress_provision(
                    spec=CongressSpec(
                        name=demo.name,
                        slug=demo.slug,
                        level=demo.level,
                        division_code=demo.division_code,
                        parent_id=parent.pk if parent else None,
                    ),
                    requested_by=operator,
                    acting_in=None,
                    template=template,
                )
                self.stdout.write(f"provisioned {demo.name} at {demo.slug}.localhost")
            self._seed_staff(congress, demo, operator, password_hash)
            self._seed_roster(congress, demo, operator, password_hash)
            if demo.slug == data.VOTING_DEMO["congress"]:
                self._seed_voting(congress, operator)
            if demo.slug == data.SOLICITING_DEMO["congress"]:
                self._seed_soliciting(congress, operator)
        self._seed_cross_level(operator, password_hash)
        seed_supervision(operator)
        seed_stations(operator)
        seed_opinions(operator)
        seed_activities(operator)
        seed_evaluation(operator)
        seed_implementation(operator)
        User.objects.filter(username__in=self._demo_usernames()).update(must_change_password=False)
        rollup_rebuild_everywhere()  # the city's dashboard: every tenant's figures

    def _demo_usernames(self) -> list[str]:
        names = ["ops"]
        names += [f"{c.slug}-{suffix}" for c in data.CONGRESSES for suffix in data.STAFF]
        names += [f"{c.slug}-deputy" for c in data.CONGRESSES]
        names += [
            f"{c.slug}-d{i:02d}"
            for c in data.CONGRESSES
            if c.level == "township"
            for i in range(1, ROSTER_SIZE["township"])
        ]
        names += [u for u, _n, _r in data.CROSS_LEVEL_DEPUTIES]
        return names

    @transaction.atomic
    def _seed_staff(
        self, congress: Congress, demo: data.DemoCongress, operator: User, pw: str
    ) -> None:
        short = demo.name.removesuffix("人大常委会").removesuffix("人大主席团")
        for suffix, (roles, title) in data.STAFF.items():
            user = user_ensure(
                username=f"{demo.slug}-{suffix}", display_name=f"{short}{title}", password_hash=pw
            )
            if not user.memberships.filter(congress=congress).exists():
                membership_grant(user=user, congress=congress, roles=roles, granted_by=operator)

    def _seed_roster(
        self, congress: Congress, demo: data.DemoCongress, operator: User, pw: str
    ) -> None:
        with tenant_context(congress), transaction.atomic():
            term = term_current() or term_open(
                number=demo.term,
                starts_on=date(2022, 1, 1),
                ends_on=date(2026, 12, 31),
                actor=operator,
            )
            if Deputy.objects.filter(term=term).exists():
                return
            offset = sum(ord(ch) for ch in demo.slug)
            for i in range(ROSTER_SIZE[demo.level]):
                surname = data.SURNAMES[(offset + i * 7) % len(data.SURNAMES)]
                given = data.GIVEN[(offset + i * 3) % len(data.GIVEN)]
                user = None
                # Every township deputy logs in (<slug>-deputy, <slug>-d01...); elsewhere one does.
                if i == 0 or demo.level == "township":
                    user = user_ensure(
                        username=f"{demo.slug}-deputy" if i == 0 else f"{demo.slug}-d{i:02d}",
                        display_name=surname + given,
                        password_hash=pw,
                    )
                    membership_grant(
                        user=user, congress=congress, roles=["deputy"], granted_by=operator
                    )
                deputy_register(
                    term=term,
                    name=surname + given,
                    gender="female" if i % 3 == 1 else "male",
                    level=demo.level,
                    constituency=f"第{i // 2 + 1}选区",
                    delegation=f"第{i % 3 + 1}代表小组",
                    occupation=data.OCCUPATIONS[i % len(data.OCCUPATIONS)],
                    phone=f"139{(offset * 7919 + i * 104729) % 100000000:08d}",
                    actor=operator,
                    user=user,
                )
            if demo.level == "city":
                for _username, name, level in data.HIGHER_LEVEL_DEPUTIES:
                    deputy_register(
                        term=term,
                        name=name,
                        gender="female",
                        level=level,
                        constituency="云溪市代表团",
                        delegation="驻市上级代表",
                        actor=operator,
                    )

    def _seed_voting(self, congress: Congress, operator: User) -> None:
        """Solicitation to deliberation: a call, citizens' proposals (one not taken up, one in the
        reserve), twelve candidates, the consultation and party review with minutes."""
        demo = data.VOTING_DEMO
        with tenant_context(congress), transaction.atomic():
            cycle = _cycle_calling(demo, operator, opened=20, closes=40, min_surplus=2)
            if cycle is None:
                return
            today = timezone.localdate()
            # Four citizens' proposals taken up, one not taken up, one put in the reserve.
            citizens = ("张大伯", "李阿姨", "王老师", "赵村长")
            rows = [
                *(
                    ("citizen", proposal, submitter, "13800000000")
                    for proposal, submitter in zip(demo["candidates"][:4], citizens, strict=True)
                ),
                ("citizen", ("新建镇政府办公楼", "公共设施", None, "办公条件较差。"), "匿名", ""),
                (
                    "village",
                    ("东村文化广场扩建", "科技文化", None, "广场面积不足。"),
                    "东村村委会",
                    "",
                ),
            ]
            *proposals, not_taken, reserved = (
                proposal_submit(
                    cycle=cycle,
                    source=source,
                    title=name,
                    category=category,
                    estimated_cost=cost,
                    description=summary,
                    submitter_name=submitter,
                    submitter_phone=phone,
                    today=today,
                )
                for source, (name, category, cost, summary), submitter, phone in rows
            )
            cycle_advance(cycle=cycle, actor=operator)
            for proposal in proposals:
                proposal_screen(proposal=proposal, accept=True, actor=operator)
                candidate_from_proposal(proposal=proposal, actor=operator)
            proposal_screen(
                proposal=not_taken,
                accept=False,
                exclusion="not_public_benefit",
                actor=operator,
                reason="办公楼建设不属于民生实事项目，按规定不予列入。",
            )
            proposal_to_reserve(
                proposal=reserved, actor=operator, reason="用地尚未落实，转入储备库。"
            )
            for name, category, cost, summary in demo["candidates"][4:]:
                candidate_add(
                    cycle=cycle,
                    name=name,
                    category=category,
                    estimated_cost=cost,
                    summary=summary,
                    actor=operator,
                )
            for kind, days_ago, summary in (
                ("consultation", 10, "镇人大主席团与镇政府会商，同意12个项目作为初步候选项目。"),
                ("party_review", 5, "镇党委会议审定，同意提请镇人代会票决。"),
            ):
                minutes = file_store(
                    uploaded_by=operator, name=f"{summary[:6]}纪要.pdf", data=data.MINUTES_PDF
                )
                governance_record(
                    cycle=cycle,
                    kind=kind,
                    held_on=today - timedelta(days=days_ago),
                    summary=summary,
                    minutes=minutes,
                    actor=operator,
                )
            cycle_advance(cycle=cycle, actor=operator)

    def _seed_soliciting(self, congress: Congress, operator: User) -> None:
        """A cycle still collecting proposals, its call open on the public portal."""
        with tenant_context(congress), transaction.atomic():
            _cycle_calling(data.SOLICITING_DEMO, operator, opened=10, closes=60)

    def _seed_cross_level(self, operator: User, pw: str) -> None:
        for username, name, seats in data.CROSS_LEVEL_DEPUTIES:
            with transaction.atomic():
                user = user_ensure(username=username, display_name=name, password_hash=pw)
            for slug, level in seats:
                congress = Congress.objects.get(slug=slug)
                with tenant_context(congress), transaction.atomic():
                    term = Term.objects.get(is_current=True)
                    if not Deputy.objects.filter(term=term, user=user).exists():
                        deputy_register(
                            term=term,
                            name=name,
                            gender="male",
                            level=level,
                            constituency="第1选区",
                            delegation="第1代表小组",
                            actor=operator,
                            user=user,
                        )
                with transaction.atomic():
                    membership_grant(
                        user=user, congress=congress, roles=["deputy"], granted_by=operator
                    )


def _cycle_calling(
    demo: dict, operator: User, *, opened: int, closes: int, min_surplus: int | None = None
) -> Cycle | None:
    """The demo year's cycle with its call for proposals, opened `opened` days ago and closing
    in `closes`; None when the year has its cycle already."""
    if Cycle.objects.filter(year=demo["year"]).exists():
        return None
    today = timezone.localdate()
    cycle = cycle_create(
        year=demo["year"],
        title=demo["title"],
        term=Term.objects.get(is_current=True),
        actor=operator,
        seats=demo["seats"],
    )
    if min_surplus is not None:
        cycle_set_rules(cycle=cycle, actor=operator, min_surplus=min_surplus)
    call_publish(
        cycle=cycle,
        title=demo["call_title"],
        body=demo["call_body"],
        actor=operator,
        opens_on=today - timedelta(days=opened),
        closes_on=today + timedelta(days=closes),
    )
    return cycle
