"""The shared shape of the api's endpoints, declared as data instead of written as view classes.

`endpoint(Read(...), Write(...))` is one path's view: each method says who may call it, what it
reads (a query serializer) or takes (a body serializer), the one function that answers, and what
the answer shows; the OpenAPI operation is made from the same declaration. `Action` is the
shape of `POST .../<pk>/<verb>`, which checks the caller's role, validates the body, finds the
object, calls one service and answers with the object as it now is; and of the `GET .../<pk>`
that reads the object the same way (see `opinion_sort` or `supervision_round_open`, each a
`step`: one service called with the object, the actor and the body). A view that
does more stays a class of its own."""

import sys
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, replace
from typing import Any, Generic, TypedDict, TypeVar, Unpack

from django.http.response import HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.inputs import queried, validated

T = TypeVar("T")
Serializer = type[serializers.Serializer]


def _shown(answer: Serializer | None, found: Any, many: bool = False) -> Any:
    """`found` through the serializer `answer` (none: as it is, already the answer's data)."""
    if isinstance(found, HttpResponseBase) or answer is None:
        return found
    return answer(found, many=many).data


def _answered(answered: Any, code: int) -> HttpResponseBase:
    """An answer that is a response of its own (one with headers, or a file to download) is
    answered as it is."""
    return answered if isinstance(answered, HttpResponseBase) else Response(answered, status=code)


@dataclass(frozen=True)
class Read:
    """`GET`: `find(request, **path)`, or `find(request, query, **path)` with the query string
    checked by `query` (a 400 naming each bad parameter), shown through `answer` (a list of them
    when `many`); `responses` is the schema when `find` answers with data of its own, and
    `parameters` declare the query parameters that `find` reads itself (`from`, a keyword, or
    one whose unknown values mean its default)."""

    operation_id: str
    summary: str
    find: Callable[..., Any]
    _: KW_ONLY
    answer: Serializer | None = None
    many: bool = False
    query: Serializer | None = None
    permission: type[BasePermission] | None = None
    responses: Any = None
    parameters: list[Any] | None = None
    method = "get"

    def schema(self) -> dict[str, Any]:
        shown = self.answer(many=True) if self.many and self.answer else self.answer
        declared = ([self.query] if self.query is not None else []) + (self.parameters or [])
        parameters = {"parameters": declared} if declared else {}
        return {"responses": self.responses or shown, **parameters}

    def handle(self, request: Request, path: dict[str, Any]) -> HttpResponseBase:
        if self.query is None:
            found = self.find(request, **path)
        else:
            found = self.find(request, queried(self.query, request), **path)
        return _answered(_shown(self.answer, found, self.many), status.HTTP_200_OK)


@dataclass(frozen=True)
class Write:
    """A writing method (`POST` unless `method` says otherwise): the body checked by `body` (a
    400 with every field's reason), then `run(request, data, **path)`, whose result is shown
    through `answer` with 201 when `created`. `DELETE`, and a write that is `empty`, answer 204
    with no body. With `find`, what it acts on is found first (`find(request, **path)`: a 404 or
    403 whatever the body), then the body checked: `run(request, found, data)`."""

    operation_id: str
    summary: str
    run: Callable[..., Any]
    _: KW_ONLY
    body: Serializer | None = None
    answer: Serializer | None = None
    created: bool = False
    permission: type[BasePermission] | None = None
    responses: Any = None
    method: str = "post"
    empty: bool = False
    find: Callable[..., Any] | None = None

    @property
    def code(self) -> int:
        if self.empty or self.method == "delete":
            return status.HTTP_204_NO_CONTENT
        return status.HTTP_201_CREATED if self.created else status.HTTP_200_OK

    def schema(self) -> dict[str, Any]:
        shown = None if self.code == status.HTTP_204_NO_CONTENT else self.responses or self.answer
        return {"request": self.body, "responses": {self.code: shown}}

    def handle(self, request: Request, path: dict[str, Any]) -> HttpResponseBase:
        found = self.find(request, **path) if self.find is not None else None
        data = validated(self.body, request) if self.body is not None else {}
        done = (
            self.run(request, data, **path) if self.find is None else self.run(request, found, data)
        )
        if self.code == status.HTTP_204_NO_CONTENT:
            return Response(status=self.code)
        return _answered(_shown(self.answer, done), self.code)


def endpoint(
    *operations: Read | Write,
    permission: type[BasePermission] | None = None,
    base: type[APIView] = APIView,
    doc: str | None = None,
    throttle_scope: str | None = None,
) -> type[APIView]:
    """One path's view, a method for each operation. Each method asks its operation's
    `permission`, else `permission`, else the base's; a method the path does not take asks
    the first operation's (a 405 only for a caller who may read). `doc` is the description of
    the path's operations; `throttle_scope`, the rate its (throttled) base applies."""
    by_method = {operation.method: operation for operation in operations}
    assert len(by_method) == len(operations), "one operation a method on a path"

    def method(operation: Read | Write) -> Callable[..., HttpResponseBase]:
        @extend_schema(
            operation_id=operation.operation_id, summary=operation.summary, **operation.schema()
        )
        def handler(self: APIView, request: Request, **path: Any) -> HttpResponseBase:
            return operation.handle(request, path)

        return handler

    def get_permissions(self: APIView) -> Any:
        asked = by_method.get(str(self.request.method).lower(), operations[0]).permission
        return [asked()] if asked is not None else base.get_permissions(self)

    attributes: dict[str, Any] = {name: method(op) for name, op in by_method.items()}
    attributes.update(get_permissions=get_permissions, __doc__=doc)
    if throttle_scope is not None:
        attributes["throttle_scope"] = throttle_scope
    if permission is not None:
        attributes["permission_classes"] = [permission]
    return _named(type("Endpoint", (base,), attributes), operations[0].operation_id)


def collection(answer: Serializer, listed: Read, added: Write, **options: Any) -> type[APIView]:
    """A list and the way to add to it, one path: `listed` answers with every item and `added`
    with the new one (201), each through `answer`; `options` as `endpoint` takes them."""
    return endpoint(
        replace(listed, answer=answer, many=True),
        replace(added, answer=answer, created=True),
        **options,
    )


class ViewOptions(TypedDict, total=False):
    """The options of an `Action`'s `view` besides its operation and `run` (see there)."""

    body: type[serializers.Serializer] | None
    permission: type[BasePermission] | None
    created: bool
    answer: type[serializers.Serializer] | None
    find_first: bool


class Action(Generic[T]):
    """What the actions of one kind of object share: the role that may act, how the object is
    found for the caller (a 404 when it is not theirs), and what the answer shows of it:
    `output(request, object)`, or without one the object through the serializer `responses`;
    `keyword`, the name the kind's services take the object by (`opinion=`), for `step`."""

    def __init__(
        self,
        *,
        permission: type[BasePermission],
        lookup: Callable[[Request, int], T],
        responses: type[serializers.Serializer],
        output: Callable[[Request, T], Any] | None = None,
        keyword: str | None = None,
    ) -> None:
        self.permission, self.lookup, self.responses = permission, lookup, responses
        self.output = output or (lambda request, found: responses(found).data)
        self.keyword = keyword

    def step(
        self,
        operation_id: str,
        summary: str,
        service: Callable[..., Any],
        **options: Unpack[ViewOptions],
    ) -> type[APIView]:
        """An action that is one service call, `service(<keyword>=object, actor=caller,
        **body)`: `view` with that `run`, its options as `view` takes them."""
        keyword = self.keyword
        assert keyword is not None, "a step calls the service with the object by its keyword"

        def run(request: Request, found: T, data: dict[str, Any]) -> Any:
            return service(**{keyword: found}, actor=request.user, **data)

        return self.view(operation_id=operation_id, summary=summary, run=run, **options)

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
            def post(self, request: Request, pk: int) -> HttpResponseBase:
                if find_first:
                    found = action.lookup(request, pk)
                    data = read(request)
                else:
                    data = read(request)
                    found = action.lookup(request, pk)
                return _answered(output(request, run(request, found, data)), code)

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
            def get(self, request: Request, pk: int) -> HttpResponseBase:
                return _answered(output(request, action.lookup(request, pk)), status.HTTP_200_OK)

        return _named(ReadView, operation_id)


def _named(view: type[APIView], operation_id: str) -> type[APIView]:
    """The view named for its operation (`opinion_sort`: OpinionSortView), in logs and errors,
    and placed in the module that declared it (as `collections.namedtuple` does): the first
    caller outside this module."""
    name = "".join(part.title() for part in operation_id.split("_"))
    view.__name__ = view.__qualname__ = f"{name}View"
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    view.__module__ = frame.f_globals.get("__name__", view.__module__)
    return view
