/** City supervision: guidance with read receipts, benchmark selection rounds (api/supervision). */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type Attachment = Schemas['AttachmentOut']
export type Subordinate = Schemas['Subordinate']
export type Guidance = Schemas['GuidanceOut']
export type GuidanceIn = Schemas['GuidanceInRequest']
export type GuidanceKind = Schemas['GuidanceKindEnum']
export type GuidanceDetail = Schemas['GuidanceDetail']
export type TargetReceipts = Schemas['TargetReceipts']
export type GuidanceScope = GuidanceIn['scope']

export type BenchmarkKind = Schemas['BenchmarkKindEnum']
export type BenchmarkState = Schemas['BenchmarkStateEnum']
export type KindSpec = Schemas['BenchmarkKind']
export type Round = Schemas['BenchmarkRoundOut']
export type RoundIn = Schemas['BenchmarkRoundInRequest']
export type CriterionIn = Schemas['BenchmarkCriterionInRequest']
export type Nomination = Schemas['NominationOut']
export type NominationIn = Schemas['NominationInRequest']
export type NominationStatus = Schemas['NominationStatusEnum']
export type ScoreSheet = Schemas['ScoreSheet']
export type RankingRow = Schemas['BenchmarkRankingRow']
export type Objection = Schemas['ObjectionOut']
export type RoundResult = Schemas['BenchmarkResult']

export const GUIDANCE_KINDS: readonly GuidanceKind[] = ['notice', 'guidance']
export const SCOPES: readonly GuidanceScope[] = ['all', 'counties', 'townships', 'picked']
export const BENCHMARK_KINDS: readonly BenchmarkKind[] = ['station', 'deputy', 'case']
export const STATES: readonly BenchmarkState[] = [
  'draft',
  'nominating',
  'reviewing',
  'decided',
  'publicity',
  'announced',
]

const BASE = 'supervision'

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData()
  form.append('file', file)
  return http.postForm<Attachment>(`${BASE}/files`, form)
}
export const attachmentUrl = (id: number) => http.get<{ url: string }>(`${BASE}/files/${id}/url`)
export const listSubordinates = () => http.get<Subordinate[]>(`${BASE}/subordinates`)

export const listGuidance = (box: 'received' | 'issued') =>
  http.get<Guidance[]>(`${BASE}/guidance`, { box })
export const issueGuidance = (body: GuidanceIn) => http.post<Guidance>(`${BASE}/guidance`, body)
export const guidanceReceipts = (id: number) => http.get<GuidanceDetail>(`${BASE}/guidance/${id}`)
export const readGuidance = (id: number) => http.post<Guidance>(`${BASE}/guidance/${id}/read`)

export const listKinds = () => http.get<KindSpec[]>(`${BASE}/kinds`)
export const listRounds = () => http.get<Round[]>(`${BASE}/rounds`)
export const getRound = (id: number) => http.get<Round>(`${BASE}/rounds/${id}`)
export const createRound = (body: RoundIn) => http.post<Round>(`${BASE}/rounds`, body)
export const openRound = (id: number) => http.post<Round>(`${BASE}/rounds/${id}/open`)
export const closeNominations = (id: number) =>
  http.post<Round>(`${BASE}/rounds/${id}/close-nominations`)
export const listNominations = (id: number) =>
  http.get<Nomination[]>(`${BASE}/rounds/${id}/nominations`)
export const nominate = (id: number, body: NominationIn) =>
  http.post<Nomination>(`${BASE}/rounds/${id}/nominations`, body)
export const withdrawNomination = (id: number) =>
  http.post<Nomination>(`${BASE}/nominations/${id}/withdraw`)
export const getScoreSheet = (id: number) =>
  http.get<ScoreSheet>(`${BASE}/nominations/${id}/scores`)
export const recordScores = (id: number, values: Record<string, string>) =>
  http.post<ScoreSheet>(`${BASE}/nominations/${id}/scores`, { values })
export const getRanking = (id: number) => http.get<RankingRow[]>(`${BASE}/rounds/${id}/ranking`)
export const decideRound = (id: number, selectedIds: number[], note: string) =>
  http.post<Round>(`${BASE}/rounds/${id}/decide`, { selected_ids: selectedIds, note })
export const startPublicity = (id: number, startsOn: string, endsOn: string) =>
  http.post<Round>(`${BASE}/rounds/${id}/publicity`, { starts_on: startsOn, ends_on: endsOn })
export const listObjections = (id: number) =>
  http.get<Objection[]>(`${BASE}/rounds/${id}/objections`)
export const recordObjection = (
  id: number,
  body: { nomination_id: number; summary: string; received_on: string },
) => http.post<Objection>(`${BASE}/rounds/${id}/objections`, body)
export const resolveObjection = (id: number, upheld: boolean, resolution: string) =>
  http.post<Objection>(`${BASE}/objections/${id}/resolve`, { upheld, resolution })
export const announceRound = (id: number) => http.post<Round>(`${BASE}/rounds/${id}/announce`)
export const getResult = (id: number) => http.get<RoundResult>(`${BASE}/rounds/${id}/result`)
