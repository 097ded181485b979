import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import type { Session } from '@/api/types'
import { ApiError } from '@/api/http'
import { getMidyear, submitMidyear, type Midyear } from '@/api/implementation'
import { getCycle, type Cycle } from '@/api/voting'
import { uiPlugins } from '@/components/__tests__/mounting'
import { useSessionStore } from '@/stores/session'

import MidyearPage from '../index.vue'

vi.mock('@/api/implementation', async (original) => ({
  ...(await original<typeof import('@/api/implementation')>()),
  getMidyear: vi.fn(),
  submitMidyear: vi.fn(),
}))
vi.mock('@/api/voting', async (original) => ({
  ...(await original<typeof import('@/api/voting')>()),
  getCycle: vi.fn(),
}))

const HEARD = { title: '年中报告', body: '进展', heard_on: '2027-07-01' } as unknown as Midyear

beforeEach(() => setActivePinia(createPinia()))

async function render(roles: string[], report: Midyear | null) {
  useSessionStore().set({ user: null, congress: null, roles, memberships: [] } as unknown as Session)
  vi.mocked(getCycle).mockResolvedValue({ id: 5, title: '2027年度' } as unknown as Cycle)
  vi.mocked(getMidyear).mockImplementation(async () => {
    if (report) return report
    throw new ApiError(404, 'not_found', 'none')
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cycles/:id/midyear', component: MidyearPage },
      { path: '/implementation', name: 'implementation', component: { render: () => null } },
    ],
  })
  await router.push('/cycles/5/midyear')
  const wrapper = mount(MidyearPage, { global: { plugins: [...uiPlugins(), router] } })
  await flushPromises()
  return wrapper
}

describe('the mid-year report page', () => {
  it('offers staff the report to record until it is heard, with its fields and their messages', async () => {
    const wrapper = await render(['staff'], null)
    const form = wrapper.get('[data-testid=midyear-form]')
    expect(form.find('input[data-testid=midyear-title]').exists()).toBe(true)
    expect(form.find('textarea[data-testid=midyear-body]').exists()).toBe(true)
    // The day heard: a date picker, named by its label.
    expect(form.findAll('.el-date-editor')).toHaveLength(1)
    expect(wrapper.find('[data-testid=midyear-opinions-form]').exists()).toBe(false)
    vi.mocked(submitMidyear).mockRejectedValue(new ApiError(400, 'invalid', '有误', { title: ['标题必填'] }))
    await wrapper.get('[data-testid=midyear-form]').trigger('submit')
    await flushPromises()
    expect(submitMidyear).toHaveBeenCalledWith(5, expect.objectContaining({ title: '', body: '' }))
    // Element Plus shows a form item's message 100 ms after its state turns to error.
    await vi.waitFor(() => expect(form.findAll('.el-form-item__error').map((e) => e.text())).toEqual(['标题必填']))
  })

  it('offers the answer once reviewed, to a unit as to staff, and no step the reader may not take', async () => {
    const reviewed = { ...HEARD, opinions: '加快', opinions_on: '2027-07-10' } as unknown as Midyear
    const wrapper = await render(['unit'], reviewed)
    expect(wrapper.find('[data-testid=midyear-form]').exists()).toBe(false)
    const form = wrapper.get('[data-testid=midyear-answer-form]')
    expect(form.find('textarea[data-testid=midyear-answer-text]').exists()).toBe(true)
    expect(form.findAll('.el-date-editor')).toHaveLength(1)
    expect(wrapper.find('[data-testid=midyear-answer-submit]').exists()).toBe(true)
    const heard = await render(['unit'], HEARD)
    expect(heard.find('[data-testid=midyear-opinions-form]').exists()).toBe(false)
  })
})
