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
  // A unit answers the deputies' comments on the candidates in deliberation.
  const isUnit = computed(() => session.roles.includes('unit'))

  return { cycles, loading, error, isStaff, isDeputy, isTeller, isUnit, load }
}
