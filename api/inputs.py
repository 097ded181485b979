from typing import Any

from rest_framework import serializers
from rest_framework.request import Request


def validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The request body checked by `serializer_class`; a 400 with every field's reason if not."""
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


def queried(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The query string checked by `serializer_class`; a 400 naming each bad parameter if not.

    Filters parsed by hand (`int(value) if value.isdigit()`) answered 500 to a superscript digit
    or to a year past 9999; every numeric filter goes through a serializer instead.
    """
    data = serializer_class(data=request.query_params)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


class YearQuery(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="年度 / year"
    )
