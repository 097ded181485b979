import type { RouteRecordRaw } from 'vue-router'

import { myPage, page } from '../page'

/** A page of one voting cycle: `voting/cycles/<id>/<part>`, named `voting-<part>`, showing views/voting/<part>. */
const cyclePage = (part: string, titleKey: string) =>
  page(`voting/cycles/:id(\\d+)/${part}`, `voting-${part}`, `voting/${part}`, titleKey)

export default [
  page('voting', 'voting', 'voting/console', 'menu.voting'),
  page('voting/party-review', 'party-review', 'voting/party-review', 'partyReview.menu'),
  page('voting/cycles/:id(\\d+)', 'voting-cycle', 'voting/cycle', 'voting.title'),
  cyclePage('chair', 'voting.chair'),
  cyclePage('deliberation', 'voting.deliberation.title'),
  cyclePage('tally', 'voting.tally.title'),
  cyclePage('ballot', 'voting.ballotTitle'),
  page('voting/rule-templates', 'voting-rule-templates', 'voting/templates', 'ruleTemplates.menu'),
  page(
    'voting/cycles/:id(\\d+)/rounds/:round(\\d+)/devices',
    'voting-devices',
    'voting/devices',
    'votingFiles.deviceTitle',
  ),
  myPage('proposals', 'myProposals.title'),
  page('voting/reserve', 'voting-reserve', 'voting/reserve', 'reserve.title'),
  page('voting/evaluation', 'voting-evaluations', 'voting/evaluations', 'evaluation.menu'),
  cyclePage('evaluation', 'evaluation.title'),
  cyclePage('rate', 'evaluation.ballotTitle'),
] satisfies RouteRecordRaw[]

/** The hall screen fills the display: no header, no menu. */
export const standalone = [
  page('/voting/cycles/:id(\\d+)/screen', 'voting-screen', 'voting/screen', 'voting.screen'),
] satisfies RouteRecordRaw[]
