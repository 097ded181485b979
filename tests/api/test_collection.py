"""`collection` (api/actions.py): a list and the way to add to it, shown through one serializer."""

from typing import Any

from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory

from api.actions import Read, Write, collection


class _Item(serializers.Serializer):
    n = serializers.IntegerField()


ITEMS = collection(
    _Item,
    Read("item_list", "list", lambda request, pk: [{"n": pk, "hidden": 1}, {"n": pk + 1}]),
    Write("item_add", "add", lambda request, data, pk: {**data, "hidden": pk}, body=_Item),
    permission=AllowAny,
)


def _called(method: str, body: Any = None) -> tuple[int, Any]:
    request = getattr(APIRequestFactory(), method)("/items", body, format="json")
    response = ITEMS.as_view()(request, pk=3)
    return response.status_code, response.data


def test_a_collection_lists_every_item_through_its_serializer() -> None:
    assert _called("get") == (200, [{"n": 3}, {"n": 4}])
    assert ITEMS.__name__ == "ItemListView"


def test_a_collection_answers_an_addition_with_the_new_item_and_201() -> None:
    assert _called("post", {"n": 7}) == (201, {"n": 7})
    assert _called("post", {"n": "many"})[0] == 400
