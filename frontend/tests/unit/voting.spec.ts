import { describe, expect, it } from 'vitest'

import type { Candidate, Cycle, Evaluation, Round } from '@/api/voting'
import { ballotChoices } from '@/views/voting/ballot/useBallot'
import { nextRoundRequest } from '@/views/voting/chair/useVotingChair'
import { deskActions } from '@/views/voting/cycle/useProposalDesk'
import { rulesFormOf, surplusNeeded } from '@/views/voting/cycle/useVotingCycle'
import { deliberationActions } from '@/views/voting/deliberation/useDeliberation'
import { differingNames } from '@/views/voting/chair/usePaperBallots'
import { evaluationRound, tallyCounts, tallyMarks } from '@/views/voting/tally/useTally'
import {
  allowedIn,
  currentRound,
  hallFigures,
  quorumMet,
  quorumNeeded,
  resultRows,
  roundResult,
} from '@/views/voting/voting'

const candidate = (id: number, sequence = id): Candidate => ({
  id,
  sequence,
  name: `项目${id}`,
})

function round(overrides: Partial<Round> = {}): Round {
  return {
    id: 1,
    number: 1,
    kind: 'main',
    seats: 2,
    state: 'open',
    phase: 'vote',
    ballot_form: 'per_candidate',
    candidates: [candidate(1), candidate(2), candidate(3), candidate(4)],
    ballots_cast: 0,
    i_voted: false,
    opened_at: '2027-01-10T09:00:00Z',
    result: null,
    ...overrides,
  }
}

const closed = (result: unknown, overrides: Partial<Round> = {}) =>
  round({ state: 'closed', result: result as Round['result'], ...overrides })

const cycle = (
  present: number,
  entitled: number,
  n = 2,
  d = 3,
  comparison: 'at_least' | 'more_than' = 'at_least',
): Cycle => ({
  id: 1,
  year: 2027,
  title: '票决',
  seats: 10,
  rules: {
    seats: 10,
    list_kind: 'competitive',
    min_surplus: 1,
    ballot_form: 'per_candidate',
    thresholds: [{ numerator: 1, denominator: 2, comparison: 'more_than', base: 'entitled' }],
    rank_only: false,
    quorum: { numerator: n, denominator: d, comparison },
    shortfall: 'accept_fewer',
  },
  candidate_count: 12,
  present_count: present,
  entitled_count: entitled,
  has_call: true,
  rules_sources: [],
})

describe('the round to show', () => {
  it('is the open round, else the latest', () => {
    const first = closed({ counts: {}, adopted: [] }, { id: 1 })
    const second = round({ id: 2, number: 2 })
    expect(currentRound([first, second])?.id).toBe(2)
    expect(currentRound([first])?.id).toBe(1)
    expect(currentRound([])).toBeNull()
  })
})

describe('result rows', () => {
  const result = {
    counts: {
      '1': { yes: 7, no: 2, abstain: 0 },
      '2': { yes: 9, no: 0, abstain: 0 },
      '3': { yes: 8, no: 1, abstain: 0 },
      '4': { yes: 3, no: 6, abstain: 0 },
    },
    adopted: ['2', '3'],
    next_round: [],
    next_round_seats: 0,
    reason: '',
  }

  it('lists the adopted in their rank order, then the rest by yes votes', () => {
    const rows = resultRows(closed(result))
    expect(rows.map((r) => r.candidate.id)).toEqual([2, 3, 1, 4])
    expect(rows.map((r) => r.adopted)).toEqual([true, true, false, false])
    expect(rows.map((r) => r.place)).toEqual([1, 2, 3, 4])
    expect(rows[0]?.counts).toEqual({ yes: 9, no: 0, abstain: 0 })
    expect(rows[0]?.share).toBeNull() // a round closed before shares were recorded
  })

  it("shows each candidate's share as the server rounded it", () => {
    const rows = resultRows(closed({ ...result, shares: { '2': '90.63', '3': '72.73' }, share_base: 'entitled' }))
    expect(rows.map((r) => r.share)).toEqual(['90.63', '72.73', null, null])
    expect(roundResult(closed({ ...result, share_base: 'valid' }))?.share_base).toBe('valid')
  })

  it('shows nothing while the round is open or without a result', () => {
    expect(resultRows(round())).toEqual([])
    expect(resultRows(closed(null))).toEqual([])
    expect(roundResult(null)).toBeNull()
  })

  it('marks the candidates of a tie round', () => {
    const tie = {
      ...result,
      adopted: ['2'],
      next_round: ['3', '1'],
      next_round_seats: 1,
      reason: 'tie',
    }
    const rows = resultRows(closed(tie))
    expect(rows.filter((r) => r.nextRound).map((r) => r.candidate.id)).toEqual([3, 1])
  })
})

describe('the next round the chair may open', () => {
  it('votes a void round again as it was', () => {
    const void_ = round({ state: 'void', kind: 'tie', seats: 1, candidates: [candidate(2)] })
    expect(nextRoundRequest([void_])).toEqual({ kind: 'tie', candidate_ids: [2], seats: 1 })
  })

  it('is the main round first, nothing while decided, then the tie or shortfall round', () => {
    expect(nextRoundRequest([])).toEqual({ kind: 'main' })
    const decided = closed({ counts: {}, adopted: ['1', '2'], next_round: [], reason: '' })
    expect(nextRoundRequest([decided])).toBeNull()
    const tie = closed({
      counts: {},
      adopted: ['1'],
      next_round: ['2', '3'],
      next_round_seats: 1,
      reason: 'tie',
    })
    expect(nextRoundRequest([tie])).toEqual({ kind: 'tie', candidate_ids: [2, 3], seats: 1 })
    const short = closed({
      counts: {},
      adopted: ['1'],
      next_round: ['3', '4'],
      next_round_seats: 1,
      reason: 'shortfall',
    })
    expect(nextRoundRequest([short])?.kind).toBe('shortfall')
  })
})

describe('quorum', () => {
  it('needs two thirds of the entitled by default', () => {
    expect(quorumNeeded(cycle(0, 13))).toBe(9)
    expect(quorumMet(cycle(8, 13))).toBe(false)
    expect(quorumMet(cycle(9, 13))).toBe(true)
    expect(quorumMet(cycle(0, 0))).toBe(false)
    expect(quorumMet(cycle(7, 13, 1, 2))).toBe(true)
  })

  it('of more than two thirds needs one more at exactly two thirds', () => {
    expect(quorumMet(cycle(60, 90))).toBe(true)
    expect(quorumMet(cycle(60, 90, 2, 3, 'more_than'))).toBe(false)
    expect(quorumMet(cycle(61, 90, 2, 3, 'more_than'))).toBe(true)
    expect(quorumNeeded(cycle(0, 90, 2, 3, 'more_than'))).toBe(61)
    expect(quorumNeeded(cycle(0, 7, 2, 3, 'more_than'))).toBe(5)
  })

  it("shows a round's own figures, frozen when it opened, over the live roster", () => {
    const later = cycle(9, 15) // two deputies imported after the round closed
    const frozen = closed(null, { entitled_count: 13, present_count: 9, quorum_count: 9 })
    expect(hallFigures(later, frozen)).toEqual({ entitled: 13, present: 9, quorum: 9, met: true })
    expect(hallFigures(later, null)).toEqual({ entitled: 15, present: 9, quorum: 10, met: false })
    expect(hallFigures(later, round())).toEqual({
      entitled: 15,
      present: 9,
      quorum: 10,
      met: false,
    })
  })
})

describe("the tellers' count", () => {
  it('counts blanks per candidate, 赞成 alone for choose-N, the four marks in an evaluation', () => {
    expect(tallyMarks(round())).toEqual(['yes', 'no', 'abstain', 'blank'])
    expect(tallyMarks(round({ ballot_form: 'choose_n' }))).toEqual(['yes'])
    expect(tallyMarks(round({ kind: 'evaluation' }))).toEqual(['satisfied', 'basic', 'unsatisfied', 'abstain', 'blank'])
    expect(tallyMarks(null)).toEqual([])
  })

  it("counts the evaluation's open round over the year's projects, and no closed one", () => {
    const projects = [{ id: 7, sequence: 1, name: '路灯安装' }]
    const open = { id: 3, state: 'open', channel: 'paper' }
    const evaluation = { round: open, projects } as unknown as Evaluation
    const found = evaluationRound(evaluation)
    expect(found?.kind).toBe('evaluation')
    expect(found?.candidates).toEqual(projects)
    expect(tallyCounts(found!, { '7': { satisfied: 4 } })).toEqual({
      '7': { satisfied: 4, basic: 0, unsatisfied: 0, abstain: 0, blank: 0 },
    })
    const closed = { round: { ...open, state: 'closed' }, projects } as unknown as Evaluation
    expect(evaluationRound(closed)).toBeNull()
  })

  it('sends every mark of every candidate, empty fields as 0', () => {
    const two = round({ candidates: [candidate(1), candidate(2)] })
    expect(tallyCounts(two, { '1': { yes: 3, blank: 1 } })).toEqual({
      '1': { yes: 3, no: 0, abstain: 0, blank: 1 },
      '2': { yes: 0, no: 0, abstain: 0, blank: 0 },
    })
  })

  it('names the candidates two counts differ in, in ballot order', () => {
    const list = [candidate(3, 3), candidate(1, 1), candidate(2, 2)]
    const agreement = { agree: false, totals_differ: false, differences: ['3', '1'] }
    expect(differingNames(list, agreement)).toEqual(['1. 项目1', '3. 项目3'])
    expect(differingNames(list, null)).toEqual([])
  })
})

describe('the ballot', () => {
  it('needs a choice for every candidate in the per-candidate form', () => {
    const r = round({ candidates: [candidate(1), candidate(2)] })
    expect(ballotChoices(r, { '1': 'yes', '2': '' }, [])).toBeNull()
    expect(ballotChoices(r, { '1': 'yes', '2': 'abstain' }, [])).toEqual({
      '1': 'yes',
      '2': 'abstain',
    })
  })

  it('sends the marked ids for choose-N, at most N', () => {
    const r = round({ ballot_form: 'choose_n', seats: 2 })
    expect(ballotChoices(r, {}, [1, 3])).toEqual([1, 3])
    expect(ballotChoices(r, {}, [1, 2, 3])).toBeNull()
  })
})

describe('the rule set form', () => {
  it('starts from the cycle and knows the surplus needed', () => {
    const base = cycle(0, 13)
    const c: Cycle = { ...base, rules: { ...base.rules, min_surplus: 2 }, channel: 'paper' }
    const form = rulesFormOf(c)
    expect(form).toMatchObject({ seats: 10, min_surplus: 2, channel: 'paper' })
    expect(form.thresholds).toEqual(c.rules.thresholds)
    expect(form.thresholds).not.toBe(c.rules.thresholds) // edited without touching the cycle
    expect(surplusNeeded(c)).toBe(12)
  })

  it('needs exactly the seats for an equal list', () => {
    const base = cycle(0, 13)
    const equal: Cycle = { ...base, rules: { ...base.rules, list_kind: 'equal', min_surplus: 0 } }
    expect(surplusNeeded(equal)).toBe(10)
  })
})

describe('allowedIn', () => {
  it('allows each action in the phases it is open in, and none without a phase', () => {
    const table = { comment: ['deliberate'], answer: ['deliberate', 'vote'] } as const
    expect(allowedIn(table, 'vote')).toEqual({ comment: false, answer: true })
    expect(allowedIn(table, 'deliberate')).toEqual({ comment: true, answer: true })
    expect(allowedIn(table, null)).toEqual({ comment: false, answer: false })
  })

  it('tells the desk and the deliberation what each phase allows', () => {
    expect(deskActions('solicit')).toEqual({
      screen: false,
      candidate: false,
      merge: true,
      reserve: true,
      governance: false,
      call: true,
      register: true,
    })
    expect(deskActions('deliberate')).toMatchObject({ governance: true, merge: false })
    expect(deliberationActions('shortlist')).toEqual({ comment: false, answer: false, attach: true })
    expect(deliberationActions('vote')).toEqual({ comment: false, answer: true, attach: false })
  })
})
