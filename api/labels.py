"""What a refused field is called on the forms, so that a 400's message names it in the caller's
language ("进度说明：该字段不能为空。") and the alert above a form says which field to fix.

A serializer field given its own `label=` is called by it; a field without one is called by the
name below shared across forms; a field in neither is not named (the message stands alone).
"""

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

FIELD_LABELS: dict[str, Promise] = {
    "address": _("地址"),
    "annual_target": _("年度目标"),
    "answer": _("答复"),
    "body": _("正文"),
    "caption": _("说明"),
    "category": _("类别"),
    "citizen_name": _("群众姓名"),
    "citizen_phone": _("联系电话"),
    "comment": _("意见"),
    "contact": _("联系方式"),
    "content": _("内容"),
    "criteria": _("评分细则"),
    "date": _("日期"),
    "decision_note": _("决定说明"),
    "description": _("简介"),
    "display_name": _("姓名"),
    "division_code": _("行政区划代码"),
    "done_on": _("完成日期"),
    "due_on": _("完成时限"),
    "ends_at": _("结束时间"),
    "ends_on": _("结束日期"),
    "estimated_cost": _("估算投资"),
    "file": _("文件"),
    "findings": _("发现的问题"),
    "funds_allocated": _("已拨资金"),
    "funds_planned": _("计划投资"),
    "funds_spent": _("已用资金"),
    "held_on": _("日期"),
    "investment": _("投资"),
    "invitees": _("受邀代表"),
    "kind": _("类型"),
    "location": _("地点"),
    "minutes": _("纪要"),
    "name": _("名称"),
    "new_password": _("新密码"),
    "nominations_close_on": _("推荐截止日期"),
    "nominations_open_on": _("推荐开始日期"),
    "nominee_ref": _("推荐对象"),
    "note": _("说明"),
    "old_password": _("原密码"),
    "opening_hours": _("开放时间"),
    "outcome": _("预期成效"),
    "outcomes": _("成果"),
    "overspend_note": _("超支说明"),
    "owner_name": _("责任人"),
    "password": _("密码"),
    "percent": _("完成进度"),
    "phone": _("电话"),
    "place": _("地点"),
    "reason": _("理由"),
    "received_on": _("收到日期"),
    "reference": _("文号"),
    "report_due": _("报送截止日期"),
    "scope": _("发送范围"),
    "source": _("来源"),
    "starts_at": _("开始时间"),
    "starts_on": _("开始日期"),
    "statement": _("推荐理由"),
    "summary": _("摘要"),
    "target": _("目标"),
    "text": _("内容"),
    "title": _("标题"),
    "topic": _("主题"),
    "until": _("截止日期"),
    "username": _("用户名"),
    "year": _("年度"),
}


def _own_label(name: str, field: serializers.Field | None) -> str | None:
    """The field's `label=` if it was given one (DRF otherwise makes one up from the name)."""
    if field is None or field.label is None:
        return None
    made_up = name.replace("_", " ").capitalize()
    return None if field.label == made_up else str(field.label)


def field_labels(serializer: serializers.Serializer, names: Any) -> dict[str, str]:
    """The label of each refused field of `serializer` that has one."""
    fields = serializer.fields
    out: dict[str, str] = {}
    for name in names:
        label = _own_label(name, fields.get(name))
        if label:
            out[name] = label
    return out


def label_of(name: str, own: dict[str, str]) -> str | None:
    if name in own:
        return own[name]
    shared = FIELD_LABELS.get(name)
    return str(shared) if shared is not None else None
