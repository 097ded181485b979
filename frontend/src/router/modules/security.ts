import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [page('security', 'security', 'security', 'security.menu')] satisfies RouteRecordRaw[]
