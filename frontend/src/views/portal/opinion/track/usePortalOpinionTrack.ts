import { ref } from 'vue'

import { ratePublicOpinion, trackPublicOpinion, type OpinionRating } from '@/api/opinions'
import { portalError } from '@/api/portal'

import { usePortalLookup } from '../../usePortalLookup'

export function usePortalOpinionTrack() {
  const rating = ref<OpinionRating | ''>('')
  const comment = ref('')
  const rated = ref(false)
  const rateError = ref('')
  const lookup = usePortalLookup('portal-opinion-track', trackPublicOpinion, () => (rated.value = false))
  const { result, loading } = lookup

  async function rate() {
    if (!result.value || !rating.value) return
    loading.value = true
    rateError.value = ''
    try {
      result.value = await ratePublicOpinion(result.value.tracking_code, rating.value, comment.value.trim())
      rated.value = true
      rating.value = ''
      comment.value = ''
    } catch (failure) {
      rateError.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  return { ...lookup, rating, comment, rated, rateError, rate }
}
