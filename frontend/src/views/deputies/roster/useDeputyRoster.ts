import { onMounted } from 'vue'

import { listDeputies } from '@/api/deputies'
import type { Deputy } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'

export const ROSTER_PAGE_SIZE = 20

export function useDeputyRoster() {
  const list = usePagedList<Deputy>(listDeputies, ROSTER_PAGE_SIZE)
  onMounted(() => list.load(1))
  return list
}
