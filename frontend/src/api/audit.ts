import { api } from './client'
import { API_BASE } from './http'
import type { PageQuery, Schemas } from './types'

export type AuditChoices = Schemas['AuditChoicesOut']
export type ChainVerify = Schemas['ChainVerifyOut']

export interface AuditFilters {
  actor?: string
  action?: string
  target_type?: string
  target_id?: string
  since?: string
  until?: string
}

export const listAuditEntries = (query: PageQuery & AuditFilters = {}) => api.GET('/api/v1/audit/entries', { query })
export const auditChoices = () => api.GET('/api/v1/audit/choices', {})
export const verifyAuditChain = () => api.POST('/api/v1/audit/verify', {})

/** The workbook's address: a plain link downloads it with the session cookie. */
export function auditExportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  const qs = params.toString()
  return `${API_BASE}audit/entries.xlsx${qs ? `?${qs}` : ''}`
}
