import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'activities',
    name: 'activities',
    component: () => import('@/views/activities/console/index.vue'),
    meta: { titleKey: 'activities.menu.console' },
  },
  {
    path: 'activities/:id(\\d+)',
    name: 'activity-detail',
    component: () => import('@/views/activities/detail/index.vue'),
    meta: { titleKey: 'activities.console.title' },
  },
  {
    path: 'duty',
    name: 'duty',
    component: () => import('@/views/duty/index.vue'),
    meta: { titleKey: 'activities.menu.duty' },
  },
  {
    path: 'me/activities',
    name: 'me-activities',
    component: () => import('@/views/me/activities/index.vue'),
    meta: { titleKey: 'activities.menu.myActivities' },
  },
  {
    path: 'me/record',
    name: 'me-record',
    component: () => import('@/views/me/record/index.vue'),
    meta: { titleKey: 'activities.menu.myRecord' },
  },
  {
    path: 'me/tasks',
    name: 'me-tasks',
    component: () => import('@/views/me/tasks/index.vue'),
    meta: { titleKey: 'activities.menu.myTasks' },
  },
  {
    path: 'me/check-in',
    name: 'me-check-in',
    component: () => import('@/views/me/check-in/index.vue'),
    meta: { titleKey: 'activities.me.checkInTitle' },
  },
] satisfies RouteRecordRaw[]

/** The QR screen fills the display at the venue: no header, no menu. */
export const standalone = [
  {
    path: '/activities/:id(\\d+)/screen',
    name: 'activity-screen',
    component: () => import('@/views/activities/screen/index.vue'),
    meta: { titleKey: 'activities.screen.title' },
  },
] satisfies RouteRecordRaw[]
