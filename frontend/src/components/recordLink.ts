import type { RouteLocationRaw } from 'vue-router'

/**
 * A report column's link from a row to the record's own page: the route named `route` with the
 * row's id, under the test id `<testid>-<id>` (`link: recordLink('station-detail', 'station-link')`).
 */
export function recordLink(route: string, testid: string) {
  return (row: { id: number }): { to: RouteLocationRaw; testid: string } => ({
    to: { name: route, params: { id: row.id } },
    testid: `${testid}-${row.id}`,
  })
}
