import { computed } from 'vue'

import { errorMessage } from '@/api/http'
import { listNotifications, markRead } from '@/api/notifications'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

export function useNotifications() {
  const inbox = useResource(listNotifications, null)
  const { loading, error, load } = inbox
  const reading = useAction(errorMessage, { error })

  async function read(ids?: number[]) {
    await reading.run(async () => {
      await markRead(ids)
      await load()
    })
  }

  return {
    items: computed(() => inbox.data.value?.results ?? []),
    unread: computed(() => inbox.data.value?.unread ?? 0),
    loading,
    error,
    load,
    read,
  }
}
