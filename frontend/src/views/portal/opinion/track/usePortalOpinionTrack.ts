import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

import {
  ratePublicOpinion,
  trackPublicOpinion,
  type OpinionRating,
  type PublicOpinion,
} from '@/api/opinions'
import { portalError } from '@/api/portal'

export function usePortalOpinionTrack() {
  const route = useRoute()
  const router = useRouter()
  const code = ref('')
  const result = ref<PublicOpinion | null>(null)
  const error = ref('')
  const loading = ref(false)
  const rating = ref<OpinionRating | ''>('')
  const comment = ref('')
  const rated = ref(false)
  const rateError = ref('')

  async function lookup(value: string) {
    result.value = null
    error.value = ''
    rated.value = false
    if (!value) return
    loading.value = true
    try {
      result.value = await trackPublicOpinion(value)
    } catch (failure) {
      error.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  function search() {
    const value = code.value.trim().toUpperCase()
    if (!value) return
    if (route.params.code === value) void lookup(value)
    else void router.push({ name: 'portal-opinion-track', params: { code: value } })
  }

  async function rate() {
    if (!result.value || !rating.value) return
    loading.value = true
    rateError.value = ''
    try {
      result.value = await ratePublicOpinion(
        result.value.tracking_code,
        rating.value,
        comment.value.trim(),
      )
      rated.value = true
      rating.value = ''
      comment.value = ''
    } catch (failure) {
      rateError.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  watch(
    () => route.params.code,
    (value) => {
      const text = typeof value === 'string' ? value : ''
      code.value = text
      void lookup(text)
    },
    { immediate: true },
  )

  return { code, result, error, loading, search, rating, comment, rated, rateError, rate }
}
