from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Deputy, Term, TermSession


def term_current() -> Term | None:
    return Term.objects.filter(is_current=True).first()


def deputy_list(*, term: Term | None = None, text: str = "", status: str = "") -> QuerySet[Deputy]:
    """The roster; `text` finds a name, constituency, delegation or workplace in part, or a
    phone number whole; `status` keeps the serving or the ended."""
    deputies = Deputy.objects.select_related("term")
    if term is not None:
        deputies = deputies.filter(term=term)
    if text.strip():
        found = text.strip()
        deputies = deputies.filter(
            Q(name__icontains=found)
            | Q(constituency__icontains=found)
            | Q(delegation__icontains=found)
            | Q(occupation__icontains=found)
            | Q(phone=found)
        )
    if status:
        deputies = deputies.filter(status=status)
    return deputies


def deputy_for_user(*, user_id: int) -> Deputy | None:
    return Deputy.objects.filter(user_id=user_id, term__is_current=True).first()


def term_list() -> QuerySet[Term]:
    """Every term, newest first, with its sessions and its count of serving deputies."""
    return Term.objects.annotate(
        serving_count=Count("deputies", filter=Q(deputies__status=Deputy.Status.SERVING))
    ).prefetch_related(Prefetch("sessions", queryset=TermSession.objects.order_by("number")))
