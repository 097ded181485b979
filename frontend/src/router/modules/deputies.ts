import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('deputies', 'deputies', () => import('@/views/deputies/roster/index.vue'), 'menu.deputies'),
  page('deputies/terms', 'terms', () => import('@/views/deputies/terms/index.vue'), 'terms.title'),
] satisfies RouteRecordRaw[]
