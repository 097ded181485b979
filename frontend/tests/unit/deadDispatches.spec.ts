import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { listDeadDispatches, retryDispatch } from '@/api/congresses'
import type { DeadDispatch } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import DeadDispatches from '@/views/congresses/list/DeadDispatches.vue'

vi.mock('@/api/congresses', () => ({
  listDeadDispatches: vi.fn(),
  retryDispatch: vi.fn(),
}))

const list = vi.mocked(listDeadDispatches)
const retry = vi.mocked(retryDispatch)

const GIVEN_UP: DeadDispatch = {
  id: 7,
  kind: 'stations.assignment',
  origin: '青石镇人大主席团',
  target: '东湖区人大常委会',
  origin_ref: '3',
  created_at: '2026-11-26T10:00:00Z',
  dead_at: '2026-11-26T18:00:00Z',
  attempts: 12,
  last_error: "ValueError('receiver failed')",
}

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
  list.mockReset()
  retry.mockReset()
})

describe('DeadDispatches', () => {
  it('lists the given-up dispatches and retries one, then reloads the list', async () => {
    list.mockResolvedValueOnce([GIVEN_UP]).mockResolvedValueOnce([])
    retry.mockResolvedValue({ ...GIVEN_UP, attempts: 0, dead_at: null } as never)
    const wrapper = mount(DeadDispatches, {
      global: { plugins: [ElementPlus, i18n], stubs: { transition: false } },
    })
    await flushPromises()

    expect(wrapper.text()).toContain('投递失败的跨级协同消息')
    expect(wrapper.text()).toContain('青石镇人大主席团')
    expect(wrapper.text()).toContain('receiver failed')

    await wrapper.get('button').trigger('click')
    await flushPromises()

    expect(retry).toHaveBeenCalledWith(7)
    expect(list).toHaveBeenCalledTimes(2)
    expect(wrapper.text()).toContain('已重新排队')
    expect(wrapper.text()).not.toContain('青石镇人大主席团')
  })

  it('shows the refusal when the retry is refused', async () => {
    list.mockResolvedValue([GIVEN_UP])
    retry.mockRejectedValue(new Error('该消息未处于投递失败状态。'))
    const wrapper = mount(DeadDispatches, {
      global: { plugins: [ElementPlus, i18n], stubs: { transition: false } },
    })
    await flushPromises()
    await wrapper.get('button').trigger('click')
    await flushPromises()

    expect(wrapper.find('[role=alert]').exists()).toBe(true)
    expect(list).toHaveBeenCalledTimes(1)
  })
})
