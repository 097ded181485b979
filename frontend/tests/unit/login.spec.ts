import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import LoginView from '@/views/login/index.vue'

const anonymous: Session = {
  user: null,
  congress: {
    id: 4,
    name: '青石镇人大主席团',
    slug: 'qingshi',
    level: 'township',
    division_code: '369902101',
  },
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/auth/session') return json(200, anonymous)
    if (url === '/api/v1/auth/login') {
      const body = JSON.parse(String(init?.body)) as { password: string }
      if (body.password === 'right') {
        return json(200, {
          ...anonymous,
          user: {
            id: 9,
            username: 'qingshi-staff',
            display_name: '青石镇工作人员',
            is_platform_operator: false,
            must_change_password: false,
          },
          roles: ['staff'],
        })
      }
      return json(400, { code: 'invalid_credentials', detail: '用户名或密码错误。' })
    }
    return json(404, { code: 'not_found', detail: 'not found' })
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => vi.unstubAllGlobals())

async function mountLogin() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/login?redirect=/deputies')
  const wrapper = mount(LoginView, {
    global: { plugins: [pinia, router, i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router }
}

describe('login page', () => {
  it('names this host’s congress and the product', async () => {
    const { wrapper } = await mountLogin()
    expect(wrapper.get('h1').text()).toBe('青石镇人大主席团')
    expect(wrapper.text()).toContain('人大代表履职平台')
    expect(wrapper.find('label[for]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('shows the API’s own message when the login is refused', async () => {
    const { wrapper, router } = await mountLogin()
    await wrapper.get('[data-testid=login-username]').setValue('qingshi-staff')
    await wrapper.get('[data-testid=login-password]').setValue('wrong')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid=login-error]').text()).toContain('用户名或密码错误。'))
    expect(router.currentRoute.value.name).toBe('login')
    wrapper.unmount()
  })

  it('goes where the user was heading after a successful login', async () => {
    const { wrapper, router } = await mountLogin()
    await wrapper.get('[data-testid=login-username]').setValue('qingshi-staff')
    await wrapper.get('[data-testid=login-password]').setValue('right')
    await wrapper.get('form').trigger('submit')
    // The page is loaded lazily: on a busy machine that takes longer than waitFor's default second.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('deputies'), { timeout: 10_000 })
    const loginCall = fetchMock.mock.calls.find((c) => c[0] === '/api/v1/auth/login')
    expect(JSON.parse(String((loginCall?.[1] as RequestInit).body))).toEqual({
      username: 'qingshi-staff',
      password: 'right',
    })
    wrapper.unmount()
  })
})
