import { api } from './client'
import type { HandoffIn, LoginIn, PasswordChangeIn } from './types'

export const fetchCsrf = () => api.GET('/api/v1/auth/csrf')
export const fetchSession = () => api.GET('/api/v1/auth/session')
export const login = (body: LoginIn) => api.POST('/api/v1/auth/login', { body })
export const logout = () => api.POST('/api/v1/auth/logout')
export const switchTenant = (congressId: number) =>
  api.POST('/api/v1/auth/switch', { body: { congress_id: congressId } })
/** Open a session on this host with the one-time code another host's switch produced. */
export const redeemHandoff = (body: HandoffIn) => api.POST('/api/v1/auth/handoff', { body })
export const changePassword = (body: PasswordChangeIn) => api.POST('/api/v1/auth/password', { body })
