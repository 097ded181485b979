import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'

import PhoneCards from '@/components/PhoneCards.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

beforeEach(() => applyLocale('zh-CN'))

const cards = (items: { id: number; name: string; town: string }[], loading = false) =>
  mount(PhoneCards<{ id: number; name: string; town: string }>, {
    props: {
      items,
      loading,
      name: (item) => item.name,
      facts: (item) => [['乡镇', item.town]],
      cardClass: 'town-card',
    },
    attrs: { 'data-testid': 'cards' },
    slots: { tag: ({ item }: { item: { id: number } }) => h('em', `#${item.id}`) },
    global: { plugins: [ElementPlus, i18n] },
  })

describe('PhoneCards', () => {
  it('shows each record as a card: its name, the tag beside it, its facts as dt and dd', () => {
    const wrapper = cards([
      { id: 1, name: '王芳', town: '青石镇' },
      { id: 2, name: '李强', town: '东湖区' },
    ])
    const found = wrapper.findAll('[data-testid=cards] > li.town-card')
    expect(found).toHaveLength(2)
    expect(found[0]?.get('.phone-card__head').text()).toBe('王芳#1')
    expect(found[1]?.get('dt').text()).toBe('乡镇')
    expect(found[1]?.get('dd').text()).toBe('东湖区')
  })

  it('says there is no record only once loaded', () => {
    expect(cards([]).text()).toBe('暂无数据')
    expect(cards([], true).text()).not.toContain('暂无数据')
  })
})
