import { useResources, type ResourceOptions } from './useResource'
import { useRouteId } from './useRouteId'

/**
 * Several reads of the record the route names by its `:id`, loaded together as `useResources`
 * does: each fetch is given that id (so `{ cycle: getCycle }` reads the route's cycle). The id
 * itself comes back as `id`, following the route.
 */
export function useRouteResources<T extends object>(
  fetches: { [K in keyof T]: (id: number) => Promise<T[K]> },
  initial: T,
  options: ResourceOptions = {},
) {
  const id = useRouteId()
  const keys = Object.keys(fetches) as (keyof T)[]
  const bound = Object.fromEntries(keys.map((key) => [key, () => fetches[key](id.value)])) as {
    [K in keyof T]: () => Promise<T[K]>
  }
  return { id, ...useResources(bound, initial, options) }
}
