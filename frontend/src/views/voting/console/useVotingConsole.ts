import { computed } from 'vue'

import { listCycles, type Cycle } from '@/api/voting'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

export function useVotingConsole() {
  const session = useSessionStore()
  const { data: cycles, loading, error, load } = useResource<Cycle[]>(listCycles, [])
  const isStaff = computed(() => session.roles.includes('staff'))
  const isDeputy = computed(() => session.roles.includes('deputy'))
  const isTeller = computed(() => session.roles.includes('teller'))

  return { cycles, loading, error, isStaff, isDeputy, isTeller, load }
}
