import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'stations',
    name: 'stations',
    component: () => import('@/views/stations/list/index.vue'),
    meta: { titleKey: 'stations.title' },
  },
  {
    path: 'stations/checklist',
    name: 'stations-checklist',
    component: () => import('@/views/stations/checklist/index.vue'),
    meta: { titleKey: 'stations.checklist.title' },
  },
  {
    path: 'stations/:id(\\d+)',
    name: 'station-detail',
    component: () => import('@/views/stations/detail/index.vue'),
    meta: { titleKey: 'stations.title' },
  },
] satisfies RouteRecordRaw[]

/** The public page of a station, reached from its QR code: no login, phone first. */
export const standalone = [
  {
    path: '/portal/station/:id(\\d+)',
    name: 'portal-station',
    component: () => import('@/views/portal/station/index.vue'),
    meta: { titleKey: 'stations.public.title', public: true },
  },
] satisfies RouteRecordRaw[]
