import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [page('congresses', 'congresses', 'congresses/list', 'menu.congresses')] satisfies RouteRecordRaw[]
