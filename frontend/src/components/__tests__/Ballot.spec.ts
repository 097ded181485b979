import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'

import BallotReceipt from '@/components/BallotReceipt.vue'
import BallotSheet from '@/components/BallotSheet.vue'
import { applyLocale } from '@/plugins/i18n'

import { uiPlugins } from './mounting'

const ITEMS = [{ id: 7 }, { id: 9 }]
const NAMES: Record<number, string> = { 7: '甲', 9: '乙' }
const CHOICES = ['yes', 'no'] as const

function sheet(props: Record<string, unknown> = {}, slots = {}) {
  return mount(BallotSheet, {
    props: {
      items: ITEMS,
      choices: CHOICES,
      marks: { '7': 'yes', '9': '' },
      choiceLabel: (c: string) => (c === 'yes' ? '赞成' : '反对'),
      groupLabel: (item: { id: number }) => `对“${NAMES[item.id]}”的表决`,
      itemTestid: (_: unknown, i: number) => `vote-item-${i + 1}`,
      testid: 'vote',
      state: { unanswered: 1, ready: false, submitting: false },
      texts: { submit: '投票', unanswered: (count: number) => `还有 ${count} 项未选` },
      ...props,
    },
    slots: { item: ({ item }: { item: { id: number } }) => h('h3', NAMES[item.id]), ...slots },
    global: { plugins: uiPlugins() },
  })
}

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

describe('BallotSheet', () => {
  it('gives each item a named radio group of the choices, the hint, and the submit button', async () => {
    const wrapper = sheet()
    const groups = wrapper.findAll('[role=radiogroup]')
    expect(groups.map((g) => g.attributes('aria-label'))).toEqual(['对“甲”的表决', '对“乙”的表决'])
    expect(wrapper.get('[data-testid=vote-item-2] h3').text()).toBe('乙')
    expect(groups[0]!.findAll('label').map((l) => l.text())).toEqual(['赞成', '反对'])
    expect(wrapper.get('[data-testid=vote-unanswered]').text()).toBe('还有 1 项未选')
    expect(wrapper.get('[data-testid=vote-submit]').classes()).toContain('is-disabled')

    await groups[1]!.findAll('input')[1]!.setValue(true)
    expect(wrapper.emitted('mark')).toEqual([[9, 'no']])
    await wrapper.get('form[data-testid=vote-form]').trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)
  })

  it('lets a body slot stand in place of the list, and hides the hint once all are marked', () => {
    const wrapper = sheet(
      { state: { unanswered: 0, ready: true, submitting: false } },
      { body: () => h('p', '另一种选票') },
    )
    expect(wrapper.find('[role=radiogroup]').exists()).toBe(false)
    expect(wrapper.text()).toContain('另一种选票')
    expect(wrapper.find('[data-testid=vote-unanswered]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=vote-submit]').classes()).not.toContain('is-disabled')
  })
})

describe('BallotReceipt', () => {
  const texts = { title: '已投出', label: '回执码', note: '请记下', votedText: '您已投票' }
  const receipt = (props: { code?: string; voted: boolean }) =>
    mount(BallotReceipt, {
      props: { ...texts, ...props, testid: 'vote-receipt', votedTestid: 'vote-voted' },
      global: { plugins: uiPlugins() },
    })

  it('shows the code once, in a status card, between its label and note', () => {
    const wrapper = receipt({ code: 'AB12', voted: true })
    const card = wrapper.get('[data-testid=vote-receipt-card]')
    expect(card.attributes('role')).toBe('status')
    expect(card.get('h2').text()).toBe('已投出')
    expect(wrapper.get('[data-testid=vote-receipt]').text()).toBe('AB12')
    expect(card.text()).toContain('回执码')
    expect(card.text()).toContain('请记下')
    expect(wrapper.find('[data-testid=vote-voted]').exists()).toBe(false)
  })

  it('says only that the caller has voted once the code is gone, and nothing before', async () => {
    const wrapper = receipt({ voted: true })
    expect(wrapper.find('[data-testid=vote-receipt-card]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=vote-voted]').text()).toBe('您已投票')
    await wrapper.setProps({ voted: false })
    expect(wrapper.text()).toBe('')
  })
})
