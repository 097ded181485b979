import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [page('dashboard', 'dashboard', 'dashboard', 'dashboard.title')] satisfies RouteRecordRaw[]

/** The wall display (数据大屏) fills the meeting room's screen: no header, no menu. */
export const standalone = [page('/wall', 'wall', 'wall', 'dashboard.wall.short')] satisfies RouteRecordRaw[]
