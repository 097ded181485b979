"""The hash chain, as pure functions over plain values."""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
HASHED_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "outcome",
    "payload",
    "request_id",
)


def entry_hash(fields: Mapping[str, Any], prev_hash: str) -> str:
    body = {name: fields[name] for name in HASHED_FIELDS}
    at = body["at"]
    if isinstance(at, datetime):  # the database hands back UTC; hash what it hands back
        body["at"] = at.astimezone(UTC).isoformat()
    canonical = json.dumps(
        {"prev": prev_hash, **body},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    entry_id: int
    reason: str


def find_break(entries: Iterable[Mapping[str, Any]]) -> ChainBreak | None:
    """The first entry at which the chain no longer holds, or None if it is intact.

    `entries` come in storage order (by seq) and carry `id`, `prev_hash`, `hash` and the hashed
    fields. A deleted entry leaves a gap in seq; a reordered or edited one fails its hash or the
    link to its predecessor.
    """
    expected_prev, expected_seq = GENESIS, 1
    for entry in entries:
        seq, entry_id = entry["seq"], entry["id"]
        if seq != expected_seq:
            return ChainBreak(seq, entry_id, f"sequence gap: expected #{expected_seq}")
        if entry["prev_hash"] != expected_prev:
            return ChainBreak(seq, entry_id, "link to the previous entry does not match")
        if entry_hash(entry, entry["prev_hash"]) != entry["hash"]:
            return ChainBreak(seq, entry_id, "content does not match its hash")
        expected_prev, expected_seq = entry["hash"], seq + 1
    return None
