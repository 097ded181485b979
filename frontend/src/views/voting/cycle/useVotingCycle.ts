import { ElMessage } from 'element-plus'
import { computed, onMounted, reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  addCandidate,
  advanceCycle,
  getCycle,
  listCandidates,
  openVoting,
  setCycleRules,
  type Candidate,
  type Channel,
  type Cycle,
  type RuleSet,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useRouteResources } from '@/composables/useRouteResources'

import { DEFAULT_RULES, ruleSetCopy } from '../ruleForm'
/** Phases in which the rules and candidates may still change (tenants/voting/phases.py). */
const RULES_EDITABLE = new Set(['solicit', 'shortlist', 'deliberate'])
const CANDIDATES_EDITABLE = new Set(['shortlist'])
/** 征集 → 初定 → 审议 by 下一阶段; 审议 → 票决 by opening the vote. */
const ADVANCEABLE = new Set(['solicit', 'shortlist'])

/** The whole rule set (tenants/voting/rules.RuleSet) and the channel, as the form edits them. */
export interface RulesForm extends RuleSet {
  channel: Channel
}

export function rulesFormOf(cycle: Cycle): RulesForm {
  return { ...ruleSetCopy(cycle.rules ?? DEFAULT_RULES), channel: cycle.channel ?? 'electronic' }
}

/** The candidates needed before the vote may open: the seats (等额) or seats and surplus (差额). */
export function surplusNeeded(cycle: Cycle): number {
  const rules = cycle.rules ?? DEFAULT_RULES
  return rules.list_kind === 'equal' ? rules.seats : rules.seats + rules.min_surplus
}

export function useVotingCycle() {
  const { t } = useI18n()
  const {
    id,
    parts: { cycle, candidates },
    loading,
    error,
    load: read,
  } = useRouteResources(
    { cycle: getCycle, candidates: listCandidates },
    { cycle: null as Cycle | null, candidates: [] as Candidate[] },
    { immediate: false },
  )
  const rules = reactive<RulesForm>(rulesFormOf({} as Cycle))
  const rulesAction = useAction()
  const candidate = reactive({ name: '', category: '', estimated_cost: '', summary: '' })
  const candidateAction = useAction()
  const openAction = useAction()
  const advanceAction = useAction()

  const rulesEditable = computed(() => !!cycle.value && RULES_EDITABLE.has(cycle.value.phase ?? ''))
  const advanceable = computed(() => !!cycle.value && ADVANCEABLE.has(cycle.value.phase ?? ''))
  const candidatesEditable = computed(() => !!cycle.value && CANDIDATES_EDITABLE.has(cycle.value.phase ?? ''))

  /** The rules form starts from the cycle as last read or written. */
  watch(cycle, (next) => {
    if (next) Object.assign(rules, rulesFormOf(next))
  })

  async function load() {
    advanceAction.error.value = ''
    await read()
  }

  async function saveRules() {
    await rulesAction.run(async () => {
      cycle.value = await setCycleRules(id.value, { ...rules })
      ElMessage.success(t('voting.rules.saved'))
    })
  }

  function submitCandidate(): Promise<boolean> {
    return candidateAction.run(async () => {
      const cost = candidate.estimated_cost.trim()
      await addCandidate(id.value, {
        name: candidate.name.trim(),
        category: candidate.category.trim(),
        summary: candidate.summary.trim(),
        estimated_cost: cost === '' ? null : cost,
      })
      Object.assign(candidate, { name: '', category: '', estimated_cost: '', summary: '' })
      ElMessage.success(t('voting.candidates.added'))
      await load()
    })
  }

  async function startVoting() {
    await openAction.run(async () => {
      cycle.value = await openVoting(id.value)
      ElMessage.success(t('voting.votingOpened'))
    })
  }

  async function advance() {
    await advanceAction.run(async () => {
      cycle.value = await advanceCycle(id.value)
      ElMessage.success(t('voting.advanced'))
      await load()
    })
  }

  onMounted(load)
  return {
    id,
    cycle,
    candidates,
    loading,
    error,
    rules,
    rulesAction,
    rulesEditable,
    candidatesEditable,
    candidate,
    candidateAction,
    openAction,
    load,
    saveRules,
    submitCandidate,
    startVoting,
    advanceable,
    advanceAction,
    advance,
  }
}
