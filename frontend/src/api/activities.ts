/** 联动活动: the staff console (organise, invite, QR sign-in, minutes, photos, outcomes) and the
 * deputy's phone (my activities, RSVP, sign-in by the QR code's link, my tasks). */
import { api } from './client'
import type { Schemas } from './types'

export type Activity = Schemas['ActivityOut']
export type ActivityDetail = Schemas['ActivityDetailOut']
export type ActivityCreateIn = Schemas['ActivityCreateInRequest']
export type ActivityKind = Schemas['ActivityKindEnum']
export type ActivityState = Schemas['ActivityStateEnum']
export type Invitation = Schemas['InvitationOut']
export type InvitationResponse = Schemas['InvitationResponseEnum']
export type InviteeCandidate = Schemas['InviteeCandidate']
export type SignInCode = Schemas['ActivitySignInCode']
export type MyInvitation = Schemas['MyInvitation']
export type MyTasks = Schemas['MyTasks']

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'inspection',
  'law_enforcement',
  'supervision',
  'reception',
  'training',
  'report_back',
]

export interface Pick {
  congress: number
  deputy: number
}

export const listActivities = () => api.GET('/api/v1/activities')
export const getActivity = (id: number) => api.GET('/api/v1/activities/{id}', { path: { id } })
export const createActivity = (body: ActivityCreateIn) => api.POST('/api/v1/activities', { body })
export const inviteMore = (id: number, invitees: Pick[]) =>
  api.POST('/api/v1/activities/{id}/invitations', { path: { id }, body: { invitees } })
export const recordActivity = (id: number, minutes: string, outcomes: string) =>
  api.POST('/api/v1/activities/{id}/record', { path: { id }, body: { minutes, outcomes } })
export const cancelActivity = (id: number, reason: string) =>
  api.POST('/api/v1/activities/{id}/cancel', { path: { id }, body: { reason } })
export const addPhoto = (id: number, fileId: number, caption: string) =>
  api.POST('/api/v1/activities/{id}/photos', { path: { id }, body: { file_id: fileId, caption } })
export const openSignIn = (id: number, minutes: number) =>
  api.POST('/api/v1/activities/{id}/sign-in', { path: { id }, body: { minutes } })
export const signInCodes = (id: number) => api.GET('/api/v1/activities/{id}/sign-in', { path: { id } })
export const inviteeCandidates = (search: string) =>
  api.GET('/api/v1/activities/invitee-candidates', { query: { search } })

export const myActivities = () => api.GET('/api/v1/me/activities')
export const respond = (invitationId: number, accept: boolean, reason = '') =>
  api.POST('/api/v1/me/invitations/{id}/respond', {
    path: { id: invitationId },
    body: { accept, reason },
  })
export const checkIn = (organiser: number, ref: string, token: string) =>
  api.POST('/api/v1/me/check-in', { body: { organiser, ref, token } })
export const myTasks = () => api.GET('/api/v1/me/tasks')
