"""Demo: 东湖区 organises a joint inspection of rural drinking water with deputies of the city
(云溪市), the district and two of its townships (青石镇, 柳塘镇), two days ahead; deputies have
a few duty entries so the record pages show points and bands."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from congresses.tenant import Tenant
from crossing.services import dispatch_deliver_pending
from tenants.deputies.models import Deputy
from tenants.linkage.activities.models import Activity
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import activity_create
from tenants.linkage.duty.services import duty_entry_record

ORGANISER = "donghu"
TITLE = "东湖区农村饮用水安全联合视察"
# (congress slug, usernames of the deputies invited there)
INVITED = (
    ("yunxi", ["zhangzhiqiang"]),
    ("donghu", ["donghu-deputy", "wangjianguo"]),
    ("qingshi", ["qingshi-deputy", "qingshi-d01"]),
    ("liutang", ["liutang-deputy"]),
)
SUGGESTIONS = (
    ("qingshi", "qingshi-deputy", "青石镇2026-建议-03", "关于加快农村饮用水管网改造的建议"),
    ("liutang", "liutang-deputy", "柳塘镇2026-建议-05", "关于增设集镇公共停车位的建议"),
)


def _picks() -> list[tuple[int, int]]:
    picks = []
    for slug, usernames in INVITED:
        congress = Congress.objects.get(slug=slug)
        with tenant_context(congress):
            for deputy in Deputy.objects.filter(
                user__username__in=usernames, term__is_current=True
            ):
                picks.append((congress.pk, deputy.pk))
    return picks


def seed_activities(operator: User) -> None:
    organiser = Congress.objects.get(slug=ORGANISER)
    with tenant_context(organiser):
        if Activity.objects.filter(title=TITLE, is_copy=False).exists():
            return
    picks = _picks()
    starts = (timezone.localtime() + timedelta(days=2)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    with tenant_context(organiser), transaction.atomic():
        activity_create(
            tenant=Tenant.of(organiser),
            kind="inspection",
            title=TITLE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            place="东湖区水务局三楼会议室（集合后乘车前往各水厂）",
            internal_notes="车辆2台；午餐在青石镇食堂；区委领导视情况到场。",
            invitees=invitees_from_directory(organiser=organiser, picks=picks),
            actor=operator,
        )
    for slug, username, ref, title in SUGGESTIONS:
        with tenant_context(Congress.objects.get(slug=slug)), transaction.atomic():
            deputy = Deputy.objects.get(user__username=username, term__is_current=True)
            duty_entry_record(
                deputy=deputy,
                kind="suggestion",
                source_ref=ref,
                title=title,
                occurred_on=timezone.localdate() - timedelta(days=20),
                actor=operator,
            )
    # The invitations reach every township now, not at the next sweep.
    dispatch_deliver_pending()
