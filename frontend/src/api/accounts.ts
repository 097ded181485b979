import { api } from './client'
import type { Schemas } from './types'

export type Member = Schemas['MemberOut']
export type Issued = Schemas['IssuedOut']
export type AccountCreateIn = Schemas['AccountCreateInRequest']
export type RolesChangeIn = Schemas['RolesChangeInRequest']

export const listMembers = () => api.GET('/api/v1/accounts/members', {})
export const createAccount = (body: AccountCreateIn) => api.POST('/api/v1/accounts/members', { body })
export const createRosterAccounts = () => api.POST('/api/v1/accounts/members/from-roster', {})
export const changeRoles = (id: number, body: RolesChangeIn) =>
  api.POST('/api/v1/accounts/members/{id}/roles', { path: { id }, body })
export const deactivateMember = (id: number) => api.POST('/api/v1/accounts/members/{id}/deactivate', { path: { id } })
export const activateMember = (id: number) => api.POST('/api/v1/accounts/members/{id}/activate', { path: { id } })
export const reissuePassword = (id: number) =>
  api.POST('/api/v1/accounts/members/{id}/password-reissue', { path: { id } })
