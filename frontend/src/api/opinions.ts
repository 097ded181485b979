/** 群众意见: the staff console, the units' answers, and the public form and tracking page. */
import { http } from './http'
import type { components } from './schema'
import type { Page, PageQuery } from './types'

type Schemas = components['schemas']

export type OpinionRow = Schemas['OpinionRow']
export type Opinion = Schemas['OpinionDetail']
export type OpinionEvent = Schemas['OpinionEvent']
export type OpinionStatus = Schemas['OpinionStatusEnum']
export type OpinionChannel = Schemas['OpinionChannelEnum']
export type OpinionCategory = Schemas['OpinionCategoryEnum']
export type OpinionRating = Schemas['OpinionRatingEnum']
export type DeclineKind = Schemas['OpinionDeclineKindEnum']
export type ReceptionIn = Schemas['OpinionReceptionInRequest']
export type AssignIn = Schemas['OpinionAssignInRequest']
export type Unit = Schemas['OpinionUnit']
export type Policy = Schemas['OpinionPolicy']
export type PublicOpinionIn = Schemas['PublicOpinionInRequest']
export type PublicOpinion = Schemas['PublicOpinion']
export type PublicStation = Schemas['PublicStation']
export type MyOpinion = Schemas['OpinionMine']
/** What the console may do with an opinion now (tenants/linkage/opinions/states.py). */
export type OpinionAction =
  'sort' | 'assign' | 'handle' | 'reply' | 'extend' | 'decline' | 'escalate' | 'close'
export type Clock = 'running' | 'due_soon' | 'overdue' | 'stopped'

export const STATUSES: readonly OpinionStatus[] = [
  'received',
  'sorted',
  'assigned',
  'handling',
  'replied',
  'reopened',
  'closed',
  'declined',
  'escalated',
]
export const CATEGORIES: readonly OpinionCategory[] = [
  'urban_rural',
  'transport',
  'education',
  'health',
  'social_security',
  'environment',
  'agriculture',
  'governance',
  'other',
]
export const DECLINE_KINDS: readonly DeclineKind[] = [
  'litigation',
  'arbitration',
  'administrative_review',
  'petition',
  'other',
]
export const RATINGS: readonly OpinionRating[] = [
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
]

export interface OpinionFilters {
  status?: OpinionStatus | ''
  category?: OpinionCategory | ''
  overdue?: boolean
  escalated?: boolean
  q?: string
}

export const listOpinions = (query: PageQuery & OpinionFilters) =>
  http.get<Page<OpinionRow>>('opinions', query)
export const getOpinion = (id: number) => http.get<Opinion>(`opinions/${id}`)
export const receiveOpinion = (body: ReceptionIn) => http.post<Opinion>('opinions', body)
export const listUnits = () => http.get<Unit[]>('opinions/units')
export const getPolicy = () => http.get<Policy>('opinions/policy')
export const setPolicy = (body: Policy) => http.put<Policy>('opinions/policy', body)

const act = (id: number, action: OpinionAction, body?: unknown) =>
  http.post<Opinion>(`opinions/${id}/${action}`, body)
export const sortOpinion = (id: number, category: OpinionCategory) => act(id, 'sort', { category })
export const assignOpinion = (id: number, body: AssignIn) => act(id, 'assign', body)
export const handleOpinion = (id: number) => act(id, 'handle')
export const replyOpinion = (id: number, answer: string) => act(id, 'reply', { answer })
export const extendOpinion = (id: number, reason: string) => act(id, 'extend', { reason })
export const declineOpinion = (id: number, kind: DeclineKind, reason: string) =>
  act(id, 'decline', { kind, reason })
export const escalateOpinion = (id: number, note: string) => act(id, 'escalate', { note })
export const closeOpinion = (id: number) => act(id, 'close')

/** The deputy's own: the opinions they received, and their 不满意 with an answer. */
export const listMyOpinions = (query: PageQuery = {}) =>
  http.get<Page<MyOpinion>>('opinions/mine', query)
export const dissentOpinion = (id: number, comment: string) =>
  http.post<void>(`opinions/${id}/deputy-dissatisfied`, { comment })

const code = (value: string) => encodeURIComponent(value.trim().toUpperCase())
export const submitPublicOpinion = (body: PublicOpinionIn) =>
  http.post<Schemas['PublicOpinionCreated']>('public/opinions', body)
export const trackPublicOpinion = (value: string) =>
  http.get<PublicOpinion>(`public/opinions/${code(value)}`)
export const ratePublicOpinion = (value: string, rating: OpinionRating, comment: string) =>
  http.post<PublicOpinion>(`public/opinions/${code(value)}/rating`, { rating, comment })
export const getPublicStation = (id: number) =>
  http.get<PublicStation>(`public/opinions/stations/${id}`)
