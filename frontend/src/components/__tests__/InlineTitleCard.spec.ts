import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import InlineTitleCard from '@/components/InlineTitleCard.vue'

describe('InlineTitleCard', () => {
  it('opens its body with the h2 title, then the content, on a flat card with the test id', () => {
    const wrapper = mount(InlineTitleCard, {
      props: { title: '答复' },
      attrs: { 'data-testid': 'opinion-answer' },
      slots: { default: () => h('p', { class: 'answer' }, '已修好') },
      global: { plugins: [ElementPlus] },
    })
    const card = wrapper.get('[data-testid=opinion-answer]')
    expect(card.classes()).toEqual(expect.arrayContaining(['el-card', 'is-never-shadow']))
    expect(card.find('.el-card__header').exists()).toBe(false)
    const body = card.get('.el-card__body')
    const heading = body.element.firstElementChild as HTMLElement
    expect(heading.tagName).toBe('H2')
    expect(heading.textContent).toBe('答复')
    expect(heading.id).toBe('')
    expect(body.get('h2 + p.answer').text()).toBe('已修好')
  })

  it('names the heading and gives it a test id when asked', () => {
    const wrapper = mount(InlineTitleCard, {
      props: { title: '评价', titleId: 'rate-title', titleTestid: 'account-title' },
      global: { plugins: [ElementPlus] },
    })
    const heading = wrapper.get('h2#rate-title')
    expect(heading.text()).toBe('评价')
    expect(heading.attributes('data-testid')).toBe('account-title')
  })
})
