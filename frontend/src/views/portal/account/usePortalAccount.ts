import { computed, reactive, ref, watch } from 'vue'
import { useRoute } from 'vue-router'

import { accountPdfUrl, getAccount, portalError, ratePublic, type Account, type PublicMark } from '@/api/portal'

/** 明白账: the year's projects with target, outcome, money and rating; the public's own rating. */
export function usePortalAccount() {
  const route = useRoute()
  const year = computed(() => Number(route.params.year))
  const account = ref<Account | null>(null)
  const error = ref('')
  const rateError = ref('')
  const loading = ref(false)
  const sending = ref(false)
  const thanked = ref(false)
  const marks = reactive<Record<string, PublicMark | ''>>({})
  const pdfUrl = computed(() => accountPdfUrl(year.value))
  /** Projects this browser may still rate. */
  const unrated = computed(() =>
    (account.value?.lines ?? []).filter((l) => !account.value?.rated.includes(l.candidate_id)),
  )
  const chosen = computed(
    () => Object.fromEntries(Object.entries(marks).filter(([, mark]) => mark)) as Record<string, PublicMark>,
  )

  async function load() {
    error.value = ''
    loading.value = true
    try {
      account.value = await getAccount(year.value)
    } catch (failure) {
      account.value = null
      error.value = portalError(failure)
    } finally {
      loading.value = false
    }
  }

  async function rate() {
    if (!Object.keys(chosen.value).length) return
    sending.value = true
    rateError.value = ''
    try {
      await ratePublic(year.value, chosen.value)
      for (const key of Object.keys(marks)) delete marks[key]
      thanked.value = true
      await load()
    } catch (failure) {
      rateError.value = portalError(failure)
    } finally {
      sending.value = false
    }
  }

  watch(year, load, { immediate: true })
  return {
    year,
    account,
    error,
    rateError,
    loading,
    sending,
    thanked,
    marks,
    unrated,
    chosen,
    pdfUrl,
    rate,
  }
}
