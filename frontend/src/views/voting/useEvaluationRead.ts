import { getEvaluation, getEvaluationResults, type Evaluation, type EvaluationResults } from '@/api/voting'
import { partsOf, useResource } from '@/composables/useResource'
import { useRouteId } from '@/composables/useRouteId'

interface EvaluationRead {
  evaluation: Evaluation | null
  results: EvaluationResults | null
}

/**
 * The year-end evaluation the route names and, once its round has closed, its results (read once:
 * they no longer change), as the deputy's ballot and the staff's console read them; `load` reads
 * again (the pages poll it) and keeps the last good answer when a read fails.
 */
export function useEvaluationRead() {
  const id = useRouteId()
  const { data, error, load } = useResource<EvaluationRead>(
    async (): Promise<EvaluationRead> => {
      const found = await getEvaluation(id.value)
      const known = results.value
      const wanted = found.round?.state === 'closed' && !known
      return { evaluation: found, results: wanted ? await getEvaluationResults(id.value) : known }
    },
    { evaluation: null, results: null },
    { immediate: false, keepError: true },
  )
  const { evaluation, results } = partsOf(data)
  return { id, evaluation, results, error, load }
}
