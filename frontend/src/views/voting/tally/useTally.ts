import { ElMessage } from 'element-plus'
import { computed, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  enterTally,
  getCycle,
  getEvaluation,
  listRounds,
  tallyState,
  type Cycle,
  type Evaluation,
  type Round,
  type Tally,
  type TallyRow,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { usePolling } from '@/composables/usePolling'
import { partsOf, useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

import { currentRound } from '../voting'

/** The marks a teller counts per item (tenants/voting/paper.py round_marks): 未填 (blank) is a
 * valid ballot leaving the item unmarked, so each row adds up to the valid ballots. */
export function tallyMarks(round: Round | null): readonly string[] {
  if (!round) return []
  if (round.kind === 'evaluation') return ['satisfied', 'basic', 'unsatisfied', 'abstain', 'blank']
  if (round.ballot_form === 'choose_n') return ['yes']
  return ['yes', 'no', 'abstain', 'blank']
}

/** The counts to send: every candidate of the round, every mark, empty fields as 0. */
export function tallyCounts(round: Round, counts: Record<string, Partial<TallyRow>>): Record<string, TallyRow> {
  const out: Record<string, TallyRow> = {}
  for (const candidate of round.candidates) {
    const row = counts[String(candidate.id)] ?? {}
    out[String(candidate.id)] = Object.fromEntries(tallyMarks(round).map((m) => [m, row[m] ?? 0]))
  }
  return out
}

/** The year-end evaluation's open round as the tally reads a round: its items are the year's
 * projects (the cycle's list of rounds holds the vote's rounds only). */
export function evaluationRound(evaluation: Evaluation): Round | null {
  const open = evaluation.round
  if (!open || open.state !== 'open') return null
  const round = { ...open, kind: 'evaluation', number: 1, candidates: evaluation.projects }
  return round as unknown as Round
}

/** A teller's count of the paper ballots of the open round (a vote's, or the evaluation's). */
export function useTally() {
  const { t } = useI18n()
  const id = useRouteId()
  const { data, error, load } = useResource(
    async () => {
      const [cycle, list] = await Promise.all([getCycle(id.value), listRounds(id.value)])
      const evaluation = cycle.phase === 'evaluate' ? evaluationRound(await getEvaluation(id.value)) : null
      const rounds = evaluation ? [...list, evaluation] : list
      const open = currentRound(rounds)
      const state = open && open.state === 'open' ? await tallyState(open.id) : null
      return { cycle, rounds, state }
    },
    { cycle: null as Cycle | null, rounds: [] as Round[], state: null as Tally | null },
    { immediate: false, keepError: true },
  )
  const { cycle, rounds, state } = partsOf(data)
  const write = useAction()
  const counts = reactive<Record<string, Partial<TallyRow>>>({})
  const totals = reactive({ returned: 0, invalid: 0 })
  const reason = ref('')
  const round = computed(() => currentRound(rounds.value))
  const isOpen = computed(() => round.value?.state === 'open')

  /** Every item of the round has a row of counts, zero until the teller types. */
  watch(round, (open) => {
    for (const candidate of open?.candidates ?? []) {
      counts[String(candidate.id)] ??= Object.fromEntries(tallyMarks(open).map((m) => [m, 0]))
    }
  })

  async function submit() {
    const open = round.value
    if (!open || open.state !== 'open') return
    await write.run(async () => {
      const correcting = state.value?.entered ?? false
      state.value = await enterTally(open.id, {
        counts: tallyCounts(open, counts),
        returned: totals.returned,
        invalid: totals.invalid,
        ...(correcting ? { reason: reason.value } : {}),
      })
      reason.value = ''
      ElMessage.success(t(correcting ? 'voting.tally.corrected' : 'voting.tally.entered'))
    })
  }

  usePolling(load)
  const marks = computed(() => tallyMarks(round.value))
  return {
    cycle,
    round,
    isOpen,
    state,
    error,
    submitError: write.error,
    submitting: write.busy,
    counts,
    totals,
    reason,
    marks,
    submit,
  }
}
