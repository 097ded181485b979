"""Results anyone can recount (docs/verification.md).

When a round opens (a vote round or the year-end evaluation), its commitment (the entitled list,
the frozen turnout, the candidates or projects, the seats and the rule set) is hashed and the
hash shown on the round's public page. When it closes, the round record is published: the
commitment, the sealed ballots' choices or marks (sorted, with no receipt, deputy or time beside
them), the receipts' hashes as a separate sorted list, the tellers' agreed paper count, the
device import and the announced result, with the record's own hash. `verify_record` recounts a
record with the same method the close used (`recount.count_round` for a vote,
`recount.count_evaluation` for an evaluation) and lists every way the record disagrees with
itself or with the hashes it was published under. It reads the record only, never the database.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from . import rules
from .methods import evaluation_rules_from_json, evaluation_rules_json
from .models import Candidate, Channel, Cycle, DeviceResult, Round
from .paper import agreed_paper_tally
from .recount import EvaluationInputs, RoundInputs, count_evaluation, count_round
from .ruleset import rule_set_from_json, rule_set_to_json
from .selectors import cycle_entitled_deputies, cycle_evaluation_rules, cycle_rule_set

FORMAT = "congress-round-record/1"


def canonical(document: Any) -> bytes:
    """The bytes a hash is taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(document: Any) -> str:
    return hashlib.sha256(canonical(document)).hexdigest()


def record_digest(record: Any) -> str:
    """A record's hash: taken without its own `record_hash` field."""
    if isinstance(record, Mapping):
        record = {k: v for k, v in record.items() if k != "record_hash"}
    return digest(record)


def round_commitment(round_: Round) -> dict[str, Any]:
    """What the round is held under, fixed at open: for the evaluation, its projects in ballot
    order and its own rules (satisfaction.py), not the vote's."""
    cycle = round_.cycle
    evaluation = round_.kind == Round.Kind.EVALUATION
    order = ("rank", "sequence") if evaluation else ("sequence",)
    rules_json = (
        evaluation_rules_json(cycle_evaluation_rules(cycle))
        if evaluation
        else rule_set_to_json(cycle_rule_set(cycle))
    )
    return {
        "cycle_year": cycle.year,
        "round": round_.number,
        "kind": round_.kind,
        "channel": round_.channel,
        "seats": round_.seats,
        "candidates": [
            {"id": str(c.pk), "name": c.name} for c in round_.candidates.order_by(*order)
        ],
        "entitled": sorted(cycle_entitled_deputies(cycle).values_list("name", flat=True)),
        "entitled_count": round_.entitled_count,
        "present_count": round_.present_count,
        "quorum_count": round_.quorum_count,
        "rules": rules_json,
    }


def round_start(
    cycle: Cycle,
    *,
    kind: str,
    seats: int,
    channel: str,
    candidates: Sequence[Candidate],
    turnout: tuple[int, int | None, int | None],
    opened_at: datetime,
) -> Round:
    """The cycle's next round, open from `opened_at` with `turnout` (entitled, present and the
    quorum, frozen here), and its commitment published under its hash: from now on what the
    round is held under cannot change unseen."""
    entitled, present, quorum = turnout
    last = cycle.rounds.order_by("-number").values_list("number", flat=True).first()
    round_ = Round.objects.create(
        cycle=cycle,
        kind=kind,
        seats=seats,
        channel=channel,
        number=(last or 0) + 1,
        opened_at=opened_at,
        entitled_count=entitled,
        present_count=present,
        quorum_count=quorum,
    )
    round_.candidates.set(candidates)
    round_.commitment = round_commitment(round_)
    round_.commitment_hash = digest(round_.commitment)
    round_.save(update_fields=["commitment", "commitment_hash"])
    return round_


def round_record(round_: Round, *, commitment: Mapping[str, Any]) -> dict[str, Any]:
    """The published record of a closed round (without its own hash): what the close counted,
    as the store gathered it (paper count when paper ballots were issued, the device import on
    a device round)."""
    ballots = list(round_.ballots.filter(sealed=True).values_list("choices", "receipt_hash"))
    paper = None
    if round_.participations.filter(channel=Channel.PAPER).exists():
        tally = agreed_paper_tally(round_)
        paper = {"rows": tally.rows, "collected": tally.collected, "invalid": tally.invalid}
    device = None
    if round_.channel == Channel.DEVICE:
        device = DeviceResult.objects.filter(round=round_).values_list("counts", flat=True).first()
    return {
        "format": FORMAT,
        "commitment": dict(commitment),
        "commitment_hash": digest(commitment),
        "ballots": sorted((choices for choices, _receipt in ballots), key=canonical),
        "receipts": sorted(receipt for _choices, receipt in ballots),
        "paper": paper,
        "device": device,
        "result": round_.result,
    }


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


def _paper(record: Mapping[str, Any]) -> rules.Tally | None:
    paper = record.get("paper")
    if not paper:
        return None
    return rules.Tally(
        rows=paper["rows"], collected=int(paper["collected"]), invalid=int(paper["invalid"])
    )


def _inputs(record: Mapping[str, Any]) -> RoundInputs:
    commitment = record["commitment"]
    return RoundInputs(
        order=[c["id"] for c in commitment["candidates"]],
        seats=int(commitment["seats"]),
        rule_set=rule_set_from_json(commitment["rules"]),
        entitled=int(commitment["entitled_count"] or 0),
        present=int(commitment["present_count"] or 0),
        main=commitment["kind"] == Round.Kind.MAIN,
        ballots=record["ballots"],
        paper=_paper(record),
        device=record.get("device"),
    )


def _evaluation_inputs(record: Mapping[str, Any]) -> EvaluationInputs:
    commitment = record["commitment"]
    return EvaluationInputs(
        order=[c["id"] for c in commitment["candidates"]],
        evaluation_rules=evaluation_rules_from_json(commitment["rules"]),
        entitled=int(commitment["entitled_count"] or 0),
        present=int(commitment["present_count"] or 0),
        ballots=record["ballots"],
        paper=_paper(record),
        device=record.get("device"),
    )


def _recount(record: Mapping[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The result the record's own inputs give under its committed rules, and the announced
    fields to compare with it."""
    if record["commitment"]["kind"] == Round.Kind.EVALUATION:
        return count_evaluation(_evaluation_inputs(record))[0], EVALUATION_COMPARED
    return count_round(_inputs(record))[1], COMPARED


COMPARED = ("counts", "valid_ballots", "shares", "adopted", "next_round", "next_round_seats")
EVALUATION_COMPARED = ("counts", "outcomes", "rates", "mark_rates", "verdicts")


def verify_record(
    record: Any, *, commitment_hash: str = "", record_hash: str = ""
) -> list[Problem]:
    """Every way `record` fails: a hash it does not match, a malformed part, or an announced
    figure its own ballots and counts do not give. An empty list: the result recounts."""
    if not isinstance(record, Mapping) or record.get("format") != FORMAT:
        return [Problem("record_format", _("不是票决结果记录文件（格式不符）。"))]
    problems = []
    computed = record_digest(record)
    if record_hash and computed != record_hash:
        problems.append(Problem("record_hash", _("记录文件的哈希值与公布的不一致，文件已被改动。")))
    if record.get("record_hash") and computed != record["record_hash"]:
        problems.append(Problem("record_hash", _("记录文件与其自身记载的哈希值不一致。")))
    commitment = record.get("commitment")
    if digest(commitment) != record.get("commitment_hash") or (
        commitment_hash and digest(commitment) != commitment_hash
    ):
        problems.append(
            Problem("commitment_hash", _("开始投票时公布的承诺哈希值与记录中的规则和名单不符。"))
        )
    if len(record.get("ballots") or []) != len(record.get("receipts") or []):
        problems.append(Problem("receipts", _("电子选票张数与回执数不一致。")))
    try:
        recounted, compared = _recount(record)
    except Exception:  # a file from anyone: whatever breaks the recount is malformed
        return [*problems, Problem("record_malformed", _("记录文件内容不完整，无法重新计票。"))]
    announced = record.get("result") or {}
    for field in compared:
        if recounted.get(field) != announced.get(field):
            problems.append(
                Problem(
                    "result_differs",
                    _("重新计票结果与公布结果不符：%(field)s。") % {"field": field},
                )
            )
    return problems


def public_rounds(year: int) -> list[Round]:
    """A year's rounds (the vote's and the evaluation's), as the public page lists them with
    their hashes."""
    return list(Round.objects.filter(cycle__year=year).order_by("number"))


def published_record(pk: int) -> dict[str, Any] | None:
    """The record of a closed round, with its hash; None while it is open or without one."""
    round_ = (
        Round.objects.select_related("cycle")
        .filter(pk=pk, state=Round.State.CLOSED, commitment__isnull=False)
        .first()
    )
    if round_ is None or not round_.record_hash:
        return None
    record = round_record(round_, commitment=round_.commitment or {})
    return {**record, "record_hash": round_.record_hash}
