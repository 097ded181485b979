import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { ApiError, errorMessage } from '@/api/http'
import {
  answerMidyear,
  getMidyear,
  isoToday,
  recordMidyearOpinions,
  submitMidyear,
  type Midyear,
} from '@/api/implementation'
import { getCycle, type Cycle } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useRouteResources } from '@/composables/useRouteResources'
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
  const session = useSessionStore()
  const {
    id,
    parts: { cycle, report },
    loading,
    error,
  } = useRouteResources(
    {
      cycle: getCycle,
      // No report yet for the year: the form to record it.
      report: (cycleId) =>
        getMidyear(cycleId).catch((failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 404) return null
          throw failure
        }),
    },
    { cycle: null as Cycle | null, report: null as Midyear | null },
  )
  const write = useAction(errorMessage, { error })
  const busy = ref('')
  const isStaff = computed(() => session.roles.includes('staff'))
  const stage = computed(() => midyearStage(report.value))
  const heard = reactive({ title: '', body: '', heard_on: isoToday() })
  const review = reactive({ opinions: '', on: isoToday() })
  const answer = reactive({ answer: '', on: isoToday() })

  async function act(what: string, call: () => Promise<Midyear>, done: string) {
    busy.value = what
    await write.run(async () => {
      report.value = await call()
      ElMessage.success(done)
    })
    busy.value = ''
  }

  const submit = () => act('heard', () => submitMidyear(id.value, { ...heard }), t('midyear.submitted'))
  const recordOpinions = () =>
    act('opinions', () => recordMidyearOpinions(id.value, { ...review }), t('midyear.reviewed'))
  const recordAnswer = () => act('answer', () => answerMidyear(id.value, { ...answer }), t('midyear.answered'))

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
    fieldErrors: write.fields,
  }
}
