import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('audit', 'audit', () => import('@/views/audit/log/index.vue'), 'menu.audit'),
] satisfies RouteRecordRaw[]
