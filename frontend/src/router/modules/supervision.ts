import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('guidance', 'guidance', 'guidance', 'supervision.guidance.title'),
  page('route', 'route', 'route', 'supervision.route.title'),
  page('benchmarks', 'benchmarks', 'benchmarks', 'supervision.benchmarks.title'),
  page('benchmarks/:id(\\d+)', 'benchmark-round', 'benchmarks/round', 'supervision.benchmarks.round'),
  page('station-stars', 'station-stars', 'stations/stars', 'supervision.stars.title'),
] satisfies RouteRecordRaw[]
