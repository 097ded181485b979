"""点名签到 over HTTP: staff take the roll (by list, sheet or card); nobody else may; the paper
issue list shows who is present; every refusal a 4xx that names its field."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import tenant_context

from accounts.models import User
from audit.models import AuditEntry
from tenants.linkage.duty.models import DutyEntry
from tenants.voting.models import Attendance, Cycle
from tests.api.hall import member
from tests.conftest import World, client_on
from tests.factories import sign_in_sheet
from tests.tenants.voting.factories import make_setup

API = "/api/v1/voting"


def _post(client: Client, path: str, body: object) -> Any:
    return client.post(path, body, content_type="application/json")


def _setup(world: World, deputies: int = 6) -> tuple[Cycle, list[int], list[str], Client, str]:
    """A hybrid cycle in its voting phase, nobody signed in: the cycle, its deputies' ids and
    names, town A's staff, and the cycle's roll-call URL."""
    with tenant_context(world.town_a):
        setup = make_setup(deputies=deputies, candidates=3, seats=1, present=0, channel="hybrid")
    ids, names = [d.pk for d in setup.deputies], [d.name for d in setup.deputies]
    staff = client_on(world.town_a, world.staff_a)
    return setup.cycle, ids, names, staff, f"{API}/cycles/{setup.cycle.pk}/roll-call"


def _other(world: World, username: str, roles: list[str]) -> Client:
    return client_on(
        world.town_a, member(User.objects.create(username=username), world.town_a, roles)
    )


def test_staff_take_the_roll_by_list_and_the_issue_list_shows_who_is_present(
    world: World,
) -> None:
    cycle, ids, _names, staff, url = _setup(world)

    before = staff.get(url).json()
    marked = _post(staff, url, {"deputy_ids": [ids[0], ids[1], ids[2], ids[3], ids[0]]})
    after = staff.get(url).json()
    opened = _post(staff, f"{API}/cycles/{cycle.pk}/rounds", {})
    round_id = opened.json()["id"]
    issue_list = staff.get(f"{API}/rounds/{round_id}/paper-ballots")
    issued = _post(staff, f"{API}/rounds/{round_id}/paper-ballots", {"deputy_id": ids[0]})
    absent = _post(staff, f"{API}/rounds/{round_id}/paper-ballots", {"deputy_id": ids[5]})
    late = _post(staff, url, {"deputy_ids": [ids[5]]})
    frozen = staff.get(url).json()
    listed = {d["id"]: d for d in staff.get(f"{API}/rounds/{round_id}/paper-ballots").json()}

    assert (before["entitled_count"], before["present_count"], before["closed_reason"]) == (
        6,
        0,
        "",
    )
    assert marked.status_code == 200
    assert marked.json()["marked"] == ids[:4] and marked.json()["present_count"] == 4
    assert [d["present"] for d in after["deputies"]].count(True) == 4
    assert opened.status_code == 201
    assert opened.json()["present_count"] == 4
    assert issue_list.status_code == 200
    assert sum(d["present"] for d in issue_list.json()) == 4
    assert issued.status_code == 201
    assert absent.status_code == 403
    assert absent.json()["code"] == "not_signed_in"
    assert "尚未签到" in absent.json()["detail"] and "请先签到" not in absent.json()["detail"]
    assert late.status_code == 409 and late.json()["code"] == "attendance_frozen"
    assert frozen["closed_reason"] and frozen["present_count"] == 4
    assert listed[ids[0]]["took_part"] == "paper" and listed[ids[1]]["took_part"] is None
    assert listed[ids[5]]["present"] is False


def test_only_staff_take_the_roll(world: World) -> None:
    cycle, ids, names, _staff, url = _setup(world)
    deputy = _other(world, "rc-deputy", ["deputy"])
    teller = _other(world, "rc-teller", ["teller"])

    for client in (deputy, teller):
        assert client.get(url).status_code == 403
        assert _post(client, url, {"deputy_ids": [ids[0]]}).status_code == 403
        assert _post(client, f"{url}/card", {"token": "x"}).status_code == 403
        assert client.post(f"{url}/sheet", {"file": sign_in_sheet((names[0],))}).status_code == 403
        assert client.get(f"{url}/cards").status_code == 403
    assert client_on(world.town_b, world.staff_b).get(url).status_code in (403, 404)
    with tenant_context(world.town_a):
        assert not Attendance.objects.at_session().filter(cycle=cycle).exists()


def test_a_sheet_with_unknown_names_is_refused_with_its_rows_and_a_good_one_is_taken(
    world: World,
) -> None:
    cycle, _ids, names, staff, url = _setup(world)
    url += "/sheet"

    refused = staff.post(url, {"file": sign_in_sheet((names[0], "查无此人", names[1]))})
    with tenant_context(world.town_a):
        nobody = not Attendance.objects.at_session().filter(cycle=cycle).exists()
    taken = staff.post(url, {"file": sign_in_sheet((names[0], names[1], names[0]))})
    garbage = staff.post(url, {"file": SimpleUploadedFile("a.xlsx", b"junk")})
    wrong_meeting = staff.post(url, {"file": sign_in_sheet((names[0],)), "meeting": "party"})

    assert refused.status_code == 400 and refused.json()["code"] == "roll_call_sheet_unmatched"
    assert "file" in refused.json()["fields"]
    assert [r["status"] for r in refused.json()["rows"]] == ["marked", "unknown", "marked"]
    assert nobody
    assert taken.status_code == 200
    assert [r["status"] for r in taken.json()["rows"]] == ["marked", "marked", "duplicate"]
    assert taken.json()["present_count"] == 2
    assert garbage.status_code == 400 and garbage.json()["code"] == "import_file_invalid"
    assert wrong_meeting.status_code == 400


def test_a_card_scanned_at_the_door_marks_its_holder(world: World) -> None:
    _cycle, ids, names, staff, url = _setup(world)
    listed = staff.get(f"{url}/cards").json()
    cards = {c["id"]: c["token"] for c in listed}
    assert len(listed) == 6 and all(c["svg"].startswith("<svg") for c in listed)

    scanned = _post(staff, f"{url}/card", {"token": cards[ids[2]]})
    bad = _post(staff, f"{url}/card", {"token": "12345"})
    empty = _post(staff, f"{url}/card", {"token": ""})
    bad_ids = _post(staff, url, {"deputy_ids": ["x"]})
    none = _post(staff, url, {"deputy_ids": []})
    bad_query = staff.get(f"{url}?meeting=nope")

    assert scanned.status_code == 200
    assert scanned.json()["deputy_name"] == names[2] and scanned.json()["marked"] == [ids[2]]
    assert bad.status_code == 400 and bad.json()["code"] == "card_invalid"
    assert empty.status_code == 400
    assert bad_ids.status_code == 400 and none.status_code == 400
    assert bad_query.status_code == 400


def test_a_deputy_marked_by_mistake_is_unmarked_before_the_vote_and_not_after(
    world: World,
) -> None:
    cycle, ids, _names, staff, url = _setup(world)
    _post(staff, url, {"deputy_ids": ids[:5]})
    with tenant_context(world.town_a):
        counted = DutyEntry.objects.filter(
            deputy_id=ids[4], kind="session", state=DutyEntry.State.COUNTED
        )
        assert counted.count() == 1

    # When staff take back the fifth mark
    unmarked = _post(staff, f"{url}/unmark", {"deputy_id": ids[4]})

    # Then the roll has four present, the 出席会议 is withdrawn and the act is in the log
    assert unmarked.status_code == 200, unmarked.content
    assert unmarked.json()["present_count"] == 4
    present = {d["id"] for d in staff.get(url).json()["deputies"] if d["present"]}
    assert present == set(ids[:4])
    with tenant_context(world.town_a):
        assert counted.count() == 0
        entry = AuditEntry.objects.filter(action="voting.roll_call_unmark").get()
        assert entry.payload == {"deputy": ids[4], "meeting": "session"}
    # a deputy not present, a bad id and another role are refused
    again = _post(staff, f"{url}/unmark", {"deputy_id": ids[4]})
    assert again.status_code == 400 and "deputy_id" in again.json()["fields"]
    assert "deputy_id" in _post(staff, f"{url}/unmark", {"deputy_id": "x"}).json()["fields"]
    deputy = _other(world, "rc-unmark-deputy", ["deputy"])
    assert _post(deputy, f"{url}/unmark", {"deputy_id": ids[0]}).status_code == 403

    # When the round has opened, attendance is frozen: unmarking is refused
    assert _post(staff, f"{API}/cycles/{cycle.pk}/rounds", {}).status_code == 201
    frozen = _post(staff, f"{url}/unmark", {"deputy_id": ids[0]})
    assert frozen.status_code == 409
    assert frozen.json()["code"] == "attendance_frozen"
    with tenant_context(world.town_a):
        assert Attendance.objects.at_session().filter(cycle=cycle).count() == 4
