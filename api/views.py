"""The bases the api's views share, so that a view says what kind of endpoint it is instead of
repeating the attributes that make it one. (Comments, not docstrings, below: a view's docstring
is its operation's description in the OpenAPI schema, and subclasses would inherit these.)"""

from typing import Any

from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView


# The public portal's: anyone, and no session is read (a citizen has no account).
class PublicView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []


# A public form or lookup, limited per client address at the rate its `throttle_scope` names
# (settings' DEFAULT_THROTTLE_RATES).
class ThrottledPublicView(PublicView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope: str


# A view whose one writing method needs another role than its reads: `write_permission` for
# `write_method`, `read_permission` for every other method (as the role sweep reads them).
class ReadWriteView(APIView):
    read_permission: type[BasePermission]
    write_permission: type[BasePermission]
    write_method = "POST"

    def get_permissions(self) -> list[Any]:
        writes = self.request.method == self.write_method
        return [self.write_permission() if writes else self.read_permission()]
