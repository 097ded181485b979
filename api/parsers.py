"""The API's one JSON parser: DRF's, with a bound on nesting.

No request the API understands nests deeper than a few levels, and Python's decoder recurses per
level: a body of 100,000 brackets raised RecursionError (a 500) in every JSON endpoint. Bodies
nested deeper than MAX_DEPTH are refused with a 400 before any view sees them.
"""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def _depth_exceeds(value: Any, limit: int) -> bool:
    # Iterative, so the check itself cannot run out of stack.
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        too_deep = ParseError(_("请求内容嵌套层级过深。"), code="too_deep")
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise too_deep from error
        if _depth_exceeds(data, MAX_DEPTH):
            raise too_deep
        return data
