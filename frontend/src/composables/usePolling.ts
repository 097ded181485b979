import { onBeforeUnmount, onMounted } from 'vue'

/** How often a live page reads again unless told (the 票决 pages follow a vote this closely). */
export const POLL_MS = 2000

/** Run `tick` now and every `ms` while the page is mounted; one call at a time. */
export function usePolling(tick: () => Promise<unknown>, ms = POLL_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  async function loop() {
    try {
      await tick()
    } finally {
      if (!stopped) timer = setTimeout(loop, ms)
    }
  }
  onMounted(() => {
    void loop()
  })
  onBeforeUnmount(() => {
    stopped = true
    if (timer) clearTimeout(timer)
  })
}
