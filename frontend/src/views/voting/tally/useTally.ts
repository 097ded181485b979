import { ElMessage } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

import { errorMessage } from '@/api/http'
import {
  enterTally,
  getCycle,
  listRounds,
  tallyState,
  type CandidateCount,
  type Cycle,
  type Round,
  type Tally,
} from '@/api/voting'

import { currentRound, cycleIdOf, usePolling } from '../voting'

/** The counts to send: every candidate of the round, blanks as 0. */
export function tallyCounts(
  round: Round,
  counts: Record<string, Partial<CandidateCount>>,
): Record<string, CandidateCount> {
  const out: Record<string, CandidateCount> = {}
  for (const candidate of round.candidates) {
    const row = counts[String(candidate.id)] ?? {}
    out[String(candidate.id)] = { yes: row.yes ?? 0, no: row.no ?? 0, abstain: row.abstain ?? 0 }
  }
  return out
}

/** A teller's count of the paper ballots of the open round. */
export function useTally() {
  const { t } = useI18n()
  const route = useRoute()
  const id = computed(() => cycleIdOf(route.params.id))
  const cycle = ref<Cycle | null>(null)
  const rounds = ref<Round[]>([])
  const state = ref<Tally | null>(null)
  const error = ref('')
  const submitError = ref('')
  const submitting = ref(false)
  const counts = reactive<Record<string, Partial<CandidateCount>>>({})
  const totals = reactive({ returned: 0, invalid: 0 })
  const round = computed(() => currentRound(rounds.value))
  const isOpen = computed(() => round.value?.state === 'open')

  async function refresh() {
    try {
      const [found, list] = await Promise.all([getCycle(id.value), listRounds(id.value)])
      cycle.value = found
      rounds.value = list
      const open = currentRound(list)
      for (const candidate of open?.candidates ?? []) {
        counts[String(candidate.id)] ??= { yes: 0, no: 0, abstain: 0 }
      }
      state.value = open && open.state === 'open' ? await tallyState(open.id) : null
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function submit() {
    const open = round.value
    if (!open || open.state !== 'open') return
    submitting.value = true
    submitError.value = ''
    try {
      state.value = await enterTally(open.id, {
        counts: tallyCounts(open, counts),
        returned: totals.returned,
        invalid: totals.invalid,
      })
      ElMessage.success(t('voting.tally.entered'))
    } catch (failure) {
      submitError.value = errorMessage(failure)
    } finally {
      submitting.value = false
    }
  }

  usePolling(refresh)
  return { cycle, round, isOpen, state, error, submitError, submitting, counts, totals, submit }
}
