import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('congresses', 'congresses', () => import('@/views/congresses/list/index.vue'), 'menu.congresses'),
] satisfies RouteRecordRaw[]
