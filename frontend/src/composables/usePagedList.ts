import { ref, shallowRef } from 'vue'

import { errorMessage } from '@/api/http'
import type { Page, PageQuery } from '@/api/types'

/** One page of a paginated API list at a time, with loading and error state. */
export function usePagedList<T>(fetchPage: (query: PageQuery) => Promise<Page<T>>, pageSize = 20) {
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  const error = ref('')
  let latest = 0

  async function load(target = page.value) {
    const ticket = ++latest
    loading.value = true
    error.value = ''
    try {
      const result = await fetchPage({ page: target, page_size: pageSize })
      if (ticket !== latest) return
      rows.value = result.results
      total.value = result.count
      page.value = target
    } catch (failure) {
      if (ticket !== latest) return
      error.value = errorMessage(failure)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  return { rows, total, page, pageSize, loading, error, load }
}
