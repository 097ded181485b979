import type { RouteRecordRaw } from 'vue-router'

/** The public portal lives outside the staff layout and needs no login. */
export default [] satisfies RouteRecordRaw[]

export const standalone = [
  {
    path: '/portal',
    name: 'portal',
    component: () => import('@/views/portal/submit/index.vue'),
    meta: { titleKey: 'portal.title', public: true },
  },
  {
    path: '/portal/track/:code?',
    name: 'portal-track',
    component: () => import('@/views/portal/track/index.vue'),
    meta: { titleKey: 'portal.track.title', public: true },
  },
  {
    path: '/portal/announcements/:year(\\d{4})',
    name: 'portal-announcement',
    component: () => import('@/views/portal/announcement/index.vue'),
    meta: { titleKey: 'portal.announcement.title', public: true },
  },
  {
    path: '/portal/account/:year(\\d{4})',
    name: 'portal-account',
    component: () => import('@/views/portal/account/index.vue'),
    meta: { titleKey: 'evaluation.account', public: true },
  },
] satisfies RouteRecordRaw[]
