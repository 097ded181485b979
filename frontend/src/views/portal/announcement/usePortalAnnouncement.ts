import { computed, ref, watch } from 'vue'
import { useRoute } from 'vue-router'

import { getAnnouncement, portalError, type Announcement } from '@/api/portal'

export function usePortalAnnouncement() {
  const route = useRoute()
  const year = computed(() => Number(route.params.year))
  const notice = ref<Announcement | null>(null)
  const error = ref('')
  const loading = ref(false)
  /** The adopted projects in rank order. */
  const adopted = computed(() => [...(notice.value?.adopted ?? [])].sort((a, b) => a.rank - b.rank))

  async function load() {
    notice.value = null
    error.value = ''
    loading.value = true
    try {
      notice.value = await getAnnouncement(year.value)
    } catch (failure) {
      error.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  watch(year, load, { immediate: true })
  return { year, notice, adopted, error, loading }
}
