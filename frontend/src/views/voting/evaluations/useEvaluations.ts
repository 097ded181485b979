import { computed, onMounted, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { listCycles, type Cycle, type Phase } from '@/api/voting'
import { useSessionStore } from '@/stores/session'

/** The phases in which a year has projects to evaluate, or has evaluated them. */
export const EVALUATION_PHASES: readonly Phase[] = ['implement', 'evaluate', 'closed']

export function useEvaluations() {
  const session = useSessionStore()
  const cycles = ref<Cycle[]>([])
  const loading = ref(false)
  const error = ref('')
  const isStaff = computed(() => session.roles.includes('staff'))
  const isDeputy = computed(() => session.roles.includes('deputy'))
  const years = computed(() => cycles.value.filter((c) => !!c.phase && EVALUATION_PHASES.includes(c.phase)))

  async function load() {
    loading.value = true
    error.value = ''
    try {
      cycles.value = await listCycles()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  onMounted(load)
  return { years, loading, error, isStaff, isDeputy }
}
