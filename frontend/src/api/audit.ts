import { api } from './client'
import type { PageQuery } from './types'

export const listAuditEntries = (query: PageQuery = {}) =>
  api.GET('/api/v1/audit/entries', { query })
