import { ElMessage } from 'element-plus'
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { ApiError, errorMessage, type FieldErrors } from '@/api/http'
import {
  answerMidyear,
  getMidyear,
  isoToday,
  recordMidyearOpinions,
  submitMidyear,
  type Midyear,
} from '@/api/implementation'
import { getCycle, type Cycle } from '@/api/voting'
import { useSessionStore } from '@/stores/session'

/** Where the year's mid-year report stands: not yet heard, heard, reviewed, answered. */
export type MidyearStage = 'none' | 'heard' | 'reviewed' | 'answered'

export function midyearStage(report: Midyear | null): MidyearStage {
  if (!report) return 'none'
  if (report.answered_on) return 'answered'
  if (report.opinions_on) return 'reviewed'
  return 'heard'
}

/** 年中实施情况报告: staff record the report heard by the presidium (standing committee) and its
 * review opinions; the government's answer is recorded by staff or by a unit of the year. */
export function useMidyear() {
  const { t } = useI18n()
  const route = useRoute()
  const session = useSessionStore()
  const id = computed(() => Number(route.params.id))
  const cycle = ref<Cycle | null>(null)
  const report = ref<Midyear | null>(null)
  const loading = ref(false)
  const busy = ref('')
  const error = ref('')
  const fields = ref<FieldErrors>({})
  const isStaff = computed(() => session.roles.includes('staff'))
  const stage = computed(() => midyearStage(report.value))
  const heard = reactive({ title: '', body: '', heard_on: isoToday() })
  const review = reactive({ opinions: '', on: isoToday() })
  const answer = reactive({ answer: '', on: isoToday() })

  async function load() {
    loading.value = true
    error.value = ''
    try {
      cycle.value = await getCycle(id.value)
      report.value = await getMidyear(id.value)
    } catch (failure) {
      // No report yet for the year: the form to record it.
      if (failure instanceof ApiError && failure.status === 404) report.value = null
      else error.value = errorMessage(failure)
    } finally {
      loading.value = false
    }
  }

  async function act(what: string, call: () => Promise<Midyear>, done: string) {
    busy.value = what
    error.value = ''
    fields.value = {}
    try {
      report.value = await call()
      ElMessage.success(done)
    } catch (failure) {
      error.value = errorMessage(failure)
      if (failure instanceof ApiError) fields.value = failure.fields
    } finally {
      busy.value = ''
    }
  }

  const submit = () => act('heard', () => submitMidyear(id.value, { ...heard }), t('midyear.submitted'))
  const recordOpinions = () =>
    act('opinions', () => recordMidyearOpinions(id.value, { ...review }), t('midyear.reviewed'))
  const recordAnswer = () => act('answer', () => answerMidyear(id.value, { ...answer }), t('midyear.answered'))
  const fieldError = (name: string) => fields.value[name]?.join(' ') || undefined

  onMounted(load)
  return {
    cycle,
    report,
    loading,
    busy,
    error,
    isStaff,
    stage,
    heard,
    review,
    answer,
    submit,
    recordOpinions,
    recordAnswer,
    fieldError,
  }
}
