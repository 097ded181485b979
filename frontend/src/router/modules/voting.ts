import type { RouteRecordRaw } from 'vue-router'

import { page } from '../page'

export default [
  page('voting', 'voting', 'voting/console', 'menu.voting'),
  page('voting/party-review', 'party-review', 'voting/party-review', 'partyReview.menu'),
  page('voting/cycles/:id(\\d+)', 'voting-cycle', 'voting/cycle', 'voting.title'),
  page('voting/cycles/:id(\\d+)/chair', 'voting-chair', 'voting/chair', 'voting.chair'),
  page(
    'voting/cycles/:id(\\d+)/deliberation',
    'voting-deliberation',
    'voting/deliberation',
    'voting.deliberation.title',
  ),
  page('voting/cycles/:id(\\d+)/tally', 'voting-tally', 'voting/tally', 'voting.tally.title'),
  page('voting/cycles/:id(\\d+)/ballot', 'voting-ballot', 'voting/ballot', 'voting.ballotTitle'),
  page('voting/rule-templates', 'voting-rule-templates', 'voting/templates', 'ruleTemplates.menu'),
  page(
    'voting/cycles/:id(\\d+)/rounds/:round(\\d+)/devices',
    'voting-devices',
    'voting/devices',
    'votingFiles.deviceTitle',
  ),
  page('me/proposals', 'me-proposals', 'me/proposals', 'myProposals.title'),
  page('voting/reserve', 'voting-reserve', 'voting/reserve', 'reserve.title'),
  page('voting/evaluation', 'voting-evaluations', 'voting/evaluations', 'evaluation.menu'),
  page('voting/cycles/:id(\\d+)/evaluation', 'voting-evaluation', 'voting/evaluation', 'evaluation.title'),
  page('voting/cycles/:id(\\d+)/rate', 'voting-rate', 'voting/rate', 'evaluation.ballotTitle'),
] satisfies RouteRecordRaw[]

/** The hall screen fills the display: no header, no menu. */
export const standalone = [
  page('/voting/cycles/:id(\\d+)/screen', 'voting-screen', 'voting/screen', 'voting.screen'),
] satisfies RouteRecordRaw[]
