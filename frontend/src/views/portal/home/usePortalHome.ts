import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'

import { ApiError, errorMessage } from '@/api/http'
import { getPublicHome, trackingKind, type PublicHome } from '@/api/portal'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
import { parseTrackingCode, routeForCode } from '@/utils/tracking'

/** A congress's public home and its one tracking box. */
export function usePortalHome() {
  const { t } = useI18n()
  const router = useRouter()
  const { data: home, loading, error } = useResource<PublicHome | null>(getPublicHome, null)
  const text = ref('')
  const trackAction = useAction((failure) =>
    failure instanceof ApiError && failure.status === 404 ? t('portal.home.codeUnknown') : errorMessage(failure),
  )
  const { busy: tracking, error: trackError } = trackAction

  async function track() {
    trackError.value = ''
    const code = parseTrackingCode(text.value)
    if (code === null) {
      trackError.value = t('portal.home.codeInvalid')
      return
    }
    await trackAction.run(async () => {
      const found = await trackingKind(code)
      await router.push(routeForCode(found.kind, found.code))
    })
  }

  return { home, loading, error, text, trackError, tracking, track }
}
