import { computed, ref } from 'vue'

import { fileObjection, myRecord, type DutyEntry, type DutyRecord } from '@/api/duty'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

export function useMyRecord() {
  const { data: record, error, load } = useResource<DutyRecord | null>(myRecord, null)
  const objecting = useAction()
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

  async function object(entry: DutyEntry) {
    await objecting.run(async () => {
      await fileObjection(entry.id, reason.value)
      objectingTo.value = null
      reason.value = ''
      filed.value = true
      await load()
    })
  }

  return {
    record,
    entries,
    scope,
    error,
    actionError: objecting.error,
    objectingTo,
    reason,
    filed,
    object,
    load,
  }
}
