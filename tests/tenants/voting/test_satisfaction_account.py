"""明白账: what it reads from implementation and the evaluation, and its PDF in Chinese."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings

from congresses.models import Congress
from tenants.implementation.models import Project
from tenants.implementation.services import PlanChange, project_plan, stage_set
from tenants.reporting import account
from tenants.voting import documents as d
from tenants.voting.evaluation import evaluation_open, evaluation_set_rules, public_rating_submit
from tenants.voting.models import Cycle
from tenants.voting.services import ballot_cast, round_close
from tests.factories import pdf_text

from .factories import make_implementing, marks


def test_the_account_reads_money_and_targets_and_keeps_the_public_apart(town: Congress) -> None:
    setup = make_implementing(deputies=4, year=2027)
    first, second = (Project.objects.get(candidate=c) for c in setup.candidates)
    project_plan(
        project=first,
        change=PlanChange(
            annual_target="更新设备6台。",
            funds_planned=Decimal(180),
            funds_allocated=Decimal(120),
            funds_spent=Decimal("99.5"),
        ),
        actor=None,
    )
    # A multi-year project is rated on this year's stage.
    stage_set(
        project=second, year=2027, target="铺设主管网2公里。", investment=Decimal(200), actor=None
    )
    stage_set(project=second, year=2028, target="完成接户。", investment=Decimal(100), actor=None)
    evaluation_set_rules(cycle=setup.cycle, actor=None, public_rating=True)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    public_rating_submit(
        cycle=setup.cycle,
        rater_token="a-browser-token-1234",
        marks={str(setup.candidates[1].pk): "basic"},
    )

    before = account.cycle_account(Cycle.objects.get(pk=setup.cycle.pk), congress="甲镇人大主席团")
    for deputy in setup.deputies:
        ballot_cast(
            round_id=round_.pk,
            deputy=deputy,
            choices=marks(setup, "satisfied", "unsatisfied"),
            actor=None,
        )
    round_close(round_id=round_.pk, actor=None)
    after = account.cycle_account(Cycle.objects.get(pk=setup.cycle.pk), congress="甲镇人大主席团")

    assert before.evaluated is False and before.public_rating_open is True
    assert [line.result for line in before.lines] == [None, None]
    one, two = after.lines
    assert (one.target, one.funds_allocated, one.funds_spent) == (
        "更新设备6台。",
        120,
        Decimal("99.5"),
    )
    assert two.target == "铺设主管网2公里。"
    assert (one.result, two.result) == ("satisfied", "unsatisfied")
    assert one.rate == Decimal("100.00") and two.rate == Decimal("0.00")
    assert two.public == {"satisfied": 0, "basic": 1, "unsatisfied": 0}
    assert two.counts == {"satisfied": 0, "basic": 0, "unsatisfied": 4, "abstain": 0}
    assert after.evaluated is True and after.public_rating_open is False
    assert account.published_cycle(2027) is not None and account.published_cycle(1999) is None


ACCOUNT = d.Account(
    congress="甲镇人大主席团",
    year=2026,
    title="甲镇2026年民生实事项目人大代表票决",
    evaluated=True,
    public_rating_open=False,
    lines=[
        d.AccountLine(
            candidate_id=1,
            rank=1,
            name="卫生院设备更新<一期>&配套",
            category="医疗卫生",
            unit="社会事务办",
            target="更新设备6台。",
            outcome="已投入使用。",
            percent=100,
            completed=True,
            funds_planned=Decimal(180),
            funds_allocated=Decimal(180),
            funds_spent=Decimal("172.5"),
            result="basic",
            counts={"satisfied": 4, "basic": 3, "unsatisfied": 1, "abstain": 0},
            rate=Decimal("87.50"),
            public={"satisfied": 2, "basic": 0, "unsatisfied": 1},
        ),
        d.AccountLine(
            candidate_id=2,
            rank=2,
            name="乡村道路路灯安装",
            category="公共设施",
            unit="",
            target="",
            outcome="",
            percent=40,
            completed=False,
            funds_planned=Decimal(120),
            funds_allocated=Decimal(0),
            funds_spent=Decimal(0),
        ),
    ],
)


@pytest.mark.parametrize("font", ["embedded", "fallback"])
def test_the_account_pdf_reads_back_in_chinese(font: str) -> None:
    if font == "embedded" and not settings.PDF_CJK_FONT:
        pytest.skip("no CJK font configured")
    path = None if font == "embedded" else "/nonexistent/no-such-font.ttc"

    text = pdf_text(d.account_pdf(ACCOUNT, date=datetime.date(2026, 12, 28), font_path=path))

    compact = "".join(text.split())
    for expected in (
        "2026年民生实事项目明白账",
        "卫生院设备更新<一期>&配套",
        "基本满意（满意4票",
        "满意率87.50%",
        # per mark, of the 8 valid ballots, half-up: 4/8, 3/8 = 37.5, 1/8 = 12.5
        "满意50.00%，基本满意37.50%，不满意12.50%（以有效票8张为基数）",
        "已支出172.50",
        "群众网上评价",
        "尚未测评",
        "2026年12月28日",
    ):
        assert expected in compact, expected
