/** What the 票决 pages share: what a phase allows, the round to show, the result in rank order and quorum. */
import type { Candidate, CandidateCount, Cycle, Phase, Round, RoundResult } from '@/api/voting'

/**
 * What a cycle's phase allows on a page, from the page's table of the phases each of its actions
 * is open in (as tenants/voting/phases.py opens them): each action true or false.
 */
export function allowedIn<A extends string>(
  phases: Record<A, readonly Phase[]>,
  phase: string | null | undefined,
): Record<A, boolean> {
  const actions = Object.keys(phases) as A[]
  const open = (action: A) => phases[action].some((each) => each === phase)
  return Object.fromEntries(actions.map((action) => [action, open(action)])) as Record<A, boolean>
}

/** The open round if there is one, else the latest (rounds come in number order). */
export function currentRound(rounds: readonly Round[]): Round | null {
  return rounds.find((r) => r.state === 'open') ?? rounds[rounds.length - 1] ?? null
}

export function roundResult(round: Round | null): RoundResult | null {
  if (!round || round.state !== 'closed' || !round.result || !('adopted' in round.result)) {
    return null
  }
  return round.result
}

export interface ResultRow {
  candidate: Candidate
  counts: CandidateCount
  /** 票决率 as the server rounded it, e.g. "90.63"; null when not recorded. */
  share: string | null
  adopted: boolean
  /** In the tie or shortfall round that must follow. */
  nextRound: boolean
  /** 1-based place in this round's listing. */
  place: number
}

/**
 * A closed round's candidates in rank order: the adopted first as decided (their rank order),
 * then the rest by 赞成 votes, ballot order breaking equal counts (only for listing).
 */
export function resultRows(round: Round | null): ResultRow[] {
  const result = roundResult(round)
  if (!round || !result) return []
  const adoptedAt = new Map(result.adopted.map((id, i) => [id, i]))
  const next = new Set(result.next_round)
  const zero: CandidateCount = { yes: 0, no: 0, abstain: 0 }
  const rows = round.candidates.map((candidate) => {
    const id = String(candidate.id)
    return {
      candidate,
      counts: result.counts[id] ?? zero,
      share: result.shares?.[id] ?? null,
      adopted: adoptedAt.has(id),
      nextRound: next.has(id),
      place: 0,
    }
  })
  const key = (row: ResultRow) => adoptedAt.get(String(row.candidate.id)) ?? Infinity
  rows.sort((a, b) => key(a) - key(b) || b.counts.yes - a.counts.yes || a.candidate.sequence - b.candidate.sequence)
  return rows.map((row, i) => ({ ...row, place: i + 1 }))
}

/** The figures the quorum is judged on: a round's own, frozen when it opened, once there is
 * one; the cycle's live roster and sign-ins before the first round. */
export function hallFigures(
  cycle: Cycle | null,
  round: Round | null,
): { entitled: number; present: number; quorum: number; met: boolean } {
  if (round && round.entitled_count != null && round.present_count != null) {
    const quorum = round.quorum_count ?? quorumNeeded(cycle)
    return {
      entitled: round.entitled_count,
      present: round.present_count,
      quorum,
      met: round.present_count >= quorum,
    }
  }
  return {
    entitled: cycle?.entitled_count ?? 0,
    present: cycle?.present_count ?? 0,
    quorum: quorumNeeded(cycle),
    met: quorumMet(cycle),
  }
}

/** Whether the present reach the cycle's quorum: "at least" or "more than" a share of all. */
export function quorumMet(cycle: Cycle | null): boolean {
  if (!cycle || cycle.entitled_count <= 0) return false
  const { numerator, denominator, comparison } = cycle.rules.quorum
  const present = cycle.present_count * denominator
  const needed = cycle.entitled_count * numerator
  return comparison === 'at_least' ? present >= needed : present > needed
}

/** The fewest deputies present for the quorum (rules.quorum_needed). */
export function quorumNeeded(cycle: Cycle | null): number {
  if (!cycle) return 0
  const { numerator, denominator, comparison } = cycle.rules.quorum
  const share = cycle.entitled_count * numerator
  return comparison === 'at_least' ? Math.ceil(share / denominator) : Math.floor(share / denominator) + 1
}
