import { ElMessage } from 'element-plus'
import { onMounted, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'

import { uploadFile } from '@/api/files'
import { ApiError, errorMessage } from '@/api/http'
import { listPartyReview, recordGovernance, type PartyReviewCycle } from '@/api/voting'

/** 党委审定: the party reviewer sees each candidate list and records its review with minutes. */
export function usePartyReview() {
  const { t } = useI18n()
  const cycles = shallowRef<PartyReviewCycle[]>([])
  const loading = ref(false)
  const error = ref('')
  const form = reactive({ held_on: '', summary: '' })
  const minutes = shallowRef<File | null>(null)
  const fieldErrors = ref<Record<string, string>>({})
  const formError = ref('')
  const saving = ref(false)

  async function load() {
    loading.value = true
    error.value = ''
    try {
      cycles.value = await listPartyReview()
    } catch (failure) {
      error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function record(cycle: PartyReviewCycle): Promise<boolean> {
    formError.value = ''
    fieldErrors.value = {}
    const missing: Record<string, string> = {}
    if (!form.held_on) missing.held_on = t('partyReview.dateRequired')
    if (!form.summary.trim()) missing.summary = t('partyReview.summaryRequired')
    if (!minutes.value) missing.minutes = t('partyReview.minutesRequired')
    if (Object.keys(missing).length) {
      fieldErrors.value = missing
      return false
    }
    saving.value = true
    try {
      const stored = await uploadFile(minutes.value as File)
      await recordGovernance(cycle.id, {
        kind: 'party_review',
        held_on: form.held_on,
        summary: form.summary.trim(),
        minutes_file_id: stored.id,
      })
      Object.assign(form, { held_on: '', summary: '' })
      minutes.value = null
      ElMessage.success(t('partyReview.recorded'))
      await load()
      return true
    } catch (failure) {
      formError.value = errorMessage(failure)
      if (failure instanceof ApiError)
        fieldErrors.value = Object.fromEntries(Object.entries(failure.fields).map(([k, v]) => [k, v.join(' ')]))
      return false
    } finally {
      saving.value = false
    }
  }

  onMounted(load)
  return { cycles, loading, error, form, minutes, fieldErrors, formError, saving, record }
}
