"""Roster writes. Every change to a deputy refreshes their listing in the public directory
(`directory.services`) in the same transaction, so other congresses never see a listing that the
roster does not back, and tells the city's rollups that the roster's figures changed."""

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from accounts.services import IssuedPassword, account_create, membership_grant, username_free
from audit.services import audit_record
from congresses.tenant import current_tenant
from directory.services import listing_end_term, listing_publish, listing_publish_many
from ops.errors import Conflict, DomainError, require_text
from outbox.services import outbox_emit

from .models import Deputy, DeputyLevel, Term, TermSession
from .states import SERVICE

# The rollups topic whose figures include the serving deputies (tenants/linkage/activities): the
# denominator of the participation rate, computed with its numerator in one provider call.
ROLLUP_TOPIC = "activities"


# A congress term runs five years; a date beyond this many years from its start is a typo.
TERM_MAX_YEARS = 10


class TermCloseGuard(Protocol):
    """A module that needs the term's roster for work still under way says why the term may not
    close yet (a translated reason), or None. Modules above this one register theirs in
    `AppConfig.ready`, so the roster never imports them."""

    def __call__(self, term: Term) -> str | None: ...


TERM_CLOSE_GUARDS: list[TermCloseGuard] = []


def _require_term_dates(*, starts_on: date, ends_on: date) -> None:
    if ends_on <= starts_on:
        raise DomainError("term_dates_invalid", _("届满日期须晚于起始日期。"), field="ends_on")
    if ends_on.year - starts_on.year > TERM_MAX_YEARS:
        raise DomainError(
            "term_too_long",
            _("届满日期距起始日期不能超过 %(n)d 年。") % {"n": TERM_MAX_YEARS},
            field="ends_on",
        )


def _require_session_date(term: Term, opens_on: date, *, field: str) -> None:
    if not term.starts_on <= opens_on <= term.ends_on:
        raise DomainError(
            "session_date_outside_term",
            _("会议日期须在本届起止日期之内（%(start)s 至 %(end)s）。")
            % {"start": term.starts_on.isoformat(), "end": term.ends_on.isoformat()},
            field=field,
        )


def term_open(
    *,
    number: int,
    starts_on: date,
    ends_on: date,
    actor: Any,
    sessions: Sequence[date] = (),
    carry_over: bool = False,
) -> Term:
    """开启新一届: the new term becomes the current one, with its sessions (第N次会议, numbered in
    date order). Refused while another term is open: it must be closed first. With `carry_over`
    the serving deputies of the last term (re-elected ones) start the new roster."""
    if number < 1:
        raise DomainError("term_number_invalid", _("届次须为正整数。"), field="number")
    _require_term_dates(starts_on=starts_on, ends_on=ends_on)
    with transaction.atomic():
        # Serialises two openings at once: the partial unique index would refuse the second
        # anyway, but with a 500 instead of a reason.
        current = Term.objects.select_for_update().filter(is_current=True).first()
        if current is not None:
            raise Conflict(
                "term_still_open",
                _("第%(n)d届尚未结束，请先结束本届再开启新一届。") % {"n": current.number},
                field="number",
            )
        if Term.objects.filter(number=number).exists():
            raise Conflict("term_exists", _("该届次已存在。"), field="number")
        previous = Term.objects.order_by("-number").first()
        if previous is not None and number < previous.number:
            raise DomainError(
                "term_number_not_after_last",
                _("届次须大于已有的第%(n)d届。") % {"n": previous.number},
                field="number",
            )
        if previous is not None and starts_on < previous.starts_on:
            raise DomainError(
                "term_starts_before_last",
                _("起始日期不能早于上一届的起始日期（%(d)s）。")
                % {"d": previous.starts_on.isoformat()},
                field="starts_on",
            )
        if carry_over and previous is None:
            raise DomainError(
                "term_nothing_to_carry", _("没有上一届代表可以结转。"), field="carry_over"
            )
        term = Term.objects.create(
            number=number, starts_on=starts_on, ends_on=ends_on, is_current=True
        )
        for index, opens_on in enumerate(sorted(sessions)):
            _require_session_date(term, opens_on, field=f"sessions.{index}")
            TermSession.objects.create(term=term, number=index + 1, opens_on=opens_on)
        carried = _carry_over(previous, term) if carry_over and previous is not None else 0
        outbox_emit(topic=ROLLUP_TOPIC)  # the serving deputies are now the new term's
        audit_record(
            action="term.open",
            actor=actor,
            target=term,
            payload={"number": number, "sessions": len(sessions), "carried_over": carried},
        )
    return term


def _carry_over(previous: Term, term: Term) -> int:
    """Copy the previous term's serving deputies onto the new roster, keeping their accounts."""
    serving = Deputy.objects.filter(term=previous, status=Deputy.Status.SERVING)
    fields = ("name", "gender", "level", "constituency", "delegation", "occupation", "phone")
    copies = Deputy.objects.bulk_create(
        [
            Deputy(term=term, user_id=d.user_id, **{f: getattr(d, f) for f in fields})
            for d in serving
        ]
    )
    listing_publish_many(
        congress=current_tenant().congress(), term_number=term.number, deputies=copies
    )
    return len(copies)


def term_close(*, term: Term, actor: Any) -> Term:
    """结束本届: the term is no longer current, its roster kept as it was. Refused while a module
    still needs this roster (a vote of this term not yet held, say): that module names why."""
    with transaction.atomic():
        term = Term.objects.select_for_update().get(pk=term.pk)
        if not term.is_current:
            raise Conflict("term_not_open", _("该届次已经结束。"))
        for guard in TERM_CLOSE_GUARDS:
            reason = guard(term)
            if reason is not None:
                raise Conflict("term_in_use", reason)
        term.is_current = False
        term.save(update_fields=["is_current"])
        # The directory keeps the old term's listings, no longer serving.
        listing_end_term(congress=current_tenant().congress(), term_number=term.number)
        outbox_emit(topic=ROLLUP_TOPIC)
        audit_record(action="term.close", actor=actor, target=term, payload={"number": term.number})
    return term


def term_session_add(*, term: Term, opens_on: date, actor: Any) -> TermSession:
    """Schedule the term's next session (第N次会议), numbered after the last one."""
    with transaction.atomic():
        term = Term.objects.select_for_update().get(pk=term.pk)
        if not term.is_current:
            raise Conflict("term_not_open", _("该届次已经结束。"))
        _require_session_date(term, opens_on, field="opens_on")
        last = term.sessions.order_by("-number").first()
        if last is not None and opens_on <= last.opens_on:
            raise DomainError(
                "session_not_after_last",
                _("会议日期须晚于第%(n)d次会议（%(d)s）。")
                % {"n": last.number, "d": last.opens_on.isoformat()},
                field="opens_on",
            )
        session = TermSession.objects.create(
            term=term, number=(last.number if last else 0) + 1, opens_on=opens_on
        )
        audit_record(
            action="term.session_add",
            actor=actor,
            target=term,
            payload={"session": session.number, "opens_on": opens_on.isoformat()},
        )
    return session


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
    require_text(name, "deputy_name_required", _("请填写代表姓名。"), field="name")
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


EDITABLE = ("name", "gender", "level", "constituency", "delegation", "occupation", "phone")


def deputy_update(*, deputy: Deputy, actor: Any, **changes: str) -> Deputy:
    """Correct a deputy's roster entry (name, gender, level, constituency, delegation, workplace,
    phone); the directory listing follows. An ended deputy's entry is kept as it was."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DomainError("deputy_field_unknown", _("不能修改该项。"), field=sorted(unknown)[0])
    if "level" in changes and changes["level"] not in DeputyLevel.values:
        raise DomainError("deputy_level_invalid", _("代表层级无效。"), field="level")
    if "name" in changes and not changes["name"].strip():
        raise DomainError("deputy_name_required", _("请填写代表姓名。"), field="name")
    with transaction.atomic():
        deputy = Deputy.objects.select_for_update().select_related("term").get(pk=deputy.pk)
        if deputy.status != Deputy.Status.SERVING:
            raise Conflict("deputy_ended", _("该代表已终止资格，名册记录不再修改。"))
        changed = {k: v.strip() for k, v in changes.items() if getattr(deputy, k) != v.strip()}
        name, phone = changed.get("name", deputy.name), changed.get("phone", deputy.phone)
        if (
            phone
            and Deputy.objects.filter(term=deputy.term, name=name, phone=phone)
            .exclude(pk=deputy.pk)
            .exists()
        ):
            raise Conflict("deputy_exists", _("本届名册已有同名同手机号的代表。"), field="phone")
        for key, value in changed.items():
            setattr(deputy, key, value)
        if changed:
            deputy.save(update_fields=list(changed))
            deputy_list_in_directory(deputy)
            outbox_emit(topic=ROLLUP_TOPIC)
            audit_record(
                action="deputy.update",
                actor=actor,
                target=deputy,
                payload={"fields": list(changed)},
            )
    return deputy


def deputy_end_service(*, deputy: Deputy, actor: Any) -> Deputy:
    """终止代表资格: the deputy leaves the roster's serving list and the directory says so."""
    with transaction.atomic():
        deputy = Deputy.objects.select_for_update().select_related("term").get(pk=deputy.pk)
        deputy.status = SERVICE.apply(deputy.status, "end")
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
