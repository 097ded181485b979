import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

/** The public portal lives outside the staff layout and needs no login. */
export default [] satisfies RouteRecordRaw[]

export const standalone = [
  page('/portal/home', 'portal-home', 'portal/home', 'portal.home.title', {
    public: true,
  }),
  page('/portal', 'portal', 'portal/submit', 'portal.title', {
    public: true,
  }),
  page('/portal/track/:code?', 'portal-track', 'portal/track', 'portal.track.title', {
    public: true,
  }),
  page(
    '/portal/announcements/:year(\\d{4})',
    'portal-announcement',
    'portal/announcement',
    'portal.announcement.title',
    { public: true },
  ),
  page('/portal/benchmarks', 'portal-benchmarks', 'portal/benchmarks', 'portal.benchmarks.heading', { public: true }),
  page('/portal/account/:year(\\d{4})', 'portal-account', 'portal/account', 'evaluation.account', { public: true }),
] satisfies RouteRecordRaw[]
