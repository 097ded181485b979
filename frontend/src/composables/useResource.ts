import { onMounted, ref, type Ref } from 'vue'

import { errorMessage } from '@/api/http'

/**
 * One thing the page reads from the API: `data` (`initial` until loaded), `loading` while it
 * loads, the failure's message in `error`. A later `load` wins over an earlier one still in
 * flight. It loads when the page mounts unless `immediate` is false.
 */
export function useResource<T>(
  fetch: () => Promise<T>,
  initial: T,
  {
    immediate = true,
    describe = errorMessage,
  }: {
    immediate?: boolean
    describe?: (failure: unknown) => string
  } = {},
) {
  const data = ref(initial) as Ref<T>
  const loading = ref(false)
  const error = ref('')
  let latest = 0

  async function load(): Promise<boolean> {
    const ticket = ++latest
    loading.value = true
    error.value = ''
    try {
      const found = await fetch()
      if (ticket === latest) data.value = found
      return true
    } catch (failure) {
      if (ticket === latest) error.value = describe(failure)
      return false
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  if (immediate) onMounted(load)
  return { data, loading, error, load }
}
