import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('stations', 'stations', () => import('@/views/stations/list/index.vue'), 'stations.title'),
  page(
    'stations/checklist',
    'stations-checklist',
    () => import('@/views/stations/checklist/index.vue'),
    'stations.checklist.title',
  ),
  page('stations/:id(\\d+)', 'station-detail', () => import('@/views/stations/detail/index.vue'), 'stations.title'),
] satisfies RouteRecordRaw[]

/** The public page of a station, reached from its QR code: no login, phone first. */
export const standalone = [
  page(
    '/portal/station/:id(\\d+)',
    'portal-station',
    () => import('@/views/portal/station/index.vue'),
    'stations.public.title',
    { public: true },
  ),
] satisfies RouteRecordRaw[]
