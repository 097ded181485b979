"""Demo: 云溪市's notice to every township with an attachment, read in two of them, and a
selection of model stations with nominations open and two townships' nominations in."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from congresses.models import Congress, Level
from congresses.selectors import congress_subtree
from supervision import services
from supervision.kinds import kind_spec
from supervision.models import BenchmarkRound, Guidance, Kind
from supervision.services import CriterionSpec
from tenants.demo import data

CITY = "yunxi"
NOTICE_TITLE = "关于开展2026年度代表联络站星级评定工作的通知"
NOTICE_BODY = (
    "各县（区）人大常委会、各乡镇人大主席团：\n"
    "为推进代表联络站规范化建设，市人大常委会决定开展2026年度联络站星级评定。请各乡镇对照"
    "“十有”标准完成自评，于7月31日前报县（区）人大常委会审核。\n"
    "附件：联络站星级评定标准"
)
READERS = ("liutang-staff", "qingshi-staff")
ROUND_TITLE = "2026年度示范代表联络站评选"
NOMINATIONS = (
    ("liutang", "柳塘镇人大代表联络站", "设在镇便民服务中心一楼，每月9日接待选民，四星级联络站。"),
    ("songling", "松岭镇中心联络站", "建立“码上见代表”二维码收集群众意见，办结率九成以上。"),
)


def seed_supervision(operator: User) -> None:
    city = Congress.objects.get(slug=CITY)
    staff = User.objects.get(username=f"{CITY}-staff")
    if not Guidance.objects.filter(issuer=city, title=NOTICE_TITLE).exists():
        _seed_notice(city, staff)
    if not BenchmarkRound.objects.filter(issuer=city, title=ROUND_TITLE).exists():
        _seed_round(city, staff)


def _seed_notice(city: Congress, staff: User) -> None:
    attachment = services.attachment_store(
        owner=city, uploaded_by=staff, name="联络站星级评定标准.pdf", data=data.MINUTES_PDF
    )
    townships = list(congress_subtree(city).filter(level=Level.TOWNSHIP))
    guidance = services.guidance_issue(
        issuer=city,
        actor=staff,
        kind=Guidance.Kind.NOTICE,
        title=NOTICE_TITLE,
        body=NOTICE_BODY,
        reference="云人常〔2026〕12号",
        targets=townships,
        attachment_ids=[attachment.pk],
        now=timezone.now() - timedelta(days=3),
    )
    for username in READERS:
        reader = User.objects.get(username=username)
        congress = Congress.objects.get(slug=username.removesuffix("-staff"))
        services.guidance_read(
            guidance=guidance,
            congress=congress,
            reader=reader,
            now=timezone.now() - timedelta(days=2),
        )


def _seed_round(city: Congress, staff: User) -> None:
    today = timezone.localdate()
    spec = kind_spec(Kind.STATION)
    with transaction.atomic():
        round_ = services.round_create(
            issuer=city,
            actor=staff,
            kind=Kind.STATION,
            title=ROUND_TITLE,
            year=today.year,
            description="按照“自主申报、综合评定、动态管理”的原则，评选示范代表联络站。",
            quota=3,
            per_nominator_quota=1,
            nominations_open_on=today - timedelta(days=5),
            nominations_close_on=today + timedelta(days=25),
            criteria=[
                CriterionSpec(str(c.name), c.weight, c.indicator, c.indicator_full)
                for c in spec.default_criteria
            ],
        )
        services.round_open(round_=round_, actor=staff)
    for slug, name, statement in NOMINATIONS:
        services.nomination_submit(
            round_=round_,
            nominator=Congress.objects.get(slug=slug),
            actor=User.objects.get(username=f"{slug}-staff"),
            nominee_name=name,
            statement=statement,
            declarations=dict.fromkeys(round_.exclusions, False),
            today=today,
        )
