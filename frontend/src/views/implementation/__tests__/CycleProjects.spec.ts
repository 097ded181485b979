import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import { stubRouter, uiPlugins } from '@/components/__tests__/mounting'
import type { ReportColumn } from '@/components/ReportTable.vue'

import CycleProjects from '../CycleProjects.vue'

interface Row {
  project_id: number
  project_name: string
  target: string
}

const columns: ReportColumn<Row>[] = [
  { key: 'name', label: 'implementation.name' },
  { key: 'target', label: 'stages.target' },
]

async function render(props: Partial<{ error: string; rows: Row[] }> = {}) {
  const router = stubRouter({ implementation: '/', 'implementation-project': '/implementation/projects/:id' })
  const wrapper = mount(CycleProjects<Row>, {
    props: {
      title: '分年度目标',
      intro: '每个项目每年的目标。',
      testid: 'stages',
      cycles: [{ id: 3, title: '2026年度' }],
      error: '',
      loading: false,
      rows: [{ project_id: 7, project_name: '老旧小区改造', target: '完成两个小区' }],
      columns,
      emptyText: '暂无',
      cycleId: undefined,
      ...props,
    },
    slots: { target: ({ row }: { row: Row }) => h('em', { 'data-testid': 'target' }, row.target) },
    global: { plugins: [...uiPlugins(), router] },
  })
  await router.push('/')
  await flushPromises()
  return wrapper
}

describe('CycleProjects', () => {
  it('titles the page, links each project and passes the other columns’ slots through', async () => {
    const wrapper = await render()
    expect(wrapper.get('[data-testid=stages-title]').text()).toBe('分年度目标')
    expect(wrapper.get('.intro').text()).toBe('每个项目每年的目标。')
    expect(wrapper.find('[data-testid=stages-cycle]').exists()).toBe(true)
    const table = wrapper.get('[data-testid=stages-table]')
    expect(table.get('a').attributes('href')).toBe('/implementation/projects/7')
    expect(table.get('a').text()).toBe('老旧小区改造')
    expect(table.get('[data-testid=target]').text()).toBe('完成两个小区')
  })

  it('shows the page’s error', async () => {
    const wrapper = await render({ error: '加载失败', rows: [] })
    expect(wrapper.get('[role=alert]').text()).toContain('加载失败')
  })
})
