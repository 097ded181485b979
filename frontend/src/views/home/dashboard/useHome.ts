import { computed, onMounted, ref } from 'vue'

import { listCongresses } from '@/api/congresses'
import { errorMessage } from '@/api/http'
import type { Congress } from '@/api/types'
import { useSessionStore } from '@/stores/session'

export function useHome() {
  const session = useSessionStore()
  const detail = ref<Congress | null>(null)
  const congressCount = ref<number | null>(null)
  const loading = ref(false)
  const error = ref('')

  /** The session names this congress; its division code and status come from the list. */
  async function load() {
    loading.value = true
    error.value = ''
    try {
      const page = await listCongresses({ page_size: 200 })
      congressCount.value = page.count
      const id = session.congress?.id
      detail.value = id === undefined ? null : (page.results.find((c) => c.id === id) ?? null)
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  const switching = ref<number | null>(null)
  async function switchTo(congressId: number) {
    switching.value = congressId
    try {
      await session.switchTo(congressId)
    } catch (failure) {
      error.value = errorMessage(failure)
      switching.value = null
    }
  }

  const divisionCode = computed(() => detail.value?.division_code || '—')

  onMounted(load)

  return { session, detail, divisionCode, congressCount, loading, error, switching, switchTo, load }
}
