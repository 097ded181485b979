import { onMounted } from 'vue'

import { listAuditEntries } from '@/api/audit'
import type { AuditEntry } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'

export const AUDIT_PAGE_SIZE = 50

export function useAuditLog() {
  const list = usePagedList<AuditEntry>(listAuditEntries, AUDIT_PAGE_SIZE)
  onMounted(() => list.load(1))
  return list
}
