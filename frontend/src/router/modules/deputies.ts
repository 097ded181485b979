import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('deputies', 'deputies', 'deputies/roster', 'menu.deputies'),
  page('deputies/terms', 'terms', 'deputies/terms', 'terms.title'),
] satisfies RouteRecordRaw[]
