import { computed, onMounted, reactive, ref } from 'vue'

import {
  auditChoices,
  auditExportUrl,
  listAuditEntries,
  verifyAuditChain,
  type AuditChoices,
  type AuditFilters,
  type ChainVerify,
} from '@/api/audit'
import type { AuditEntry } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'
import { useResource } from '@/composables/useResource'

export const AUDIT_PAGE_SIZE = 50

export function useAuditLog() {
  const form = reactive({
    actor: '',
    action: '',
    target_type: '',
    target_id: '',
    days: null as [string, string] | null,
  })
  /** The filters of the list shown, applied when the reader asks (not on every keystroke). */
  const applied = ref<AuditFilters>({})
  const list = usePagedList<AuditEntry>((query) => listAuditEntries({ ...query, ...applied.value }), AUDIT_PAGE_SIZE)
  const choices = useResource<AuditChoices>(auditChoices, { actions: [], target_types: [] })
  const chain = useResource<ChainVerify | null>(verifyAuditChain, null, { immediate: false })

  function filters(): AuditFilters {
    const [since, until] = form.days ?? ['', '']
    const found: AuditFilters = {
      actor: form.actor.trim(),
      action: form.action,
      target_type: form.target_type,
      target_id: form.target_id.trim(),
      since,
      until,
    }
    return Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as AuditFilters
  }

  function search() {
    applied.value = filters()
    return list.load(1)
  }

  function reset() {
    Object.assign(form, { actor: '', action: '', target_type: '', target_id: '', days: null })
    return search()
  }

  const exportUrl = computed(() => auditExportUrl(applied.value))

  onMounted(() => list.load(1))

  return {
    ...list,
    error: computed(() => list.error.value || choices.error.value),
    form,
    choices: choices.data,
    search,
    reset,
    exportUrl,
    verify: chain.load,
    verifying: chain.loading,
    verified: chain.data,
    verifyError: chain.error,
  }
}
