import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { titleKey: 'dashboard.title' },
  },
] satisfies RouteRecordRaw[]

/** The wall display (数据大屏) fills the meeting room's screen: no header, no menu. */
export const standalone = [
  {
    path: '/wall',
    name: 'wall',
    component: () => import('@/views/wall/index.vue'),
    meta: { titleKey: 'dashboard.wall.short' },
  },
] satisfies RouteRecordRaw[]
