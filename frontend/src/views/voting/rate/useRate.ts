import { computed, reactive, ref, watch } from 'vue'

import { useAction } from '@/composables/useAction'
import { usePolling } from '@/composables/usePolling'
import { ratePercent } from '@/utils/rate'
import { castBallot, signInEvaluation, type Mark } from '@/api/voting'

import { useEvaluationRead } from '../useEvaluationRead'
import { useReceiptCheck } from '../useReceiptCheck'
/** The ballot to send, or null while some project has no mark. */
export function evaluationChoices(
  projects: readonly { id: number }[],
  marks: Record<string, Mark | ''>,
): Record<string, Mark> | null {
  const out: Record<string, Mark> = {}
  for (const project of projects) {
    const mark = marks[String(project.id)]
    if (!mark) return null
    out[String(project.id)] = mark
  }
  return out
}

const RESULT_MARKS = ['satisfied', 'basic', 'unsatisfied', 'abstain'] as const

/** Each mark's count and its share of the project's valid marks (满意, 基本满意, 不满意, 弃权: a
 * blank or 未按 is none), half-up to 0.01 as the server rounds; rate null without a valid mark. */
export function markShares(counts: Record<(typeof RESULT_MARKS)[number], number>) {
  const valid = RESULT_MARKS.reduce((sum, mark) => sum + counts[mark], 0)
  return RESULT_MARKS.map((mark) => ({
    mark,
    count: counts[mark],
    rate: ratePercent(counts[mark], valid),
  }))
}

/** The deputy's satisfaction ballot on the phone: one mark per project, a receipt, the results. */
export function useRate() {
  const { id, evaluation, results, error, load } = useEvaluationRead()
  /** The first read has answered, with the evaluation or a failure. */
  const loaded = computed(() => !!evaluation.value || !!error.value)
  const write = useAction()
  const marks = reactive<Record<string, Mark | ''>>({})
  /** Shown once, never stored. */
  const receipt = ref('')

  const round = computed(() => evaluation.value?.round ?? null)
  /** The receipt check, whose failure shows where a vote's does. */
  const receiptCheck = useReceiptCheck(() => round.value?.id, write.error)
  const projects = computed(() => evaluation.value?.projects ?? [])
  const isOpen = computed(() => round.value?.state === 'open')
  const voted = computed(() => !!round.value?.i_voted || !!receipt.value)
  const unanswered = computed(() => projects.value.filter((p) => !marks[String(p.id)]).length)
  const ready = computed(() => isOpen.value && !!evaluationChoices(projects.value, marks))

  watch(projects, (list) => {
    for (const p of list) if (!(String(p.id) in marks)) marks[String(p.id)] = ''
  })

  async function submit() {
    const target = round.value
    const ballot = evaluationChoices(projects.value, marks)
    if (!target || !ballot) return
    await write.run(async () => {
      receipt.value = (await castBallot(target.id, ballot)).receipt
      await load()
    })
  }

  /** A paper or device evaluation is held at a meeting: deputies sign in before it opens. */
  const canSignIn = computed(
    () =>
      !!evaluation.value &&
      evaluation.value.phase === 'implement' &&
      evaluation.value.rules.channel !== 'electronic' &&
      !evaluation.value.signed_in,
  )
  async function signIn() {
    await write.run(async () => (evaluation.value = await signInEvaluation(id.value)))
  }

  const resultLines = computed(() =>
    (results.value?.projects ?? []).map((line) => ({ ...line, shares: markShares(line.counts) })),
  )

  usePolling(load)
  return {
    evaluation,
    results,
    resultLines,
    round,
    projects,
    loaded,
    isOpen,
    voted,
    unanswered,
    ready,
    marks,
    receipt,
    receiptCheck,
    error,
    actionError: write.error,
    submitting: write.busy,
    submit,
    canSignIn,
    signIn,
  }
}
