import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { ElTableColumn } from 'element-plus'

import { uiPlugins } from '@/components/__tests__/mounting'
import { useAppStore } from '@/stores/app'

import ProjectRows from '../ProjectRows.vue'

const rows = [
  { id: 1, title: '开工' },
  { id: 2, title: '完工' },
]
type Row = (typeof rows)[number]

beforeEach(() => setActivePinia(createPinia()))

function render(items: Row[], phone: boolean) {
  useAppStore().isPhone = phone
  return mount(ProjectRows<Row>, {
    props: { rows: items, label: '节点', empty: '暂无', rowTestid: (row) => `milestone-${row.id}` },
    attrs: { 'data-testid': 'milestones' },
    slots: {
      phone: ({ row }: { row: Row }) => h('strong', row.title),
      default: () => h(ElTableColumn, { label: '名称', prop: 'title' }),
    },
    global: { plugins: uiPlugins() },
  })
}

describe('ProjectRows', () => {
  it('lists each row on a phone, named and with its test id', () => {
    const wrapper = render(rows, true)
    const list = wrapper.get('ul[data-testid=milestones]')
    expect(list.attributes('aria-label')).toBe('节点')
    expect(wrapper.get('[data-testid=milestone-2]').text()).toBe('完工')
    expect(wrapper.findAll('li.phone-item')).toHaveLength(2)
    expect(wrapper.find('li.hint').exists()).toBe(false)
    expect(wrapper.find('.el-table').exists()).toBe(false)
  })

  it('says so on a phone when there are no rows', () => {
    const wrapper = render([], true)
    expect(wrapper.get('li.hint').text()).toBe('暂无')
    expect(wrapper.findAll('li.phone-item')).toHaveLength(0)
  })

  it('draws a table of the given columns elsewhere', async () => {
    const wrapper = render(rows, false)
    await flushPromises()
    const table = wrapper.get('[data-testid=milestones]')
    expect(table.classes()).toContain('el-table')
    expect(table.text()).toContain('名称')
    expect(wrapper.find('ul').exists()).toBe(false)
  })
})
