import { computed, type ComputedRef } from 'vue'
import { useRoute } from 'vue-router'

/** The number a route parameter holds (its first value if repeated), or 0 when it holds none. */
export function routeNumber(param: unknown): number {
  const value = Number(Array.isArray(param) ? param[0] : param)
  return Number.isFinite(value) ? value : 0
}

/** The record the page's route names by its `:id` (or another parameter), following the route. */
export function useRouteId(param = 'id'): ComputedRef<number> {
  const route = useRoute()
  return computed(() => routeNumber(route.params[param]))
}
