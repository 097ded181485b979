import type { RouteRecordRaw } from 'vue-router'

import { myPage, page } from '../page'

export default [
  page('activities', 'activities', 'activities/console', 'activities.menu.console'),
  page('activities/:id(\\d+)', 'activity-detail', 'activities/detail', 'activities.console.title'),
  page('duty', 'duty', 'duty', 'activities.menu.duty'),
  myPage('activities', 'activities.menu.myActivities'),
  myPage('record', 'activities.menu.myRecord'),
  myPage('tasks', 'activities.menu.myTasks'),
  myPage('check-in', 'activities.me.checkInTitle'),
] satisfies RouteRecordRaw[]

/** The QR screen fills the display at the venue: no header, no menu. */
export const standalone = [
  page('/activities/:id(\\d+)/screen', 'activity-screen', 'activities/screen', 'activities.screen.title'),
] satisfies RouteRecordRaw[]
