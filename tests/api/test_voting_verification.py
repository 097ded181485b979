"""Results anyone can recount (docs/verification.md): a round's commitment hash is public from
its opening, its record from its close; the verifier, through the public API and the management
command, recounts an e-ballot, a paper and a device round to the announced result, and fails on a
record with one ballot or one count changed. The year-end evaluation's rounds the same, by the
satisfaction rules, on phones, on paper and by device."""

import copy
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django_tenants.utils import tenant_context

from tenants.deputies.models import Deputy
from tenants.voting.models import Cycle
from tenants.voting.record import digest
from tenants.voting.services import paper_issue, round_open
from tests.api.hall import (
    API,
    hall_at,
    paper_round,
    post,
    round_post,
    tellers,
    vote,
    year_end,
)
from tests.conftest import World, client_on
from tests.tenants.voting.factories import make_setup

PUBLIC = "/api/v1/public/voting"


def _public() -> Client:
    return Client(HTTP_HOST="town-a.localhost")


def _record(round_id: int) -> dict[str, Any]:
    response = _public().get(f"{PUBLIC}/rounds/{round_id}/record")
    assert response.status_code == 200, response.content
    return response.json()


def _verify(record: Any, **hashes: str) -> dict[str, Any]:
    cache.clear()  # the verifier is rate-limited per address
    response = _public().post(
        f"{PUBLIC}/verify", {"record": record, **hashes}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def _listed(year: int, round_id: int) -> dict[str, Any]:
    rounds = _public().get(f"{PUBLIC}/years/{year}/rounds").json()
    return next(r for r in rounds if r["id"] == round_id)


def _recounts_and_fails_when_changed(record: dict[str, Any], change: Any) -> None:
    published = record["record_hash"]
    assert _verify(record, record_hash=published) == {
        "ok": True,
        "record_hash": published,
        "problems": [],
    }
    changed = copy.deepcopy(record)
    change(changed)
    refused = _verify(changed, record_hash=published)
    assert refused["ok"] is False
    codes = {p["code"] for p in refused["problems"]}
    assert "result_differs" in codes and "record_hash" in codes


def test_an_e_ballot_round_recounts_and_one_changed_ballot_fails(world: World) -> None:
    hall = hall_at(world, deputies=6, present=6, candidates=3, seats=2)
    round_ = round_post(hall).json()
    first, second, _third = (c["id"] for c in round_["candidates"])
    listed = _listed(hall.cycle.year, round_["id"])
    assert len(listed["commitment_hash"]) == 64 and listed["record_hash"] == ""
    assert _public().get(f"{PUBLIC}/rounds/{round_['id']}/record").status_code == 404
    vote(hall, round_, yes_for={first, second}, voters=4)
    assert hall.chair.post(f"{API}/rounds/{round_['id']}/close").status_code == 200

    record = _record(round_["id"])

    # What was committed at open is what the record holds.
    assert record["commitment_hash"] == listed["commitment_hash"] == digest(record["commitment"])
    assert _listed(hall.cycle.year, round_["id"])["record_hash"] == record["record_hash"]
    assert len(record["ballots"]) == len(record["receipts"]) == 4
    # A ballot is its choices only: no receipt, deputy or time beside it.
    assert all(set(b) == {str(c["id"]) for c in round_["candidates"]} for b in record["ballots"])
    assert record["receipts"] == sorted(record["receipts"])

    def flip(changed: dict[str, Any]) -> None:
        changed["ballots"][0][str(first)] = "no"

    _recounts_and_fails_when_changed(record, flip)


def test_a_paper_round_recounts_from_the_tellers_agreed_count(world: World) -> None:
    hall, round_ = paper_round(world, issued=5)
    first, second = (c["id"] for c in round_["candidates"])
    count = {
        "counts": {str(first): {"yes": 4, "no": 1}, str(second): {"yes": 2, "no": 3}},
        "returned": 5,
        "invalid": 0,
    }
    for teller in tellers(world):
        assert post(teller, f"{API}/rounds/{round_['id']}/tally", count).status_code == 200
    assert hall.chair.post(f"{API}/rounds/{round_['id']}/close").status_code == 200

    record = _record(round_["id"])

    assert record["ballots"] == [] and record["paper"]["collected"] == 5
    assert record["result"]["adopted"] == [str(first)]

    def recount_differently(changed: dict[str, Any]) -> None:
        changed["paper"]["rows"][str(second)] = {"yes": 5}

    _recounts_and_fails_when_changed(record, recount_differently)


def test_a_device_round_recounts_from_the_import(world: World) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(deputies=6, candidates=2, seats=1, present=6, channel="device")
        round_id = round_open(cycle=setup.cycle, actor=None).pk
    staff = client_on(world.town_a, world.staff_a)
    csv = "序号,赞成,反对,弃权,未按\n1,4,1,1,0\n2,2,3,0,1\n"
    imported = staff.post(
        f"{API}/rounds/{round_id}/device-import",
        {"file": SimpleUploadedFile("表决器.csv", csv.encode())},
    )
    assert imported.status_code == 200, imported.content
    assert staff.post(f"{API}/rounds/{round_id}/close").status_code == 200

    record = _record(round_id)

    assert record["device"] and record["ballots"] == []

    def press_otherwise(changed: dict[str, Any]) -> None:
        key = next(iter(changed["device"]))
        changed["device"][key]["yes"] -= 3
        changed["device"][key]["no"] += 3

    _recounts_and_fails_when_changed(record, press_otherwise)


def test_the_command_recounts_a_file_and_exits_non_zero_on_a_changed_one(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall = hall_at(world, deputies=4, present=4, candidates=3, seats=2)
    round_ = round_post(hall).json()
    first = round_["candidates"][0]["id"]
    vote(hall, round_, yes_for={first}, voters=4)
    hall.chair.post(f"{API}/rounds/{round_['id']}/close")
    record = _record(round_["id"])
    listed = _listed(hall.cycle.year, round_["id"])
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    record["ballots"][0][str(first)] = "abstain"
    bad.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    call_command(
        "voting_verify",
        str(good),
        commitment=listed["commitment_hash"],
        hash=listed["record_hash"],
    )
    assert "ok: the recount gives the announced result" in capsys.readouterr().out
    with pytest.raises(CommandError, match="does not recount"):
        call_command("voting_verify", str(bad), hash=listed["record_hash"])
    assert "result_differs" in capsys.readouterr().out


def test_a_file_that_is_no_record_gets_a_clear_answer_not_an_error(world: World) -> None:
    for body in ({"format": "other"}, [1, 2], {"format": "congress-round-record/1"}):
        answer = _verify(body)
        assert answer["ok"] is False and answer["problems"][0]["code"] in (
            "record_format",
            "record_malformed",
            "commitment_hash",
        )
    cache.clear()
    malformed = _public().post(
        f"{PUBLIC}/verify", {"record_hash": "xyz"}, content_type="application/json"
    )
    assert malformed.status_code == 400


# --- the year-end evaluation ------------------------------------------------------------------


@dataclass
class Evaluation:
    staff: Client
    opened: dict[str, Any]  # the evaluation's state as the open answered it
    phones: list[Client]
    cycle: Cycle
    deputies: list[Deputy]

    @property
    def round_id(self) -> int:
        return int(self.opened["round"]["id"])

    @property
    def projects(self) -> list[str]:
        return [str(p["id"]) for p in self.opened["projects"]]


def _evaluation_open(world: World, channel: str) -> Evaluation:
    """Town A's evaluation of its two adopted projects opened on `channel` by the 满意率 rule at
    75 % (4 deputies, all signed in to the evaluation meeting unless it is held on phones)."""
    cycle, deputies, phones = year_end(world)
    staff = client_on(world.town_a, world.staff_a)
    rules = {"channel": channel, "rule_type": "rate", "pass_rate": "75"}
    assert post(staff, f"{API}/cycles/{cycle.pk}/evaluation/rules", rules).status_code == 200
    if channel != "electronic":
        for phone in phones:
            assert phone.post(f"{API}/cycles/{cycle.pk}/evaluation/sign-in").status_code == 200
    opened = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/open")
    assert opened.status_code == 201, opened.content
    return Evaluation(staff, opened.json(), phones, cycle, deputies)


def _evaluation_close(held: Evaluation) -> dict[str, Any]:
    closed = held.staff.post(f"{API}/cycles/{held.cycle.pk}/evaluation/close")
    assert closed.status_code == 200, closed.content
    return _record(held.round_id)


def test_an_evaluation_on_phones_is_committed_at_open_and_recounts_from_its_marks(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held = _evaluation_open(world, "electronic")
    round_id, year = held.round_id, held.cycle.year
    first, second = held.projects
    listed = _listed(year, round_id)
    assert listed["kind"] == "evaluation" and len(listed["commitment_hash"]) == 64
    assert listed["record_hash"] == ""
    assert _public().get(f"{PUBLIC}/rounds/{round_id}/record").status_code == 404
    given = [
        ("satisfied", "basic"),
        ("satisfied", "unsatisfied"),
        ("satisfied", "satisfied"),
        ("basic", "abstain"),
    ]
    for phone, (one, two) in zip(held.phones, given, strict=True):
        cast = post(
            phone, f"{API}/rounds/{round_id}/ballots", {"choices": {first: one, second: two}}
        )
        assert cast.status_code == 201, cast.content

    record = _evaluation_close(held)

    # The commitment carries the evaluation's own rules, fixed at open, and the hash shown then.
    assert record["commitment_hash"] == listed["commitment_hash"] == digest(record["commitment"])
    assert record["commitment"]["kind"] == "evaluation"
    rules = record["commitment"]["rules"]
    assert rules["rule_type"] == "rate" and Decimal(rules["pass_rate"]) == 75
    assert "ballot_form" not in rules  # not the vote's rule set
    assert _listed(year, round_id)["record_hash"] == record["record_hash"]
    assert sorted(record["ballots"], key=str) == sorted(
        ({first: one, second: two} for one, two in given), key=str
    )
    assert len(record["receipts"]) == 4 and record["paper"] is None and record["device"] is None
    # 3 满意 of 4 reach 75 %; 1 满意 + 1 基本满意 of 4 do not.
    assert record["result"]["outcomes"] == {first: "satisfied", second: "unsatisfied"}
    assert record["result"]["mark_rates"][first]["satisfied"] == "75.00"

    def mark_otherwise(changed: dict[str, Any]) -> None:
        ballot = next(b for b in changed["ballots"] if b[first] == "satisfied")
        ballot[first] = "unsatisfied"

    _recounts_and_fails_when_changed(record, mark_otherwise)

    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    changed = copy.deepcopy(record)
    mark_otherwise(changed)
    bad.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    hashes = {"commitment": listed["commitment_hash"], "hash": record["record_hash"]}
    call_command("voting_verify", str(good), **hashes)
    assert "ok: the recount gives the announced result" in capsys.readouterr().out
    with pytest.raises(CommandError, match="does not recount"):
        call_command("voting_verify", str(bad), **hashes)
    assert "result_differs" in capsys.readouterr().out


def test_an_evaluation_on_paper_recounts_from_the_tellers_mark_counts(world: World) -> None:
    held = _evaluation_open(world, "paper")
    round_id = held.round_id
    first, second = held.projects
    with tenant_context(world.town_a):
        for deputy in held.deputies:
            paper_issue(round_id=round_id, deputy=deputy, actor=None)
    count = {
        "counts": {
            first: {"satisfied": 3, "basic": 1, "unsatisfied": 0, "abstain": 0, "blank": 0},
            second: {"satisfied": 1, "basic": 1, "unsatisfied": 1, "abstain": 0, "blank": 1},
        },
        "returned": 4,
        "invalid": 0,
    }
    for teller in tellers(world):
        assert post(teller, f"{API}/rounds/{round_id}/tally", count).status_code == 200

    record = _evaluation_close(held)

    assert record["ballots"] == [] and record["paper"]["collected"] == 4
    assert record["paper"]["rows"][second]["blank"] == 1
    assert record["result"]["outcomes"] == {first: "satisfied", second: "unsatisfied"}

    def count_otherwise(changed: dict[str, Any]) -> None:
        changed["paper"]["rows"][second]["satisfied"] += 2
        changed["paper"]["rows"][second]["unsatisfied"] -= 1
        changed["paper"]["rows"][second]["blank"] -= 1

    _recounts_and_fails_when_changed(record, count_otherwise)


def test_an_evaluation_by_device_recounts_from_the_import(world: World) -> None:
    held = _evaluation_open(world, "device")
    first, second = held.projects
    by_id = {str(p["id"]): p["sequence"] for p in held.opened["projects"]}
    csv = (
        "序号,满意,基本满意,不满意,弃权,未按\n"
        f"{by_id[first]},4,0,0,0,0\n{by_id[second]},2,1,1,0,0\n"
    )
    imported = held.staff.post(
        f"{API}/rounds/{held.round_id}/device-import",
        {"file": SimpleUploadedFile("d.csv", csv.encode(), content_type="text/csv")},
    )
    assert imported.status_code == 200, imported.content

    record = _evaluation_close(held)

    assert record["ballots"] == [] and record["commitment"]["present_count"] == 4
    assert set(record["device"]) == {first, second}

    def press_otherwise(changed: dict[str, Any]) -> None:
        changed["device"][first]["satisfied"] -= 1
        changed["device"][first]["unsatisfied"] += 1

    _recounts_and_fails_when_changed(record, press_otherwise)
