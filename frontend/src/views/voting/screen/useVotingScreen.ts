import { computed, ref } from 'vue'
import { useRoute } from 'vue-router'

import { errorMessage } from '@/api/http'
import { getCycle, listRounds, type Cycle, type Round } from '@/api/voting'

import { currentRound, cycleIdOf, resultRows, usePolling } from '../voting'

export function useVotingScreen() {
  const route = useRoute()
  const id = computed(() => cycleIdOf(route.params.id))
  const cycle = ref<Cycle | null>(null)
  const rounds = ref<Round[]>([])
  const error = ref('')

  const round = computed(() => currentRound(rounds.value))
  const adopted = computed(() => resultRows(round.value).filter((row) => row.adopted))
  /** 实到 as frozen when the round opened; before any round, the cycle's sign-ins. */
  const present = computed(() => round.value?.present_count ?? cycle.value?.present_count ?? 0)
  const cast = computed(() => round.value?.ballot_count ?? round.value?.ballots_cast ?? 0)

  async function refresh() {
    try {
      const [found, list] = await Promise.all([getCycle(id.value), listRounds(id.value)])
      cycle.value = found
      rounds.value = list
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  usePolling(refresh)
  return { cycle, round, adopted, present, cast, error }
}
