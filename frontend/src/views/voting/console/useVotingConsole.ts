import { computed, onMounted, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { listCycles, type Cycle } from '@/api/voting'
import { useSessionStore } from '@/stores/session'

export function useVotingConsole() {
  const session = useSessionStore()
  const cycles = ref<Cycle[]>([])
  const loading = ref(false)
  const error = ref('')
  const isStaff = computed(() => session.roles.includes('staff'))
  const isDeputy = computed(() => session.roles.includes('deputy'))
  const isTeller = computed(() => session.roles.includes('teller'))

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
  return { cycles, loading, error, isStaff, isDeputy, isTeller, load }
}
