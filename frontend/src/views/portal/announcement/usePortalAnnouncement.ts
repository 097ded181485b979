import { computed } from 'vue'

import { getAnnouncement, type Announcement } from '@/api/portal'

import { usePortalYear } from '../usePortalYear'

export function usePortalAnnouncement() {
  const { year, data: notice, error, loading } = usePortalYear<Announcement>(getAnnouncement)
  /** The adopted projects in rank order. */
  const adopted = computed(() => [...(notice.value?.adopted ?? [])].sort((a, b) => a.rank - b.rank))

  return { year, notice, adopted, error, loading }
}
