import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('security', 'security', () => import('@/views/security/index.vue'), 'security.menu'),
] satisfies RouteRecordRaw[]
