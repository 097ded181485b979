"""Results anyone can recount (docs/verification.md): a round's commitment hash is public from
its opening, its record from its close; the verifier, through the public API and the management
command, recounts an e-ballot, a paper and a device round to the announced result, and fails on a
record with one ballot or one count changed."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django_tenants.utils import tenant_context

from tenants.voting.record import digest
from tenants.voting.services import round_open
from tests.api.test_voting_counting import API, _hall, _open, _paper_round, _post, _tellers, _vote
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
    hall = _hall(world, deputies=6, present=6, candidates=3, seats=2)
    round_ = _open(hall).json()
    first, second, _third = (c["id"] for c in round_["candidates"])
    listed = _listed(hall.cycle.year, round_["id"])
    assert len(listed["commitment_hash"]) == 64 and listed["record_hash"] == ""
    assert _public().get(f"{PUBLIC}/rounds/{round_['id']}/record").status_code == 404
    _vote(hall, round_, yes_for={first, second}, voters=4)
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
    hall, round_ = _paper_round(world, issued=5)
    first, second = (c["id"] for c in round_["candidates"])
    count = {
        "counts": {str(first): {"yes": 4, "no": 1}, str(second): {"yes": 2, "no": 3}},
        "returned": 5,
        "invalid": 0,
    }
    for teller in _tellers(world):
        assert _post(teller, f"{API}/rounds/{round_['id']}/tally", count).status_code == 200
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
    hall = _hall(world, deputies=4, present=4, candidates=3, seats=2)
    round_ = _open(hall).json()
    first = round_["candidates"][0]["id"]
    _vote(hall, round_, yes_for={first}, voters=4)
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
