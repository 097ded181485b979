import { ElMessage } from 'element-plus'
import { computed, reactive, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'

import { fieldLines, type FieldErrors } from '@/api/http'
import { listPartyReview, recordGovernanceWithMinutes, type PartyReviewCycle } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

/** 党委审定: the party reviewer sees each candidate list and records its review with minutes. */
export function usePartyReview() {
  const { t } = useI18n()
  const { data: cycles, loading, error, load } = useResource(listPartyReview, [] as PartyReviewCycle[])
  const form = reactive({ held_on: '', summary: '' })
  const minutes = shallowRef<File | null>(null)
  const save = useAction()
  const fieldErrors = computed(() => fieldLines(save.fields.value))

  async function record(cycle: PartyReviewCycle): Promise<boolean> {
    const missing: FieldErrors = {}
    if (!form.held_on) missing.held_on = [t('partyReview.dateRequired')]
    if (!form.summary.trim()) missing.summary = [t('partyReview.summaryRequired')]
    if (!minutes.value) missing.minutes = [t('partyReview.minutesRequired')]
    if (Object.keys(missing).length) {
      save.error.value = ''
      save.fields.value = missing
      return false
    }
    return save.run(async () => {
      await recordGovernanceWithMinutes(
        cycle.id,
        { kind: 'party_review', held_on: form.held_on, summary: form.summary.trim() },
        minutes.value as File,
      )
      Object.assign(form, { held_on: '', summary: '' })
      minutes.value = null
      ElMessage.success(t('partyReview.recorded'))
      await load()
    })
  }

  return { cycles, loading, error, form, minutes, fieldErrors, formError: save.error, saving: save.busy, record }
}
