import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'deputies',
    name: 'deputies',
    component: () => import('@/views/deputies/roster/index.vue'),
    meta: { titleKey: 'menu.deputies' },
  },
] satisfies RouteRecordRaw[]
