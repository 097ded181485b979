"""评估 over HTTP: deputies rate on their phones, the staff console, the public account and the
public rating; every refusal a clear 4xx with nothing written."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.voting.models import Ballot, Cycle, Participation, PublicRating
from tests.api.hall import member, on_phones
from tests.conftest import World, client_on
from tests.tenants.voting.factories import make_implementing


@dataclass
class YearEnd:
    cycle: Cycle
    deputies: list[Deputy]
    projects: list[int]
    staff: Client
    phones: list[Client]


@pytest.fixture
def year_end(world: World) -> YearEnd:
    """Town A at the end of 2027: two adopted projects in implementation, 4 deputies with phones."""
    cache.clear()
    with tenant_context(world.town_a):
        setup = make_implementing(deputies=4)
    phones = on_phones(world, setup.deputies, "eval")
    return YearEnd(
        setup.cycle,
        setup.deputies,
        [c.pk for c in setup.candidates],
        client_on(world.town_a, world.staff_a),
        phones,
    )


def _url(y: YearEnd, tail: str = "") -> str:
    return f"/api/v1/voting/cycles/{y.cycle.pk}/evaluation{tail}"


def _open(y: YearEnd, **rules: object) -> dict:
    if rules:
        set_rules = y.staff.post(_url(y, "/rules"), rules, content_type="application/json")
        assert set_rules.status_code == 200, set_rules.json()
    response = y.staff.post(_url(y, "/open"))
    assert response.status_code == 201, response.json()
    return response.json()


def _rate(y: YearEnd, phone: Client, round_id: int, *marks: str) -> object:
    choices = {str(pk): m for pk, m in zip(y.projects, marks, strict=True)}
    return phone.post(
        f"/api/v1/voting/rounds/{round_id}/ballots",
        {"choices": choices},
        content_type="application/json",
    )


def test_deputies_rate_on_their_phones_and_results_come_only_after_close(y: YearEnd) -> None:
    state = _open(y)
    round_id = state["round"]["id"]
    assert state["phase"] == "evaluate" and state["rules_fixed_at"]
    assert [p["id"] for p in state["projects"]] == y.projects

    for phone, marks in zip(
        y.phones[:3],
        [("satisfied", "basic"), ("satisfied", "unsatisfied"), ("basic", "abstain")],
        strict=True,
    ):
        response = _rate(y, phone, round_id, *marks)
        assert response.status_code == 201  # type: ignore[attr-defined]
    live = y.phones[0].get(_url(y)).json()
    assert live["round"]["ballots_cast"] == 3 and live["round"]["i_voted"] is True
    assert y.phones[3].get(_url(y)).json()["round"]["i_voted"] is False

    early = y.staff.get(_url(y, "/results"))
    assert early.status_code == 409 and early.json()["code"] == "evaluation_not_closed"
    round_view = y.staff.get(f"/api/v1/voting/rounds/{round_id}").json()
    assert round_view["result"] is None and "satisfied" not in str(round_view)

    closed = y.staff.post(_url(y, "/close"))

    assert closed.status_code == 200
    body = closed.json()
    assert body["entitled_count"] == 4 and body["ballot_count"] == 3
    first, second = body["projects"]
    # 4 deputies: project 1 has 2 满意 (exactly half: 满意), project 2 has 1 基本满意 (不满意).
    assert first["outcome"] == "satisfied" and first["counts"]["satisfied"] == 2
    assert second["outcome"] == "unsatisfied" and second["counts"]["abstain"] == 1
    assert y.phones[3].get(_url(y, "/results")).json() == body


def test_a_second_rating_is_refused_and_nothing_more_is_stored(y: YearEnd, world: World) -> None:
    round_id = _open(y)["round"]["id"]
    assert _rate(y, y.phones[0], round_id, "satisfied", "satisfied").status_code == 201  # type: ignore[attr-defined]

    again = _rate(y, y.phones[0], round_id, "unsatisfied", "unsatisfied")

    assert again.status_code == 409 and again.json()["code"] == "already_voted"  # type: ignore[attr-defined]
    with tenant_context(world.town_a):
        assert Ballot.objects.filter(round_id=round_id).count() == 1


@pytest.mark.parametrize(
    "choices",
    [{"0": "satisfied"}, "satisfied", {}, None],
)
def test_a_malformed_rating_gets_400_and_nothing_is_written(
    y: YearEnd, world: World, choices: object
) -> None:
    round_id = _open(y)["round"]["id"]

    response = y.phones[0].post(
        f"/api/v1/voting/rounds/{round_id}/ballots",
        {"choices": choices},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["code"] in ("ballot_malformed", "invalid")
    with tenant_context(world.town_a):
        assert not Participation.objects.filter(round_id=round_id).exists()
        assert not Ballot.objects.filter(round_id=round_id).exists()


def test_only_deputies_rate_and_only_staff_run_the_evaluation(y: YearEnd, world: World) -> None:
    forbidden = y.phones[0].post(_url(y, "/open"))
    assert forbidden.status_code == 403
    round_id = _open(y)["round"]["id"]

    by_staff = _rate(y, y.staff, round_id, "satisfied", "satisfied")
    unit = client_on(
        world.town_a, member(User.objects.create(username="eval-unit"), world.town_a, ["unit"])
    )
    by_unit = _rate(y, unit, round_id, "satisfied", "satisfied")
    # A deputy of the county, not of this township's roster.
    with tenant_context(world.town_a):
        outsider = member(User.objects.create(username="eval-outsider"), world.town_a, ["deputy"])
    by_outsider = _rate(y, client_on(world.town_a, outsider), round_id, "satisfied", "satisfied")
    stranger = _rate(y, client_on(world.town_b, world.staff_b), round_id, "satisfied", "satisfied")

    assert by_staff.status_code == 403 and by_unit.status_code == 403  # type: ignore[attr-defined]
    assert by_outsider.status_code == 403 and by_outsider.json()["code"] == "not_entitled"  # type: ignore[attr-defined]
    assert stranger.status_code in (403, 404)  # type: ignore[attr-defined]
    assert y.phones[0].post(_url(y, "/close")).status_code == 403
    with tenant_context(world.town_a):
        assert not Participation.objects.filter(round_id=round_id).exists()


def test_bad_rules_get_400_and_change_nothing(y: YearEnd) -> None:
    for body in ({"pass_rate": "0"}, {"pass_rate": "101"}, {"rule_type": "unanimity"}):
        response = y.staff.post(_url(y, "/rules"), body, content_type="application/json")
        assert response.status_code == 400, body
    rules = y.staff.get(_url(y)).json()["rules"]
    assert rules["pass_rate"] == "80.00" and rules["rule_type"] == "majority"


def test_the_public_account_shows_money_and_the_result_after_close(y: YearEnd) -> None:
    public = client_on(_town(y))
    before = public.get(f"/api/v1/public/voting/accounts/{y.cycle.year}")
    assert before.status_code == 200 and before.json()["evaluated"] is False
    assert all(line["result"] is None for line in before.json()["lines"])
    assert public.get("/api/v1/public/voting/accounts/1999").status_code == 404

    round_id = _open(y, public_rating=True)["round"]["id"]
    for phone in y.phones:
        _rate(y, phone, round_id, "satisfied", "unsatisfied")
    rated = public.post(
        f"/api/v1/public/voting/accounts/{y.cycle.year}/ratings",
        {"marks": {str(y.projects[0]): "basic"}},
        content_type="application/json",
    )
    assert rated.status_code == 201
    y.staff.post(_url(y, "/close"))

    account = public.get(f"/api/v1/public/voting/accounts/{y.cycle.year}").json()
    first, second = account["lines"]
    assert account["evaluated"] is True and account["public_rating_open"] is False
    assert first["result"] == "satisfied" and second["result"] == "unsatisfied"
    assert first["rate"] == "100.00"
    # The public's rating is its own stream: 1 基本满意 there, none in the deputies' counts.
    assert first["public"] == {"satisfied": 0, "basic": 1, "unsatisfied": 0}
    assert first["counts"]["basic"] == 0
    assert account["rated"] == [y.projects[0]]
    pdf = public.get(f"/api/v1/public/voting/accounts/{y.cycle.year}/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def _town(y: YearEnd) -> Congress:
    return Congress.objects.get(slug="town-a")


def test_the_public_rates_once_per_browser_and_is_rate_limited(y: YearEnd, world: World) -> None:
    _open(y, public_rating=True)
    url = f"/api/v1/public/voting/accounts/{y.cycle.year}/ratings"
    browser = client_on(world.town_a)
    browser.get(f"/api/v1/public/voting/accounts/{y.cycle.year}")  # sets the browser's cookie
    mark = {"marks": {str(y.projects[0]): "satisfied"}}

    first = browser.post(url, mark, content_type="application/json")
    again = browser.post(url, mark, content_type="application/json")
    bad = browser.post(
        url, {"marks": {str(y.projects[1]): "abstain"}}, content_type="application/json"
    )

    assert first.status_code == 201
    assert again.status_code == 409 and again.json()["code"] == "already_rated"
    assert bad.status_code == 400
    with tenant_context(world.town_a):
        assert PublicRating.objects.count() == 1
    answers = [
        client_on(world.town_a).post(url, mark, content_type="application/json").status_code
        for _ in range(10)
    ]
    assert answers[-1] == 429
    cache.clear()


@pytest.fixture
def y(year_end: YearEnd) -> YearEnd:
    return year_end


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_account_and_results_cost_the_same_for_2_and_5_projects(world: World) -> None:
    public, staff = client_on(world.town_a), client_on(world.town_a, world.staff_a)
    costs = []
    # The second roster joins the first in the same term: enough of them sign in for the quorum.
    for year, seats, deputies in ((2032, 2, 3), (2033, 5, 6)):
        with tenant_context(world.town_a):
            setup = make_implementing(
                deputies=deputies, candidates=seats + 1, seats=seats, year=year
            )
        round_id = staff.post(f"/api/v1/voting/cycles/{setup.cycle.pk}/evaluation/open").json()[
            "round"
        ]["id"]
        staff.post(f"/api/v1/voting/cycles/{setup.cycle.pk}/evaluation/close")
        assert round_id
        costs.append(
            (
                _queries(public, f"/api/v1/public/voting/accounts/{year}"),
                _queries(staff, f"/api/v1/voting/cycles/{setup.cycle.pk}/evaluation/results"),
            )
        )
    assert costs[0] == costs[1]


def test_staff_close_the_year_only_after_the_evaluation_is_counted(y: YearEnd) -> None:
    close_year = f"/api/v1/voting/cycles/{y.cycle.pk}/close-year"
    too_early = y.staff.post(close_year, HTTP_ACCEPT_LANGUAGE="en")
    assert too_early.status_code == 400 and too_early.json()["code"] == "wrong_phase"
    assert "Publish the account as final" in too_early.json()["detail"]

    round_id = _open(y)["round"]["id"]
    _rate(y, y.phones[0], round_id, "satisfied", "basic")
    uncounted = y.staff.post(close_year)
    assert uncounted.status_code == 400 and uncounted.json()["code"] == "evaluation_not_closed"
    by_deputy = y.phones[0].post(close_year)
    assert by_deputy.status_code == 403
    assert y.staff.get(_url(y)).json()["phase"] == "evaluate"

    y.staff.post(_url(y, "/close"))
    closed = y.staff.post(close_year)

    assert closed.status_code == 200 and closed.json()["phase"] == "closed"
    again = y.staff.post(close_year)
    assert again.status_code == 400 and again.json()["code"] == "wrong_phase"
    # The closed year's account stays public, its figures as counted.
    account = Client(HTTP_HOST="town-a.localhost").get(
        f"/api/v1/public/voting/accounts/{y.cycle.year}"
    )
    assert account.status_code == 200
