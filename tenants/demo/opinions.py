"""Demo: constituents' opinions at 柳塘镇 in every state of the loop (one overdue, one answered
awaiting the citizen's rating, one reopened after 不满意, one declined as in litigation), and one
escalated to 东湖区, which has assigned it to its own unit."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from tenants.linkage.opinions.models import Opinion
from tenants.linkage.opinions.services import (
    opinion_assign,
    opinion_decline,
    opinion_escalate,
    opinion_rate,
    opinion_receive,
    opinion_reply,
    opinion_start_handling,
)
from tenants.linkage.stations.selectors import station_list

TOWNSHIP, COUNTY = "liutang", "donghu"

# (content, category, citizen, channel)
OPINIONS = (
    ("柳塘村三组路段路灯损坏已有两个月，晚上出行不安全。", "urban_rural", "张大伯", "qr_code"),
    ("建议在镇卫生院增设周末儿科门诊。", "health", "李阿姨", "online"),
    ("柳塘小学门口上下学时段车辆拥堵，希望增派交通协管员。", "transport", "王老师", "reception"),
    ("村里自来水水压偏低，高层住户用水困难。", "urban_rural", "赵师傅", "reception"),
    ("河道沿岸垃圾堆放，夏季异味严重。", "environment", "钱大姐", "online"),
    ("邻里宅基地纠纷，请人大代表帮助解决。", "other", "孙先生", "reception"),
    ("老年食堂菜品单一，希望增加软食。", "social_security", "周奶奶", "reception"),
    ("柳塘大桥桥面开裂，重型货车通行存在安全隐患。", "transport", "吴村长", "qr_code"),
)


def _days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def seed_opinions(operator: User) -> None:
    township = Congress.objects.get(slug=TOWNSHIP)
    unit = User.objects.get(username=f"{TOWNSHIP}-unit")
    county_unit = User.objects.get(username=f"{COUNTY}-unit")
    with tenant_context(township):
        if Opinion.objects.exists():
            return
        station = station_list().order_by("id").first()
        with transaction.atomic():
            made = []
            for days, (content, category, citizen, channel) in zip(
                (2, 5, 130, 40, 70, 20, 60, 15), OPINIONS, strict=True
            ):
                made.append(
                    opinion_receive(
                        channel=channel if station or channel != "qr_code" else "online",
                        content=content,
                        category=category if days != 2 else "",
                        citizen_name=citizen,
                        citizen_phone="13800000000",
                        station=station if channel == "qr_code" else None,
                        actor=operator,
                        now=_days_ago(days),
                    )
                )
            _, _sorted, overdue, answered, closed, declined, reopened, escalated = made
            step: dict[str, Any] = {"actor": operator}
            # 130 days ago, 3 months to answer: overdue.
            opinion_assign(opinion=overdue, unit_user_id=unit.pk, now=_days_ago(128), **step)
            opinion_start_handling(opinion=overdue, staff=True, now=_days_ago(120), **step)
            opinion_assign(opinion=answered, unit_user_id=unit.pk, now=_days_ago(38), **step)
            opinion_reply(
                opinion=answered,
                answer="已协调县自来水公司，本月内在村口加装增压泵。",
                actor=unit,
                staff=False,
                now=_days_ago(3),
            )
            opinion_assign(opinion=closed, unit_name="柳塘镇环卫所", now=_days_ago(68), **step)
            opinion_reply(
                opinion=closed,
                answer="已清理河岸垃圾并设置3处垃圾收集点，每日清运。",
                staff=True,
                now=_days_ago(30),
                **step,
            )
            opinion_rate(opinion=closed, rating="satisfied", now=_days_ago(25))
            opinion_decline(
                opinion=declined,
                kind="litigation",
                reason="该宅基地纠纷已由县人民法院立案审理，请通过诉讼程序解决。",
                now=_days_ago(18),
                **step,
            )
            opinion_assign(opinion=reopened, unit_user_id=unit.pk, now=_days_ago(58), **step)
            opinion_reply(
                opinion=reopened,
                answer="已向食堂转达意见。",
                actor=unit,
                staff=False,
                now=_days_ago(20),
            )
            opinion_rate(
                opinion=reopened,
                rating="dissatisfied",
                comment="只说转达，没有具体措施。",
                now=_days_ago(10),
            )
            opinion_assign(opinion=escalated, unit_user_id=unit.pk, now=_days_ago(14), **step)
            opinion_escalate(
                opinion=escalated,
                note="柳塘大桥属县道桥梁，超出镇职权，请区人大常委会督办。",
                now=_days_ago(12),
                **step,
            )
    dispatch_deliver_pending()
    county = Congress.objects.get(slug=COUNTY)
    with tenant_context(county), transaction.atomic():
        copy = Opinion.objects.filter(origin_id=township.pk).order_by("id").first()
        if copy is not None and copy.status == "sorted":
            opinion_assign(opinion=copy, unit_user_id=county_unit.pk, actor=operator)
    dispatch_deliver_pending()
