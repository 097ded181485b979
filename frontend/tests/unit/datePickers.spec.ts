import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import { createActivity, listActivities } from '@/api/activities'
import { addEntry } from '@/api/duty'
import { applyLocale, i18n } from '@/plugins/i18n'
import ActivityConsole from '@/views/activities/console/index.vue'
import DutyPage from '@/views/duty/index.vue'

vi.mock('@/api/activities', async (original) => ({
  ...(await original<typeof import('@/api/activities')>()),
  listActivities: vi.fn(),
  createActivity: vi.fn(),
  inviteeCandidates: vi.fn().mockResolvedValue([]),
}))
vi.mock('@/api/duty', async (original) => ({
  ...(await original<typeof import('@/api/duty')>()),
  addEntry: vi.fn(),
  getRules: vi.fn().mockResolvedValue(null),
  listScores: vi.fn().mockResolvedValue([]),
  listPublications: vi.fn().mockResolvedValue([]),
  listObjections: vi.fn().mockResolvedValue([]),
}))

/** Types into the Element Plus picker named `label` and leaves it, as a keyboard user does. */
async function pick(label: string, text: string) {
  const input = document.body.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)
  expect(input, label).not.toBeNull()
  input!.value = text
  input!.dispatchEvent(new Event('input'))
  input!.dispatchEvent(new Event('change'))
  await flushPromises()
}

function buttonNamed(name: string): HTMLButtonElement {
  const found = [...document.body.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name)
  return found[found.length - 1] as HTMLButtonElement
}

describe('the date pickers send the shapes the API has always received', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    applyLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it("sends a duty entry's day as YYYY-MM-DD", async () => {
    vi.mocked(addEntry).mockResolvedValue(undefined as never)
    const wrapper = mount(DutyPage, {
      attachTo: document.body,
      global: { plugins: [i18n, ElementPlus] },
    })
    await flushPromises()
    await pick('日期', '2026-11-20')
    buttonNamed('登记履职').click()
    await flushPromises()

    expect(addEntry).toHaveBeenCalledWith(expect.objectContaining({ occurred_on: '2026-11-20' }))
    wrapper.unmount()
  })

  it("sends an activity's times as the instants the reader's own clock names", async () => {
    vi.mocked(listActivities).mockResolvedValue([])
    vi.mocked(createActivity).mockResolvedValue({ id: 9 } as never)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/activities', component: { template: '<div />' } },
        { path: '/activities/:id', name: 'activity-detail', component: { template: '<div />' } },
      ],
    })
    await router.push('/activities')
    const wrapper = mount(ActivityConsole, {
      attachTo: document.body,
      global: { plugins: [i18n, ElementPlus, router] },
    })
    await flushPromises()
    await wrapper.get('[data-testid=activity-new]').trigger('click')
    await flushPromises()
    await pick('开始时间', '2026-11-20 09:00')
    await pick('结束时间', '2026-11-20 11:30')
    buttonNamed('组织活动').click()
    await flushPromises()

    expect(createActivity).toHaveBeenCalledWith(
      expect.objectContaining({
        starts_at: new Date(2026, 10, 20, 9, 0).toISOString(),
        ends_at: new Date(2026, 10, 20, 11, 30).toISOString(),
      }),
    )
    wrapper.unmount()
  })
})
