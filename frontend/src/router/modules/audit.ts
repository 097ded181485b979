import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/audit/log/index.vue'),
    meta: { titleKey: 'menu.audit' },
  },
] satisfies RouteRecordRaw[]
