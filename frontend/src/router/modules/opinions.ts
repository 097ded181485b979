import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('opinions', 'opinions', 'opinions/console', 'opinions.menu'),
  page('opinions/:id(\\d+)', 'opinions-detail', 'opinions/detail', 'opinions.title'),
  page('me/opinions/new', 'me-opinion-new', 'me/opinion', 'opinions.collect.title'),
] satisfies RouteRecordRaw[]

/** The citizen's pages: the portal's shell, no login; `?station=<id>` is a station's QR code. */
export const standalone = [
  page('/portal/opinions/new', 'portal-opinion-new', 'portal/opinion/submit', 'opinions.portal.title', {
    public: true,
  }),
  page('/portal/opinions/track/:code?', 'portal-opinion-track', 'portal/opinion/track', 'opinions.portal.trackTitle', {
    public: true,
  }),
] satisfies RouteRecordRaw[]
