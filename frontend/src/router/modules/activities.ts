import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('activities', 'activities', 'activities/console', 'activities.menu.console'),
  page('activities/:id(\\d+)', 'activity-detail', 'activities/detail', 'activities.console.title'),
  page('duty', 'duty', 'duty', 'activities.menu.duty'),
  page('me/activities', 'me-activities', 'me/activities', 'activities.menu.myActivities'),
  page('me/record', 'me-record', 'me/record', 'activities.menu.myRecord'),
  page('me/tasks', 'me-tasks', 'me/tasks', 'activities.menu.myTasks'),
  page('me/check-in', 'me-check-in', 'me/check-in', 'activities.me.checkInTitle'),
] satisfies RouteRecordRaw[]

/** The QR screen fills the display at the venue: no header, no menu. */
export const standalone = [
  page('/activities/:id(\\d+)/screen', 'activity-screen', 'activities/screen', 'activities.screen.title'),
] satisfies RouteRecordRaw[]
