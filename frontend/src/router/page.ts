import type { RouteMeta, RouteRecordRaw, RouteRecordSingleView } from 'vue-router'

/** One page of the route table: its path, route name, lazily loaded view and title key. */
export function page(
  path: string,
  name: string,
  view: RouteRecordSingleView['component'],
  titleKey: string,
  meta: RouteMeta = {},
): RouteRecordRaw {
  return { path, name, component: view, meta: { titleKey, ...meta } }
}
