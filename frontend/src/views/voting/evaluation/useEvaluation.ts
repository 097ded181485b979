import { computed, reactive, ref } from 'vue'

import { errorMessage } from '@/api/http'
import {
  closeEvaluation,
  closeYear as closeYearRequest,
  getEvaluation,
  getEvaluationResults,
  openEvaluation,
  setEvaluationRules,
  type Evaluation,
  type EvaluationResults,
  type EvaluationRules,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useRouteId } from '@/composables/useRouteId'

import { usePolling } from '../voting'

/** The staff's evaluation console: the rules while they may change, the live count, results. */
export function useEvaluation() {
  const id = useRouteId()
  const evaluation = ref<Evaluation | null>(null)
  const results = ref<EvaluationResults | null>(null)
  const error = ref('')
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

  function take(found: Evaluation) {
    evaluation.value = found
    if (!rulesLoaded || !editable.value) {
      Object.assign(rules, found.rules)
      rulesLoaded = true
    }
  }

  async function refresh() {
    try {
      take(await getEvaluation(id.value))
      if (isClosed.value && !results.value) results.value = await getEvaluationResults(id.value)
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  function act(work: () => Promise<void>) {
    saved.value = false
    return write.run(work)
  }

  const saveRules = () =>
    act(async () => {
      take(await setEvaluationRules(id.value, { ...rules }))
      Object.assign(rules, evaluation.value?.rules)
      saved.value = true
    })
  const open = () =>
    act(async () => {
      take(await openEvaluation(id.value))
    })
  const close = () =>
    act(async () => {
      results.value = await closeEvaluation(id.value)
      take(await getEvaluation(id.value))
    })

  const closeYear = () =>
    act(async () => {
      take(await closeYearRequest(id.value))
    })

  usePolling(refresh)
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
    refresh,
  }
}
