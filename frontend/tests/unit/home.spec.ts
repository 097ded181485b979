import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { listCongresses } from '@/api/congresses'
import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useSessionStore } from '@/stores/session'
import HomeView from '@/views/home/dashboard/index.vue'

vi.mock('@/api/congresses', () => ({
  listCongresses: vi.fn(),
  provisionCongress: vi.fn(),
  getProvisioningJob: vi.fn(),
}))

const list = vi.mocked(listCongresses)

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
})
