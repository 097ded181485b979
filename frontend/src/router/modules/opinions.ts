import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('opinions', 'opinions', () => import('@/views/opinions/console/index.vue'), 'opinions.menu'),
  page('opinions/:id(\\d+)', 'opinions-detail', () => import('@/views/opinions/detail/index.vue'), 'opinions.title'),
  page('me/opinions/new', 'me-opinion-new', () => import('@/views/me/opinion/index.vue'), 'opinions.collect.title'),
] satisfies RouteRecordRaw[]

/** The citizen's pages: the portal's shell, no login; `?station=<id>` is a station's QR code. */
export const standalone = [
  page(
    '/portal/opinions/new',
    'portal-opinion-new',
    () => import('@/views/portal/opinion/submit/index.vue'),
    'opinions.portal.title',
    { public: true },
  ),
  page(
    '/portal/opinions/track/:code?',
    'portal-opinion-track',
    () => import('@/views/portal/opinion/track/index.vue'),
    'opinions.portal.trackTitle',
    { public: true },
  ),
] satisfies RouteRecordRaw[]
