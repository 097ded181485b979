import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'congresses',
    name: 'congresses',
    component: () => import('@/views/congresses/list/index.vue'),
    meta: { titleKey: 'menu.congresses' },
  },
] satisfies RouteRecordRaw[]
