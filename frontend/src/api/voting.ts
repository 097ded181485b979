/** 民生实事项目票决: cycles, rules, candidates, sign-in, rounds, secret ballots and receipts. */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type Cycle = Schemas['CycleOut']
export type CycleRules = Schemas['CycleRulesInRequest']
export type Candidate = Schemas['CandidateOut']
export type CandidateIn = Schemas['CandidateInRequest']
export type Round = Schemas['RoundOut']
export type RoundOpenIn = Schemas['RoundOpenInRequest']
export type Phase = Schemas['PhaseEnum']
export type BallotForm = Schemas['BallotFormEnum']
export type ThresholdBase = Schemas['ThresholdBaseEnum']
export type Shortfall = Schemas['ShortfallEnum']
export type Channel = Schemas['ChannelEnum']
export type Choice = 'yes' | 'no' | 'abstain'

export const BALLOT_FORMS: readonly BallotForm[] = ['per_candidate', 'choose_n']
export const THRESHOLD_BASES: readonly ThresholdBase[] = ['entitled', 'present', 'valid']
export const SHORTFALLS: readonly Shortfall[] = ['accept_fewer', 'new_round']
export const CHANNELS: readonly Channel[] = ['electronic', 'paper', 'device', 'hybrid']
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain']

/** Per candidate: {candidate id: choice}; choose N: the marked candidate ids. */
export type BallotChoices = Record<string, Choice> | number[]

export interface CandidateCount {
  yes: number
  no: number
  abstain: number
}

/** What a closed round's `result` holds (tenants/voting/services.py round_close). */
export interface RoundResult {
  counts: Record<string, CandidateCount>
  adopted: string[]
  next_round: string[]
  next_round_seats: number
  reason: '' | 'tie' | 'shortfall'
}

export const listCycles = () => http.get<Cycle[]>('voting/cycles')
export const getCycle = (id: number) => http.get<Cycle>(`voting/cycles/${id}`)
export const setCycleRules = (id: number, body: CycleRules) =>
  http.post<Cycle>(`voting/cycles/${id}/rules`, body)
export const openVoting = (id: number) => http.post<Cycle>(`voting/cycles/${id}/open-voting`)
export const listCandidates = (id: number) =>
  http.get<Candidate[]>(`voting/cycles/${id}/candidates`)
export const addCandidate = (id: number, body: CandidateIn) =>
  http.post<Candidate>(`voting/cycles/${id}/candidates`, body)
export const signIn = (id: number) => http.post<Cycle>(`voting/cycles/${id}/sign-in`)
export const listRounds = (id: number) => http.get<Round[]>(`voting/cycles/${id}/rounds`)
export const openRound = (id: number, body: RoundOpenIn) =>
  http.post<Round>(`voting/cycles/${id}/rounds`, body)
export const getRound = (id: number) => http.get<Round>(`voting/rounds/${id}`)
export const castBallot = (id: number, choices: BallotChoices) =>
  http.post<{ receipt: string }>(`voting/rounds/${id}/ballots`, { choices })
export const closeRound = (id: number) => http.post<Round>(`voting/rounds/${id}/close`)
export const checkReceipt = (id: number, receipt: string) =>
  http.post<{ counted: boolean }>(`voting/rounds/${id}/receipt-check`, { receipt })
