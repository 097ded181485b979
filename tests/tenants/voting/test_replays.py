"""Replays of published practice: each file in `replays/` holds one real published result (a 票决 or
a 满意度测评) with its source, the rule set the source states, the counts exactly as published and
the published outcome. The test builds a township with as many deputies as the source gives, sets
the cycle's rules to the source's variant, enters the counts through the API the way the source's
channel says (paper: ballots issued and two tellers who agree), closes the round and compares the
result with what was published. See docs/voting.md, "Replays of published results".

Nothing in a file is adjusted to make a replay pass: what a source does not give is said in its
`notes`, and the replay checks only what can be checked."""

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.voting.evaluation import evaluation_sign_in
from tenants.voting.models import Candidate, Cycle, TallyEntry
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import ballot_cast, cycle_open_voting, paper_issue, round_close
from tenants.voting.solicitation import cycle_advance
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_term, roster_xlsx, sign_in_sheet
from tests.tenants.voting.factories import (
    Setup,
    make_setup,
    make_shortlist,
    make_vote,
    per_candidate,
)

API = "/api/v1/voting"
REPLAYS = Path(__file__).parent / "replays"
FILES = sorted(REPLAYS.glob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def _teller(congress: Congress, name: str) -> Client:
    user = User.objects.create(username=name)
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, congress=congress, roles=["teller"])
    return client_on(congress, user)


def _implementing(replay: dict[str, Any]) -> tuple[Cycle, list[Deputy]]:
    """A cycle whose vote adopted the source's projects, in the source's order, and that moved on
    to implementation. How they were adopted is not part of the replay: rank only, one ballot."""
    names = [p["name"] for p in replay["projects"]]
    seats = len(names)
    vote = make_vote(
        deputies=replay["entitled"],
        candidates=seats + 1,
        seats=seats,
        rank_only=True,
        thresholds=[],
    )
    for candidate, name in zip(vote.candidates, names, strict=False):
        Candidate.objects.filter(pk=candidate.pk).update(name=name)
    ballot_cast(
        round_id=vote.round.pk,
        deputy=vote.deputies[0],
        choices=per_candidate(vote, *vote.candidates[:seats]),
        actor=None,
    )
    round_close(round_id=vote.round.pk, actor=None)
    vote_results_hand_over(cycle=vote.cycle, actor=None)
    vote.cycle.refresh_from_db()
    adopted = list(vote.cycle.candidates.filter(status=Candidate.Status.ADOPTED))
    assert sorted(c.name for c in adopted) == sorted(names)
    return vote.cycle, vote.deputies


def _evaluation(world: World, replay: dict[str, Any]) -> None:
    cache.clear()
    assert replay["channel"] == "paper", "only paper evaluations are recorded so far"
    town = world.town_a
    staff = client_on(town, world.staff_a)
    with tenant_context(town):
        cycle, deputies = _implementing(replay)
    rules = {**replay["rule"], "channel": replay["channel"]}
    set_rules = staff.post(
        f"{API}/cycles/{cycle.pk}/evaluation/rules", rules, content_type="application/json"
    )
    assert set_rules.status_code == 200, set_rules.json()
    with tenant_context(town):
        for deputy in deputies[: replay["present"]]:
            evaluation_sign_in(cycle=cycle, deputy=deputy, actor=None)
    opened = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/open")
    assert opened.status_code == 201, opened.json()
    round_ = opened.json()["round"]
    assert (round_["entitled_count"], round_["present_count"]) == (
        replay["entitled"],
        replay["present"],
    )
    ids = {p["name"]: p["id"] for p in opened.json()["projects"]}
    with tenant_context(town):
        for deputy in deputies[: replay["collected"]]:
            paper_issue(round_id=round_["id"], deputy=deputy, actor=None)

    count = {
        "counts": {
            str(ids[p["name"]]): {
                mark: p.get(mark, 0) for mark in ("satisfied", "basic", "unsatisfied", "abstain")
            }
            for p in replay["projects"]
        },
        "returned": replay["collected"],
        "invalid": replay["invalid"],
    }
    url = f"{API}/rounds/{round_['id']}/tally"
    published = replay["published"]
    tellers = [_teller(town, f"replay-teller-{i}") for i in range(2)]

    if "refused" in published:
        refused = tellers[0].post(url, count, content_type="application/json")
        assert refused.status_code == 400
        body = refused.json()
        assert body["code"] == published["refused"]["code"]
        assert sorted({p["row"] for p in body["problems"]}) == published["refused"]["rows"]
        with tenant_context(town):
            assert not TallyEntry.objects.exists()
        return

    for teller in tellers:
        entered = teller.post(url, count, content_type="application/json")
        assert entered.status_code == 200, entered.json()
    closed = staff.post(f"{API}/cycles/{cycle.pk}/evaluation/close")
    assert closed.status_code == 200, closed.json()
    lines = {line["name"]: line for line in closed.json()["projects"]}
    ordered = [lines[p["name"]] for p in replay["projects"]]
    for project, line in zip(replay["projects"], ordered, strict=True):
        for mark in ("satisfied", "basic", "unsatisfied", "abstain"):
            assert line["counts"][mark] == project.get(mark, 0), (project["name"], mark)
    if "outcomes" in published:
        assert [line["outcome"] for line in ordered] == published["outcomes"]
    if "rates" in published:  # 总体满意率: 满意 + 基本满意 over the valid ballots
        for line, rate in zip(ordered, published["rates"], strict=True):
            assert Decimal(line["rate"]) == Decimal(rate), line["name"]
    if "mark_rates" in published:
        for line, rates in zip(ordered, published["mark_rates"], strict=True):
            for mark, rate in rates.items():
                assert Decimal(line["mark_rates"][mark]) == Decimal(rate), (line["name"], mark)


def _vote(world: World, replay: dict[str, Any]) -> None:
    """A vote whose per-project counts are published: the round holds the projects the source
    gives counts for, under the source's rules; two tellers enter the counts on paper as
    published, the chair closes the round through the API, and the result must show the
    published counts, outcome and 票决率."""
    cache.clear()
    town = world.town_a
    chair = client_on(town, world.staff_a)
    names = [p["name"] for p in replay["projects"]]
    with tenant_context(town):
        setup = make_setup(
            deputies=replay["entitled"],
            present=replay["present"],
            candidates=len(names),
            seats=replay["seats"],
            channel=replay["channel"],
            **replay["rules"],
        )
        for candidate, name in zip(setup.candidates, names, strict=True):
            Candidate.objects.filter(pk=candidate.pk).update(name=name)
    ids = {name: str(c.pk) for name, c in zip(names, setup.candidates, strict=True)}
    round_ = _round_opened(chair, setup, replay)
    _paper_tally(town, round_["id"], replay, setup, ids)
    closed = chair.post(f"{API}/rounds/{round_['id']}/close")
    assert closed.status_code == 200, closed.json()
    result = closed.json()["result"]
    for project in replay["projects"]:
        counted = result["counts"][ids[project["name"]]]
        for mark in ("yes", "no", "abstain"):
            assert counted[mark] == project.get(mark, 0), (project["name"], mark)
    published = replay["published"]
    by_id = {v: k for k, v in ids.items()}
    assert sorted(by_id[c] for c in result["adopted"]) == sorted(published["adopted"])
    for name, share in published.get("shares", {}).items():
        assert Decimal(result["shares"][ids[name]]) == Decimal(share), name


def _round_opened(client: Client, setup: Setup, replay: dict[str, Any]) -> dict[str, Any]:
    """The cycle's round opened through the API, with the source's deputies entitled and
    present."""
    opened = client.post(
        f"{API}/cycles/{setup.cycle.pk}/rounds", {}, content_type="application/json"
    )
    assert opened.status_code == 201, opened.json()
    round_: dict[str, Any] = opened.json()
    assert (round_["entitled_count"], round_["present_count"]) == (
        replay["entitled"],
        replay["present"],
    )
    return round_


def _roll_by_api(town: Congress, staff: Client, replay: dict[str, Any]) -> Setup:
    """The session as a congress of thousands prepares it: the roster imported from a workbook,
    the cycle's candidates listed under the source's rules, and the deputies present marked from
    signed sign-in sheets (at most 2,000 rows a sheet, as the import takes them)."""
    with tenant_context(town):
        make_term()
    roster = [
        [f"代表{i:05d}", "男", "全国", "第1选区", "", "", f"139{i:08d}"]
        for i in range(replay["entitled"])
    ]
    imported = staff.post(
        "/api/v1/deputies/import", {"file": SimpleUploadedFile("名册.xlsx", roster_xlsx(roster))}
    )
    assert imported.status_code == 200 and imported.json()["created"] == replay["entitled"]
    names = [p["name"] for p in replay["projects"]]
    with tenant_context(town):
        cycle = make_shortlist(
            seats=replay["seats"],
            candidates=len(names),
            channel=replay["channel"],
            **replay["rules"],
        )
        cycle = cycle_open_voting(cycle=cycle_advance(cycle=cycle, actor=None), actor=None)
        candidates = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
        for candidate, name in zip(candidates, names, strict=True):
            Candidate.objects.filter(pk=candidate.pk).update(name=name)
    present = [row[0] for row in roster[: replay["present"]]]
    for start in range(0, len(present), 2000):
        marked = staff.post(
            f"{API}/cycles/{cycle.pk}/roll-call/sheet",
            {"file": sign_in_sheet(present[start : start + 2000])},
        )
        assert marked.status_code == 200, marked.json()
    assert marked.json()["present_count"] == replay["present"]
    return Setup(cycle=cycle, deputies=[], candidates=candidates)


def _device_vote(world: World, replay: dict[str, Any]) -> None:
    """A vote on voting devices whose per-item counts are published: the roll built through the
    API, the round opened, the device system's export imported (每项 赞成, 反对, 弃权 and 未按 add
    up to the deputies present), the round closed, and the result compared with the source."""
    cache.clear()
    town = world.town_a
    staff = client_on(town, world.staff_a)
    setup = _roll_by_api(town, staff, replay)
    round_ = _round_opened(staff, setup, replay)
    export = "序号,赞成,反对,弃权,未按\n" + "".join(
        f"{c.sequence},{p['yes']},{p['no']},{p['abstain']},"
        f"{replay['present'] - p['yes'] - p['no'] - p['abstain']}\n"
        for c, p in zip(setup.candidates, replay["projects"], strict=True)
    )
    imported = staff.post(
        f"{API}/rounds/{round_['id']}/device-import",
        {"file": SimpleUploadedFile("表决器.csv", export.encode(), content_type="text/csv")},
    )
    assert imported.status_code == 200, imported.json()
    closed = staff.post(f"{API}/rounds/{round_['id']}/close")
    assert closed.status_code == 200, closed.json()
    result = closed.json()["result"]
    ids = {p["name"]: str(c.pk) for c, p in zip(setup.candidates, replay["projects"], strict=True)}
    for project in replay["projects"]:
        counted = result["counts"][ids[project["name"]]]
        for mark in ("yes", "no", "abstain"):
            assert counted[mark] == project[mark], (project["name"], mark)
    by_id = {v: k for k, v in ids.items()}
    assert sorted(by_id[c] for c in result["adopted"]) == sorted(replay["published"]["adopted"])


def _paper_tally(
    town: Congress, round_id: int, replay: dict[str, Any], setup: Setup, ids: dict[str, str]
) -> None:
    """Paper: ballots issued to the deputies present, two tellers enter the published counts."""
    with tenant_context(town):
        signed_in = set(setup.cycle.attendances.at_session().values_list("deputy_id", flat=True))
        for deputy in [d for d in setup.deputies if d.pk in signed_in][: replay["collected"]]:
            paper_issue(round_id=round_id, deputy=deputy, actor=None)
    count = {
        "counts": {
            ids[p["name"]]: {mark: p.get(mark, 0) for mark in ("yes", "no", "abstain", "blank")}
            for p in replay["projects"]
        },
        "returned": replay["collected"],
        "invalid": replay["invalid"],
    }
    for i in range(2):
        entered = _teller(town, f"replay-teller-{i}").post(
            f"{API}/rounds/{round_id}/tally", count, content_type="application/json"
        )
        assert entered.status_code == 200, entered.json()


def _attendance(world: World, replay: dict[str, Any]) -> None:
    """A partial replay of a vote: what the source gives of attendance and ballots issued."""
    town = world.town_a
    chair = client_on(town, world.staff_a)
    with tenant_context(town):
        setup = make_setup(
            deputies=replay["entitled"],
            present=replay["present"],
            candidates=replay.get("candidates", replay["seats"] + 1),
            seats=replay["seats"],
            channel=replay["channel"],
            **replay["rules"],
        )
    opened = chair.post(
        f"{API}/cycles/{setup.cycle.pk}/rounds", {}, content_type="application/json"
    )
    published = replay["published"]
    if not published["quorum_met"]:
        assert opened.status_code == 400 and opened.json()["code"] == "quorum_not_met"
        return
    assert opened.status_code == 201, opened.json()
    round_ = opened.json()
    assert (round_["entitled_count"], round_["present_count"], round_["quorum_count"]) == (
        replay["entitled"],
        replay["present"],
        published["quorum_count"],
    )
    if "issued" not in replay:  # the source gives attendance only
        return
    with tenant_context(town):
        signed_in = set(setup.cycle.attendances.at_session().values_list("deputy_id", flat=True))
        for deputy in [d for d in setup.deputies if d.pk in signed_in][: replay["issued"]]:
            paper_issue(round_id=round_["id"], deputy=deputy, actor=None)
    progress = _teller(town, "replay-teller-count").get(f"{API}/rounds/{round_['id']}/tally")
    assert progress.status_code == 200 and progress.json()["issued"] == replay["issued"]


def _param(path: Path) -> Any:
    """A file marked `xfail: <reason>` holds a variant we do not support: it is expected to fail,
    with the reason, and does not count as a match."""
    reason = _load(path).get("xfail")
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_a_published_result_replays_through_the_api(world: World, path: Path) -> None:
    replay = _load(path)
    for key in ("title", "url", "publisher", "date", "place"):
        assert replay["source"].get(key), f"{path.name}: source.{key} missing"
    if replay["kind"] == "evaluation":
        _evaluation(world, replay)
    elif replay["kind"] == "vote" and "projects" not in replay:
        _attendance(world, replay)
    elif replay["kind"] == "vote" and replay["channel"] == "device":
        _device_vote(world, replay)
    elif replay["kind"] == "vote":
        _vote(world, replay)
    else:
        pytest.fail(f"{path.name}: unknown kind {replay['kind']}")


def _scope(replay: dict[str, Any]) -> str:
    """`full`: the round is closed and its computed result compared with the published one;
    `partial`: the source publishes no counts, so the round is only opened (attendance, quorum,
    ballots issued), or nothing beyond the counts to compare them with; `refused`: the published
    counts do not add up and the tally check refuses them, which is no match."""
    published = replay["published"]
    if "refused" in published:
        return "refused"
    if "projects" not in replay:
        return "partial"
    compared = ("adopted",) if replay["kind"] == "vote" else ("outcomes", "rates", "mark_rates")
    return "full" if any(key in published for key in compared) else "partial"


def _scopes() -> Counter[str]:
    return Counter(_scope(_load(p)) for p in FILES if not _load(p).get("xfail"))


FULL_FOUND = 10  # full replays in the suite: at least the 10 the issue asks for


def test_the_full_replays_are_counted() -> None:
    scopes = _scopes()
    assert scopes["full"] >= FULL_FOUND, scopes
    assert sum(scopes.values()) == len(FILES)
