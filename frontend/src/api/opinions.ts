/** 群众意见: the staff console, the units' answers, and the public form and tracking page. */
import { api } from './client'
import type { PageQuery, Schemas } from './types'

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
export type CollectIn = Schemas['OpinionCollectInRequest']
/** What the console may do with an opinion now (tenants/linkage/opinions/states.py). */
export type OpinionAction = 'sort' | 'assign' | 'handle' | 'reply' | 'extend' | 'decline' | 'escalate' | 'close'
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
export const RATINGS: readonly OpinionRating[] = ['satisfied', 'basically_satisfied', 'dissatisfied']

export interface OpinionFilters {
  status?: OpinionStatus | ''
  category?: OpinionCategory | ''
  overdue?: boolean
  escalated?: boolean
  q?: string
}

export const listOpinions = ({ status, category, ...query }: PageQuery & OpinionFilters) =>
  api.GET('/api/v1/opinions', {
    query: { ...query, status: status || undefined, category: category || undefined },
  })
export const getOpinion = (id: number) => api.GET('/api/v1/opinions/{id}', { path: { id } })
export const receiveOpinion = (body: ReceptionIn) => api.POST('/api/v1/opinions', { body })
export const listUnits = () => api.GET('/api/v1/opinions/units')
export const getPolicy = () => api.GET('/api/v1/opinions/policy')
export const setPolicy = (body: Policy) => api.PUT('/api/v1/opinions/policy', { body })

const on = (id: number) => ({ path: { id } })
export const sortOpinion = (id: number, category: OpinionCategory) =>
  api.POST('/api/v1/opinions/{id}/sort', { ...on(id), body: { category } })
export const assignOpinion = (id: number, body: AssignIn) =>
  api.POST('/api/v1/opinions/{id}/assign', { ...on(id), body })
export const handleOpinion = (id: number) => api.POST('/api/v1/opinions/{id}/handle', on(id))
export const replyOpinion = (id: number, answer: string) =>
  api.POST('/api/v1/opinions/{id}/reply', { ...on(id), body: { answer } })
export const extendOpinion = (id: number, reason: string) =>
  api.POST('/api/v1/opinions/{id}/extend', { ...on(id), body: { reason } })
export const declineOpinion = (id: number, kind: DeclineKind, reason: string) =>
  api.POST('/api/v1/opinions/{id}/decline', { ...on(id), body: { kind, reason } })
export const escalateOpinion = (id: number, note: string) =>
  api.POST('/api/v1/opinions/{id}/escalate', { ...on(id), body: { note } })
export const closeOpinion = (id: number) => api.POST('/api/v1/opinions/{id}/close', on(id))

/** The deputy's own: the opinions they received or collected, and their 不满意 with an answer. */
export const listMyOpinions = (query: PageQuery = {}) => api.GET('/api/v1/opinions/mine', { query })
/** An opinion the deputy collected from constituents, logged as received at a reception. */
export const collectOpinion = (body: CollectIn) => api.POST('/api/v1/opinions/mine', { body })
export const dissentOpinion = (id: number, comment: string) =>
  api.POST('/api/v1/opinions/{id}/deputy-dissatisfied', { ...on(id), body: { comment } })

const tracking = (value: string) => ({ path: { code: value.trim().toUpperCase() } })
export const submitPublicOpinion = (body: PublicOpinionIn) => api.POST('/api/v1/public/opinions', { body })
export const trackPublicOpinion = (value: string) => api.GET('/api/v1/public/opinions/{code}', tracking(value))
export const ratePublicOpinion = (value: string, rating: OpinionRating, comment: string) =>
  api.POST('/api/v1/public/opinions/{code}/rating', {
    ...tracking(value),
    body: { rating, comment },
  })
export const getPublicStation = (id: number) => api.GET('/api/v1/public/opinions/stations/{id}', on(id))
