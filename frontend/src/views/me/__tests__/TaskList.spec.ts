import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import TaskList from '@/views/me/tasks/TaskList.vue'

interface Task {
  id: number
  title: string
}

const mountList = (props: { items?: Task[]; empty?: string; rowTestid?: (item: Task) => string }) =>
  mount(TaskList<Task>, {
    props: { items: [], ...props },
    attrs: { 'data-testid': 'me-tasks-rsvp' },
    slots: { default: ({ item }: { item: Task }) => h('span', item.title) },
  })

describe('TaskList', () => {
  it('draws a row per task through its slot, each under its test id', () => {
    const wrapper = mountList({
      items: [
        { id: 1, title: '视察' },
        { id: 2, title: '接待' },
      ],
      empty: '暂无待办',
      rowTestid: (item) => `task-${item.id}`,
    })
    expect(wrapper.get('ul').attributes('data-testid')).toBe('me-tasks-rsvp')
    expect(wrapper.get('[data-testid=task-2]').text()).toBe('接待')
    expect(wrapper.text()).not.toContain('暂无待办')
  })

  it('says so when there is none, unless it has no text for that', () => {
    expect(mountList({ empty: '暂无待办' }).get('li.tasks__empty').text()).toBe('暂无待办')
    expect(mountList({}).findAll('li')).toHaveLength(0)
  })
})
