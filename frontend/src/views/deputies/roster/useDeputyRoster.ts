import { onMounted, reactive } from 'vue'

import { listDeputies, type RosterQuery } from '@/api/deputies'
import type { Deputy } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'

export const ROSTER_PAGE_SIZE = 20

/** The roster a page at a time, found by `filter.q` (name, constituency, delegation, workplace
 * or phone) and `filter.status`. */
export function useDeputyRoster() {
  const filter = reactive<{ q: string; status: NonNullable<RosterQuery['status']> }>({
    q: '',
    status: '',
  })
  const list = usePagedList<Deputy>(
    (page) => listDeputies({ ...page, q: filter.q.trim(), status: filter.status }),
    ROSTER_PAGE_SIZE,
  )
  onMounted(() => list.load(1))
  return { ...list, filter }
}
