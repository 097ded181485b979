import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import type { Cycle } from '@/api/voting'
import { applyLocale, i18n } from '@/plugins/i18n'

import CycleList from '../CycleList.vue'
import { cycleLink } from '../cycleLink'

const cycle = { id: 7, year: 2026, title: '2026 年度民生实事项目', phase: 'vote' } as Cycle
const router = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/voting/cycles/:id', name: 'voting-cycle', component: { render: () => null } }],
  })

describe('cycleLink', () => {
  it("leads to the route for the cycle, its test id ending in the cycle's year", () => {
    expect(cycleLink(cycle, 'voting-manage', 'voting-cycle', '管理', { primary: true, show: false })).toEqual({
      key: 'voting-manage',
      label: '管理',
      to: { name: 'voting-cycle', params: { id: 7 } },
      testid: 'voting-manage-2026',
      primary: true,
      show: false,
    })
  })
})

describe('CycleList', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it("draws a card a cycle: its title, its phase, the slot's figures and its links, named by year", async () => {
    const wrapper = mount(CycleList, {
      props: {
        cycles: [cycle],
        loading: false,
        links: (c: Cycle) => [cycleLink(c, 'voting-manage', 'voting-cycle', '管理')],
        empty: '暂无',
        testid: 'voting-cycles',
        itemTestid: 'voting-cycle',
        phaseTestid: 'voting-cycle-phase',
      },
      slots: { default: ({ cycle: c }: { cycle: Cycle }) => h('dl', { 'data-testid': 'facts' }, String(c.year)) },
      global: { plugins: [ElementPlus, i18n, router()] },
    })
    const card = wrapper.get('[data-testid=voting-cycles] [data-testid=voting-cycle-2026]')
    expect(card.get('h2').text()).toBe('2026 年度民生实事项目')
    expect(card.get('[data-testid=voting-cycle-phase-2026]').text()).toBe(i18n.global.t('votingEnums.phase.vote'))
    expect(card.get('[data-testid=facts]').text()).toBe('2026')
    expect(card.get('[data-testid=voting-manage-2026]').text()).toBe('管理')
    expect(wrapper.text()).not.toContain('暂无')
  })

  it('says so once loaded with no cycle, and not while loading', async () => {
    const props = {
      cycles: [],
      links: () => [],
      empty: '暂无年度',
      testid: 'evaluation-years',
      itemTestid: 'evaluation-year',
      phaseTestid: 'evaluation-phase',
    }
    const global = { plugins: [ElementPlus, i18n, router()] }
    expect(mount(CycleList, { props: { ...props, loading: false }, global }).text()).toContain('暂无年度')
    expect(mount(CycleList, { props: { ...props, loading: true }, global }).text()).not.toContain('暂无年度')
  })
})
