import { computed, reactive, ref } from 'vue'

import { accountPdfUrl, getAccount, portalError, ratePublic, type Account, type PublicMark } from '@/api/portal'
import { useAction } from '@/composables/useAction'

import { usePortalYear } from '../usePortalYear'

/** 明白账: the year's projects with target, outcome, money and rating; the public's own rating. */
export function usePortalAccount() {
  const { year, data: account, error, loading, load } = usePortalYear<Account>(getAccount)
  const rating = useAction(portalError)
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

  async function rate() {
    if (!Object.keys(chosen.value).length) return
    await rating.run(async () => {
      await ratePublic(year.value, chosen.value)
      for (const key of Object.keys(marks)) delete marks[key]
      thanked.value = true
      await load()
    })
  }

  return {
    year,
    account,
    error,
    rateError: rating.error,
    loading,
    sending: rating.busy,
    thanked,
    marks,
    unrated,
    chosen,
    pdfUrl,
    rate,
  }
}
