import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import { uiPlugins } from '@/components/__tests__/mounting'
import HomeList from '@/views/portal/home/HomeList.vue'

const mountList = (items: string[], props: { ordered?: boolean; listClass?: string } = {}) =>
  mount(HomeList<string>, {
    props: { title: '候选项目', items, ...props },
    attrs: { 'data-testid': 'portal-home-candidates' },
    slots: { default: ({ item }: { item: string }) => h('b', item) },
    global: { plugins: uiPlugins() },
  })

describe('HomeList', () => {
  it('titles a card and lists each item through its slot, numbered where asked', () => {
    const wrapper = mountList(['修路', '路灯'], { ordered: true, listClass: 'home-below' })
    expect(wrapper.attributes('data-testid')).toBe('portal-home-candidates')
    expect(wrapper.get('h2').text()).toBe('候选项目')
    const list = wrapper.get('ol')
    expect(list.classes()).toEqual(['home-list', 'home-below'])
    expect(list.findAll('li b').map((item) => item.text())).toEqual(['修路', '路灯'])
    expect(mountList(['修路']).find('ul.home-list').exists()).toBe(true)
  })

  it('tells its items apart by a key field or a function', () => {
    const rounds = [
      { id: 3, title: '第一轮' },
      { id: 5, title: '第二轮' },
    ]
    for (const itemKey of ['id', (round: { id: number }) => round.id] as const) {
      const wrapper = mount(HomeList<{ id: number; title: string }>, {
        props: { title: '测评', items: rounds, itemKey },
        slots: { default: ({ item }: { item: { title: string } }) => h('b', item.title) },
        global: { plugins: uiPlugins() },
      })
      expect(wrapper.findAll('li b').map((item) => item.text())).toEqual(['第一轮', '第二轮'])
    }
  })

  it('is not drawn without an item', () => {
    expect(mountList([]).find('.el-card').exists()).toBe(false)
  })
})
