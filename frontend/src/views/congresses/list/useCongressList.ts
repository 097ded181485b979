import { computed, onMounted } from 'vue'

import { listCongresses } from '@/api/congresses'
import type { Congress, CongressLevel } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'
import { useSessionStore } from '@/stores/session'

export const CONGRESS_PAGE_SIZE = 100

/** The levels this user may open here: below a city or a county; anything on the bare host. */
export function provisionableLevels(hostLevel: CongressLevel | null): CongressLevel[] {
  if (hostLevel === null) return ['city', 'county', 'township']
  if (hostLevel === 'city') return ['county', 'township']
  if (hostLevel === 'county') return ['township']
  return []
}

export function useCongressList() {
  const session = useSessionStore()
  const list = usePagedList<Congress>(listCongresses, CONGRESS_PAGE_SIZE)
  const levels = computed(() => provisionableLevels(session.congress?.level ?? null))
  onMounted(() => list.load(1))
  return { ...list, levels }
}
