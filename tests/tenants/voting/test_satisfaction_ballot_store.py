"""The ballot store's contract (test_ballot_store.py) held by the year-end evaluation round, under
real commits and real concurrency: one ballot per deputy, ballots = participations, and sealed
ballots that point back to nobody."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django_tenants.utils import tenant_context

from congresses.models import Congress
from tenants.voting.evaluation import evaluation_open
from tenants.voting.models import Ballot, Participation
from tenants.voting.services import ballot_cast, round_close
from tenants.voting.store import receipt_hash
from tests.factories import in_own_connection

from .factories import cast_at_once, make_implementing, marks


def test_concurrent_ratings_by_one_deputy_store_exactly_one(committed_town: Congress) -> None:
    with tenant_context(committed_town):
        setup = make_implementing(deputies=3)
        round_ = evaluation_open(cycle=setup.cycle, actor=None)
        deputy, choices = setup.deputies[0], marks(setup, "satisfied", "basic")

    outcomes = cast_at_once(committed_town, round_.pk, deputy, choices, workers=20, times=40)

    assert outcomes.count("stored") == 1
    assert outcomes.count("already_voted") == 39
    with tenant_context(committed_town):
        assert Ballot.objects.filter(round=round_).count() == 1
        assert Participation.objects.filter(round=round_).count() == 1


def test_many_deputies_at_once_and_sealed_ballots_link_to_nobody(committed_town: Congress) -> None:
    with tenant_context(committed_town):
        setup = make_implementing(deputies=60)
        round_ = evaluation_open(cycle=setup.cycle, actor=None)
    options = ["satisfied", "basic", "unsatisfied", "abstain"]

    def cast(i: int) -> str:
        choices = marks(setup, options[i % 4], options[(i // 4) % 4])
        return ballot_cast(
            round_id=round_.pk, deputy=setup.deputies[i], choices=choices, actor=None
        ).code

    with ThreadPoolExecutor(max_workers=20) as pool:
        receipts = list(
            pool.map(
                lambda i: in_own_connection(committed_town.schema_name, lambda: cast(i)), range(60)
            )
        )

    with tenant_context(committed_town):
        closed = round_close(round_id=round_.pk, actor=None)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT receipt_hash, xmin::text FROM voting_ballot WHERE round_id = %s",
                [round_.pk],
            )
            rows = cursor.fetchall()
            cursor.execute(
                "SELECT DISTINCT xmin::text FROM voting_participation WHERE round_id = %s",
                [round_.pk],
            )
            participation_xmins = {row[0] for row in cursor.fetchall()}
    assert closed.ballot_count == closed.participation_count == closed.entitled_count == 60
    assert sum(closed.result["counts"][str(setup.candidates[0].pk)].values()) == 60  # type: ignore[index]
    assert {h for h, _x in rows} == {receipt_hash(r) for r in receipts}
    # All counted ballots were rewritten by the one closing transaction, apart from any casting.
    xmins = {x for _h, x in rows}
    assert len(xmins) == 1 and not xmins & participation_xmins
