/** 履职档案与积分: the deputy's record, staff's point rules, quarterly publication and objections. */
import { api } from './client'
import { API_BASE } from './http'
import type { Schemas } from './types'

export type DutyRecord = Schemas['DutyRecordOut']
export type DutyEntry = Schemas['DutyEntryOut']
export type DutyEntryIn = Schemas['DutyEntryInRequest']
export type DutyKind = Schemas['DutyKindEnum']
export type DutyRules = Schemas['DutyRules']
export type DutyRulesIn = Schemas['DutyRulesRequest']
export type DutyScore = Schemas['DutyScoreOut']
export type Publication = Schemas['DutyPublication']
export type Objection = Schemas['DutyObjectionOut']
export type Band = DutyRecord['band']

export const myRecord = (year?: number) => api.GET('/api/v1/me/record', { query: { year } })
export const fileObjection = (entryId: number, reason: string) =>
  api.POST('/api/v1/me/record/entries/{id}/objection', { path: { id: entryId }, body: { reason } })

export const getRules = () => api.GET('/api/v1/duty/rules')
export const setRules = (body: DutyRulesIn) => api.POST('/api/v1/duty/rules', { body })
export const listScores = (year: number, quarter?: number) =>
  api.GET('/api/v1/duty/scores', { query: { year, quarter } })
export const listPublications = () => api.GET('/api/v1/duty/publications')
export const publish = (year: number, quarter: number) =>
  api.POST('/api/v1/duty/publications', { body: { year, quarter } })
export const listObjections = () => api.GET('/api/v1/duty/objections')
export const decideObjection = (id: number, uphold: boolean, note: string) =>
  api.POST('/api/v1/duty/objections/{id}/decide', { path: { id }, body: { uphold, note } })
export const addEntry = (body: DutyEntryIn) => api.POST('/api/v1/duty/entries', { body })

export type ExchangeOutput = 'json' | 'xlsx'

/** 履职档案交换格式 (docs/linkage-duty.md): a plain link downloads it with the session cookie. */
export function recordExportUrl(
  scope: 'me' | 'roster',
  output: ExchangeOutput,
  period: { from?: string; to?: string } = {},
): string {
  const params = new URLSearchParams({ output })
  if (period.from) params.set('from', period.from)
  if (period.to) params.set('to', period.to)
  const path = scope === 'me' ? 'me/record/export' : 'duty/export'
  return `${API_BASE}${path}?${params.toString()}`
}
