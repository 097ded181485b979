import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('', 'home', () => import('@/views/home/dashboard/index.vue'), 'menu.home'),
  page('setup', 'setup', () => import('@/views/setup/index.vue'), 'setup.title'),
] satisfies RouteRecordRaw[]
