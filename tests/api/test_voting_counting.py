"""Counting integrity over HTTP: every count refused unless it adds up, the entries a round's
channel takes, the one round the rules allow next, attendance frozen when a round opens, tellers
who learn nothing of each other's count before both have entered, a closed round that stays as it
was closed, and rates rounded half-up with the base each is measured on."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context

from tenants.linkage.duty.models import DutyEntry
from tenants.voting.models import DeviceResult, Round, TallyEntry
from tenants.voting.services import round_open
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
from tests.factories import XLSX, roster_xlsx
from tests.tenants.voting.factories import make_setup

# --- counts that add up ---------------------------------------------------------------------


def test_a_short_row_is_refused_naming_row_and_item_and_nothing_is_stored(world: World) -> None:
    _, round_ = paper_round(world, issued=5)
    first, second = (c["id"] for c in round_["candidates"])
    teller = tellers(world)[0]

    # 5 collected, none invalid: the second row says 3 赞成 + 1 反对 = 4, one ballot short.
    response = post(
        teller,
        f"{API}/rounds/{round_['id']}/tally",
        {
            "counts": {
                str(first): {"yes": 4, "no": 1, "abstain": 0},
                str(second): {"yes": 3, "no": 1, "abstain": 0},
            },
            "returned": 5,
            "invalid": 0,
        },
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "tally_row_mismatch"
    assert "第 2 行“候选项目2”：各项合计 4，应等于有效票数 5" in body["detail"]
    assert body["problems"][0]["item"] == str(second) and body["problems"][0]["row"] == 2
    with tenant_context(world.town_a):
        assert not TallyEntry.objects.exists()


def test_more_ballots_collected_than_issued_is_refused(world: World) -> None:
    _, round_ = paper_round(world, issued=3)
    first, second = (c["id"] for c in round_["candidates"])

    response = post(
        tellers(world)[0],
        f"{API}/rounds/{round_['id']}/tally",
        {
            "counts": {str(first): {"yes": 4}, str(second): {"no": 4}},
            "returned": 4,
            "invalid": 0,
        },
    )

    assert response.status_code == 400
    assert response.json()["code"] == "tally_collected_exceeds_issued"
    assert "收回票数 4 多于发出票数 3" in response.json()["detail"]
    with tenant_context(world.town_a):
        assert not TallyEntry.objects.exists()


# --- tellers ----------------------------------------------------------------------------------


def test_a_teller_asking_for_agreement_before_both_entered_is_refused(world: World) -> None:
    hall, round_ = paper_round(world, issued=2)
    first, second = (c["id"] for c in round_["candidates"])
    url = f"{API}/rounds/{round_['id']}/tally"
    one, two = tellers(world)
    count = {
        "counts": {str(first): {"yes": 2}, str(second): {"yes": 1, "no": 1}},
        "returned": 2,
        "invalid": 0,
    }

    entered = post(one, url, count)
    asked = one.get(f"{url}/agreement")
    progress = one.get(url)

    assert entered.status_code == 200 and entered.json()["agree"] is None
    assert asked.status_code == 409 and asked.json()["code"] == "tally_incomplete"
    assert progress.json()["entries"] == 1 and progress.json()["agree"] is None

    # The second teller counts the second candidate differently: the chair sees which one.
    differing = {**count, "counts": {str(first): {"yes": 2}, str(second): {"yes": 2}}}
    assert post(two, url, differing).status_code == 200
    assert one.get(f"{url}/agreement").json() == {
        "agree": False,
        "totals_differ": False,
        "differences": [],
    }
    assert hall.chair.get(f"{url}/agreement").json()["differences"] == [str(second)]

    # Entering again is a correction: refused without a reason, kept with one.
    again = post(two, url, count)
    assert again.status_code == 409 and again.json()["code"] == "tally_correction_reason_required"
    assert post(two, url, {**count, "reason": "复核第二项"}).json()["corrections"] == 1
    assert hall.chair.get(f"{url}/agreement").json()["agree"] is True
    closed = hall.chair.post(f"{API}/rounds/{round_['id']}/close")
    assert closed.status_code == 200 and closed.json()["state"] == "closed"


# --- channels --------------------------------------------------------------------------------


def test_counts_into_a_round_whose_channel_does_not_take_them_are_refused(world: World) -> None:
    cycle, _deputies, _phones = year_end(world)
    staff = client_on(world.town_a, world.staff_a)
    opened = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/open")
    assert opened.status_code == 201
    round_ = opened.json()["round"]
    assert round_["channel"] == "electronic"
    url = f"{API}/rounds/{round_['id']}"
    projects = [p["id"] for p in opened.json()["projects"]]

    tally = post(
        tellers(world)[0],
        f"{url}/tally",
        {
            "counts": {str(p): {"satisfied": 4} for p in projects},
            "returned": 4,
            "invalid": 0,
        },
    )
    csv = "序号,满意,基本满意,不满意,弃权,未按\n1,4,0,0,0,0\n2,4,0,0,0,0\n"
    device = staff.post(
        f"{url}/device-import",
        {"file": SimpleUploadedFile("d.csv", csv.encode(), content_type="text/csv")},
    )

    assert tally.status_code == 400 and tally.json()["code"] == "paper_not_allowed"
    assert device.status_code == 400 and device.json()["code"] == "device_not_used"
    with tenant_context(world.town_a):
        assert not TallyEntry.objects.exists() and not DeviceResult.objects.exists()


def test_e_ballots_into_a_paper_round_are_refused(world: World) -> None:
    hall, round_ = paper_round(world, issued=0)

    response = post(
        hall.phones[5],
        f"{API}/rounds/{round_['id']}/ballots",
        {"choices": {str(c["id"]): "yes" for c in round_["candidates"]}},
    )

    assert response.status_code == 400 and response.json()["code"] == "electronic_not_allowed"


def test_an_evaluation_below_quorum_is_refused_and_opens_at_quorum(world: World) -> None:
    cycle, _deputies, phones = year_end(world, deputies=6)
    staff = client_on(world.town_a, world.staff_a)
    rules = post(staff, f"{API}/cycles/{cycle.pk}/evaluation/rules", {"channel": "device"})
    assert rules.status_code == 200 and rules.json()["rules"]["channel"] == "device"
    for phone in phones[:3]:
        assert phone.post(f"{API}/cycles/{cycle.pk}/evaluation/sign-in").status_code == 200

    below = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/open")

    assert below.status_code == 400 and below.json()["code"] == "quorum_not_met"
    assert "出席代表 3 人" in below.json()["detail"]
    with tenant_context(world.town_a):
        assert not Round.objects.filter(kind="evaluation").exists()

    assert phones[3].post(f"{API}/cycles/{cycle.pk}/evaluation/sign-in").status_code == 200
    opened = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/open")
    assert opened.status_code == 201
    round_ = opened.json()["round"]
    assert (round_["entitled_count"], round_["present_count"], round_["quorum_count"]) == (6, 4, 4)

    # The device export is checked against the evaluation's own attendance (4), not the vote's.
    url = f"{API}/rounds/{round_['id']}/device-import"
    header = "序号,满意,基本满意,不满意,弃权,未按\n"
    sequences = sorted(p["sequence"] for p in opened.json()["projects"])
    wrong = header + "".join(f"{s},6,0,0,0,0\n" for s in sequences)
    right = header + f"{sequences[0]},4,0,0,0,0\n{sequences[1]},1,1,1,0,1\n"

    def upload(text: str) -> Any:
        return staff.post(
            url, {"file": SimpleUploadedFile("d.csv", text.encode(), content_type="text/csv")}
        )

    refused = upload(wrong)
    assert refused.status_code == 400 and "应等于实到人数 4" in refused.json()["rows"][0]["reason"]
    assert upload(right).status_code == 200
    results = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/close").json()

    lines = {line["counts"]["satisfied"]: line for line in results["projects"]}
    # 4 满意 of 6 deputies: more than half of all; 1 满意 + 1 基本满意 of 6: not half.
    assert lines[4]["outcome"] == "satisfied" and lines[1]["outcome"] == "unsatisfied"
    assert results["present_count"] == 4
    # The 满意率 is over the 3 valid marks; the verdict's base is all 6 deputies, said beside it.
    assert lines[1]["rate"] == "66.67" and lines[1]["rate_base"] == "valid"
    assert lines[1]["verdict"] == {"base": "entitled", "base_count": 6, "rate": "33.33"}
    assert lines[1]["mark_rates"] == {
        "satisfied": "33.33",
        "basic": "33.33",
        "unsatisfied": "33.33",
        "abstain": "0.00",
    }


# --- attendance, legal rounds, frozen records --------------------------------------------


def test_sign_in_after_a_round_closed_is_refused_and_never_scored(world: World) -> None:
    hall = hall_at(world, present=5, candidates=3, seats=2)
    round_ = round_post(hall).json()
    vote(hall, round_, {round_["candidates"][0]["id"]}, voters=5)
    assert hall.chair.post(f"{API}/rounds/{round_['id']}/close").status_code == 200

    late = hall.phones[5].post(f"{API}/cycles/{hall.cycle.pk}/sign-in")

    assert late.status_code == 409 and late.json()["code"] == "attendance_frozen"
    cycle = hall.chair.get(f"{API}/cycles/{hall.cycle.pk}").json()
    assert cycle["present_count"] == 5
    with tenant_context(world.town_a):
        assert not DutyEntry.objects.filter(deputy=hall.deputies[5]).exists()


def test_a_re_vote_of_rejected_candidates_is_refused(world: World) -> None:
    hall = hall_at(world, candidates=3, seats=2)
    round_ = round_post(hall).json()
    ids = [c["id"] for c in round_["candidates"]]
    vote(hall, round_, {ids[0]}, voters=6)
    closed = hall.chair.post(f"{API}/rounds/{round_['id']}/close").json()
    assert closed["result"]["adopted"] == [str(ids[0])]  # accept fewer: the vote is decided

    again = round_post(hall, {"candidate_ids": ids[1:], "seats": 1, "kind": "shortfall"})
    plain = round_post(hall)

    assert again.status_code == 409 and again.json()["code"] == "vote_decided"
    assert "不能再开始新的一轮" in again.json()["detail"]
    assert plain.status_code == 409 and plain.json()["code"] == "vote_decided"
    # 票决率: 6 赞成 of 6 entitled, each winner's share beside its counts.
    assert closed["result"]["shares"][str(ids[0])] == "100.00"
    assert closed["result"]["share_base"] == "entitled"


def test_a_tie_round_takes_only_the_tied_candidates(world: World) -> None:
    hall = hall_at(world, candidates=3, seats=1)
    round_ = round_post(hall).json()
    ids = [c["id"] for c in round_["candidates"]]
    vote(hall, round_, {ids[0], ids[1]}, voters=6)
    closed = hall.chair.post(f"{API}/rounds/{round_['id']}/close").json()
    assert closed["result"]["reason"] == "tie"

    with_rejected = round_post(hall, {"candidate_ids": ids, "seats": 1, "kind": "tie"})
    as_main = round_post(hall, {"candidate_ids": ids[:2], "seats": 1, "kind": "main"})
    allowed = round_post(hall)

    assert with_rejected.status_code == 409
    assert with_rejected.json()["code"] == "round_candidates_not_allowed"
    assert as_main.status_code == 409 and as_main.json()["code"] == "round_kind_not_allowed"
    assert allowed.status_code == 201 and allowed.json()["kind"] == "tie"
    assert sorted(c["id"] for c in allowed.json()["candidates"]) == sorted(ids[:2])


def _roster(rows: list[list[Any]]) -> SimpleUploadedFile:
    return SimpleUploadedFile("名册.xlsx", roster_xlsx(rows), content_type=XLSX)


def test_a_closed_rounds_figures_stay_as_closed_after_a_roster_import(world: World) -> None:
    hall = hall_at(world, present=5, candidates=3, seats=2)
    round_ = round_post(hall).json()
    assert (round_["entitled_count"], round_["present_count"], round_["quorum_count"]) == (6, 5, 4)
    vote(hall, round_, {round_["candidates"][0]["id"]}, voters=5)
    url = f"{API}/rounds/{round_['id']}"
    closed = hall.chair.post(f"{url}/close").json()

    imported = hall.chair.post(
        "/api/v1/deputies/import",
        {
            "file": _roster(
                [
                    ["新代表一", "男", "乡镇", "第1选区", "", "", "13600000011"],
                    ["新代表二", "女", "乡镇", "第1选区", "", "", "13600000012"],
                ]
            )
        },
    )
    assert imported.status_code == 200 and imported.json()["created"] == 2

    after = hall.chair.get(url).json()
    assert hall.chair.get(f"{API}/cycles/{hall.cycle.pk}").json()["entitled_count"] == 8
    frozen = ("entitled_count", "present_count", "quorum_count", "ballot_count", "result")
    assert {k: after[k] for k in frozen} == {k: closed[k] for k in frozen}
    assert (after["entitled_count"], after["present_count"], after["quorum_count"]) == (6, 5, 4)


def test_a_round_opened_directly_freezes_what_it_was_opened_with(world: World) -> None:
    with tenant_context(world.town_a):
        setup = make_setup(deputies=6, present=4, candidates=3, seats=2)
        opened = round_open(cycle=setup.cycle, actor=None)
    assert (opened.entitled_count, opened.present_count, opened.quorum_count) == (6, 4, 4)
