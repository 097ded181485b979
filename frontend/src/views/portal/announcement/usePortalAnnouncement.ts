import { computed, watch } from 'vue'

import { getAnnouncement, portalError, type Announcement } from '@/api/portal'
import { useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

export function usePortalAnnouncement() {
  const year = useRouteId('year')
  const page = useResource<Announcement | null>(() => getAnnouncement(year.value), null, {
    immediate: false,
    describe: portalError,
  })
  const { data: notice, error, loading } = page
  /** The adopted projects in rank order. */
  const adopted = computed(() => [...(notice.value?.adopted ?? [])].sort((a, b) => a.rank - b.rank))

  /** Another year's notice is not shown while this year's loads. */
  watch(
    year,
    () => {
      notice.value = null
      return page.load()
    },
    { immediate: true },
  )
  return { year, notice, adopted, error, loading }
}
