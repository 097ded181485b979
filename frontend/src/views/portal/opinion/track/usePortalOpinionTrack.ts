import { ref } from 'vue'

import { ratePublicOpinion, trackPublicOpinion, type OpinionRating } from '@/api/opinions'
import { portalError } from '@/api/portal'
import { useAction } from '@/composables/useAction'

import { usePortalLookup } from '../../usePortalLookup'

export function usePortalOpinionTrack() {
  const rating = ref<OpinionRating | ''>('')
  const comment = ref('')
  const rated = ref(false)
  const lookup = usePortalLookup('portal-opinion-track', trackPublicOpinion, () => (rated.value = false))
  const { result, loading } = lookup
  const sending = useAction(portalError, { busy: loading })

  async function rate() {
    const found = result.value
    const mark = rating.value
    if (!found || !mark) return
    await sending.run(async () => {
      result.value = await ratePublicOpinion(found.tracking_code, mark, comment.value.trim())
      rated.value = true
      rating.value = ''
      comment.value = ''
    })
  }

  return { ...lookup, rating, comment, rated, rateError: sending.error, rate }
}
