import { computed, onMounted, ref } from 'vue'

import { listCongresses } from '@/api/congresses'
import { errorMessage } from '@/api/http'
import { useSessionStore } from '@/stores/session'

export function useHome() {
  const session = useSessionStore()
  const congressCount = ref<number | null>(null)
  const loading = ref(false)
  const error = ref('')

  /** A congress's host has all it shows in the session; the operators' console counts congresses. */
  async function load() {
    if (!session.isPlatformHost) return
    loading.value = true
    error.value = ''
    try {
      congressCount.value = (await listCongresses({ page_size: 1 })).count
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

  /** Who sets the congress up, and so is shown the setup checklist until it is complete. */
  const setsUp = computed(
    () => !!session.congress && (session.roles.includes('staff') || session.roles.includes('system_admin')),
  )

  const divisionCode = computed(() => session.congress?.division_code || '—')

  onMounted(load)

  return { session, setsUp, divisionCode, congressCount, loading, error, switching, switchTo, load }
}
