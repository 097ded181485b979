import { computed, onMounted, reactive, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { decideStarReview, listStarReviews, starsByCounty, type CountyStars, type StarReview } from '@/api/supervision'
import { useAction } from '@/composables/useAction'
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
  const incoming = ref<StarReview[]>([])
  const own = ref<StarReview[]>([])
  const byCounty = ref<CountyStars[]>([])
  const loading = ref(false)
  const error = ref('')
  const deciding = ref<StarReview | null>(null)
  const decide = useAction()
  const form = reactive({ award: true, stars: 3, reason: '' })

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const [a, b, c] = await Promise.all([
        reviews.value ? listStarReviews('incoming') : Promise.resolve([]),
        submits.value ? listStarReviews('own') : Promise.resolve([]),
        byCountyShown.value ? starsByCounty() : Promise.resolve([]),
      ])
      incoming.value = a
      own.value = b
      byCounty.value = c
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

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

  onMounted(load)

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
    busy: decide.busy,
    formError: decide.error,
    open,
    submit,
  }
}
