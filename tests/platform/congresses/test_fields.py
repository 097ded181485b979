"""A public-schema record's reference to a congress (congresses/fields.py)."""

from django.db import models

from congresses.fields import congress_reference
from congresses.models import Congress
from rollups.models import Rollup
from supervision.models import Guidance


def test_a_congress_reference_keeps_the_congress_and_gives_it_no_accessor_back() -> None:
    field = congress_reference("发文单位")

    _name, _path, args, kwargs = field.deconstruct()
    assert args == []
    assert kwargs == {
        "to": "congresses.congress",
        "verbose_name": "发文单位",
        "on_delete": models.PROTECT,
        "related_name": "+",
    }


def test_a_record_that_goes_with_its_congress_says_so() -> None:
    field = Rollup._meta.get_field("congress")

    assert isinstance(field, models.ForeignKey)
    assert field.remote_field.model is Congress
    assert field.remote_field.on_delete is models.CASCADE
    assert field.remote_field.related_name == "+"


def test_a_declared_reference_names_its_role() -> None:
    field = Guidance._meta.get_field("issuer")

    assert isinstance(field, models.ForeignKey)
    assert (str(field.verbose_name), field.remote_field.on_delete) == ("发文单位", models.PROTECT)
