import { computed, onMounted, ref, type Ref, type WritableComputedRef } from 'vue'

import { errorMessage } from '@/api/http'

/** When a resource first loads, how its failure reads, and whether that stays shown while it
 * loads again (a page that polls keeps its alert until a read succeeds). */
export interface ResourceOptions {
  immediate?: boolean
  describe?: (failure: unknown) => string
  keepError?: boolean
}

/**
 * One thing the page reads from the API: `data` (`initial` until loaded), `loading` while it
 * loads, the failure's message in `error`. A later `load` wins over an earlier one still in
 * flight. It loads when the page mounts unless `immediate` is false.
 */
export function useResource<T>(
  fetch: () => Promise<T>,
  initial: T,
  { immediate = true, describe = errorMessage, keepError = false }: ResourceOptions = {},
) {
  const data = ref(initial) as Ref<T>
  const loading = ref(false)
  const error = ref('')
  let latest = 0

  async function load(): Promise<boolean> {
    const ticket = ++latest
    loading.value = true
    if (!keepError) error.value = ''
    try {
      const found = await fetch()
      if (ticket === latest) {
        data.value = found
        error.value = ''
      }
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

/** Each field of a resource's object `data` as its own writable ref (the keys of its initial value). */
export function partsOf<T extends object>(data: Ref<T>): { [K in keyof T]: WritableComputedRef<T[K]> } {
  const keys = Object.keys(data.value) as (keyof T)[]
  const part = <K extends keyof T>(key: K) =>
    computed({
      get: () => data.value[key],
      set: (value: T[K]) => {
        data.value = { ...data.value, [key]: value }
      },
    })
  return Object.fromEntries(keys.map((key) => [key, part(key)])) as { [K in keyof T]: WritableComputedRef<T[K]> }
}

/**
 * Several reads a page loads together, as one `useResource`: the fetches run at once and each
 * answer is in its own ref of `parts`; a failure of any is the resource's `error`.
 */
export function useResources<T extends object>(
  fetches: { [K in keyof T]: () => Promise<T[K]> },
  initial: T,
  options: ResourceOptions = {},
) {
  const resource = useResource(
    async () => {
      const keys = Object.keys(fetches) as (keyof T)[]
      const answers = await Promise.all(keys.map((key) => fetches[key]()))
      return Object.fromEntries(keys.map((key, i) => [key, answers[i]])) as T
    },
    initial,
    options,
  )
  return { ...resource, parts: partsOf(resource.data) }
}
