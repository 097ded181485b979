import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

/** The public portal lives outside the staff layout and needs no login. */
export default [] satisfies RouteRecordRaw[]

export const standalone = [
  page('/portal/home', 'portal-home', () => import('@/views/portal/home/index.vue'), 'portal.home.title', {
    public: true,
  }),
  page('/portal', 'portal', () => import('@/views/portal/submit/index.vue'), 'portal.title', {
    public: true,
  }),
  page('/portal/track/:code?', 'portal-track', () => import('@/views/portal/track/index.vue'), 'portal.track.title', {
    public: true,
  }),
  page(
    '/portal/announcements/:year(\\d{4})',
    'portal-announcement',
    () => import('@/views/portal/announcement/index.vue'),
    'portal.announcement.title',
    { public: true },
  ),
  page(
    '/portal/benchmarks',
    'portal-benchmarks',
    () => import('@/views/portal/benchmarks/index.vue'),
    'portal.benchmarks.heading',
    { public: true },
  ),
  page(
    '/portal/account/:year(\\d{4})',
    'portal-account',
    () => import('@/views/portal/account/index.vue'),
    'evaluation.account',
    { public: true },
  ),
] satisfies RouteRecordRaw[]
