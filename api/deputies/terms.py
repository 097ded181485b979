"""届次管理 over HTTP: the terms with their sessions, opening a term and closing it."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.actions import Action
from api.inputs import validated
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


class TermListView(APIView):
    permission_classes = [TERM_KEEPERS]

    @extend_schema(
        operation_id="term_list",
        responses=TermOutSerializer(many=True),
        summary="届次（含各次会议）/ the terms, with their sessions",
    )
    def get(self, request: Request) -> Response:
        return Response(TermOutSerializer(term_list(), many=True).data)

    @extend_schema(
        operation_id="term_open",
        request=TermOpenInSerializer,
        responses={201: TermOutSerializer},
        summary="开启新一届 / open a term",
    )
    def post(self, request: Request) -> Response:
        term = services.term_open(actor=request.user, **validated(TermOpenInSerializer, request))
        return Response(_term_out(term.pk), status=status.HTTP_201_CREATED)


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
