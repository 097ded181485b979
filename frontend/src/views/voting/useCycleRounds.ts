import { computed } from 'vue'

import { getCycle, listRounds, type Cycle, type Round } from '@/api/voting'
import { useRouteResources } from '@/composables/useRouteResources'

import { currentRound } from './voting'

/**
 * The cycle the route names, its rounds and the one to show (the open one, else the latest), as
 * the ballot, the chair and the hall screen read them; `refresh` reads both again (the pages
 * poll it) and keeps the last good answer when a read fails.
 */
export function useCycleRounds() {
  const {
    id,
    parts: { cycle, rounds },
    error,
    load: refresh,
  } = useRouteResources(
    { cycle: getCycle, rounds: listRounds },
    { cycle: null as Cycle | null, rounds: [] as Round[] },
    { immediate: false, keepError: true },
  )
  const round = computed(() => currentRound(rounds.value))

  return { id, cycle, rounds, round, error, refresh }
}
