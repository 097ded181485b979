import { ref, shallowRef, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'

import { portalError } from '@/api/portal'

/**
 * Looking up something the public sent by its tracking code: the code lives in the route
 * (`routeName` with `:code`), so a link or a refresh shows the same result; `search` moves
 * there, and a lookup runs whenever the code in the route changes.
 */
export function usePortalLookup<T>(
  routeName: string,
  fetch: (code: string) => Promise<T>,
  onLookup: () => void = () => {},
) {
  const route = useRoute()
  const router = useRouter()
  const code = ref('')
  const result = shallowRef<T | null>(null) as Ref<T | null>
  const error = ref('')
  const loading = ref(false)

  async function lookup(value: string) {
    result.value = null
    error.value = ''
    onLookup()
    if (!value) return
    loading.value = true
    try {
      result.value = await fetch(value)
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
    else void router.push({ name: routeName, params: { code: value } })
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
