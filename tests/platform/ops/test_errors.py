"""A required text left blank is refused with the caller's code, message and field."""

import pytest

from ops.errors import DomainError, require_text


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_a_blank_text_is_refused_with_the_given_code_and_field(blank: str) -> None:
    with pytest.raises(DomainError) as refused:
        require_text(blank, "title_required", "请填写标题。", field="title")

    assert (refused.value.code, refused.value.message, refused.value.field) == (
        "title_required",
        "请填写标题。",
        "title",
    )
    assert refused.value.status == 400


def test_a_text_with_content_passes() -> None:
    require_text(" 标题 ", "title_required", "请填写标题。")
