"""The ballot store's contract under real commits and real concurrency (OpenSlides' vote-service
contract, CONSUL's race specs): one ballot per deputy per round, ballots = participations, and
nothing in the stored ballots that points back to who cast them."""

import hashlib
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections
from django.db.models import DateTimeField, ForeignKey
from django_tenants.utils import schema_context, tenant_context

from congresses.models import Congress
from congresses.services import CongressSpec, congress_provision
from directory.models import DeputyListing
from ops.errors import Conflict
from tenants.voting.models import Ballot, Participation, Round
from tenants.voting.services import ballot_cast, round_close
from tests.conftest import World
from tests.factories import unused_township_code

from .factories import Vote, make_vote, per_candidate


@pytest.fixture
def committed_town(django_db_setup: None, django_db_blocker: Any) -> Iterator[Congress]:
    """A township of its own whose writes really commit (no test transaction), dropped after."""
    world: World = pytest.world  # type: ignore[attr-defined]
    slug = f"ballot-{uuid.uuid4().hex[:6]}"
    with django_db_blocker.unblock():
        town = congress_provision(
            spec=CongressSpec(
                name="票决测试镇人大主席团",
                slug=slug,
                level="township",
                division_code=unused_township_code(),
                parent_id=world.county.pk,
            ),
            requested_by=world.operator,
            acting_in=None,
        )
        try:
            yield town
        finally:
            connections.close_all()
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA "{town.schema_name}" CASCADE')
            # The public directory lists the town's deputies (protected): drop them first.
            DeputyListing.objects.filter(congress=town).delete()
            town.domains.all().delete()
            town.delete()


def _in_thread(schema: str, work: Any) -> Any:
    """Run `work` on a connection of the calling thread's own, in `schema`."""
    try:
        with schema_context(schema):
            return work()
    finally:
        connection.close()


def _make_vote(town: Congress, **options: Any) -> Vote:
    with tenant_context(town):
        return make_vote(**options)


def test_fifty_concurrent_ballots_by_one_deputy_store_exactly_one(committed_town: Congress) -> None:
    vote = _make_vote(committed_town, deputies=3, candidates=3, seats=1)
    with tenant_context(committed_town):
        deputy, choices = vote.deputies[0], per_candidate(vote)

    def cast() -> str:
        try:
            ballot_cast(round_id=vote.round.pk, deputy=deputy, choices=choices, actor=None)
        except Conflict as refused:
            return refused.code
        return "stored"

    with ThreadPoolExecutor(max_workers=25) as pool:
        outcomes = list(pool.map(lambda _: _in_thread(committed_town.schema_name, cast), range(50)))

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
            pool.map(lambda i: _in_thread(committed_town.schema_name, lambda: cast(i)), range(300))
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
    position = {hashlib.sha256(code.encode()).hexdigest(): i for i, code in enumerate(cast_order)}
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
