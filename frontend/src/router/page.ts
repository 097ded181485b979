import type { RouteComponent, RouteMeta, RouteRecordRaw } from 'vue-router'

/** Every view's page, loaded when its route is first visited. */
const views = import.meta.glob<RouteComponent>('../views/**/index.vue', { import: 'default' })

/**
 * One page of the route table: its path, route name, view (the folder under src/views whose
 * index.vue it shows, loaded lazily) and title key; a view that is not there fails at start-up.
 */
export function page(path: string, name: string, view: string, titleKey: string, meta: RouteMeta = {}): RouteRecordRaw {
  const component = views[`../views/${view}/index.vue`]
  if (!component) throw new Error(`route ${name}: no view src/views/${view}/index.vue`)
  return { path, name, component, meta: { titleKey, ...meta } }
}

/** A deputy's own page: `me/<part>`, named `me-<part>`, showing src/views/me/<part>. */
export const myPage = (part: string, titleKey: string): RouteRecordRaw =>
  page(`me/${part}`, `me-${part}`, `me/${part}`, titleKey)
