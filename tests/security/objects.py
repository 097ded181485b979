"""One object of each kind an endpoint takes by id, made through the real services, for the
isolation suite. A kind is the URL up to its id (`api/v1/voting/rounds/`); the suite fails for a
kind of the URL conf that has no maker here, so a new kind of object gets one."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import api_token_create, membership_grant
from congresses.models import Congress
from congresses.tenant import Tenant
from filestore.services import file_store
from supervision import services as supervision
from supervision.services import CriterionSpec
from tenants.implementation.services import (
    midyear_report_submit,
    milestone_add,
    rectification_open,
    stage_set,
)
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import activity_create
from tenants.linkage.duty.services import duty_entry_record
from tenants.linkage.opinions.services import opinion_receive
from tenants.linkage.stations.services import (
    checklist_item_add,
    residency_add,
)
from tenants.voting.deliberation import comment_post
from tenants.voting.models import Candidate
from tenants.voting.services import cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World
from tests.factories import PDF, PNG, make_term
from tests.tenants.activities.factories import make_seat
from tests.tenants.implementation.factories import make_underway
from tests.tenants.stations.factories import make_deputy, make_reception, make_station
from tests.tenants.voting.factories import (
    department_proposal,
    make_deputies,
    make_shortlist,
    make_vote,
    vote_and_close,
)

MARK = "隔离样本"


@dataclass(frozen=True)
class Made:
    pk: int | str
    home: Congress  # the tenant whose host the object is reached on
    marker: str | None = None  # text of the object's own that a refusal must never show


Members = Callable[[Congress], User]  # a member of a tenant holding its roles
Maker = Callable[[World, Members], Made]


def _in_town_a(make: Callable[[World, User], tuple[int | str, str | None]]) -> Maker:
    def made(world: World, members: Members) -> Made:
        owner = members(world.town_a)
        with tenant_context(world.town_a):
            pk, marker = make(world, owner)
        return Made(pk, world.town_a, marker)

    return made


def _token(world: World, members: Members) -> Made:
    token, _raw = api_token_create(user=members(world.town_a), congress=world.town_a, name=MARK)
    return Made(token.pk, world.town_a, None)


def _deputy(world: World, owner: User) -> tuple[int, str | None]:
    return make_deputy(f"{MARK}代表").pk, f"{MARK}代表"


def _term(world: World, owner: User) -> tuple[int, str | None]:
    return make_term().pk, None


def _file(world: World, owner: User) -> tuple[int, str | None]:
    return file_store(uploaded_by=owner, name=f"{MARK}.png", data=PNG).pk, None


def _cycle(world: World, owner: User) -> tuple[int, str | None]:
    cycle = cycle_create(year=2031, title=f"{MARK}票决", term=make_term(), actor=None, seats=2)
    return cycle.pk, f"{MARK}票决"


def _round(world: World, owner: User) -> tuple[int, str | None]:
    return make_vote(year=2032).round.pk, None


def _closed_round(world: World, owner: User) -> tuple[int, str | None]:
    """A round closed with every present deputy's ballot: its record is public on its own host."""
    vote = make_vote(year=2041, deputies=3, candidates=3, seats=2)
    vote_and_close(vote.round, vote.deputies, *vote.candidates[:2])
    return vote.round.pk, "候选项目1"


def _proposal(world: World, owner: User) -> tuple[int, str | None]:
    cycle = cycle_create(year=2033, title="征集", term=make_term(), actor=None, seats=2)
    proposal = department_proposal(cycle, f"{MARK}建议")
    return proposal.pk, f"{MARK}建议"


def _candidate(world: World, owner: User) -> tuple[int, str | None]:
    cycle = make_shortlist(year=2034)
    return Candidate.objects.filter(cycle=cycle).order_by("sequence")[0].pk, "候选项目1"


def _comment(world: World, owner: User) -> tuple[int, str | None]:
    cycle = cycle_advance(cycle=make_shortlist(year=2035), actor=None)
    candidate = Candidate.objects.filter(cycle=cycle).order_by("sequence")[0]
    deputy = make_deputies(1, prefix="评议")[0]
    comment = comment_post(candidate=candidate, deputy=deputy, text=f"{MARK}意见", actor=None)
    return comment.pk, f"{MARK}意见"


def _project(world: World, owner: User) -> tuple[int, str | None]:
    project = make_underway(world.town_a, year=2036).projects[0]
    return project.pk, project.name


def _impl_cycle(world: World, owner: User) -> tuple[int, str | None]:
    cycle = make_underway(world.town_a, year=2037).voted.cycle
    midyear_report_submit(
        cycle=cycle, title=f"{MARK}年中报告", body="正文", heard_on=timezone.localdate(), actor=None
    )
    return cycle.pk, f"{MARK}年中报告"


def _milestone(world: World, owner: User) -> tuple[int, str | None]:
    project = make_underway(world.town_a, year=2038).projects[0]
    due = timezone.localdate() + dt.timedelta(days=30)
    return milestone_add(project=project, title=f"{MARK}节点", due_on=due, actor=None).pk, None


def _stage(world: World, owner: User) -> tuple[int, str | None]:
    project = make_underway(world.town_a, year=2042).projects[0]
    stage = stage_set(
        project=project, year=2043, target=f"{MARK}阶段", investment=Decimal(10), actor=None
    )
    return stage.pk, f"{MARK}阶段"


def _rectification(world: World, owner: User) -> tuple[int, str | None]:
    project = make_underway(world.town_a, year=2039).projects[0]
    item = rectification_open(
        project=project, reason=f"{MARK}整改", source="inspection", actor=None
    )
    return item.pk, f"{MARK}整改"


def _station(world: World, owner: User) -> tuple[int, str | None]:
    return make_station(name=f"{MARK}联络站").pk, f"{MARK}联络站"


def _checklist(world: World, owner: User) -> tuple[int, str | None]:
    return checklist_item_add(title=f"{MARK}清单", weight=10, actor=None).pk, f"{MARK}清单"


def _resident(world: World, owner: User) -> tuple[int, str | None]:
    station = make_station()
    return residency_add(station=station, actor=None, deputy=make_deputy("进站代表")).pk, None


def _reception(world: World, owner: User) -> tuple[int, str | None]:
    station = make_station()
    resident = residency_add(station=station, actor=None, deputy=make_deputy("接待代表"))
    on = timezone.localdate() + dt.timedelta(days=7)
    reception = make_reception(station, on, [resident], topic=f"{MARK}接待")
    return reception.pk, f"{MARK}接待"


def _activity_in_a(world: World, invitees: list[object]) -> object:
    starts = timezone.now() + dt.timedelta(days=3)
    return activity_create(
        tenant=Tenant.of(world.town_a),
        kind="inspection",
        title=f"{MARK}视察",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        place="镇政府",
        invitees=invitees,  # type: ignore[arg-type]
        actor=None,
    )


def _invited(world: World) -> Any:

    seat = make_seat(world.town_a, "受邀代表")
    with tenant_context(world.town_a):
        invitees = invitees_from_directory(
            organiser=world.town_a, picks=[(world.town_a.pk, seat.deputy.pk)]
        )
        return _activity_in_a(world, list(invitees))


def _activity(world: World, members: Members) -> Made:
    return Made(_invited(world).pk, world.town_a, f"{MARK}视察")


def _invitation(world: World, members: Members) -> Made:
    activity = _invited(world)
    with tenant_context(world.town_a):
        invitation = activity.invitations.get()
    return Made(invitation.pk, world.town_a, None)


def _duty_entry(world: World, owner: User) -> tuple[int, str | None]:
    entry = duty_entry_record(
        deputy=make_deputy("履职代表"),
        kind="training",
        source_ref="isolation:1",
        occurred_on=timezone.localdate(),
        title=f"{MARK}培训",
    )
    return entry.pk, f"{MARK}培训"


def _opinion(world: World, owner: User) -> tuple[int, str | None]:
    opinion = opinion_receive(channel="online", content=f"{MARK}意见内容", citizen_name="张三")
    return opinion.pk, f"{MARK}意见内容"


def _tracked_opinion(world: World, owner: User) -> tuple[int | str, str | None]:
    opinion = opinion_receive(channel="online", content=f"{MARK}意见内容", citizen_name="张三")
    return opinion.tracking_code, f"{MARK}意见内容"


def _tracked_proposal(world: World, owner: User) -> tuple[int | str, str | None]:
    cycle = cycle_create(year=2040, title="征集", term=make_term(), actor=None, seats=2)
    proposal = department_proposal(cycle, f"{MARK}建议")
    return proposal.tracking_code, f"{MARK}建议"


def _guidance(world: World, members: Members) -> Made:
    guidance = supervision.guidance_issue(
        issuer=world.city,
        actor=members(world.city),
        kind="notice",
        title=f"{MARK}通知",
        body="正文",
        targets=[world.county],
        report_due=timezone.localdate() + dt.timedelta(days=30),
    )
    return Made(guidance.pk, world.city, f"{MARK}通知")


def _attachment(world: World, members: Members) -> Made:
    item = supervision.attachment_store(
        owner=world.city, uploaded_by=members(world.city), name=f"{MARK}.pdf", data=PDF
    )
    return Made(item.pk, world.city, None)


def _benchmark_round(world: World, members: Members) -> Any:
    today = timezone.localdate()
    round_ = supervision.round_create(
        issuer=world.city,
        actor=members(world.city),
        kind="deputy",
        title=f"{MARK}评选",
        year=2026,
        quota=1,
        nominations_open_on=today - dt.timedelta(days=1),
        nominations_close_on=today + dt.timedelta(days=10),
        criteria=[CriterionSpec(name="履行职责好", weight=100)],
    )
    return supervision.round_open(round_=round_, actor=members(world.city))


def _supervision_round(world: World, members: Members) -> Made:
    return Made(_benchmark_round(world, members).pk, world.city, f"{MARK}评选")


def _nomination(world: World, members: Members) -> Made:
    nomination = supervision.nomination_submit(
        round_=_benchmark_round(world, members),
        nominator=world.town_a,
        actor=members(world.town_a),
        nominee_name=f"{MARK}人选",
        statement="履职积极。",
        declarations={"leader": False, "standing_committee": False, "disciplined": False},
    )
    # Scored on the host of the round's issuer, where its scores are read.
    return Made(nomination.pk, world.city, f"{MARK}人选")


def _membership(world: World, members: Members) -> Made:
    user = User.objects.create(
        username=f"isolation-{timezone.now().timestamp():.6f}", display_name=f"{MARK}成员"
    )
    membership = membership_grant(
        user=user, congress=world.town_a, roles=["deputy"], granted_by=None
    )
    return Made(membership.pk, world.town_a, f"{MARK}成员")


MAKERS: dict[str, Maker] = {
    "api/v1/accounts/members/": _membership,
    "api/v1/security/members/": _membership,
    "api/v1/auth/tokens/": _token,
    "api/v1/deputies/": _in_town_a(_deputy),
    "api/v1/files/": _in_town_a(_file),
    "api/v1/terms/": _in_town_a(_term),
    "api/v1/voting/cycles/": _in_town_a(_cycle),
    "api/v1/voting/rounds/": _in_town_a(_round),
    "api/v1/voting/proposals/": _in_town_a(_proposal),
    "api/v1/voting/candidates/": _in_town_a(_candidate),
    "api/v1/voting/comments/": _in_town_a(_comment),
    "api/v1/implementation/projects/": _in_town_a(_project),
    "api/v1/implementation/milestones/": _in_town_a(_milestone),
    "api/v1/implementation/stages/": _in_town_a(_stage),
    "api/v1/implementation/rectifications/": _in_town_a(_rectification),
    "api/v1/implementation/cycles/": _in_town_a(_impl_cycle),
    "api/v1/stations/": _in_town_a(_station),
    "api/v1/stations/checklist/": _in_town_a(_checklist),
    "api/v1/stations/residents/": _in_town_a(_resident),
    "api/v1/stations/receptions/": _in_town_a(_reception),
    "api/v1/public/stations/": _in_town_a(_station),
    "api/v1/public/opinions/stations/": _in_town_a(_station),
    "api/v1/activities/": _activity,
    "api/v1/me/invitations/": _invitation,
    "api/v1/me/record/entries/": _in_town_a(_duty_entry),
    "api/v1/opinions/": _in_town_a(_opinion),
    "api/v1/supervision/guidance/": _guidance,
    "api/v1/supervision/files/": _attachment,
    "api/v1/supervision/rounds/": _supervision_round,
    "api/v1/supervision/nominations/": _nomination,
    "api/v1/public/opinions/": _in_town_a(_tracked_opinion),
    "api/v1/public/voting/proposals/": _in_town_a(_tracked_proposal),
    "api/v1/public/voting/rounds/": _in_town_a(_closed_round),
    "api/v1/public/track/": _in_town_a(_tracked_opinion),
}

# Kinds whose object takes a long workflow to reach; their endpoints are still swept, by an id
# that names nothing, so a credential from the wrong host is refused before any lookup.
WITHOUT_OBJECT: dict[str, str] = {
    "api/v1/provisioning-jobs/": "a job is made only by provisioning a whole schema",
    "api/v1/duty/objections/": "an objection is open only while its quarter is published",
    "api/v1/supervision/objections/": "an objection needs a round decided and in publicity",
    "api/v1/public/voting/announcements/": "by year: needs a cycle announced",
    "api/v1/public/voting/accounts/": "by year: needs a cycle through evaluation",
    "api/v1/public/voting/years/": "by year: the year's rounds and their hashes, no object's text",
    "api/v1/crossing/dispatches/": "a dispatch is retried only once given up after its last attempt",
    "api/v1/public/benchmarks/": "objections are taken only while a decided round is in publicity",
    "api/v1/supervision/star-reviews/": "a review is made by a township submitting its checklist",
}
