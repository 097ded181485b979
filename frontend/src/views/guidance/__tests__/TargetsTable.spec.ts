import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'

import { applyLocale, i18n } from '@/plugins/i18n'

import TargetsTable from '../TargetsTable.vue'

interface Row {
  congress_id: number
  congress_name: string
  parent_name: string
  read: boolean
}

const rows: Row[] = [
  { congress_id: 4, congress_name: '青石镇人大', parent_name: '江城区人大', read: true },
  { congress_id: 9, congress_name: '江城区人大', parent_name: '', read: false },
]

describe('TargetsTable', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('opens each row with the congress and the one above it, then the declared columns', async () => {
    const wrapper = mount(TargetsTable<Row>, {
      props: { data: rows, columns: [{ key: 'read', label: 'supervision.guidance.firstReadAt' }] },
      attrs: { 'data-testid': 'targets' },
      slots: { read: ({ row }: { row: Row }) => h('em', row.read ? '已读' : '未读') },
      global: { plugins: [ElementPlus, i18n] },
    })
    await flushPromises()
    const table = wrapper.get('[data-testid=targets]')
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['接收单位', '首次阅读时间'])
    const cells = table.findAll('tbody td').map((td) => td.text())
    expect(cells).toEqual(['青石镇人大 （江城区人大）', '已读', '江城区人大', '未读'])
    expect(table.findAll('tbody .meta')).toHaveLength(1)
  })
})
