import { computed, type MaybeRef } from 'vue'

import type { Page, PageQuery } from '@/api/types'

import { useResource } from './useResource'

/** What a pager reads of a paged list: its page, size and total, and how to load another page. */
export interface PagedState {
  page: MaybeRef<number>
  pageSize: number
  total: MaybeRef<number>
  load: (page: number) => unknown
}

/** One page of a paginated API list at a time, with loading and error state. */
export function usePagedList<T>(fetchPage: (query: PageQuery) => Promise<Page<T>>, pageSize = 20) {
  let wanted = 1
  const shown = useResource(
    async () => {
      const page = wanted
      return { page, found: await fetchPage({ page, page_size: pageSize }) }
    },
    { page: 1, found: { results: [], count: 0 } as Page<T> },
    { immediate: false },
  )
  const rows = computed(() => shown.data.value.found.results)
  const total = computed(() => shown.data.value.found.count)
  const page = computed(() => shown.data.value.page)

  async function load(target = page.value) {
    wanted = target
    await shown.load()
  }

  return { rows, total, page, pageSize, loading: shown.loading, error: shown.error, load }
}
