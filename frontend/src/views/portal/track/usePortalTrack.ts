import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

import { portalError, trackProposal, type Tracking } from '@/api/portal'

export function usePortalTrack() {
  const route = useRoute()
  const router = useRouter()
  const code = ref('')
  const result = ref<Tracking | null>(null)
  const error = ref('')
  const loading = ref(false)

  async function lookup(value: string) {
    result.value = null
    error.value = ''
    if (!value) return
    loading.value = true
    try {
      result.value = await trackProposal(value)
    } catch (failure) {
      error.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  function search() {
    const value = code.value.trim().toUpperCase()
    if (!value) return
    if (route.params.code === value) void lookup(value)
    else void router.push({ name: 'portal-track', params: { code: value } })
  }

  watch(
    () => route.params.code,
    (value) => {
      const text = typeof value === 'string' ? value : ''
      code.value = text
      void lookup(text)
    },
    { immediate: true },
  )

  return { code, result, error, loading, search }
}
