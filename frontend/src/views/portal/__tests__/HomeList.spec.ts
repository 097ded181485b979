import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import { uiPlugins } from '@/components/__tests__/mounting'
import HomeList from '@/views/portal/home/HomeList.vue'

const mountList = (items: string[], props: { ordered?: boolean; listClass?: string } = {}) =>
  mount(HomeList<string>, {
    props: { title: '候选项目', items, itemKey: (item) => item, ...props },
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

  it('is not drawn without an item', () => {
    expect(mountList([]).find('.el-card').exists()).toBe(false)
  })
})
