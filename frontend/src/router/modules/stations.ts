import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('stations', 'stations', 'stations/list', 'stations.title'),
  page('stations/checklist', 'stations-checklist', 'stations/checklist', 'stations.checklist.title'),
  page('stations/:id(\\d+)', 'station-detail', 'stations/detail', 'stations.title'),
] satisfies RouteRecordRaw[]

/** The public page of a station, reached from its QR code: no login, phone first. */
export const standalone = [
  page('/portal/station/:id(\\d+)', 'portal-station', 'portal/station', 'stations.public.title', { public: true }),
] satisfies RouteRecordRaw[]
