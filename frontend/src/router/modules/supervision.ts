import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('guidance', 'guidance', () => import('@/views/guidance/index.vue'), 'supervision.guidance.title'),
  page('route', 'route', () => import('@/views/route/index.vue'), 'supervision.route.title'),
  page('benchmarks', 'benchmarks', () => import('@/views/benchmarks/index.vue'), 'supervision.benchmarks.title'),
  page(
    'benchmarks/:id(\\d+)',
    'benchmark-round',
    () => import('@/views/benchmarks/round/index.vue'),
    'supervision.benchmarks.round',
  ),
  page('station-stars', 'station-stars', () => import('@/views/stations/stars/index.vue'), 'supervision.stars.title'),
] satisfies RouteRecordRaw[]
