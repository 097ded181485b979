import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/home/dashboard/index.vue'),
    meta: { titleKey: 'menu.home' },
  },
] satisfies RouteRecordRaw[]
