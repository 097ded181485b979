"""`or_404` answers what was found, or refuses with a 404 carrying the given words and code."""

import pytest
from rest_framework.exceptions import NotFound

from api.errors import or_404


def test_or_404_answers_what_was_found() -> None:
    assert or_404(0, "gone") == 0


def test_or_404_refuses_nothing_with_its_words_and_code() -> None:
    with pytest.raises(NotFound) as refused:
        or_404(None, "该活动不存在。", code="activity_unknown")
    assert refused.value.detail == "该活动不存在。"
    assert refused.value.get_codes() == "activity_unknown"


def test_or_404_refuses_with_the_general_words_and_code_by_default() -> None:
    with pytest.raises(NotFound) as refused:
        or_404(None)
    assert refused.value.detail == NotFound.default_detail
    assert refused.value.get_codes() == "not_found"
