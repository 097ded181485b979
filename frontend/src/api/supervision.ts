/** City supervision: guidance with read receipts, benchmark selection rounds (api/supervision). */
import { api } from './client'
import { http } from './http'
import type { Schemas } from './types'

export type Attachment = Schemas['AttachmentOut']
export type Subordinate = Schemas['Subordinate']
export type Guidance = Schemas['GuidanceOut']
export type GuidanceIn = Schemas['GuidanceInRequest']
export type GuidanceKind = Schemas['GuidanceKindEnum']
export type GuidanceDetail = Schemas['GuidanceDetail']
export type TargetReceipts = Schemas['TargetReceipts']
export type GuidanceScope = GuidanceIn['scope']
export type MyReport = Schemas['MyGuidanceReport']
export type GuidanceReports = Schemas['GuidanceReports']
export type ReportState = Schemas['ReportStateEnum']

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
export const attachmentUrl = (id: number) => api.GET('/api/v1/supervision/files/{id}/url', { path: { id } })
export const listSubordinates = () => api.GET('/api/v1/supervision/subordinates')

export const listGuidance = (box: 'received' | 'issued') => api.GET('/api/v1/supervision/guidance', { query: { box } })
export const issueGuidance = (body: GuidanceIn) => api.POST('/api/v1/supervision/guidance', { body })
export const guidanceReceipts = (id: number) => api.GET('/api/v1/supervision/guidance/{id}', { path: { id } })
export const readGuidance = (id: number) => api.POST('/api/v1/supervision/guidance/{id}/read', { path: { id } })
export const withdrawGuidance = (id: number) => api.POST('/api/v1/supervision/guidance/{id}/withdraw', { path: { id } })
export const myReport = (id: number) => api.GET('/api/v1/supervision/guidance/{id}/report', { path: { id } })
export const submitReport = (id: number, body: Schemas['GuidanceReportInRequest']) =>
  api.POST('/api/v1/supervision/guidance/{id}/report', { path: { id }, body })
export const guidanceReports = (id: number) => api.GET('/api/v1/supervision/guidance/{id}/reports', { path: { id } })

export const listKinds = () => api.GET('/api/v1/supervision/kinds')
export const listRounds = () => api.GET('/api/v1/supervision/rounds')
export const getRound = (id: number) => api.GET('/api/v1/supervision/rounds/{id}', { path: { id } })
export const createRound = (body: RoundIn) => api.POST('/api/v1/supervision/rounds', { body })
export const openRound = (id: number) => api.POST('/api/v1/supervision/rounds/{id}/open', { path: { id } })
export const closeNominations = (id: number) =>
  api.POST('/api/v1/supervision/rounds/{id}/close-nominations', { path: { id } })
export const listNominations = (id: number) => api.GET('/api/v1/supervision/rounds/{id}/nominations', { path: { id } })
export const nominate = (id: number, body: NominationIn) =>
  api.POST('/api/v1/supervision/rounds/{id}/nominations', { path: { id }, body })
export type NomineeOption = Schemas['NomineeOption']
export const nomineeOptions = (id: number, search: string) =>
  api.GET('/api/v1/supervision/rounds/{id}/nominee-options', { path: { id }, query: { search } })
export const withdrawNomination = (id: number) =>
  api.POST('/api/v1/supervision/nominations/{id}/withdraw', { path: { id } })
export const getScoreSheet = (id: number) => api.GET('/api/v1/supervision/nominations/{id}/scores', { path: { id } })
export const recordScores = (id: number, values: Record<string, string>) =>
  api.POST('/api/v1/supervision/nominations/{id}/scores', { path: { id }, body: { values } })
export const getRanking = (id: number) => api.GET('/api/v1/supervision/rounds/{id}/ranking', { path: { id } })
export const decideRound = (id: number, selectedIds: number[], note: string) =>
  api.POST('/api/v1/supervision/rounds/{id}/decide', {
    path: { id },
    body: { selected_ids: selectedIds, note },
  })
export const startPublicity = (id: number, startsOn: string, endsOn: string) =>
  api.POST('/api/v1/supervision/rounds/{id}/publicity', {
    path: { id },
    body: { starts_on: startsOn, ends_on: endsOn },
  })
export const listObjections = (id: number) => api.GET('/api/v1/supervision/rounds/{id}/objections', { path: { id } })
export const recordObjection = (id: number, body: { nomination_id: number; summary: string; received_on: string }) =>
  api.POST('/api/v1/supervision/rounds/{id}/objections', { path: { id }, body })
export const resolveObjection = (id: number, upheld: boolean, resolution: string) =>
  api.POST('/api/v1/supervision/objections/{id}/resolve', {
    path: { id },
    body: { upheld, resolution },
  })
export const announceRound = (id: number) => api.POST('/api/v1/supervision/rounds/{id}/announce', { path: { id } })
export const getResult = (id: number) => api.GET('/api/v1/supervision/rounds/{id}/result', { path: { id } })

export type YearRoute = Schemas['RouteOut']
export type StageStatus = Schemas['StageStatus']
export type RouteLag = Schemas['RouteLag']
export type StageLag = Schemas['StageLag']
export type Stage = StageStatus['stage']
export type StageState = Schemas['StageStatusStateEnum']

export const STAGES: readonly Stage[] = [
  'solicit_close',
  'consultation',
  'party_review',
  'vote',
  'announce',
  'midyear',
  'evaluation',
]

export const getYearRoute = (year: number) => api.GET('/api/v1/supervision/route', { query: { year } })
export const setYearRoute = (year: number, stages: Partial<Record<Stage, string | null>>) =>
  api.PUT('/api/v1/supervision/route', { body: { year, stages } })
export const getRouteLag = (year: number, county?: number | null) =>
  api.GET('/api/v1/supervision/route/lag', {
    query: county ? { year, county } : { year },
  })
// Station stars: the congress above awards or refuses them (docs/supervision.md).
export type StarReview = Schemas['StarReviewOut']
export type StarDecision = Schemas['StarDecisionInRequest']
export type CountyStars = Schemas['CountyStars']

export const listStarReviews = (scope: 'incoming' | 'own') =>
  api.GET('/api/v1/supervision/star-reviews', { query: { scope } })
export const decideStarReview = (id: number, body: StarDecision) =>
  api.POST('/api/v1/supervision/star-reviews/{id}/decide', { path: { id }, body })
export const starsByCounty = () => api.GET('/api/v1/supervision/stars-by-county')

export type PublicRound = Schemas['PublicBenchmarkRound']
export const listPublicBenchmarks = () => api.GET('/api/v1/public/benchmarks')
export const objectPublicly = (id: number, body: Schemas['PublicObjectionInRequest']) =>
  api.POST('/api/v1/public/benchmarks/{id}/objections', { path: { id }, body })
