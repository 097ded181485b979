import { computed } from 'vue'

import { usePolling } from '@/composables/usePolling'

import { useCycleRounds } from '../useCycleRounds'
import { resultRows } from '../voting'

export function useVotingScreen() {
  const { cycle, round, error, refresh } = useCycleRounds()
  const adopted = computed(() => resultRows(round.value).filter((row) => row.adopted))
  /** 实到 as frozen when the round opened; before any round, the cycle's sign-ins. */
  const present = computed(() => round.value?.present_count ?? cycle.value?.present_count ?? 0)
  const cast = computed(() => round.value?.ballot_count ?? round.value?.ballots_cast ?? 0)

  usePolling(refresh)
  return { cycle, round, adopted, present, cast, error }
}
