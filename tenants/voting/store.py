"""The ballot store: the one place a round's ballots are written, sealed, counted and checked,
for every process (the project vote, the year-end evaluation) and every channel (e-ballot, paper,
device, hybrid). docs/ballot-store.md describes it; docs/ballot-secrecy.md says why it is built so.

- `ballot_cast`: who voted (`Participation`) and an encrypted box (`Ballot.box`) in one
  transaction. The box holds the choices and the receipt's hash, padded to one length per round,
  under a key derived from the server's `BALLOT_KEY` (never in the database) and the round's
  salt: a database reader sees that a deputy voted, never how, and no receipt hash to follow.
- `paper_issue`: a paper ballot handed out is the deputy's participation (channel paper).
- `close`: freeze the entitled list, open the boxes, write the ballots as new rows in a random
  order with the receipts shuffled apart from them, forget the round's salt, gather the paper and
  device counts, and count everything through the round's ballot method (`methods.py`).
- `receipt_check`: was a ballot with this receipt counted? Yes or no.

A cast writes no audit entry of its own (the audit chain is one locked sequence per congress: an
entry per cast would queue the casts and time-stamp each); the close's entry lists who took part.
Casting takes no round-wide write lock: a cast holds the round row `FOR KEY SHARE` (casts do not
block each other), so a close (`FOR UPDATE`) waits for casts in flight and a cast after it sees
the round closed. A second ballot by the same deputy fails on the participation's uniqueness.
"""

import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import quote_schema_name

from ops.errors import DomainError
from ops.tenancy import current_schema
from tenants.deputies.models import Deputy

from . import rules
from .methods import BallotInvalid, BallotMethod, Box, Context, EvaluationResult, VoteResult
from .models import Ballot, Channel, DeviceResult, Entitlement, Participation, Round
from .paper import agreed_paper_tally
from .satisfaction import EvaluationRules
from .selectors import cycle_entitled_deputies

NONCE = 12


def _lock(round_id: int, mode: str) -> Round:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {Round._meta.db_table} WHERE id = %s FOR {mode}",  # noqa: S608
            [round_id],
        )
        found = cursor.fetchone()
    round_ = Round.objects.select_related("cycle").filter(pk=round_id).first() if found else None
    if round_ is None:
        raise DomainError("round_unknown", _("该投票不存在。"))
    return round_


def round_for_entry(round_id: int) -> Round:
    """The round a cast or a paper issue writes into, held so that it cannot close meanwhile
    (`FOR KEY SHARE`: entries never wait for each other, only for a close)."""
    return _lock(round_id, "KEY SHARE")


def round_for_close(round_id: int) -> Round:
    """The round to close, locked against every entry (`FOR UPDATE`)."""
    return _lock(round_id, "UPDATE")


def require_open(round_: Round) -> None:
    if round_.state != Round.State.OPEN:
        raise DomainError("round_not_open", _("该轮投票未开始或已结束。"))


# --- The box: a ballot while its round is open --------------------------------------------------


def _box_key(salt: str) -> bytes:
    secret = settings.BALLOT_KEY.encode()
    return hmac.new(secret, b"ballot-box:" + salt.encode(), hashlib.sha256).digest()


def box_size(items: Sequence[str]) -> int:
    """One plaintext length for every ballot of a round, so a box's size says nothing of its
    choices: room for the longest mark on every item and the receipt's hash, in 64-byte steps."""
    room = 128 + sum(len(item) + 24 for item in items)
    return -(-room // 64) * 64


def box_seal(*, salt: str, items: Sequence[str], choices: Any, receipt_hash: str) -> bytes:
    plain = json.dumps({"c": choices, "r": receipt_hash}, separators=(",", ":")).encode()
    size = box_size(items)
    if len(plain) > size:
        raise DomainError("ballot_malformed", _("选票格式不正确。"))
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(_box_key(salt)).encrypt(nonce, plain.ljust(size), None)


def box_open(*, salt: str, box: bytes) -> tuple[Any, str]:
    """The choices and the receipt's hash in a box (the round's salt is still known)."""
    plain = AESGCM(_box_key(salt)).decrypt(box[:NONCE], box[NONCE:], None)
    content = json.loads(plain)
    return content["c"], str(content["r"])


# Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand from a phone
# is not mistaken (O for 0, l or I for 1); it is checked in any case, with or without dashes.
RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 20  # 100 random bits
RECEIPT_GROUP = 4
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def receipt_new() -> str:
    """A fresh receipt code in groups of four: `7KQ2-M9XD-...`."""
    symbols = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(symbols[i : i + RECEIPT_GROUP] for i in range(0, RECEIPT_LENGTH, RECEIPT_GROUP))


def receipt_canonical(code: str) -> str | None:
    """The code's symbols as issued (upper case, no dashes or spaces, O read as 0 and I or L as
    1); None if it is not a receipt of this form."""
    symbols = "".join(code.split()).replace("-", "").upper().translate(_READ_AS)
    if len(symbols) != RECEIPT_LENGTH or any(c not in RECEIPT_ALPHABET for c in symbols):
        return None
    return symbols


def receipt_hash(code: str) -> str:
    """What a ballot keeps of its receipt, and what the published record lists: the SHA-256 of
    the canonical symbols (of the code as given, for the 22-character codes issued before)."""
    return hashlib.sha256((receipt_canonical(code) or code).encode()).hexdigest()


def _items(round_: Round) -> list[str]:
    return [str(pk) for pk in round_.candidates.order_by("pk").values_list("pk", flat=True)]


# --- Entries ------------------------------------------------------------------------------------


def ballot_cast(*, round_: Round, deputy: Deputy, choices: Any, method: BallotMethod[Any]) -> str:
    """Validate the ballot with its method and store who voted and the sealed box, in the
    caller's transaction (round held by `round_for_entry`). Returns the receipt code, shown once
    to the deputy; a second ballot raises IntegrityError (the participation's uniqueness)."""
    items = _items(round_)
    try:
        ballot = method.validate(choices, items=items, seats=round_.seats)
    except BallotInvalid as invalid:
        if invalid.code == "ballot_too_many_marks":
            raise DomainError(
                invalid.code, _("所选项目超过 %(n)d 个，选票无效。") % {"n": invalid.limit}
            ) from None
        raise DomainError("ballot_malformed", _("选票格式不正确。")) from None
    code = receipt_new()
    Participation.objects.create(round=round_, deputy=deputy, channel=Channel.ELECTRONIC)
    box = box_seal(
        salt=round_.ballot_salt, items=items, choices=ballot, receipt_hash=receipt_hash(code)
    )
    Ballot.objects.create(round=round_, box=box, sealed=False)
    return code


def paper_issue(*, round_: Round, deputy: Deputy) -> Participation:
    """发票: the deputy takes a paper ballot; recorded as their participation (round held by
    `round_for_entry`). A second one, or one after an e-ballot, raises IntegrityError."""
    return Participation.objects.create(round=round_, deputy=deputy, channel=Channel.PAPER)


def receipt_check(*, round_id: int, code: str) -> bool:
    """Was a ballot with this receipt counted? Yes or no, never its content."""
    given = code.strip()
    # A code issued before receipts were base32 was hashed exactly as it was shown.
    hashes = {receipt_hash(given), hashlib.sha256(given.encode()).hexdigest()}
    return Ballot.objects.filter(round_id=round_id, sealed=True, receipt_hash__in=hashes).exists()


# --- Close ----------------------------------------------------------------------------------------


def _seal(round_: Round) -> list[Any]:
    """Open the round's boxes and write their ballots as new rows in a random order, each with a
    receipt hash drawn from an independent shuffle, then delete the boxes and forget the salt:
    neither key, position, transaction id nor receipt relates a ballot to its casting."""
    shuffle = secrets.SystemRandom().shuffle
    choices, receipts = [], []
    for row in round_.ballots.filter(sealed=False).values("box", "choices", "receipt_hash"):
        if row["box"] is None:  # cast before ballots were boxed
            found, receipt = row["choices"], row["receipt_hash"]
        else:
            found, receipt = box_open(salt=round_.ballot_salt, box=bytes(row["box"]))
        choices.append(found)
        receipts.append(receipt)
    shuffle(choices)
    shuffle(receipts)
    round_.ballots.filter(sealed=False).delete()
    Ballot.objects.bulk_create(
        Ballot(round=round_, sealed=True, choices=c, receipt_hash=r)
        for c, r in zip(choices, receipts, strict=True)
    )
    round_.ballot_salt = ""
    return choices


@dataclass(frozen=True)
class Closed:
    """What a close found: the count (None when the round is void) and the sealed box."""

    result: VoteResult | EvaluationResult | None
    box: Box
    participants: dict[str, list[int]]  # who took part, by channel: the close's audit entry


def close(
    *,
    round_: Round,
    method: BallotMethod[Any],
    rules_: rules.RuleSet | EvaluationRules,
    order: Sequence[str],
    meeting: set[int] | None,
) -> Closed:
    """Close an open round held by `round_for_close`, in the caller's transaction: freeze the
    entitled list and the turnout, seal the ballots, gather the paper count (two tellers who
    agree) or the device import, and count them all with `method`. `meeting` is who signed in
    to the meeting the round belongs to (None for an evaluation on phones, which has none): a
    device round takes every one of them as a voter. A paper count claiming more ballots than
    were issued voids the round. The caller decides what follows and saves the round."""
    entitled = list(cycle_entitled_deputies(round_.cycle).values_list("pk", flat=True))
    channels = dict(round_.participations.values_list("deputy_id", "channel"))
    device_round = round_.channel == Channel.DEVICE
    voters = set(meeting or ()) if device_round else set(channels)
    Entitlement.objects.bulk_create(
        Entitlement(round=round_, deputy_id=pk, voted=pk in voters) for pk in entitled
    )
    issued = sum(1 for channel in channels.values() if channel == Channel.PAPER)
    paper = agreed_paper_tally(round_) if issued else None
    device = None
    if device_round:
        found = DeviceResult.objects.filter(round=round_).first()
        if found is None:
            raise DomainError("device_result_missing", _("请先导入表决器数据，再结束投票。"))
        device = found.counts
    ballots = _seal(round_)
    if len(ballots) != len(channels) - issued:
        raise RuntimeError(
            f"round {round_.pk}: {len(ballots)} ballots for {len(channels) - issued} voters"
        )
    round_.closed_at = timezone.now()
    # 应到 and 实到 were frozen when the round opened; rounds opened before they were, and an
    # evaluation on phones (whoever rated was there), take them now.
    if round_.entitled_count is None:
        round_.entitled_count = len(entitled)
    if meeting is None:
        round_.present_count = len(voters)
    elif round_.present_count is None:
        round_.present_count = len(meeting)
    round_.participation_count = len(voters)
    box = Box(ballots=ballots, paper=paper, device=device)
    participants = {
        channel: sorted(pk for pk, used in channels.items() if used == channel)
        for channel in sorted(set(channels.values()))
    }
    transaction.on_commit(partial(_vacuum_ballots, current_schema()))
    if paper is not None and not rules.paper_round_valid(issued=issued, returned=paper.collected):
        round_.ballot_count = None
        round_.result = {
            "void": True,
            "reason": "returned_exceeds_issued",
            "issued": issued,
            "returned": paper.collected,
        }
        return Closed(result=None, box=box, participants=participants)
    counted = method.tally(
        box,
        Context(
            order=order,
            seats=round_.seats,
            entitled=round_.entitled_count or 0,
            present=round_.present_count or 0,
            rules=rules_,
            main=round_.kind == Round.Kind.MAIN,
        ),
    )
    round_.result = counted.stored
    round_.ballot_count = counted.counted
    return Closed(result=counted, box=box, participants=participants)


def _vacuum_ballots(schema: str) -> None:
    # Dead tuples of the deleted boxes would keep the casting order until vacuumed.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {quote_schema_name(schema)}.voting_ballot")
