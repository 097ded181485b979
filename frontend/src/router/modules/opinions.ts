import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'opinions',
    name: 'opinions',
    component: () => import('@/views/opinions/console/index.vue'),
    meta: { titleKey: 'opinions.menu' },
  },
  {
    path: 'opinions/:id(\\d+)',
    name: 'opinions-detail',
    component: () => import('@/views/opinions/detail/index.vue'),
    meta: { titleKey: 'opinions.title' },
  },
] satisfies RouteRecordRaw[]

/** The citizen's pages: the portal's shell, no login; `?station=<id>` is a station's QR code. */
export const standalone = [
  {
    path: '/portal/opinions/new',
    name: 'portal-opinion-new',
    component: () => import('@/views/portal/opinion/submit/index.vue'),
    meta: { titleKey: 'opinions.portal.title', public: true },
  },
  {
    path: '/portal/opinions/track/:code?',
    name: 'portal-opinion-track',
    component: () => import('@/views/portal/opinion/track/index.vue'),
    meta: { titleKey: 'opinions.portal.trackTitle', public: true },
  },
] satisfies RouteRecordRaw[]
