import { computed, reactive, ref } from 'vue'

import { decideStarReview, listStarReviews, starsByCounty, type CountyStars, type StarReview } from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResources } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

/** Station stars: the review queue of the congress above, our own submissions, and (the city)
 * the stars by county. */
export function useStationStars() {
  const session = useSessionStore()
  const level = computed(() => session.congress?.level ?? null)
  const reviews = computed(() => level.value === 'city' || level.value === 'county')
  const submits = computed(() => level.value === 'county' || level.value === 'township')
  const byCountyShown = computed(() => level.value === 'city')
  const tab = ref(byCountyShown.value ? 'byCounty' : reviews.value ? 'incoming' : 'own')
  const {
    parts: { incoming, own, byCounty },
    loading,
    error,
    load,
  } = useResources(
    {
      incoming: async () => (reviews.value ? listStarReviews('incoming') : []),
      own: async () => (submits.value ? listStarReviews('own') : []),
      byCounty: async () => (byCountyShown.value ? starsByCounty() : []),
    },
    { incoming: [] as StarReview[], own: [] as StarReview[], byCounty: [] as CountyStars[] },
  )
  const deciding = ref<StarReview | null>(null)
  const decide = useAction()
  const form = reactive({ award: true, stars: 3, reason: '' })

  function open(review: StarReview) {
    deciding.value = review
    Object.assign(form, { award: true, stars: 3, reason: '' })
    decide.error.value = ''
  }

  async function submit() {
    const review = deciding.value
    if (!review) return
    const done = await decide.run(() =>
      decideStarReview(review.id, {
        award: form.award,
        stars: form.award ? form.stars : null,
        reason: form.reason,
      }),
    )
    if (done) {
      deciding.value = null
      await load()
    }
  }

  return {
    level,
    reviews,
    submits,
    byCountyShown,
    tab,
    incoming,
    own,
    byCounty,
    loading,
    error,
    deciding,
    form,
    decide,
    open,
    submit,
  }
}
