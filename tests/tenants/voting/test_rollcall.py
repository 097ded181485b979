"""点名签到: staff mark deputies present by list, by a signed sheet and by a card at the door;
each counts as the deputy's own sign-in would (once, 出席会议 once), and none after the vote began."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from audit.models import AuditEntry
from congresses.models import Congress
from ops.errors import DomainError
from tenants.linkage.duty.models import DutyEntry
from tenants.voting import rollcall
from tenants.voting.evaluation import evaluation_open, evaluation_set_rules
from tenants.voting.models import Attendance
from tenants.voting.paper import tally_enter
from tenants.voting.services import attendance_sign_in, paper_issue, round_close, round_open
from tests.conftest import World
from tests.factories import xlsx

from .factories import make_implementing, make_setup


@pytest.fixture
def clerk(world: World) -> User:
    return world.staff_a


def _sheet(*rows: tuple[object, ...], header: tuple[str, ...] = ("姓名", "代表编号")) -> bytes:
    return xlsx(header, *rows)


def _duty(cycle_pk: int) -> list[int]:
    return sorted(
        DutyEntry.objects.filter(source_ref=f"voting-cycle-{cycle_pk}").values_list(
            "deputy_id", flat=True
        )
    )


def test_a_roll_call_by_list_marks_each_deputy_once_and_the_audit_says_who_marked_whom(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=5, present=1)
    first, second, third = setup.deputies[:3]

    found = rollcall.roll_call_mark(
        cycle=setup.cycle, deputy_ids=[second.pk, third.pk, second.pk, first.pk], actor=clerk
    )

    assert found.marked == (second.pk, third.pk) and found.already == (first.pk,)
    assert found.present_count == 3
    assert Attendance.objects.at_session().filter(cycle=setup.cycle).count() == 3
    assert _duty(setup.cycle.pk) == sorted([first.pk, second.pk, third.pk])  # 出席会议 once each
    marks = AuditEntry.objects.filter(action="voting.roll_call")
    assert marks.count() == 2 and {e.actor_id for e in marks} == {clerk.pk}
    assert sorted(e.payload["deputy"] for e in marks) == sorted([second.pk, third.pk])
    assert {e.payload["by"] for e in marks} == {"list"}

    again = rollcall.roll_call_mark(cycle=setup.cycle, deputy_ids=[second.pk], actor=clerk)
    attendance_sign_in(cycle=setup.cycle, deputy=third, actor=None)  # and on the phone

    assert again.marked == () and again.already == (second.pk,)
    assert Attendance.objects.at_session().filter(cycle=setup.cycle).count() == 3
    assert _duty(setup.cycle.pk) == sorted([first.pk, second.pk, third.pk])


def test_a_roll_call_naming_someone_off_the_roll_marks_nobody(town: Congress, clerk: User) -> None:
    setup = make_setup(deputies=3, present=0)

    with pytest.raises(DomainError) as refused:
        rollcall.roll_call_mark(
            cycle=setup.cycle, deputy_ids=[setup.deputies[0].pk, 999_999], actor=clerk
        )

    assert refused.value.code == "roll_call_not_entitled" and refused.value.field == "deputy_ids"
    assert "999999" in refused.value.message
    assert not Attendance.objects.at_session().filter(cycle=setup.cycle).exists()


def test_attendance_is_refused_once_the_vote_began_and_after_it_closed_is_never_scored(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=6, present=5, channel="paper")
    late = setup.deputies[5]
    round_ = round_open(cycle=setup.cycle, actor=None)
    with pytest.raises(DomainError) as during:
        rollcall.roll_call_mark(cycle=setup.cycle, deputy_ids=[late.pk], actor=clerk)
    for deputy in setup.deputies[:5]:
        paper_issue(round_id=round_.pk, deputy=deputy, actor=clerk)
    with pytest.raises(DomainError) as unsigned:
        paper_issue(round_id=round_.pk, deputy=late, actor=clerk)
    counts = {str(c.pk): {"yes": 5} for c in round_.candidates.all()}
    for teller in (User.objects.create(username="t1"), User.objects.create(username="t2")):
        tally_enter(round_id=round_.pk, teller=teller, counts=counts, returned=5, invalid=0)
    closed = round_close(round_id=round_.pk, actor=None)

    with pytest.raises(DomainError) as phone_after:
        attendance_sign_in(cycle=setup.cycle, deputy=late, actor=None)
    with pytest.raises(DomainError) as staff_after:
        rollcall.roll_call_mark(cycle=setup.cycle, deputy_ids=[late.pk], actor=clerk)
    token = rollcall.deputy_card_token(late)
    with pytest.raises(DomainError) as card_after:
        rollcall.roll_call_card(cycle=setup.cycle, token=token, actor=clerk)

    assert during.value.code == "attendance_frozen"
    assert unsigned.value.code == "not_signed_in" and late.name in unsigned.value.message
    assert "请先签到" not in unsigned.value.message  # said to the staff member, not the deputy
    assert phone_after.value.code == staff_after.value.code == card_after.value.code
    assert phone_after.value.code == "attendance_frozen"
    closed.refresh_from_db()
    assert closed.present_count == 5
    assert Attendance.objects.at_session().filter(cycle=setup.cycle).count() == 5
    assert late.pk not in _duty(setup.cycle.pk)


def test_a_signed_sheet_is_matched_by_name_or_number_and_duplicates_count_once(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=5, present=0)
    d = setup.deputies
    attendance_sign_in(cycle=setup.cycle, deputy=d[3], actor=None)
    data = _sheet(
        (d[0].name, None),
        (None, d[1].pk),
        (d[2].name, d[2].pk),
        (),
        (d[0].name, None),  # signed twice
        (d[3].name, None),  # signed on the phone as well
    )

    found = rollcall.roll_call_sheet(cycle=setup.cycle, data=data, actor=clerk)

    assert found.marked == (d[0].pk, d[1].pk, d[2].pk) and found.already == (d[3].pk,)
    assert [(r.row, r.status) for r in found.rows] == [
        (2, "marked"),
        (3, "marked"),
        (4, "marked"),
        (6, "duplicate"),
        (7, "already"),
    ]
    assert found.present_count == 4
    assert _duty(setup.cycle.pk) == sorted(x.pk for x in d[:4])
    assert {e.payload["by"] for e in AuditEntry.objects.filter(action="voting.roll_call")} == {
        "sheet"
    }


def test_a_sheet_is_written_in_as_many_queries_for_sixty_rows_as_for_six(
    town: Congress, clerk: User
) -> None:
    # A city congress imports sheets of hundreds of rows: the writes (attendance, audit, 出席会议)
    # go in bulk, so the queries do not grow with the rows.
    small, large = make_setup(deputies=6, present=0), make_setup(deputies=60, present=0, year=2028)
    queries = []
    for setup in (small, large):
        with CaptureQueriesContext(connection) as captured:
            found = rollcall.roll_call_sheet(
                cycle=setup.cycle,
                data=_sheet(*((d.name, d.pk) for d in setup.deputies)),
                actor=clerk,
            )
        assert found.present_count == len(setup.deputies)
        assert _duty(setup.cycle.pk) == sorted(d.pk for d in setup.deputies)
        queries.append(len(captured))

    assert queries[0] == queries[1]
    assert AuditEntry.objects.filter(action="voting.roll_call").count() == 66
    assert AuditEntry.objects.filter(action="duty.entry_record").count() >= 66


def test_a_sheet_with_names_not_on_the_roll_is_refused_whole_with_a_report_per_row(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=3, present=0)
    d = setup.deputies
    data = _sheet((d[0].name, None), ("张不在", None), (d[1].name, 999_999), (d[2].name, None))

    with pytest.raises(DomainError) as refused:
        rollcall.roll_call_sheet(cycle=setup.cycle, data=data, actor=clerk)

    assert refused.value.code == "roll_call_sheet_unmatched" and refused.value.field == "file"
    assert "第 3、4 行" in refused.value.message
    rows = refused.value.extra["rows"]
    assert isinstance(rows, list)
    assert [(r["row"], r["status"]) for r in rows] == [
        (2, "marked"),
        (3, "unknown"),
        (4, "unknown"),
        (5, "marked"),
    ]
    assert rows[1]["message"] == "名册中没有该代表"
    assert not Attendance.objects.at_session().filter(cycle=setup.cycle).exists()


def test_a_sheet_that_is_not_a_workbook_or_has_no_name_column_is_refused(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=2, present=0)

    with pytest.raises(DomainError) as garbage:
        rollcall.roll_call_sheet(cycle=setup.cycle, data=b"not a workbook", actor=clerk)
    with pytest.raises(DomainError) as headless:
        rollcall.roll_call_sheet(
            cycle=setup.cycle, data=_sheet(("x",), header=("签名",)), actor=clerk
        )

    assert garbage.value.code == "import_file_invalid"
    assert headless.value.code == "import_columns_missing"


def test_a_card_at_the_door_marks_its_holder_and_a_forged_card_marks_nobody(
    town: Congress, clerk: User
) -> None:
    setup = make_setup(deputies=3, present=0)
    holder = setup.deputies[0]
    token = rollcall.deputy_card_token(holder)

    deputy, found = rollcall.roll_call_card(cycle=setup.cycle, token=f" {token}\n", actor=clerk)
    _, twice = rollcall.roll_call_card(cycle=setup.cycle, token=token, actor=clerk)
    with pytest.raises(DomainError) as typed:
        rollcall.roll_call_card(cycle=setup.cycle, token=str(setup.deputies[1].pk), actor=clerk)
    with pytest.raises(DomainError) as forged:
        rollcall.roll_call_card(
            cycle=setup.cycle, token=f"{setup.deputies[1].pk}:{token.split(':')[1]}", actor=clerk
        )

    assert deputy == holder and found.marked == (holder.pk,) and twice.already == (holder.pk,)
    assert typed.value.code == forged.value.code == "card_invalid"
    assert list(
        Attendance.objects.at_session().filter(cycle=setup.cycle).values_list("deputy", flat=True)
    ) == [holder.pk]


def test_the_evaluation_meeting_takes_its_own_roll_call_until_it_opens(
    town: Congress, clerk: User
) -> None:
    setup = make_implementing(deputies=6)
    evaluation_set_rules(cycle=setup.cycle, actor=None, channel="paper")
    ids = [d.pk for d in setup.deputies[:4]]

    found = rollcall.roll_call_mark(
        cycle=setup.cycle, deputy_ids=ids, meeting="evaluation", actor=clerk
    )
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    with pytest.raises(DomainError) as late:
        rollcall.roll_call_mark(
            cycle=setup.cycle, deputy_ids=[setup.deputies[5].pk], meeting="evaluation", actor=clerk
        )

    assert found.present_count == 4
    assert Attendance.objects.at_evaluation().filter(cycle=setup.cycle).count() == 4
    assert round_.present_count == 4
    assert late.value.code == "wrong_phase"
    assert AuditEntry.objects.filter(action="voting.evaluation_roll_call").count() == 4
