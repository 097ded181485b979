"""票决 documents and exports over HTTP: staff download PDFs and workbooks named in Chinese;
deputies are refused; the announcement waits for a closed round."""

from urllib.parse import quote

from tests.api.hall import Hall, ballot_for, hall_round_open
from tests.conftest import World, client_on
from tests.factories import pdf_text, sheet_rows

CONGRESS = "甲镇人大主席团"  # town A's name in tests/conftest.py


def _vote_and_close(hall: Hall) -> dict:
    round_ = hall_round_open(hall)
    url = f"/api/v1/voting/rounds/{round_['id']}"
    for phone in hall.phones[:5]:
        cast = phone.post(f"{url}/ballots", ballot_for(round_), content_type="application/json")
        assert cast.status_code == 201
    first = round_["candidates"][0]["id"]
    # One candidate 反对 by the sixth deputy, the others 赞成: 5 against 6 for the rest.
    last = {**ballot_for(round_), "choices": {**ballot_for(round_)["choices"], str(first): "no"}}
    assert (
        hall.phones[5].post(f"{url}/ballots", last, content_type="application/json").status_code
        == 201
    )
    closed = hall.chair.post(f"{url}/close").json()
    assert closed["state"] == "closed"
    return closed


def test_staff_print_the_ballot_and_the_tally_sheet_of_a_round(hall: Hall) -> None:
    round_ = hall_round_open(hall)
    names = [c["name"] for c in round_["candidates"]]

    ballot = hall.chair.get(f"/api/v1/voting/rounds/{round_['id']}/ballot.pdf")
    tally = hall.chair.get(f"/api/v1/voting/rounds/{round_['id']}/tally-sheet.pdf")

    assert ballot.status_code == 200 and ballot["Content-Type"] == "application/pdf"
    assert quote("第1轮表决票.pdf") in ballot["Content-Disposition"]
    assert "filename*=utf-8''" in ballot["Content-Disposition"]
    text = pdf_text(ballot.content)
    assert CONGRESS in text and all(name in text for name in names)
    assert tally.status_code == 200
    text = pdf_text(tally.content)
    assert CONGRESS in text and "计票人" in text and "监票人" in text
    assert all(name in text for name in names)


def test_the_announcement_lists_what_the_closed_round_adopted(hall: Hall) -> None:
    closed = _vote_and_close(hall)
    adopted = [c for c in closed["candidates"] if str(c["id"]) in closed["result"]["adopted"]]
    assert len(adopted) == 2

    response = hall.chair.get(f"/api/v1/voting/cycles/{hall.cycle.pk}/announcement.pdf")

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "特此公告" in text and CONGRESS in text
    assert all(c["name"] in text for c in adopted)
    assert "应到代表6名，实到6名" in text


def test_the_announcement_before_any_round_is_closed_gets_400(hall: Hall) -> None:
    hall_round_open(hall)

    response = hall.chair.get(f"/api/v1/voting/cycles/{hall.cycle.pk}/announcement.pdf")

    assert response.status_code == 400 and response.json()["code"] == "no_round_closed"
    assert "公告" in response.json()["detail"]


def test_no_announcement_while_a_tie_round_is_still_to_be_held(hall: Hall) -> None:
    round_ = hall_round_open(hall)
    url = f"/api/v1/voting/rounds/{round_['id']}"
    for phone in hall.phones:
        cast = phone.post(f"{url}/ballots", ballot_for(round_), content_type="application/json")
        assert cast.status_code == 201
    assert hall.chair.post(f"{url}/close").json()["result"]["reason"] == "tie"

    response = hall.chair.get(f"/api/v1/voting/cycles/{hall.cycle.pk}/announcement.pdf")

    assert response.status_code == 400 and response.json()["code"] == "vote_unfinished"


def test_a_refusal_is_json_even_when_the_client_asks_for_a_pdf(hall: Hall) -> None:
    response = hall.chair.get(
        f"/api/v1/voting/cycles/{hall.cycle.pk}/announcement.pdf", HTTP_ACCEPT="application/pdf"
    )

    assert response.status_code == 400 and response.json()["code"] == "no_round_closed"


def test_staff_export_the_candidates_and_the_results_to_excel(hall: Hall) -> None:
    closed = _vote_and_close(hall)
    base = f"/api/v1/voting/cycles/{hall.cycle.pk}"

    candidates = hall.chair.get(f"{base}/candidates.xlsx")
    results = hall.chair.get(f"{base}/results.xlsx")

    assert candidates.status_code == 200 and candidates["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert quote("候选项目.xlsx") in candidates["Content-Disposition"]
    rows = sheet_rows(candidates.content)
    assert rows[0][:2] == ("序号", "项目名称") and len(rows) == 1 + len(closed["candidates"])
    adopted_ranks = sorted(r[5] for r in rows[1:] if r[4] == "票决通过")
    assert adopted_ranks == [1, 2]
    rows = sheet_rows(results.content)
    assert rows[0][0] == "轮次" and len(rows) == 1 + len(closed["candidates"])
    assert {(r[6], r[7]) for r in rows[1:]} == {
        (c["name"], 5 if c["id"] == closed["candidates"][0]["id"] else 6)
        for c in closed["candidates"]
    }


def test_a_deputy_is_refused_every_document(hall: Hall) -> None:
    round_ = hall_round_open(hall)
    urls = [
        f"/api/v1/voting/rounds/{round_['id']}/ballot.pdf",
        f"/api/v1/voting/rounds/{round_['id']}/tally-sheet.pdf",
        f"/api/v1/voting/cycles/{hall.cycle.pk}/announcement.pdf",
        f"/api/v1/voting/cycles/{hall.cycle.pk}/candidates.xlsx",
        f"/api/v1/voting/cycles/{hall.cycle.pk}/results.xlsx",
    ]

    for url in urls:
        response = hall.phones[0].get(url)
        assert response.status_code == 403, url
        assert response.json()["code"] == "permission_denied"


def test_another_tenants_staff_find_nothing_here(hall: Hall, world: World) -> None:
    round_ = hall_round_open(hall)
    staff_b = client_on(world.town_b, world.staff_b)

    response = staff_b.get(f"/api/v1/voting/rounds/{round_['id']}/ballot.pdf")

    assert response.status_code == 404 or CONGRESS not in pdf_text(response.content)
