import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('activities', 'activities', () => import('@/views/activities/console/index.vue'), 'activities.menu.console'),
  page(
    'activities/:id(\\d+)',
    'activity-detail',
    () => import('@/views/activities/detail/index.vue'),
    'activities.console.title',
  ),
  page('duty', 'duty', () => import('@/views/duty/index.vue'), 'activities.menu.duty'),
  page(
    'me/activities',
    'me-activities',
    () => import('@/views/me/activities/index.vue'),
    'activities.menu.myActivities',
  ),
  page('me/record', 'me-record', () => import('@/views/me/record/index.vue'), 'activities.menu.myRecord'),
  page('me/tasks', 'me-tasks', () => import('@/views/me/tasks/index.vue'), 'activities.menu.myTasks'),
  page('me/check-in', 'me-check-in', () => import('@/views/me/check-in/index.vue'), 'activities.me.checkInTitle'),
] satisfies RouteRecordRaw[]

/** The QR screen fills the display at the venue: no header, no menu. */
export const standalone = [
  page(
    '/activities/:id(\\d+)/screen',
    'activity-screen',
    () => import('@/views/activities/screen/index.vue'),
    'activities.screen.title',
  ),
] satisfies RouteRecordRaw[]
