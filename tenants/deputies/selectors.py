from django.db.models import QuerySet

from .models import Deputy, Term


def term_current() -> Term | None:
    return Term.objects.filter(is_current=True).first()


def deputy_list(*, term: Term | None = None) -> QuerySet[Deputy]:
    deputies = Deputy.objects.select_related("term")
    return deputies.filter(term=term) if term is not None else deputies


def deputy_for_user(*, user_id: int) -> Deputy | None:
    return Deputy.objects.filter(user_id=user_id, term__is_current=True).first()
