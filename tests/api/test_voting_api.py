"""票决 over HTTP: the deputy's ballot, the chair's control, and every refusal a clear 4xx."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.voting.models import Ballot, Candidate, Participation
from tenants.voting.services import round_open
from tests.api.conftest import cycle_post
from tests.api.hall import Hall, ballot_for, hall_round_open, member
from tests.conftest import World, client_on
from tests.tenants.voting.factories import make_deputies, make_setup


def test_deputies_vote_on_their_phones_and_the_chair_sees_only_the_count(hall: Hall) -> None:
    round_ = hall_round_open(hall)
    url = f"/api/v1/voting/rounds/{round_['id']}"

    receipts = []
    for phone in hall.phones[:4]:
        response = phone.post(f"{url}/ballots", ballot_for(round_), content_type="application/json")
        assert response.status_code == 201
        receipts.append(response.json()["receipt"])
    live = hall.chair.get(url).json()

    assert live["ballots_cast"] == 4 and live["state"] == "open" and live["result"] is None
    assert "choices" not in str(live)
    assert hall.phones[0].get(url).json()["i_voted"] is True
    assert hall.phones[5].get(url).json()["i_voted"] is False
    closed = hall.chair.post(f"{url}/close").json()
    assert (
        closed["state"] == "closed"
        and closed["ballot_count"] == 4
        and closed["entitled_count"] == 6
    )
    # 4 yes of 6 entitled: more than half, but only 2 seats for 3 candidates all at 4: a tie.
    assert closed["result"]["reason"] == "tie"
    check = hall.phones[0].post(
        f"{url}/receipt-check", {"receipt": receipts[0]}, content_type="application/json"
    )
    assert check.json() == {"counted": True}


def test_a_second_ballot_gets_409_and_nothing_more_is_stored(hall: Hall) -> None:
    round_ = hall_round_open(hall)
    url = f"/api/v1/voting/rounds/{round_['id']}/ballots"
    assert (
        hall.phones[0].post(url, ballot_for(round_), content_type="application/json").status_code
        == 201
    )

    again = hall.phones[0].post(url, ballot_for(round_, "no"), content_type="application/json")

    assert again.status_code == 409 and again.json()["code"] == "already_voted"
    assert "重复" in again.json()["detail"]
    with tenant_context(_town(hall)):
        assert Ballot.objects.count() == 1


def _town(hall: Hall) -> Congress:
    return Congress.objects.get(slug="town-a")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"choices": "yes"}, "ballot_malformed"),
        ({"choices": {"999999": "yes"}}, "ballot_malformed"),
        ({}, "invalid"),
    ],
)
def test_a_malformed_ballot_gets_400_and_nothing_is_written(
    hall: Hall, body: dict, code: str
) -> None:
    round_ = hall_round_open(hall)

    response = hall.phones[0].post(
        f"/api/v1/voting/rounds/{round_['id']}/ballots", body, content_type="application/json"
    )

    assert response.status_code == 400 and response.json()["code"] == code
    with tenant_context(_town(hall)):
        assert not Participation.objects.exists() and not Ballot.objects.exists()


def test_voting_outside_the_voting_phase_gets_400_with_the_reason(world: World) -> None:
    with tenant_context(world.town_a):
        deputy = make_deputies(1, users=True, prefix="早投")[0]
    assert deputy.user is not None
    member(deputy.user, world.town_a, ["deputy"])
    staff = client_on(world.town_a, world.staff_a)
    created = cycle_post(staff, 2029)
    assert created.status_code == 201

    response = client_on(world.town_a, deputy.user).post(
        f"/api/v1/voting/cycles/{created.json()['id']}/sign-in"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "wrong_phase" and "征集" in response.json()["detail"]


def test_a_candidate_list_without_surplus_gets_400(world: World) -> None:
    with tenant_context(world.town_a):
        make_deputies(2)
    staff = client_on(world.town_a, world.staff_a)
    cycle = cycle_post(staff, 2030, "2030年", seats=2).json()
    assert staff.post(f"/api/v1/voting/cycles/{cycle['id']}/advance").json()["phase"] == "shortlist"
    for name in ("甲", "乙"):
        added = staff.post(
            f"/api/v1/voting/cycles/{cycle['id']}/candidates",
            {"name": name},
            content_type="application/json",
        )
        assert added.status_code == 201

    response = staff.post(f"/api/v1/voting/cycles/{cycle['id']}/advance")

    assert response.status_code == 400 and response.json()["code"] == "party_review_missing"
    assert staff.get(f"/api/v1/voting/cycles/{cycle['id']}").json()["phase"] == "shortlist"


def test_roles_are_kept_apart(hall: Hall, world: World) -> None:
    round_ = hall_round_open(hall)
    url = f"/api/v1/voting/rounds/{round_['id']}"

    assert (
        hall.chair.post(
            f"{url}/ballots", ballot_for(round_), content_type="application/json"
        ).status_code
        == 403
    )
    assert hall.phones[0].post(f"{url}/close").status_code == 403
    assert (
        hall.phones[0]
        .post(f"/api/v1/voting/cycles/{hall.cycle.pk}/rounds", {}, content_type="application/json")
        .status_code
        == 403
    )
    unit = client_on(
        world.town_a, member(User.objects.create(username="unit-a"), world.town_a, ["unit"])
    )
    # The implementing unit reads the cycle (to answer comments) but takes no part in the vote.
    assert unit.get("/api/v1/voting/cycles").status_code == 200
    assert (
        unit.post(f"{url}/ballots", ballot_for(round_), content_type="application/json").status_code
        == 403
    )
    assert unit.post(f"{url}/close").status_code == 403
    outsider = client_on(
        world.town_a,
        member(User.objects.create(username="sec-a"), world.town_a, ["security_admin"]),
    )
    assert outsider.get("/api/v1/voting/cycles").status_code == 403


def test_a_round_of_another_tenant_is_out_of_reach(hall: Hall, world: World) -> None:
    with tenant_context(world.town_b):
        foreign = make_setup(deputies=3, candidates=2, seats=1, year=2040)
        for candidate in foreign.candidates:
            Candidate.objects.filter(pk=candidate.pk).update(
                name=f"乙镇独有项目{candidate.sequence}"
            )
        foreign_round = round_open(cycle=foreign.cycle, actor=None)
    hall_round_open(hall)

    # On A's host, B's round id names A's round or nothing: never B's.
    response = hall.phones[0].get(f"/api/v1/voting/rounds/{foreign_round.pk}")
    assert response.status_code in (200, 404)
    assert "乙镇独有项目" not in response.content.decode()
    # A deputy's session presented on B's host is refused outright.
    hall.phones[0].defaults["HTTP_HOST"] = "town-b.localhost"
    refused = hall.phones[0].post(
        f"/api/v1/voting/rounds/{foreign_round.pk}/ballots",
        {"choices": {}},
        content_type="application/json",
    )
    assert refused.status_code == 403 and refused.json()["code"] == "tenant_mismatch"
    with tenant_context(world.town_b):
        assert not Participation.objects.filter(round=foreign_round).exists()


def test_paper_ballots_are_issued_by_staff_and_counted_by_two_tellers(world: World) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(deputies=6, candidates=3, seats=1, present=6, channel="hybrid")
        round_id = round_open(cycle=setup.cycle, actor=None).pk
    staff = client_on(world.town_a, world.staff_a)
    tellers = [
        client_on(
            world.town_a,
            member(User.objects.create(username=f"teller-{i}"), world.town_a, ["teller"]),
        )
        for i in range(2)
    ]
    url = f"/api/v1/voting/rounds/{round_id}"
    for deputy in setup.deputies:
        assert (
            staff.post(
                f"{url}/paper-ballots", {"deputy_id": deputy.pk}, content_type="application/json"
            ).status_code
            == 201
        )
    again = staff.post(
        f"{url}/paper-ballots", {"deputy_id": setup.deputies[0].pk}, content_type="application/json"
    )
    counts = {
        str(c.pk): {"yes": 5 if i == 0 else 1, "no": 1 if i == 0 else 5, "abstain": 0}
        for i, c in enumerate(setup.candidates)
    }

    deputy_try = client_on(world.town_a, world.deputy_both).post(
        f"{url}/tally",
        {"counts": counts, "returned": 6, "invalid": 0},
        content_type="application/json",
    )
    first = tellers[0].post(
        f"{url}/tally",
        {"counts": counts, "returned": 6, "invalid": 0},
        content_type="application/json",
    )
    early_close = staff.post(f"{url}/close")
    second = tellers[1].post(
        f"{url}/tally",
        {"counts": counts, "returned": 6, "invalid": 0},
        content_type="application/json",
    )
    closed = staff.post(f"{url}/close")

    assert again.status_code == 409 and deputy_try.status_code == 403
    assert (
        len(tellers[0].get(url).json()["candidates"]) == 3
    )  # tellers count against the candidates
    # The first teller learns only that the entry is in, never whether the other agrees.
    assert first.json()["entries"] == 1 and first.json()["agree"] is None
    assert early_close.status_code == 400 and early_close.json()["code"] == "tally_missing"
    assert second.json()["agree"] is True
    assert closed.status_code == 200 and closed.json()["result"]["adopted"] == [
        str(setup.candidates[0].pk)
    ]


def test_a_device_import_reports_each_bad_row_with_its_reason(world: World) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(deputies=6, candidates=2, seats=1, present=6, channel="device")
        round_id = round_open(cycle=setup.cycle, actor=None).pk
    staff = client_on(world.town_a, world.staff_a)
    url = f"/api/v1/voting/rounds/{round_id}/device-import"

    def upload(text: str, encoding: str = "utf-8") -> Any:
        return staff.post(url, {"file": SimpleUploadedFile("表决器.csv", text.encode(encoding))})

    bad = upload("序号,赞成,反对,弃权,未按\n1,4,1,1,0\n2,9,0,0,0\n")
    gbk = upload("序号,赞成,反对,弃权,未按\n1,4,1,1,0\n", encoding="gbk")
    good = upload("序号,赞成,反对,弃权,未按\n1,4,1,1,0\n2,2,3,0,1\n")
    closed = staff.post(f"/api/v1/voting/rounds/{round_id}/close")

    assert bad.status_code == 400 and bad.json()["code"] == "device_import_invalid"
    assert bad.json()["rows"] == [
        {"row": 2, "reason": "第 2 行“2 候选项目2”：各项合计 9，应等于实到人数 6"}
    ]
    assert gbk.status_code == 400 and gbk.json()["code"] == "device_file_encoding"
    assert good.status_code == 200 and good.json() == {"candidates": 2}
    assert closed.json()["result"]["adopted"] == [str(setup.candidates[0].pk)]
