"""届次管理 over HTTP: the terms with their sessions, opening a term and closing it."""

from typing import Any

from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from accounts.roles import Role
from api.actions import Action, Read, Write, endpoint
from api.permissions import has_role
from tenants.deputies import services
from tenants.deputies.selectors import term_list

from .serializers import (
    TermOpenInSerializer,
    TermOutSerializer,
    TermSessionInSerializer,
    TermSessionOutSerializer,
)

# The presidium's staff, and the system administrator who sets a new congress up.
TERM_KEEPERS = has_role(Role.STAFF, Role.SYSTEM_ADMIN)


def _term_out(pk: int) -> dict[str, object]:
    return dict(TermOutSerializer(get_object_or_404(term_list(), pk=pk)).data)


def _term_open(request: Request, data: dict[str, Any]) -> dict[str, object]:
    return _term_out(services.term_open(actor=request.user, **data).pk)


TermListView = endpoint(
    Read(
        "term_list",
        "届次（含各次会议）/ the terms, with their sessions",
        lambda request: term_list(),
        answer=TermOutSerializer,
        many=True,
    ),
    Write(
        "term_open",
        "开启新一届 / open a term",
        _term_open,
        body=TermOpenInSerializer,
        responses=TermOutSerializer,
        created=True,
    ),
    permission=TERM_KEEPERS,
)


TERM = Action(
    permission=TERM_KEEPERS,
    lookup=lambda request, pk: get_object_or_404(term_list(), pk=pk),
    output=lambda request, term: _term_out(term.pk),
    responses=TermOutSerializer,
    keyword="term",
)

TermCloseView = TERM.step("term_close", "结束本届 / close the term", services.term_close)
TermSessionView = TERM.step(
    "term_session_add",
    "增加一次会议 / schedule the term's next session",
    services.term_session_add,
    body=TermSessionInSerializer,
    answer=TermSessionOutSerializer,
    created=True,
    find_first=True,
)
