/** 联动活动: the staff console (organise, invite, QR sign-in, minutes, photos, outcomes) and the
 * deputy's phone (my activities, RSVP, sign-in by the QR code's link, my tasks). */
import { http } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

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

export const listActivities = () => http.get<Activity[]>('activities')
export const getActivity = (id: number) => http.get<ActivityDetail>(`activities/${id}`)
export const createActivity = (body: ActivityCreateIn) =>
  http.post<ActivityDetail>('activities', body)
export const inviteMore = (id: number, invitees: Pick[]) =>
  http.post<ActivityDetail>(`activities/${id}/invitations`, { invitees })
export const recordActivity = (id: number, minutes: string, outcomes: string) =>
  http.post<ActivityDetail>(`activities/${id}/record`, { minutes, outcomes })
export const cancelActivity = (id: number, reason: string) =>
  http.post<ActivityDetail>(`activities/${id}/cancel`, { reason })
export const addPhoto = (id: number, fileId: number, caption: string) =>
  http.post<ActivityDetail>(`activities/${id}/photos`, { file_id: fileId, caption })
export const openSignIn = (id: number, minutes: number) =>
  http.post<ActivityDetail>(`activities/${id}/sign-in`, { minutes })
export const signInCodes = (id: number) => http.get<SignInCode[]>(`activities/${id}/sign-in`)
export const inviteeCandidates = (search: string) =>
  http.get<InviteeCandidate[]>('activities/invitee-candidates', { search })

export const myActivities = () => http.get<MyInvitation[]>('me/activities')
export const respond = (invitationId: number, accept: boolean, reason = '') =>
  http.post<MyInvitation>(`me/invitations/${invitationId}/respond`, { accept, reason })
export const checkIn = (organiser: number, ref: string, token: string) =>
  http.post<MyInvitation>('me/check-in', { organiser, ref, token })
export const myTasks = () => http.get<MyTasks>('me/tasks')
