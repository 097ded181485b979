import { computed } from 'vue'

import { listCycles, type Cycle, type Phase } from '@/api/voting'
import { useResource } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

/** The phases in which a year has projects to evaluate, or has evaluated them. */
export const EVALUATION_PHASES: readonly Phase[] = ['implement', 'evaluate', 'closed']

export function useEvaluations() {
  const session = useSessionStore()
  const { data: cycles, loading, error } = useResource(listCycles, [] as Cycle[])
  const isStaff = computed(() => session.roles.includes('staff'))
  const isDeputy = computed(() => session.roles.includes('deputy'))
  const years = computed(() => cycles.value.filter((c) => !!c.phase && EVALUATION_PHASES.includes(c.phase)))

  return { years, loading, error, isStaff, isDeputy }
}
