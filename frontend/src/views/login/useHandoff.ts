import { onMounted, ref } from 'vue'
import { useRouter } from 'vue-router'

import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'

/**
 * Another congress's host sent the browser here with `#code=...`: a fragment, so the code never
 * reaches a server log or a Referer. Post it once, then go home; a browser that is already
 * logged in here as someone else is told so rather than switched into the code's account.
 */
export function useHandoff() {
  const session = useSessionStore()
  const router = useRouter()
  const error = ref('')

  async function redeem() {
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code') ?? ''
    // Out of the address bar and the history at once: until spent the code is a credential.
    window.history.replaceState(window.history.state, '', window.location.pathname)
    try {
      if (!code) throw new ApiError(403, 'handoff_invalid', '')
      await session.redeemHandoff(code)
      await router.replace('/')
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'handoff_other_session') {
        error.value = failure.detail
      } else {
        await router.replace({ name: 'login', query: { handoff: 'invalid' } })
      }
    }
  }

  onMounted(redeem)
  return { error }
}
