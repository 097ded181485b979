"""The ballot store's contract under real commits and real concurrency (OpenSlides' vote-service
contract, CONSUL's race specs): one ballot per deputy per round, ballots = participations, and
nothing in the stored ballots that points back to who cast them."""

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from django.db import connection, transaction
from django.db.models import DateTimeField, ForeignKey
from django_tenants.utils import tenant_context

from congresses.models import Congress
from ops.errors import Conflict
from tenants.voting.models import Ballot, Participation, Round
from tenants.voting.services import ballot_cast, round_close
from tenants.voting.store import box_open, receipt_hash
from tests.factories import in_own_connection

from .factories import Vote, cast_at_once, make_vote, per_candidate


def _make_vote(town: Congress, **options: Any) -> Vote:
    with tenant_context(town):
        return make_vote(**options)


def test_fifty_concurrent_ballots_by_one_deputy_store_exactly_one(committed_town: Congress) -> None:
    vote = _make_vote(committed_town, deputies=3, candidates=3, seats=1)
    with tenant_context(committed_town):
        deputy, choices = vote.deputies[0], per_candidate(vote)

    outcomes = cast_at_once(committed_town, vote.round.pk, deputy, choices, workers=25, times=50)

    assert outcomes.count("stored") == 1
    assert outcomes.count("already_voted") == 49
    with tenant_context(committed_town):
        assert Ballot.objects.filter(round=vote.round).count() == 1
        assert Participation.objects.filter(round=vote.round).count() == 1


def test_three_hundred_deputies_at_once_give_ballots_equal_to_participations(
    committed_town: Congress,
) -> None:
    vote = _make_vote(committed_town, deputies=300, candidates=12, seats=10)
    candidates = vote.candidates

    def cast(i: int) -> None:
        deputy = vote.deputies[i]
        yes = [c for j, c in enumerate(candidates) if (i + j) % 3 != 0]
        ballot_cast(
            round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote, *yes), actor=None
        )

    with ThreadPoolExecutor(max_workers=30) as pool:
        list(
            pool.map(
                lambda i: in_own_connection(committed_town.schema_name, lambda: cast(i)), range(300)
            )
        )

    with tenant_context(committed_town):
        assert Participation.objects.filter(round=vote.round).count() == 300
        assert Ballot.objects.filter(round=vote.round).count() == 300
        closed = round_close(round_id=vote.round.pk, actor=None)
    assert closed.ballot_count == closed.participation_count == 300


def test_stored_ballots_carry_nothing_that_links_them_to_a_deputy(committed_town: Congress) -> None:
    vote = _make_vote(committed_town, deputies=40, candidates=3, seats=1)
    cast_order = []
    with tenant_context(committed_town):
        for deputy in vote.deputies:  # one commit per ballot, in a known order
            choices = per_candidate(vote)
            receipt = ballot_cast(
                round_id=vote.round.pk, deputy=deputy, choices=choices, actor=None
            )
            cast_order.append(receipt.code)
        round_close(round_id=vote.round.pk, actor=None)
        rows = _ballot_rows(vote.round)

    # Columns: no deputy, user or time.
    fields = Ballot._meta.get_fields()
    assert not [f.name for f in fields if isinstance(f, DateTimeField)]
    assert [f.name for f in fields if isinstance(f, ForeignKey)] == ["round"]
    # Keys and physical order: a shuffle, not the casting order.
    position = {receipt_hash(code): i for i, code in enumerate(cast_order)}
    by_key = [position[r["receipt_hash"]] for r in sorted(rows, key=lambda r: r["id"])]
    by_storage = [position[r["receipt_hash"]] for r in sorted(rows, key=lambda r: r["ctid"])]
    assert sorted(by_key) == list(range(40))
    assert by_key != list(range(40)) and by_storage != list(range(40))
    # Transaction ids: every counted ballot was written by the one closing transaction.
    assert len({r["xmin"] for r in rows}) == 1
    with tenant_context(committed_town), connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT xmin::text FROM voting_participation WHERE round_id = %s",
            [vote.round.pk],
        )
        participation_xmins = {row[0] for row in cursor.fetchall()}
    assert not participation_xmins & {r["xmin"] for r in rows}


def _ballot_rows(round_: Round) -> list[dict[str, Any]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id::text, receipt_hash, xmin::text, ctid::text FROM voting_ballot WHERE round_id = %s",
            [round_.pk],
        )
        rows = [
            dict(zip(("id", "receipt_hash", "xmin", "ctid"), row, strict=True))
            for row in cursor.fetchall()
        ]
    for row in rows:
        page, item = row["ctid"].strip("()").split(",")
        row["ctid"] = (int(page), int(item))
    return rows


def test_n_deputies_casting_twice_at_once_lose_nothing_and_every_repeat_is_a_409(
    committed_town: Congress,
) -> None:
    n = 120
    vote = _make_vote(committed_town, deputies=n, candidates=3, seats=1)
    with tenant_context(committed_town):
        choices = per_candidate(vote, vote.candidates[0])
    attempts = [i % n for i in range(2 * n)]
    random.Random(13).shuffle(attempts)

    def cast(i: int) -> int:
        try:
            ballot_cast(
                round_id=vote.round.pk, deputy=vote.deputies[i], choices=choices, actor=None
            )
        except Conflict as refused:
            assert refused.code == "already_voted"
            return refused.status
        return 201

    with ThreadPoolExecutor(max_workers=24) as pool:
        outcomes = list(
            pool.map(
                lambda i: in_own_connection(committed_town.schema_name, lambda: cast(i)), attempts
            )
        )

    assert outcomes.count(201) == n and outcomes.count(409) == n
    with tenant_context(committed_town):
        closed = round_close(round_id=vote.round.pk, actor=None)
    assert closed.participation_count == closed.ballot_count == n
    assert closed.result is not None
    assert closed.result["counts"][str(vote.candidates[0].pk)]["yes"] == n


def test_a_cast_does_not_wait_for_another_cast_in_flight(committed_town: Congress) -> None:
    """No round-wide write lock: while one deputy's cast is still uncommitted, another's goes
    through (under the old `SELECT … FOR UPDATE` on the round, the second waited)."""
    vote = _make_vote(committed_town, deputies=2, candidates=3, seats=1)
    with tenant_context(committed_town):
        choices = per_candidate(vote)
    first_in, second_done = threading.Event(), threading.Event()

    def hold_first() -> bool:
        with transaction.atomic():
            ballot_cast(
                round_id=vote.round.pk, deputy=vote.deputies[0], choices=choices, actor=None
            )
            first_in.set()
            return second_done.wait(timeout=20)  # still uncommitted while the second casts

    def second() -> None:
        assert first_in.wait(timeout=20)
        ballot_cast(round_id=vote.round.pk, deputy=vote.deputies[1], choices=choices, actor=None)
        second_done.set()

    with ThreadPoolExecutor(max_workers=2) as pool:
        held = pool.submit(in_own_connection, committed_town.schema_name, hold_first)
        pool.submit(in_own_connection, committed_town.schema_name, second).result(timeout=60)
        assert held.result(timeout=60) is True
    with tenant_context(committed_town):
        assert Participation.objects.filter(round=vote.round).count() == 2


def _rows_written_by(xmin: str, schema: str) -> list[str]:
    """Every row, in the tenant's schema and the public one, that transaction `xmin` wrote, as
    text: what a reader of the live tables, the WAL or a backup sees of a cast."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema IN (%s, 'public') AND table_type = 'BASE TABLE'",
            [schema],
        )
        for table_schema, table in cursor.fetchall():
            cursor.execute(
                f'SELECT t::text FROM "{table_schema}"."{table}" t WHERE t.xmin::text = %s',
                [xmin],
            )
            found += [row[0] for row in cursor.fetchall()]
    return found


def test_what_a_cast_writes_holds_no_choice_and_no_receipt_in_the_clear(
    committed_town: Congress,
) -> None:
    vote = _make_vote(committed_town, deputies=3, candidates=3, seats=1)
    with tenant_context(committed_town):
        a, b, c = (str(x.pk) for x in vote.candidates)
        choices = {a: "yes", b: "no", c: "abstain"}
        code = ballot_cast(
            round_id=vote.round.pk, deputy=vote.deputies[0], choices=choices, actor=None
        ).code
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT xmin::text FROM voting_participation WHERE round_id = %s", [vote.round.pk]
            )
            (xmin,) = cursor.fetchone() or ("",)
        written = _rows_written_by(xmin, committed_town.schema_name)
        box = Ballot.objects.get(round=vote.round)

    # The cast wrote two rows: the participation (who) and the box (what, sealed).
    assert len(written) == 2
    receipt = receipt_hash(code)
    for row in written:
        assert receipt not in row and code not in row
        for mark in ("yes", "no", "abstain"):
            assert f'"{mark}"' not in row
    assert box.choices is None and box.receipt_hash is None and box.box is not None
    # Without the server's key, the box does not open; with the round's salt gone, neither.
    with pytest.raises(InvalidTag):
        box_open(salt="0" * 64, box=bytes(box.box))
    assert box_open(salt=vote.round.ballot_salt, box=bytes(box.box)) == (choices, receipt)


def test_after_close_a_receipt_does_not_find_its_ballot(committed_town: Congress) -> None:
    """Receipts are shuffled apart from the ballots: the row holding a deputy's receipt hash
    holds their ballot no more often than chance would have it."""
    n = 40
    vote = _make_vote(committed_town, deputies=n, candidates=4, seats=1)
    with tenant_context(committed_town):
        items = [str(c.pk) for c in vote.candidates]
        given = {}
        for i, deputy in enumerate(vote.deputies):  # forty different ballots
            marks = [("yes", "no", "abstain")[(i // 3**k) % 3] for k in range(4)]
            choices = dict(zip(items, marks, strict=True))
            code = ballot_cast(round_id=vote.round.pk, deputy=deputy, choices=choices, actor=None)
            given[receipt_hash(code.code)] = choices
        closed = round_close(round_id=vote.round.pk, actor=None)
        rows = list(Ballot.objects.filter(round=vote.round).values("choices", "receipt_hash"))

    assert closed.ballot_salt == ""
    assert sorted(str(r["receipt_hash"]) for r in rows) == sorted(given)
    assert sorted(map(str, (r["choices"] for r in rows))) == sorted(map(str, given.values()))
    # A random pairing matches about one of forty; the cast pairing would match all forty.
    assert sum(given[str(r["receipt_hash"])] == r["choices"] for r in rows) < n // 4
