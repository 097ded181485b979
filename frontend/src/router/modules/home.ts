import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('', 'home', 'home/dashboard', 'menu.home'),
  page('setup', 'setup', 'setup', 'setup.title'),
] satisfies RouteRecordRaw[]
