import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import PhoneList from '../PhoneList.vue'

const rows = [
  { id: 1, title: '开工' },
  { id: 2, title: '完工' },
]

describe('PhoneList', () => {
  it('lists each row in the slot, named and with its test id', () => {
    const wrapper = mount(PhoneList<{ id: number; title: string }>, {
      props: { rows, label: '节点', empty: '暂无', rowTestid: (row) => `milestone-${row.id}` },
      attrs: { 'data-testid': 'milestones' },
      slots: { default: ({ row }: { row: (typeof rows)[number] }) => h('strong', row.title) },
    })
    const list = wrapper.get('ul[data-testid=milestones]')
    expect(list.attributes('aria-label')).toBe('节点')
    expect(wrapper.get('[data-testid=milestone-2]').text()).toBe('完工')
    expect(wrapper.findAll('li.phone-item')).toHaveLength(2)
    expect(wrapper.find('li.hint').exists()).toBe(false)
  })

  it('says so when there are no rows', () => {
    const wrapper = mount(PhoneList<{ id: number }>, {
      props: { rows: [], label: '节点', empty: '暂无', rowTestid: (row) => `milestone-${row.id}` },
    })
    expect(wrapper.get('li.hint').text()).toBe('暂无')
    expect(wrapper.findAll('li.phone-item')).toHaveLength(0)
  })
})
