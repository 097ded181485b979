"""审议: candidate materials for deputies before the session, their comments by deputy group, and
the government's answers."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from audit.services import audit_record
from filestore.models import StoredFile
from ops.errors import Conflict, require_text
from ops.events import publish
from tenants.deputies.models import Deputy

from .events import CommentPosted
from .models import Candidate, Comment, Cycle, Material
from .phases import phase_require


def material_attach(*, candidate: Candidate, title: str, file: StoredFile, actor: Any) -> Material:
    require_text(title, "material_title_required", _("请填写材料名称。"), field="title")
    with transaction.atomic():
        phase_require(
            Cycle.objects.select_for_update().get(pk=candidate.cycle_id), "attach_material"
        )
        material = Material.objects.create(candidate=candidate, title=title.strip(), file=file)
        audit_record(action="voting.material_attach", actor=actor, target=material)
    return material


@dataclass(frozen=True)
class Guest:
    """A deputy of another congress attending the deliberation (列席), as the caller found them:
    their congress, their id in its roster, and the names the lists show."""

    congress_id: int
    deputy_id: int
    name: str
    congress_name: str


def comment_post(
    *,
    candidate: Candidate,
    text: str,
    actor: Any,
    deputy: Deputy | None = None,
    guest: Guest | None = None,
) -> Comment:
    """A comment by a deputy of this roster (`deputy`) or by one of another congress attending
    the deliberation (`guest`)."""
    if (deputy is None) == (guest is None):
        raise ValueError("a comment has one author: a deputy of this roster or a guest")
    require_text(text, "comment_text_required", _("请填写审议意见。"), field="text")
    with transaction.atomic():
        cycle = Cycle.objects.get(pk=candidate.cycle_id)
        phase_require(cycle, "comment")
        if deputy is not None:
            comment = Comment.objects.create(
                candidate=candidate, deputy=deputy, group=deputy.delegation, text=text.strip()
            )
        else:
            assert guest is not None
            comment = Comment.objects.create(
                candidate=candidate,
                guest_congress_id=guest.congress_id,
                guest_deputy_id=guest.deputy_id,
                guest_name=guest.name[:50],
                guest_congress_name=guest.congress_name[:100],
                text=text.strip(),
            )
        audit_record(action="voting.comment", actor=actor, target=comment)
        # Speaking in the deliberation is part of the deputy's duty record (审议发言): the duty
        # module records it in this transaction (or sends it to a guest's own congress), once per
        # cycle whatever the number of comments.
        publish(
            CommentPosted(
                cycle_id=cycle.pk,
                cycle_title=cycle.title,
                candidate_id=candidate.pk,
                deputy_id=deputy.pk if deputy is not None else None,
                guest_congress_id=guest.congress_id if guest is not None else None,
                guest_deputy_id=guest.deputy_id if guest is not None else None,
                posted_on=timezone.localdate(),
                actor=actor,
            )
        )
    return comment


def comment_answer(*, comment: Comment, answer: str, actor: Any, answered_as: str) -> Comment:
    """The government's answer, by staff or a unit; a staff answer is changed only by staff."""
    require_text(answer, "answer_text_required", _("请填写答复内容。"), field="answer")
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update()
            .select_related("candidate__cycle")
            .get(pk=comment.pk)
        )
        phase_require(comment.candidate.cycle, "answer")
        if comment.answered_as == Role.STAFF and answered_as != Role.STAFF:
            raise Conflict("answered_by_staff", _("工作人员已录入答复，承办单位不能修改。"))
        comment.answer, comment.answered_at = answer.strip(), timezone.now()
        comment.answered_by_id = getattr(actor, "pk", None)
        comment.answered_as = answered_as
        comment.save(update_fields=["answer", "answered_at", "answered_by_id", "answered_as"])
        audit_record(action="voting.comment_answer", actor=actor, target=comment)
    return comment
