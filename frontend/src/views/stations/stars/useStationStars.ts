import { computed, reactive, ref } from 'vue'

import { decideStarReview, listStarReviews, starsByCounty, type CountyStars, type StarReview } from '@/api/supervision'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
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
  const lists = useResource(
    async () => {
      const [incoming, own, byCounty] = await Promise.all([
        reviews.value ? listStarReviews('incoming') : Promise.resolve([]),
        submits.value ? listStarReviews('own') : Promise.resolve([]),
        byCountyShown.value ? starsByCounty() : Promise.resolve([]),
      ])
      return { incoming, own, byCounty }
    },
    { incoming: [] as StarReview[], own: [] as StarReview[], byCounty: [] as CountyStars[] },
  )
  const { loading, error, load } = lists
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
    incoming: computed(() => lists.data.value.incoming),
    own: computed(() => lists.data.value.own),
    byCounty: computed(() => lists.data.value.byCounty),
    loading,
    error,
    deciding,
    form,
    busy: decide.busy,
    formError: decide.error,
    open,
    submit,
  }
}
