"""What each audit action is called in the reader's language: the audit administrator reads
"登录", never `user.login`. Every code a service records has its label here (or in the family
below it is built from); tests/api/test_audit_admin.py walks the code for every code recorded and
fails on one without a label in Chinese and in English."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tenants.linkage.opinions.states import OPINION
from tenants.voting.selectors import governance_kind_labels

LABELS: dict[str, Promise] = {
    "accounts.password_policy_set": _("修改密码策略"),
    "activities.cancel": _("取消活动"),
    "activities.copy_receive": _("接收活动抄送"),
    "activities.create": _("发起活动"),
    "activities.invite": _("邀请代表参加活动"),
    "activities.open_sign_in": _("开放活动签到"),
    "activities.photo_add": _("上传活动照片"),
    "activities.record": _("记录活动情况"),
    "activities.reply_receive": _("接收活动回复"),
    "activities.respond": _("回复活动邀请"),
    "activities.sign_in": _("活动签到"),
    "api_token.create": _("创建接口令牌"),
    "api_token.revoke": _("吊销接口令牌"),
    "congress.backup": _("备份本单位数据"),
    "congress.domain_add": _("添加访问域名"),
    "congress.domain_remove": _("删除访问域名"),
    "congress.provision": _("开通人大单位"),
    "congress.provision_requested": _("申请开通人大单位"),
    "congress.restore": _("恢复本单位数据"),
    "congress.status_set": _("设置单位状态"),
    "crossing.retry": _("重试跨单位投递"),
    "deputy.end_service": _("代表终止履职"),
    "deputy.link_user": _("代表关联账号"),
    "deputy.register": _("登记代表"),
    "deputy.roster_import": _("导入代表名册"),
    "deputy.update": _("修改代表信息"),
    "duty.entry_record": _("记录履职事项"),
    "duty.entry_withdraw": _("撤回履职事项"),
    "duty.objection_decide": _("处理履职异议"),
    "duty.objection_file": _("提出履职异议"),
    "duty.publish": _("公开履职记录"),
    "duty.rules_set": _("设置履职积分规则"),
    "file.store": _("上传文件"),
    "implementation.inspection_record": _("记录视察检查"),
    "implementation.lights_refresh": _("刷新进度亮灯"),
    "implementation.midyear_answer": _("答复年中意见"),
    "implementation.midyear_opinions": _("提出年中意见"),
    "implementation.midyear_submit": _("提交年中报告"),
    "implementation.milestone_add": _("添加节点"),
    "implementation.milestone_done": _("完成节点"),
    "implementation.plan": _("制定实施计划"),
    "implementation.progress_report": _("报告实施进度"),
    "implementation.projects_from_vote": _("票决项目转入实施"),
    "implementation.rectification_close": _("整改销号"),
    "implementation.rectification_open": _("提出整改要求"),
    "implementation.stage_set": _("设置年度阶段"),
    "implementation.supervisors_set": _("设置监督小组"),
    "implementation.unit_create": _("新建承办单位"),
    "membership.activate": _("启用成员资格"),
    "membership.deactivate": _("停用成员资格"),
    "membership.grant": _("授予角色"),
    "membership.revoke": _("撤销角色"),
    "opinions.policy_set": _("设置意见办理规则"),
    "stations.assessment_self_assess": _("联络站自评"),
    "stations.assessment_stars_apply": _("应用联络站星级"),
    "stations.checklist_item_add": _("添加评定项目"),
    "stations.checklist_item_retire": _("停用评定项目"),
    "stations.reception_cancel": _("取消接待"),
    "stations.reception_hold": _("记录接待"),
    "stations.reception_publish": _("公布接待安排"),
    "stations.reception_schedule": _("安排接待"),
    "stations.residency_add": _("安排代表进站"),
    "stations.residency_end": _("结束代表进站"),
    "stations.settings_update": _("修改联络站设置"),
    "stations.staff_set": _("设置联络站工作人员"),
    "stations.station_create": _("新建联络站"),
    "stations.station_update": _("修改联络站"),
    "supervision.attachment_store": _("上传督导附件"),
    "supervision.guidance_issue": _("发布工作指导"),
    "supervision.guidance_read": _("阅读工作指导"),
    "supervision.guidance_withdraw": _("撤回工作指导"),
    "supervision.nomination_submit": _("提交推荐"),
    "supervision.nomination_withdraw": _("撤回推荐"),
    "supervision.objection_record": _("记录公示异议"),
    "supervision.objection_resolve": _("处理公示异议"),
    "supervision.objection_submit_public": _("公众提出异议"),
    "supervision.report_remind": _("催报"),
    "supervision.report_submit": _("报送报告"),
    "supervision.round_announce": _("公布评选结果"),
    "supervision.round_close_nominations": _("截止推荐"),
    "supervision.round_create": _("新建评选"),
    "supervision.round_decide": _("评选决定"),
    "supervision.round_open": _("开始推荐"),
    "supervision.round_start_publicity": _("开始公示"),
    "supervision.round_update": _("修改评选"),
    "supervision.route_remind": _("催办票决进程"),
    "supervision.route_set": _("设置票决进程"),
    "supervision.score_record": _("记录评分"),
    "supervision.star_review_decide": _("星级复核决定"),
    "supervision.star_review_submit": _("提交星级复核"),
    "tenant.switch": _("切换单位"),
    "term.close": _("结束届期"),
    "term.open": _("开启届期"),
    "term.session_add": _("增加会次"),
    "user.create": _("新建账号"),
    "user.deactivate": _("停用账号"),
    "user.login": _("登录"),
    "user.password_change": _("修改密码"),
    "user.password_reissue": _("重发初始密码"),
    "user.password_reset": _("重置密码"),
    "user.sessions_end": _("结束登录会话"),
    "user.unlock": _("解除登录锁定"),
    "voting.advance": _("推进票决环节"),
    "voting.announcement_publish": _("发布票决结果公告"),
    "voting.call_publish": _("发布项目征集公告"),
    "voting.candidate_add": _("添加候选项目"),
    "voting.candidate_from_proposal": _("建议转为候选项目"),
    "voting.close_year": _("年度票决结束"),
    "voting.comment": _("审议意见"),
    "voting.comment_answer": _("答复审议意见"),
    "voting.cycle_create": _("新建年度票决"),
    "voting.device_import": _("导入表决器结果"),
    "voting.evaluation_close": _("结束满意度测评"),
    "voting.evaluation_open": _("开始满意度测评"),
    "voting.evaluation_roll_call": _("测评会议点名签到"),
    "voting.evaluation_rules_set": _("设置测评规则"),
    "voting.evaluation_sign_in": _("测评会议签到"),
    "voting.hand_over": _("转入实施"),
    "voting.material_attach": _("添加审议材料"),
    "voting.open_voting": _("提请表决"),
    "voting.paper_issue": _("发放纸质选票"),
    "voting.proposal_merge": _("合并建议"),
    "voting.proposal_reserve": _("建议转入项目库"),
    "voting.proposal_screen": _("初步筛选建议"),
    "voting.proposal_submit": _("提交项目建议"),
    "voting.public_rating": _("群众评价"),
    "voting.reserve_carry": _("项目库建议结转"),
    "voting.roll_call": _("会议点名签到"),
    "voting.roll_call_unmark": _("撤销点名签到"),
    "voting.rule_template_issue": _("发布票决规则模板"),
    "voting.round_close": _("结束表决"),
    "voting.round_open": _("开始表决"),
    "voting.rules_set": _("设置票决规则"),
    "voting.sign_in": _("会议签到"),
    "voting.tally_correct": _("更正计票"),
    "voting.tally_enter": _("录入计票"),
}


def _families() -> dict[str, Promise]:
    """Codes built from a module's own names: an opinion's steps (`opinions.<step>`) and the
    recorded governance steps (`voting.<kind>`), labelled as those modules name them."""
    found: dict[str, Promise] = {
        f"opinions.{name}": step.label for name, step in OPINION.steps.items()
    }
    found.update({f"voting.{kind}": label for kind, label in governance_kind_labels().items()})
    return found


def action_labels() -> dict[str, Promise]:
    return {**_families(), **LABELS}


def action_label(code: str) -> str:
    """The label of `code`; an unknown code (none is expected) is shown as it is."""
    label = action_labels().get(code)
    return str(label) if label is not None else code
