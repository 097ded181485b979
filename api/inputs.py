from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.request import Request

from api.labels import field_labels


class InvalidFields(serializers.ValidationError):
    """A serializer's refusal that knows what its form calls each refused field."""

    def __init__(self, serializer: serializers.Serializer) -> None:
        errors = serializer.errors
        super().__init__(_blank_choices_said_blank(serializer, dict(errors)))
        self.labels = field_labels(serializer, errors.keys())


def _blank_choices_said_blank(
    serializer: serializers.Serializer, errors: dict[str, Any]
) -> dict[str, Any]:
    # An empty pick answers '"" is not a valid choice.'; the person left the field empty.
    initial = getattr(serializer, "initial_data", {})
    for name, messages in errors.items():
        field = serializer.fields.get(name)
        if (
            isinstance(field, serializers.ChoiceField)
            and hasattr(initial, "get")
            and initial.get(name) in ("", None)
            and isinstance(messages, list)
        ):
            blank = serializers.CharField.default_error_messages["blank"]
            errors[name] = [ErrorDetail(str(blank), code="blank")]
    return errors


def checked(serializer: serializers.Serializer) -> serializers.Serializer:
    """`serializer` once its data passed; a 400 naming each refused field and its reason if not."""
    if not serializer.is_valid():
        raise InvalidFields(serializer)
    return serializer


def validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The request body checked by `serializer_class`; a 400 with every field's reason if not."""
    return dict(checked(serializer_class(data=request.data)).validated_data)


def queried(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The query string checked by `serializer_class`; a 400 naming each bad parameter if not.

    Filters parsed by hand (`int(value) if value.isdigit()`) answered 500 to a superscript digit
    or to a year past 9999; every numeric filter goes through a serializer instead.
    """
    return dict(checked(serializer_class(data=request.query_params)).validated_data)


class YearQuery(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="年度 / year"
    )
