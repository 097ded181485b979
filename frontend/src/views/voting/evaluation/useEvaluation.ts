import { computed, reactive, ref, watch } from 'vue'

import {
  closeEvaluation,
  closeYear as closeYearRequest,
  getEvaluation,
  openEvaluation,
  setEvaluationRules,
  type EvaluationRules,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { usePolling } from '@/composables/usePolling'

import { useEvaluationRead } from '../useEvaluationRead'
/** The staff's evaluation console: the rules while they may change, the live count, results. */
export function useEvaluation() {
  const { id, evaluation, results, error, load } = useEvaluationRead()
  const write = useAction()
  const saved = ref(false)
  const rules = reactive<Required<EvaluationRules>>({
    rule_type: 'majority',
    base: 'entitled',
    half_is_enough_satisfied: true,
    half_is_enough_basic: true,
    pass_rate: '80.00',
    public_rating: false,
    channel: 'electronic',
  })
  let rulesLoaded = false

  const editable = computed(() => evaluation.value?.phase === 'implement')
  const round = computed(() => evaluation.value?.round ?? null)
  const isOpen = computed(() => round.value?.state === 'open')
  const isClosed = computed(() => round.value?.state === 'closed')

  /** The form shows the rules as read until staff may edit them; then it keeps their edits. */
  watch(evaluation, (found) => {
    if (found && (!rulesLoaded || !editable.value)) {
      Object.assign(rules, found.rules)
      rulesLoaded = true
    }
  })

  function act(work: () => Promise<void>) {
    saved.value = false
    return write.run(work)
  }

  const saveRules = () =>
    act(async () => {
      evaluation.value = await setEvaluationRules(id.value, { ...rules })
      Object.assign(rules, evaluation.value?.rules)
      saved.value = true
    })
  const open = () =>
    act(async () => {
      evaluation.value = await openEvaluation(id.value)
    })
  const close = () =>
    act(async () => {
      results.value = await closeEvaluation(id.value)
      evaluation.value = await getEvaluation(id.value)
    })

  const closeYear = () =>
    act(async () => {
      evaluation.value = await closeYearRequest(id.value)
    })

  usePolling(load)
  return {
    id,
    evaluation,
    results,
    rules,
    editable,
    round,
    isOpen,
    isClosed,
    error,
    actionError: write.error,
    busy: write.busy,
    saved,
    saveRules,
    open,
    close,
    closeYear,
    refresh: load,
  }
}
