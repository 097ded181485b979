import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'voting',
    name: 'voting',
    component: () => import('@/views/voting/console/index.vue'),
    meta: { titleKey: 'menu.voting' },
  },
  {
    path: 'voting/party-review',
    name: 'party-review',
    component: () => import('@/views/voting/party-review/index.vue'),
    meta: { titleKey: 'partyReview.menu' },
  },
  {
    path: 'voting/cycles/:id(\\d+)',
    name: 'voting-cycle',
    component: () => import('@/views/voting/cycle/index.vue'),
    meta: { titleKey: 'voting.title' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/chair',
    name: 'voting-chair',
    component: () => import('@/views/voting/chair/index.vue'),
    meta: { titleKey: 'voting.chair' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/deliberation',
    name: 'voting-deliberation',
    component: () => import('@/views/voting/deliberation/index.vue'),
    meta: { titleKey: 'voting.deliberation.title' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/tally',
    name: 'voting-tally',
    component: () => import('@/views/voting/tally/index.vue'),
    meta: { titleKey: 'voting.tally.title' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/ballot',
    name: 'voting-ballot',
    component: () => import('@/views/voting/ballot/index.vue'),
    meta: { titleKey: 'voting.ballotTitle' },
  },
  {
    path: 'voting/rule-templates',
    name: 'voting-rule-templates',
    component: () => import('@/views/voting/templates/index.vue'),
    meta: { titleKey: 'ruleTemplates.menu' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/rounds/:round(\\d+)/devices',
    name: 'voting-devices',
    component: () => import('@/views/voting/devices/index.vue'),
    meta: { titleKey: 'votingFiles.deviceTitle' },
  },
  {
    path: 'me/proposals',
    name: 'me-proposals',
    component: () => import('@/views/me/proposals/index.vue'),
    meta: { titleKey: 'myProposals.title' },
  },
  {
    path: 'voting/reserve',
    name: 'voting-reserve',
    component: () => import('@/views/voting/reserve/index.vue'),
    meta: { titleKey: 'reserve.title' },
  },
  {
    path: 'voting/evaluation',
    name: 'voting-evaluations',
    component: () => import('@/views/voting/evaluations/index.vue'),
    meta: { titleKey: 'evaluation.menu' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/evaluation',
    name: 'voting-evaluation',
    component: () => import('@/views/voting/evaluation/index.vue'),
    meta: { titleKey: 'evaluation.title' },
  },
  {
    path: 'voting/cycles/:id(\\d+)/rate',
    name: 'voting-rate',
    component: () => import('@/views/voting/rate/index.vue'),
    meta: { titleKey: 'evaluation.ballotTitle' },
  },
] satisfies RouteRecordRaw[]

/** The hall screen fills the display: no header, no menu. */
export const standalone = [
  {
    path: '/voting/cycles/:id(\\d+)/screen',
    name: 'voting-screen',
    component: () => import('@/views/voting/screen/index.vue'),
    meta: { titleKey: 'voting.screen' },
  },
] satisfies RouteRecordRaw[]
