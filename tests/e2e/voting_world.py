"""Run inside the live platform's database (`helpers.in_live_platform`, see test_voting.py): a
township of its own (票决镇, under a city and county of its own), provisioned by the real
service, with its staff and thirteen deputies (the first nine with accounts), and next year's
vote prepared by the real services up to 审议: twelve candidates for ten projects (差额 2), the
consultation and the party review recorded with their minutes. Nobody has signed in."""

import datetime as dt

from django_tenants.utils import tenant_context

from tenants.voting.solicitation import cycle_advance
from tests.e2e.worlds import (
    cycle_with_candidates,
    deputies_in_three_groups,
    member,
    record_review,
    staffed_township,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "vote-city", "vote-county", "vote-town"
TOWN_SHORT = "票决镇"
YEAR = dt.date.today().year + 1
SEATS = 10
DEPUTIES = [
    "韩一川",
    "杨二松",
    "朱三石",
    "秦四海",
    "尤五湖",
    "许六桥",
    "何七星",
    "吕八方",
    "施九州",
    "张十全",
    "孔百川",
    "曹千里",
    "严万顷",
]
ACCOUNTS = 9  # the first nine deputies log in: f"{TOWN}-d1" ... f"{TOWN}-d9"
# name, category, estimated cost (万元), summary
CANDIDATES = (
    ("镇中心小学运动场改造", "教育", 280, "新建塑胶跑道和灯光球场，课后向居民开放。"),
    ("镇卫生院发热门诊扩建", "医疗卫生", 360, "按标准扩建发热门诊，增设隔离观察室。"),
    ("老旧小区雨污分流改造", "公共设施", 520, "完成3个老旧小区雨污分流和路面修复。"),
    ("农村公路安全防护工程", "公共设施", 410, "为12公里临水临崖路段加装护栏和警示标志。"),
    ("居家养老服务站建设", "劳动保障", 300, "建设集助餐、日间照料于一体的养老服务站。"),
    ("集镇公共停车场建设", "公共设施", 260, "新增停车泊位180个，缓解集镇停车难。"),
    ("镇农贸市场改造", "公共设施", 230, "改造排水、照明和摊位，实行分区经营。"),
    ("村级文化礼堂设施更新", "科技文化", 150, "为8个村文化礼堂更新音响、座椅和图书。"),
    ("镇区河道综合治理", "环境保护", 480, "清淤疏浚2.5公里，建设生态护岸和步道。"),
    ("镇中心幼儿园扩班增位", "教育", 390, "新增4个班、120个学位。"),
    ("农村饮用水提标改造", "公共设施", 340, "更新老化管网，实现城乡同质供水。"),
    ("集镇安防监控全覆盖", "公共设施", 180, "在主要路口和学校周边新增高清监控点位。"),
)


def provision() -> None:
    operator, town = staffed_township(
        (CITY, COUNTY, TOWN),
        ("票决市人大常委会", "票决县人大常委会", f"{TOWN_SHORT}人大主席团"),
        ("372700", "372701", "372701101"),
    )
    voters = [member(f"{TOWN}-d{i}", town, ["deputy"], operator) for i in range(1, ACCOUNTS + 1)]
    with tenant_context(town):
        term = make_term()
        deputies_in_three_groups(term, DEPUTIES, users=voters, actor=None)
        cycle = cycle_with_candidates(
            term=term,
            year=YEAR,
            title=f"{TOWN_SHORT}{YEAR}年民生实事项目人大代表票决",
            seats=SEATS,
            candidates=CANDIDATES,
            actor=None,
            min_surplus=2,
        )
        for kind, days_ago, summary in (
            ("consultation", 10, "镇人大主席团与镇政府会商，同意12个项目作为初步候选项目。"),
            ("party_review", 5, "镇党委会议审定，同意提请镇人代会票决。"),
        ):
            record_review(
                cycle,
                kind=kind,
                held_on=dt.date.today() - dt.timedelta(days=days_ago),
                summary=summary,
                minutes=f"{summary[:6]}纪要.pdf",
            )
        cycle = cycle_advance(cycle=cycle, actor=None)
        print("cycle", cycle.pk)
