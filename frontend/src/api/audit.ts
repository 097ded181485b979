import { http } from './http'
import type { AuditEntry, Page, PageQuery } from './types'

export const listAuditEntries = (query: PageQuery = {}) =>
  http.get<Page<AuditEntry>>('audit/entries', query)
