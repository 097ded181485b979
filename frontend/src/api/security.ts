import { api } from './client'
import type { Schemas } from './types'

export type MemberSecurity = Schemas['MemberSecurityOut']
export type PasswordPolicy = Schemas['PasswordPolicyOut']
export type PasswordPolicyIn = Schemas['PasswordPolicyInRequest']
export type ApiToken = Schemas['TokenOut']

export const listMemberSecurity = () => api.GET('/api/v1/security/members', {})
export const unlockMember = (id: number) => api.POST('/api/v1/security/members/{id}/unlock', { path: { id } })
export const resetPassword = (id: number) => api.POST('/api/v1/security/members/{id}/password-reset', { path: { id } })
export const endSessions = (id: number) => api.POST('/api/v1/security/members/{id}/sessions-end', { path: { id } })
export const getPasswordPolicy = () => api.GET('/api/v1/security/password-policy', {})
export const setPasswordPolicy = (body: PasswordPolicyIn) => api.PUT('/api/v1/security/password-policy', { body })
export const listCongressTokens = () => api.GET('/api/v1/auth/tokens', { query: { scope: 'congress' } })
export const revokeToken = (id: number) => api.DELETE('/api/v1/auth/tokens/{id}', { path: { id } })
