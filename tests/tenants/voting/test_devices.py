"""Voting devices: the export is checked row by row; 未按 is no vote; nothing half-imported."""

import pytest

from congresses.models import Congress
from ops.errors import DomainError
from tenants.voting.devices import DeviceImportRefused, device_import
from tenants.voting.models import DeviceResult
from tenants.voting.services import round_close

from .factories import Vote, make_vote

HEADER = "序号,赞成,反对,弃权,未按\n"


def _device_vote() -> Vote:
    return make_vote(deputies=10, candidates=3, seats=1, present=9, channel="device")


def test_imported_counts_decide_the_round_and_not_pressed_is_no_vote(town: Congress) -> None:
    vote = _device_vote()
    # Candidate 1: 6 of 10 entitled say 赞成 (passes); candidate 2: 5 赞成 and 3 未按 (fails).
    csv_text = "\ufeff" + HEADER + "1,6,2,1,0\n2,5,1,0,3\n3,2,5,2,0\n"

    device_import(round_id=vote.round.pk, csv_text=csv_text, actor=None)
    closed = round_close(round_id=vote.round.pk, actor=None)

    assert closed.result is not None
    assert closed.result["adopted"] == [str(vote.candidates[0].pk)]
    assert closed.result["counts"][str(vote.candidates[1].pk)] == {"yes": 5, "no": 1, "abstain": 0}
    assert closed.entitlements.filter(voted=True).count() == 9


def test_every_bad_row_is_reported_and_nothing_is_stored(town: Congress) -> None:
    vote = _device_vote()
    csv_text = HEADER + "1,6,2,1,0\n1,5,1,0,3\n7,1,1,1,6\nx,1,1,1,1\n2,5,1,0,0\n"

    with pytest.raises(DeviceImportRefused) as refused:
        device_import(round_id=vote.round.pk, csv_text=csv_text, actor=None)

    reasons = {p.row: p.reason for p in refused.value.problems}
    assert set(reasons) == {2, 3, 4, 5, 0}
    assert "重复" in reasons[2] and "不是本轮候选项目" in reasons[3]
    assert "第 5 行“2 候选项目2”：各项合计 6，应等于实到人数 9" in reasons[5]
    assert "缺少序号 3" in reasons[0]
    assert not DeviceResult.objects.exists()


def test_a_device_round_does_not_close_without_its_data(town: Congress) -> None:
    vote = _device_vote()

    with pytest.raises(DomainError) as refused:
        round_close(round_id=vote.round.pk, actor=None)

    assert refused.value.code == "device_result_missing"


def test_missing_columns_are_refused(town: Congress) -> None:
    vote = _device_vote()

    with pytest.raises(DomainError) as refused:
        device_import(round_id=vote.round.pk, csv_text="序号,赞成\n1,2\n", actor=None)

    assert refused.value.code == "device_columns_missing" and "未按" in refused.value.message


def test_an_electronic_round_takes_no_device_data(town: Congress) -> None:
    vote = make_vote(deputies=3, candidates=2, seats=1)

    with pytest.raises(DomainError) as refused:
        device_import(round_id=vote.round.pk, csv_text=HEADER + "1,1,1,1,0\n", actor=None)

    assert refused.value.code == "device_not_used"
