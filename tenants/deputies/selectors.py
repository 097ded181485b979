from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Deputy, Term, TermSession


def term_current() -> Term | None:
    return Term.objects.filter(is_current=True).first()


def deputy_list(*, term: Term | None = None) -> QuerySet[Deputy]:
    deputies = Deputy.objects.select_related("term")
    return deputies.filter(term=term) if term is not None else deputies


def deputy_for_user(*, user_id: int) -> Deputy | None:
    return Deputy.objects.filter(user_id=user_id, term__is_current=True).first()


def term_list() -> QuerySet[Term]:
    """Every term, newest first, with its sessions and its count of serving deputies."""
    return Term.objects.annotate(
        serving_count=Count("deputies", filter=Q(deputies__status=Deputy.Status.SERVING))
    ).prefetch_related(Prefetch("sessions", queryset=TermSession.objects.order_by("number")))
