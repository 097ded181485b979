import { onMounted, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { listNotifications, markRead, type Notification } from '@/api/notifications'

export function useNotifications() {
  const items = ref<Notification[]>([])
  const unread = ref(0)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const found = await listNotifications()
      items.value = found.results
      unread.value = found.unread
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function read(ids?: number[]) {
    try {
      await markRead(ids)
      await load()
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  onMounted(load)
  return { items, unread, loading, error, load, read }
}
