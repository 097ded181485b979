from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError

from .models import Deputy, DeputyLevel, Term


def term_open(*, number: int, starts_on: date, ends_on: date, actor: Any) -> Term:
    if ends_on <= starts_on:
        raise DomainError("term_dates_invalid", _("届满日期须晚于起始日期。"), field="ends_on")
    with transaction.atomic():
        if Term.objects.filter(number=number).exists():
            raise Conflict("term_exists", _("该届次已存在。"), field="number")
        Term.objects.filter(is_current=True).update(is_current=False)
        term = Term.objects.create(
            number=number, starts_on=starts_on, ends_on=ends_on, is_current=True
        )
        audit_record(action="term.open", actor=actor, target=term, payload={"number": number})
    return term


def deputy_register(
    *,
    term: Term,
    name: str,
    gender: str,
    level: str,
    constituency: str,
    actor: Any,
    delegation: str = "",
    occupation: str = "",
    phone: str = "",
    user: Any | None = None,
) -> Deputy:
    if level not in DeputyLevel.values:
        raise DomainError("deputy_level_invalid", _("代表层级无效。"), field="level")
    if not name.strip():
        raise DomainError("deputy_name_required", _("请填写代表姓名。"), field="name")
    with transaction.atomic():
        if user is not None and Deputy.objects.filter(term=term, user=user).exists():
            raise Conflict("deputy_user_taken", _("该账号已关联本届另一名代表。"), field="user")
        deputy = Deputy.objects.create(
            term=term, name=name.strip(), gender=gender, level=level, constituency=constituency,
            delegation=delegation, occupation=occupation, phone=phone, user=user,
        )  # fmt: skip
        audit_record(action="deputy.register", actor=actor, target=deputy)
    return deputy
