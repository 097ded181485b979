import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('accounts', 'accounts', () => import('@/views/accounts/members/index.vue'), 'accounts.menu'),
] satisfies RouteRecordRaw[]
