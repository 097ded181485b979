"""The bases the api's views share, so that a view says what kind of endpoint it is instead of
repeating the attributes that make it one. (Comments, not docstrings, below: a view's docstring
is its operation's description in the OpenAPI schema, and subclasses would inherit these.)"""

from typing import Any

from rest_framework.permissions import AllowAny
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
