import { ElMessage } from 'element-plus'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

import { closeRound, openRound, type Round, type RoundOpenIn } from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { usePolling } from '@/composables/usePolling'

import { currentRound, hallFigures, resultRows, roundResult } from '../voting'
import { useCycleRounds } from '../useCycleRounds'

/** The round the chair may open next (rules.next_round_plan): the first, a void round again, or
 * the tie/shortfall round a result asks for. */
export function nextRoundRequest(rounds: readonly Round[]): RoundOpenIn | null {
  const latest = currentRound(rounds)
  if (!latest) return { kind: 'main' }
  // A void round (more returned than issued) is voted again as it was.
  if (latest.state === 'void')
    return {
      kind: latest.kind === 'evaluation' ? 'main' : latest.kind,
      candidate_ids: latest.candidates.map((c) => c.id),
      seats: latest.seats,
    }
  const result = roundResult(latest)
  if (!result || result.next_round.length === 0 || result.reason === '') return null
  return {
    kind: result.reason === 'tie' ? 'tie' : 'shortfall',
    candidate_ids: result.next_round.map(Number),
    seats: result.next_round_seats,
  }
}

export function useVotingChair() {
  const { t } = useI18n()
  const { id, cycle, rounds, round, error, refresh } = useCycleRounds()
  const write = useAction()
  const { error: actionError, busy } = write

  const isOpen = computed(() => round.value?.state === 'open')
  const rows = computed(() => resultRows(round.value))
  const result = computed(() => roundResult(round.value))
  // A round's own 应到, 实到 and quorum, frozen when it opened; the cycle's before any round.
  const hall = computed(() => hallFigures(cycle.value, round.value))
  const quorum = computed(() => hall.value.met)
  const needed = computed(() => hall.value.quorum)
  const next = computed(() => (cycle.value?.phase === 'vote' && !isOpen.value ? nextRoundRequest(rounds.value) : null))

  const act = (work: () => Promise<unknown>, done: string) =>
    write.run(async () => {
      await work()
      ElMessage.success(done)
      await refresh()
    })

  /** A change made in a part of the console (the roll call, a paper ballot issued): the state an
   * earlier refusal spoke of has moved on, so its message goes, and the figures are read again. */
  function changed() {
    actionError.value = ''
    return refresh()
  }

  const start = () => {
    const request = next.value
    if (request) return act(() => openRound(id.value, request), t('voting.roundOpened'))
  }
  const close = () => {
    const open = round.value
    if (open && open.state === 'open') return act(() => closeRound(open.id), t('voting.roundClosed'))
  }

  usePolling(refresh)
  return {
    id,
    cycle,
    rounds,
    round,
    isOpen,
    rows,
    result,
    hall,
    quorum,
    needed,
    next,
    error,
    actionError,
    busy,
    start,
    close,
    refresh,
    changed,
  }
}
