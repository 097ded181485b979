import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

import { portalError } from '@/api/portal'
import { useResource } from '@/composables/useResource'

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
  const routeCode = computed(() => (typeof route.params.code === 'string' ? route.params.code : ''))
  const {
    data: result,
    error,
    loading,
    load,
  } = useResource<T | null>(() => fetch(routeCode.value), null, { immediate: false, describe: portalError })

  async function lookup() {
    result.value = null
    error.value = ''
    onLookup()
    if (routeCode.value) await load()
  }

  function search() {
    const value = code.value.trim().toUpperCase()
    if (!value) return
    if (routeCode.value === value) void lookup()
    else void router.push({ name: routeName, params: { code: value } })
  }

  watch(
    routeCode,
    (text) => {
      code.value = text
      void lookup()
    },
    { immediate: true },
  )

  return { code, result, error, loading, search }
}
