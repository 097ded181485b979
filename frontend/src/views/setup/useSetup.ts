import { computed } from 'vue'

import { getSetupChecklist, type SetupChecklist, type SetupKey } from '@/api/setup'
import { useResource } from '@/composables/useResource'

/** Where each item of the checklist is done (route names of router/modules). */
export const SETUP_ROUTES: Record<SetupKey, string> = {
  term: 'terms',
  roster: 'deputies',
  accounts: 'deputies',
  units: 'units',
  stations: 'stations',
  cycle: 'voting',
}

/** The setup checklist as the server derives it; progress is its share of items done. */
export function useSetup() {
  const { data, loading, error, load } = useResource<SetupChecklist | null>(getSetupChecklist, null)
  const items = computed(() => data.value?.items ?? [])
  const percent = computed(() =>
    items.value.length ? Math.round((100 * (data.value?.done_count ?? 0)) / items.value.length) : 0,
  )
  return { checklist: data, items, percent, loading, error, load }
}
