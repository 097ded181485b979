/** 履职档案与积分: the deputy's record, staff's point rules, quarterly publication and objections. */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type DutyRecord = Schemas['DutyRecordOut']
export type DutyEntry = Schemas['DutyEntryOut']
export type DutyKind = Schemas['DutyKindEnum']
export type DutyRules = Schemas['DutyRules']
export type DutyRulesIn = Schemas['DutyRulesRequest']
export type DutyScore = Schemas['DutyScoreOut']
export type Publication = Schemas['DutyPublication']
export type Objection = Schemas['DutyObjectionOut']
export type Band = DutyRecord['band']

export const myRecord = (year?: number) => http.get<DutyRecord>('me/record', { year })
export const fileObjection = (entryId: number, reason: string) =>
  http.post<Objection>(`me/record/entries/${entryId}/objection`, { reason })

export const getRules = () => http.get<DutyRules>('duty/rules')
export const setRules = (body: DutyRulesIn) => http.post<DutyRules>('duty/rules', body)
export const listScores = (year: number, quarter?: number) =>
  http.get<DutyScore[]>('duty/scores', { year, quarter })
export const listPublications = () => http.get<Publication[]>('duty/publications')
export const publish = (year: number, quarter: number) =>
  http.post<Publication>('duty/publications', { year, quarter })
export const listObjections = () => http.get<Objection[]>('duty/objections')
export const decideObjection = (id: number, uphold: boolean, note: string) =>
  http.post<Objection>(`duty/objections/${id}/decide`, { uphold, note })
