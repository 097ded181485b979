/** The public portal of 民生实事项目票决: no login (api/voting/solicitation.py, Public*View). */
import { t } from '@/plugins/i18n'

import { api } from './client'
import { ApiError, errorMessage } from './http'
import type { Schemas } from './types'

export type Call = Schemas['Call']
export type ProposalIn = Schemas['ProposalInRequest']
export type Tracking = Schemas['TrackingOut']
export type Announcement = Schemas['Announcement']
export type AdoptedLine = Schemas['AdoptedLine']

export const getCurrentCall = () => api.GET('/api/v1/public/voting/call')
export const submitProposal = (body: ProposalIn) => api.POST('/api/v1/public/voting/proposals', { body })
export const trackProposal = (code: string) =>
  api.GET('/api/v1/public/voting/proposals/{code}', {
    path: { code: code.trim().toUpperCase() },
  })
export const getAnnouncement = (year: number) =>
  api.GET('/api/v1/public/voting/announcements/{year}', { path: { year } })

// Results anyone can recount (api/voting/verification.py, docs/verification.md).
export type PublicRound = Schemas['PublicRound']
export type Verification = Schemas['VerifyOut']
export type RoundRecord = Record<string, unknown>

export const getPublicRounds = (year: number) =>
  api.GET('/api/v1/public/voting/years/{year}/rounds', { path: { year } })
export const getRoundRecord = (id: number) => api.GET('/api/v1/public/voting/rounds/{id}/record', { path: { id } })
export const verifyRecord = (record: unknown, hashes: { record_hash?: string; commitment_hash?: string }) =>
  api.POST('/api/v1/public/voting/verify', { body: { record, ...hashes } })

/** A failure as the public should read it: a 429 says plainly that it is a limit, and for how long. */
export function portalError(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return `${t('portal.tooMany')} ${error.detail}`
  }
  return errorMessage(error)
}

// 明白账 and the public's online rating (api/voting/evaluation.py, PublicAccount*View).
export type Account = Schemas['Account']
export type AccountLine = Schemas['AccountLine']
export type PublicMark = Schemas['SatisfactionOutcomeEnum']

export const getAccount = (year: number) => api.GET('/api/v1/public/voting/accounts/{year}', { path: { year } })
export const accountPdfUrl = (year: number) => `/api/v1/public/voting/accounts/${year}/pdf`
export const ratePublic = (year: number, marks: Record<string, PublicMark>) =>
  api.POST('/api/v1/public/voting/accounts/{year}/ratings', { path: { year }, body: { marks } })

export type PublicHome = Schemas['PublicHome']
export const getPublicHome = () => api.GET('/api/v1/public/home')
export const trackingKind = (code: string) => api.GET('/api/v1/public/track/{code}', { path: { code } })
