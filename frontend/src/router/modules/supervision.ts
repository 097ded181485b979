import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'guidance',
    name: 'guidance',
    component: () => import('@/views/guidance/index.vue'),
    meta: { titleKey: 'supervision.guidance.title' },
  },
  {
    path: 'benchmarks',
    name: 'benchmarks',
    component: () => import('@/views/benchmarks/index.vue'),
    meta: { titleKey: 'supervision.benchmarks.title' },
  },
  {
    path: 'benchmarks/:id(\\d+)',
    name: 'benchmark-round',
    component: () => import('@/views/benchmarks/round/index.vue'),
    meta: { titleKey: 'supervision.benchmarks.round' },
  },
] satisfies RouteRecordRaw[]
