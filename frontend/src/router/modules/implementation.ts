import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'implementation',
    name: 'implementation',
    component: () => import('@/views/implementation/board/index.vue'),
    meta: { titleKey: 'implementation.menu' },
  },
  {
    path: 'implementation/projects/:id(\\d+)',
    name: 'implementation-project',
    component: () => import('@/views/implementation/project/index.vue'),
    meta: { titleKey: 'implementation.project.title' },
  },
  {
    path: 'implementation/projects/:id(\\d+)/report',
    name: 'implementation-report',
    component: () => import('@/views/implementation/report/index.vue'),
    meta: { titleKey: 'implementation.report.title' },
  },
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('@/views/notifications/index.vue'),
    meta: { titleKey: 'implementation.notifications.title' },
  },
] satisfies RouteRecordRaw[]
