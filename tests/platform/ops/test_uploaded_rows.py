"""Reading an uploaded workbook (ops/spreadsheet.py `uploaded_rows`, `cell_read`), as the roster
import and the roll-call sheet do."""

import pytest

from ops.errors import DomainError
from ops.spreadsheet import cell_read, uploaded_rows
from tests.factories import xlsx


def test_the_first_sheets_values_are_read_row_by_row() -> None:
    data = xlsx(("姓名", "手机号"), ("王建国", 13900000001))

    with uploaded_rows(data, max_bytes=len(data), too_large="too large") as rows:
        read = list(rows)

    assert read == [("姓名", "手机号"), ("王建国", 13900000001)]


def test_a_file_over_the_limit_is_refused_with_the_callers_message() -> None:
    data = xlsx(("姓名",))

    with (
        pytest.raises(DomainError) as refused,
        uploaded_rows(data, max_bytes=len(data) - 1, too_large="文件超过 2 MB。"),
    ):
        pass

    assert (refused.value.code, refused.value.message) == (
        "import_file_too_large",
        "文件超过 2 MB。",
    )
    assert refused.value.field == "file"


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    with (
        pytest.raises(DomainError) as refused,
        uploaded_rows(b"name,phone\n", max_bytes=1024, too_large="too large"),
    ):
        pass

    assert refused.value.code == "import_file_invalid"
    assert refused.value.field == "file"


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), ("  王建国 ", "王建国"), (13900000001.0, "13900000001"), (2.5, "2.5"), (7, "7")],
)
def test_a_cell_reads_as_trimmed_text_and_a_whole_number_without_its_fraction(
    value: object, text: str
) -> None:
    assert cell_read(value) == text
