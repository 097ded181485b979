import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { listCongresses } from '@/api/congresses'
import { getSetupChecklist } from '@/api/setup'
import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useSessionStore } from '@/stores/session'
import HomeView from '@/views/home/dashboard/index.vue'

vi.mock('@/api/congresses', () => ({
  listCongresses: vi.fn(),
  provisionCongress: vi.fn(),
  getProvisioningJob: vi.fn(),
}))

vi.mock('@/api/setup', () => ({ getSetupChecklist: vi.fn() }))

const list = vi.mocked(listCongresses)
const checklist = vi.mocked(getSetupChecklist)
const KEYS = ['term', 'roster', 'accounts', 'units', 'stations', 'cycle'] as const

function items(done: number) {
  return KEYS.map((key, i) => ({ key, done: i < done, count: i < done ? 1 : 0, total: 0 }))
}

const USER: Session['user'] = {
  id: 1,
  username: 'donghu-sys',
  display_name: '东湖区系统管理员',
  is_platform_operator: false,
  must_change_password: false,
}

async function mountHome(session: Session) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().set(session)
  const wrapper = mount(HomeView, {
    global: { plugins: [pinia, i18n, ElementPlus], stubs: { RouterLink: true } },
  })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  applyLocale('zh-CN')
  list.mockReset()
  checklist.mockReset()
  checklist.mockResolvedValue({ items: items(6), done_count: 6, complete: true })
})

describe('home page', () => {
  it('shows this congress’s division code from the session without listing congresses', async () => {
    const wrapper = await mountHome({
      user: USER,
      congress: {
        id: 2,
        name: '东湖区人大常委会',
        slug: 'donghu',
        level: 'county',
        division_code: '369902',
      },
      roles: ['system_admin'],
      memberships: [],
      idle_timeout_seconds: 1800,
    })

    expect(wrapper.get('[data-testid=division-code]').text()).toBe('369902')
    expect(list).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('counts every congress on the operators’ console with a one-row page', async () => {
    list.mockResolvedValueOnce({ count: 9, results: [] })
    const wrapper = await mountHome({
      user: { ...USER, username: 'ops', is_platform_operator: true },
      congress: null,
      roles: [],
      memberships: [],
      idle_timeout_seconds: 1800,
    })

    expect(list).toHaveBeenCalledExactlyOnceWith({ page_size: 1 })
    expect(wrapper.text()).toContain('平台已开通 9 个人大。')
    expect(wrapper.find('[data-testid=division-code]').exists()).toBe(false)
    wrapper.unmount()
  })

  const TOWNSHIP: Session = {
    user: USER,
    congress: {
      id: 7,
      name: '前锋镇人大主席团',
      slug: 'qianfeng',
      level: 'township',
      division_code: '369902188',
    },
    roles: ['system_admin', 'staff'],
    memberships: [],
    idle_timeout_seconds: 1800,
  }

  it('shows the setup checklist with its progress while setup is not finished', async () => {
    checklist.mockResolvedValueOnce({ items: items(2), done_count: 2, complete: false })
    const wrapper = await mountHome(TOWNSHIP)

    expect(wrapper.get('[data-testid=setup-done-count]').text()).toBe('已完成 2 / 6 项')
    expect(wrapper.get('[data-testid=setup-item-roster]').attributes('data-done')).toBe('true')
    expect(wrapper.get('[data-testid=setup-item-accounts]').attributes('data-done')).toBe('false')
    wrapper.unmount()
  })

  it('hides the checklist once every item is done, and never asks for it for a deputy', async () => {
    const done = await mountHome(TOWNSHIP)
    expect(done.find('[data-testid=home-setup]').exists()).toBe(false)
    done.unmount()

    checklist.mockClear()
    const deputy = await mountHome({ ...TOWNSHIP, roles: ['deputy'] })
    expect(checklist).not.toHaveBeenCalled()
    expect(deputy.find('[data-testid=home-setup]').exists()).toBe(false)
    deputy.unmount()
  })
})
