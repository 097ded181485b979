import { computed, onMounted, ref } from 'vue'

import { fileObjection, myRecord, type DutyEntry, type DutyRecord } from '@/api/duty'
import { errorMessage } from '@/api/http'

export function useMyRecord() {
  const record = ref<DutyRecord | null>(null)
  const error = ref('')
  const actionError = ref('')
  const objectingTo = ref<number | null>(null)
  const reason = ref('')
  const filed = ref(false)
  /** Every level together, or only the work done here, or only at other congresses. */
  const scope = ref<'all' | 'here' | 'elsewhere'>('all')
  const entries = computed(() =>
    (record.value?.entries ?? []).filter(
      (entry) => scope.value === 'all' || (scope.value === 'elsewhere') === Boolean(entry.origin_congress_name),
    ),
  )

  async function load() {
    try {
      record.value = await myRecord()
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function object(entry: DutyEntry) {
    actionError.value = ''
    try {
      await fileObjection(entry.id, reason.value)
      objectingTo.value = null
      reason.value = ''
      filed.value = true
      await load()
    } catch (failure) {
      actionError.value = errorMessage(failure)
    }
  }

  onMounted(load)
  return {
    record,
    entries,
    scope,
    error,
    actionError,
    objectingTo,
    reason,
    filed,
    object,
    load,
  }
}
