import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [page('accounts', 'accounts', 'accounts/members', 'accounts.menu')] satisfies RouteRecordRaw[]
