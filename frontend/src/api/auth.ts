import { http } from './http'
import type { HandoffIn, LoginIn, PasswordChangeIn, Session, SwitchOut } from './types'

export const fetchCsrf = () => http.get<void>('auth/csrf')
export const fetchSession = () => http.get<Session>('auth/session')
export const login = (body: LoginIn) => http.post<Session>('auth/login', body)
export const logout = () => http.post<void>('auth/logout')
export const switchTenant = (congressId: number) =>
  http.post<SwitchOut>('auth/switch', { congress_id: congressId })
/** Open a session on this host with the one-time code another host's switch produced. */
export const redeemHandoff = (body: HandoffIn) => http.post<Session>('auth/handoff', body)
export const changePassword = (body: PasswordChangeIn) => http.post<void>('auth/password', body)
