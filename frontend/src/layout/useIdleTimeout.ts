import { onBeforeUnmount, onMounted } from 'vue'

import { lastApiActivity } from '@/api/http'

/**
 * The backend ends a session after `timeoutSeconds` without a request. Notice that here too,
 * so an idle screen does not keep showing data it can no longer act on.
 */
export function useIdleTimeout(timeoutSeconds: () => number, onExpired: () => void, checkEveryMs = 15_000) {
  let timer: ReturnType<typeof setInterval> | null = null

  function check() {
    const limit = timeoutSeconds() * 1000
    if (limit > 0 && Date.now() - lastApiActivity() >= limit) {
      stop()
      onExpired()
    }
  }

  function onVisible() {
    if (document.visibilityState === 'visible') check()
  }

  function stop() {
    if (timer !== null) clearInterval(timer)
    timer = null
    document.removeEventListener('visibilitychange', onVisible)
  }

  onMounted(() => {
    timer = setInterval(check, checkEveryMs)
    document.addEventListener('visibilitychange', onVisible)
  })
  onBeforeUnmount(stop)

  return { check, stop }
}
