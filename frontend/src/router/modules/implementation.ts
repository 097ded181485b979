import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page(
    'implementation',
    'implementation',
    () => import('@/views/implementation/board/index.vue'),
    'implementation.menu',
  ),
  page(
    'implementation/projects/:id(\\d+)',
    'implementation-project',
    () => import('@/views/implementation/project/index.vue'),
    'implementation.project.title',
  ),
  page(
    'implementation/projects/:id(\\d+)/report',
    'implementation-report',
    () => import('@/views/implementation/report/index.vue'),
    'implementation.report.title',
  ),
  page(
    'implementation/cycles/:id(\\d+)/midyear',
    'implementation-midyear',
    () => import('@/views/implementation/midyear/index.vue'),
    'midyear.title',
  ),
  page(
    'implementation/supervision-groups',
    'implementation-groups',
    () => import('@/views/implementation/groups/index.vue'),
    'supervisionGroups.title',
  ),
  page(
    'implementation/stages',
    'implementation-stages',
    () => import('@/views/implementation/stages/index.vue'),
    'stages.title',
  ),
  page('units', 'units', () => import('@/views/implementation/units/index.vue'), 'units.title'),
  page(
    'notifications',
    'notifications',
    () => import('@/views/notifications/index.vue'),
    'implementation.notifications.title',
  ),
] satisfies RouteRecordRaw[]
