"""The demo city: plausible but fictional names and codes."""

from dataclasses import dataclass

DEMO_PASSWORD = "Demo#2026"  # noqa: S105 - the published demo password


@dataclass(frozen=True)
class DemoCongress:
    slug: str
    name: str
    level: str
    division_code: str
    parent: str | None
    term: int


CONGRESSES = (
    DemoCongress("yunxi", "云溪市人大常委会", "city", "369900", None, 17),
    DemoCongress("donghu", "东湖区人大常委会", "county", "369902", "yunxi", 18),
    DemoCongress("nanshan", "南山县人大常委会", "county", "369921", "yunxi", 18),
    DemoCongress("qingshi", "青石镇人大主席团", "township", "369902101", "donghu", 18),
    DemoCongress("liutang", "柳塘镇人大主席团", "township", "369902102", "donghu", 18),
    DemoCongress("baisha", "白沙乡人大主席团", "township", "369902201", "donghu", 18),
    DemoCongress("songling", "松岭镇人大主席团", "township", "369921101", "nanshan", 18),
    DemoCongress("taoyuan", "桃源镇人大主席团", "township", "369921102", "nanshan", 18),
    DemoCongress("shimen", "石门乡人大主席团", "township", "369921201", "nanshan", 18),
)

# Staff accounts per congress: username suffix -> (roles, display name suffix)
STAFF = {
    "staff": (["staff"], "工作人员"),
    "sys": (["system_admin"], "系统管理员"),
    "sec": (["security_admin"], "安全管理员"),
    "audit": (["audit_admin"], "审计管理员"),
    "unit": (["unit"], "承办单位联络员"),
    "party": (["party_reviewer"], "党委审定联络员"),
    "teller": (["teller"], "监票计票人"),
    "teller2": (["teller"], "计票人"),
}

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂"
    "柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳"
    "裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边"
)
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "丽华",
    "文斌",
    "海燕",
    "国庆",
    "春梅",
    "德明",
    "桂兰",
    "永平",
    "晓红",
    "立新",
    "玉珍",
    "伟东",
    "淑芬",
    "振华",
    "红霞",
    "学军",
    "美玲",
    "卫东",
    "素琴",
    "家豪",
    "慧敏",
    "俊杰",
    "雪梅",
    "宏伟",
    "金凤",
    "世杰",
    "翠兰",
]
OCCUPATIONS = (
    "村党支部书记、村委会主任",
    "镇中心小学教师",
    "农业专业合作社理事长",
    "镇卫生院医生",
    "个体工商户",
    "社区居委会主任",
    "企业职工",
    "种养大户",
    "镇农业服务中心干部",
    "退役军人",
)

# One person, two rosters: (username, name, [(slug, level)...])
CROSS_LEVEL_DEPUTIES = (
    ("wangjianguo", "王建国", [("qingshi", "township"), ("donghu", "county")]),
    ("lixiuying", "李秀英", [("songling", "township"), ("nanshan", "county")]),
    ("zhangzhiqiang", "张志强", [("donghu", "county"), ("yunxi", "city")]),
)
# Deputies of the provincial and national congresses elected from the city, on its roster.
HIGHER_LEVEL_DEPUTIES = (
    ("chenlihua", "陈丽华", "provincial"),
    ("zhouwenbin", "周文斌", "national"),
)

# A one-page PDF standing in for scanned meeting minutes.
MINUTES_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# The 2027 vote of 青石镇: twelve candidates for ten projects (差额 2), ready for deliberation.
VOTING_DEMO: dict = {
    "call_title": "青石镇关于征集2027年民生实事项目建议的公告",
    "call_body": "为办好群众最关心最直接最现实的民生实事，现面向全镇群众、人大代表、各村（社区）和有关部门"
    "征集2027年民生实事项目建议。建议应以政府投入为主，具有普惠性、公益性，当年能够完成。",
    "congress": "qingshi",
    "year": 2027,
    "title": "青石镇2027年民生实事项目人大代表票决",
    "seats": 10,
    "candidates": (
        ("青石镇中心小学运动场改造", "教育", 280, "新建塑胶跑道和灯光球场，课后向居民开放。"),
        ("镇卫生院发热门诊扩建", "医疗卫生", 360, "按标准扩建发热门诊，增设隔离观察室。"),
        ("老旧小区雨污分流改造", "公共设施", 520, "完成3个老旧小区雨污分流和路面修复。"),
        ("农村公路安全生命防护工程", "公共设施", 410, "为12公里临水临崖路段加装护栏和警示标志。"),
        ("居家养老服务中心建设", "劳动保障", 300, "建设集助餐、日间照料于一体的养老服务中心。"),
        ("集镇公共停车场建设", "公共设施", 260, "新增停车泊位180个，缓解集镇停车难。"),
        ("农贸市场提升改造", "公共设施", 230, "改造排水、照明和摊位，实行分区经营。"),
        ("村级文化礼堂设施更新", "科技文化", 150, "为8个村文化礼堂更新音响、座椅和图书。"),
        ("青石溪河道综合治理", "环境保护", 480, "清淤疏浚2.5公里，建设生态护岸和步道。"),
        ("中心幼儿园扩班增位", "教育", 390, "新增4个班、120个学位。"),
        ("农村饮用水提标改造", "公共设施", 340, "更新老化管网，实现城乡同质供水。"),
        ("集镇智慧安防监控全覆盖", "公共设施", 180, "在主要路口和学校周边新增高清监控点位。"),
    ),
}

# 柳塘镇 is still collecting proposals for 2027: its call is open on the public portal.
SOLICITING_DEMO: dict = {
    "congress": "liutang",
    "year": 2027,
    "title": "柳塘镇2027年民生实事项目人大代表票决",
    "seats": 2,
    "call_title": "柳塘镇关于征集2027年民生实事项目建议的公告",
    "call_body": "欢迎全镇群众通过本页面提出2027年民生实事项目建议，提交后可凭查询码查看办理进展。",
}
