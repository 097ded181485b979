"""The shared shape of an action endpoint: `POST .../<pk>/<verb>`, which checks the caller's role,
validates the body, finds the object, calls one service and answers with the object as it now
is; and of the `GET .../<pk>` that reads the object the same way. A module declares each action
as data (see `opinion_sort` or `supervision_round_open`) instead of writing the same view class
again; a view that does more stays a class of its own."""

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.inputs import validated

T = TypeVar("T")


class Action(Generic[T]):
    """What the actions of one kind of object share: the role that may act, how the object is
    found for the caller (a 404 when it is not theirs), and what the answer shows of it."""

    def __init__(
        self,
        *,
        permission: type[BasePermission],
        lookup: Callable[[Request, int], T],
        output: Callable[[Request, T], Any],
        responses: type[serializers.Serializer],
    ) -> None:
        self.permission, self.lookup, self.output = permission, lookup, output
        self.responses = responses

    def view(
        self,
        *,
        operation_id: str,
        summary: str,
        run: Callable[[Request, T, dict[str, Any]], Any],
        body: type[serializers.Serializer] | None = None,
        permission: type[BasePermission] | None = None,
        created: bool = False,
        answer: type[serializers.Serializer] | None = None,
        find_first: bool = False,
    ) -> type[APIView]:
        """One endpoint: `run(request, object, validated body)` calls the service and returns
        the object to answer with. `permission` overrides the kind's role for this action;
        `created` answers 201, for an action that adds something to the object; `answer`, when
        the action answers with what `run` returns (a milestone added to a project) rather than
        the object, is the serializer that shows it. The body is checked before the object is
        looked up, unless `find_first` (an unknown object is then a 404 whatever the body). An
        output that is a response of its own (one with headers) is answered as it is."""
        action = self
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK

        def read(request: Request) -> dict[str, Any]:
            return validated(body, request) if body is not None else {}

        def output(request: Request, result: Any) -> Any:
            return answer(result).data if answer is not None else action.output(request, result)

        class ActionView(APIView):
            permission_classes = [permission or action.permission]

            @extend_schema(
                operation_id=operation_id,
                request=body,
                responses={code: answer or action.responses},
                summary=summary,
            )
            def post(self, request: Request, pk: int) -> Response:
                if find_first:
                    found = action.lookup(request, pk)
                    data = read(request)
                else:
                    data = read(request)
                    found = action.lookup(request, pk)
                answered = output(request, run(request, found, data))
                if isinstance(answered, Response):
                    return answered
                return Response(answered, status=code)

        return _named(ActionView, operation_id)

    def read(
        self,
        *,
        operation_id: str,
        summary: str,
        permission: type[BasePermission] | None = None,
        show: Callable[[Request, T], Any] | None = None,
        answer: type[serializers.Serializer] | None = None,
    ) -> type[APIView]:
        """`GET .../<pk>`: the object as the kind's actions answer with it, or what
        `show(request, object)` makes of it, through the serializer `answer` when one is given.
        `permission` is who may read it when that is more than may act on it."""
        action = self

        def output(request: Request, found: T) -> Any:
            if show is None:
                return action.output(request, found)
            shown = show(request, found)
            return answer(shown).data if answer is not None else shown

        class ReadView(APIView):
            permission_classes = [permission or action.permission]

            @extend_schema(
                operation_id=operation_id, responses=answer or action.responses, summary=summary
            )
            def get(self, request: Request, pk: int) -> Response:
                return Response(output(request, action.lookup(request, pk)))

        return _named(ReadView, operation_id)


def _named(view: type[APIView], operation_id: str) -> type[APIView]:
    """The view named for its operation (`opinion_sort`: OpinionSortView), in logs and errors."""
    name = "".join(part.title() for part in operation_id.split("_"))
    view.__name__ = view.__qualname__ = f"{name}View"
    return view
