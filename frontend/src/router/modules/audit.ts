import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [page('audit', 'audit', 'audit/log', 'menu.audit')] satisfies RouteRecordRaw[]
