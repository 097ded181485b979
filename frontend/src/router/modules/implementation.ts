import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('implementation', 'implementation', 'implementation/board', 'implementation.menu'),
  page(
    'implementation/projects/:id(\\d+)',
    'implementation-project',
    'implementation/project',
    'implementation.project.title',
  ),
  page(
    'implementation/projects/:id(\\d+)/report',
    'implementation-report',
    'implementation/report',
    'implementation.report.title',
  ),
  page('implementation/cycles/:id(\\d+)/midyear', 'implementation-midyear', 'implementation/midyear', 'midyear.title'),
  page(
    'implementation/supervision-groups',
    'implementation-groups',
    'implementation/groups',
    'supervisionGroups.title',
  ),
  page('implementation/stages', 'implementation-stages', 'implementation/stages', 'stages.title'),
  page('units', 'units', 'implementation/units', 'units.title'),
  page('notifications', 'notifications', 'notifications', 'implementation.notifications.title'),
] satisfies RouteRecordRaw[]
