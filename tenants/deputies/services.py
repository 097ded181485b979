"""Roster writes. Every change to a deputy refreshes their listing in the public directory
(`directory.services`) in the same transaction, so other congresses never see a listing that the
roster does not back, and tells the city's rollups that the roster's figures changed."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from accounts.services import IssuedPassword, account_create, membership_grant, username_free
from audit.services import audit_record
from congresses.tenant import current_tenant
from directory.services import listing_publish
from ops.errors import Conflict, DomainError
from outbox.services import outbox_emit

from .models import Deputy, DeputyLevel, Term

# The rollups topic whose figures include the serving deputies (tenants/linkage/activities): the
# denominator of the participation rate, computed with its numerator in one provider call.
ROLLUP_TOPIC = "activities"


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
        outbox_emit(topic=ROLLUP_TOPIC)  # the serving deputies are now the new term's
        audit_record(action="term.open", actor=actor, target=term, payload={"number": number})
    return term


def deputy_list_in_directory(deputy: Deputy) -> None:
    """Refresh the deputy's directory listing. Runs inside the caller's transaction."""
    listing_publish(
        congress=current_tenant().congress(),
        deputy_id=deputy.pk,
        user_id=deputy.user_id,
        term_number=deputy.term.number,
        name=deputy.name,
        level=deputy.level,
        delegation=deputy.delegation,
        serving=deputy.status == Deputy.Status.SERVING,
    )


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
        if phone and Deputy.objects.filter(term=term, name=name.strip(), phone=phone).exists():
            raise Conflict("deputy_exists", _("本届名册已有同名同手机号的代表。"), field="phone")
        deputy = Deputy.objects.create(
            term=term,
            name=name.strip(),
            gender=gender,
            level=level,
            constituency=constituency,
            delegation=delegation,
            occupation=occupation,
            phone=phone,
            user=user,
        )
        deputy_list_in_directory(deputy)
        outbox_emit(topic=ROLLUP_TOPIC)
        audit_record(action="deputy.register", actor=actor, target=deputy)
    return deputy


def deputy_end_service(*, deputy: Deputy, actor: Any) -> Deputy:
    """终止代表资格: the deputy leaves the roster's serving list and the directory says so."""
    with transaction.atomic():
        deputy = Deputy.objects.select_for_update().select_related("term").get(pk=deputy.pk)
        if deputy.status == Deputy.Status.ENDED:
            raise Conflict("deputy_already_ended", _("该代表的资格已终止。"))
        deputy.status = Deputy.Status.ENDED
        deputy.save(update_fields=["status"])
        deputy_list_in_directory(deputy)
        outbox_emit(topic=ROLLUP_TOPIC)
        audit_record(action="deputy.end_service", actor=actor, target=deputy)
    return deputy


def deputy_link_user(*, deputy: Deputy, login: str, actor: Any) -> Deputy:
    """Link a deputy to their global account, found by username or phone, and let that account
    in here as a deputy. One person may so hold seats in several congresses with one login."""
    login = login.strip()
    if not login:
        raise DomainError("deputy_login_required", _("请填写账号或手机号。"), field="login")
    matches = list(User.objects.filter(Q(username=login) | Q(phone=login), is_active=True)[:2])
    if not matches:
        raise DomainError("deputy_login_unknown", _("未找到该账号或手机号。"), field="login")
    if len(matches) > 1:
        raise Conflict(
            "deputy_login_ambiguous", _("该手机号对应多个账号，请改用账号名。"), field="login"
        )
    user = matches[0]
    with transaction.atomic():
        deputy = Deputy.objects.select_for_update().select_related("term").get(pk=deputy.pk)
        taken = Deputy.objects.filter(term=deputy.term, user=user).exclude(pk=deputy.pk)
        if taken.exists():
            raise Conflict("deputy_user_taken", _("该账号已关联本届另一名代表。"), field="login")
        deputy.user = user
        deputy.save(update_fields=["user"])
        membership_grant(
            user=user, congress=current_tenant().congress(), roles=[Role.DEPUTY], granted_by=actor
        )
        deputy_list_in_directory(deputy)
        audit_record(
            action="deputy.link_user", actor=actor, target=deputy, payload={"user": user.pk}
        )
    return deputy


def deputy_accounts_create(*, actor: Any) -> list[tuple[Deputy, IssuedPassword]]:
    """An account for every serving deputy of the current term who has none, linked to them as
    `deputy_link_user` would, each with a one-time password for their slip. All or none: one
    transaction, so a refusal half-way leaves no accounts whose passwords nobody has seen.
    Usernames are the congress's slug and the deputy's number on the roster."""
    congress = current_tenant().congress()
    with transaction.atomic():
        deputies = list(
            Deputy.objects.select_for_update()
            .select_related("term")
            .filter(term__is_current=True, status=Deputy.Status.SERVING, user__isnull=True)
            .order_by("delegation", "name", "pk")
        )
        if not deputies:
            raise DomainError("roster_all_have_accounts", _("本届名册中的在任代表均已有登录账号。"))
        issued = []
        for deputy in deputies:
            account = account_create(
                congress=congress,
                username=username_free(base=f"{congress.slug}-d{deputy.pk}"),
                display_name=deputy.name,
                roles=[Role.DEPUTY],
                actor=actor,
            )
            deputy.user = account.membership.user
            deputy.save(update_fields=["user"])
            deputy_list_in_directory(deputy)
            audit_record(
                action="deputy.link_user",
                actor=actor,
                target=deputy,
                payload={"user": deputy.user_id},
            )
            issued.append((deputy, account))
    return issued
