import { computed, ref } from 'vue'

import { errorMessage } from '@/api/http'
import { getCycle, listRounds, type Cycle, type Round } from '@/api/voting'
import { useRouteId } from '@/composables/useRouteId'

import { currentRound } from './voting'

/**
 * The cycle the route names, its rounds and the one to show (the open one, else the latest), as
 * the ballot, the chair and the hall screen read them; `refresh` reads both again (the pages
 * poll it) and keeps the last good answer when a read fails.
 */
export function useCycleRounds() {
  const id = useRouteId()
  const cycle = ref<Cycle | null>(null)
  const rounds = ref<Round[]>([])
  const round = computed(() => currentRound(rounds.value))
  const error = ref('')

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

  return { id, cycle, rounds, round, error, refresh }
}
