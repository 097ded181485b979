import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import HandoffView from '@/views/login/handoff.vue'

const county: Session = {
  user: null,
  congress: {
    id: 2,
    name: '测试县人大常委会',
    slug: 'tcounty',
    level: 'county',
    division_code: '369801',
  },
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}
const loggedIn: Session = {
  ...county,
  user: {
    id: 7,
    username: 'deputy-both',
    display_name: '两级代表',
    is_platform_operator: false,
    must_change_password: false,
  },
  roles: ['deputy'],
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let handoffAnswer: () => Response
let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  document.cookie = 'csrftoken=tok; path=/'
  handoffAnswer = () => json(200, loggedIn)
  fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/v1/auth/session') return json(200, county)
    if (url === '/api/v1/auth/handoff') return handoffAnswer()
    return json(404, { code: 'not_found', detail: 'not found' })
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => vi.unstubAllGlobals())

async function arrive(hash: string) {
  window.history.replaceState(null, '', `/auth/handoff${hash}`)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/auth/handoff')
  const wrapper = mount(HandoffView, { global: { plugins: [pinia, router, i18n, ElementPlus] } })
  await flushPromises()
  return { wrapper, router }
}

describe('hand-off page', () => {
  it('posts the code from the fragment, drops it from the address and goes home', async () => {
    const { router } = await arrive('#code=one-time-code')

    const call = fetchMock.mock.calls.find(([url]) => url === '/api/v1/auth/handoff')
    expect(call).toBeTruthy()
    const init = call?.[1] as RequestInit
    expect(JSON.parse(String(init.body))).toEqual({ code: 'one-time-code' })
    expect((init.headers as Record<string, string>)['X-CSRFToken']).toBe('tok')
    expect(window.location.hash).toBe('')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'), { timeout: 10000 })
  })

  it('says so when another user is logged in here, and switches nobody', async () => {
    handoffAnswer = () =>
      json(409, {
        code: 'handoff_other_session',
        detail: '此处已有其他用户登录，请先退出再切换单位。',
      })

    const { wrapper, router } = await arrive('#code=someone-elses')

    expect(wrapper.get('[data-testid="handoff-error"]').text()).toContain('已有其他用户登录')
    expect(router.currentRoute.value.path).toBe('/auth/handoff')
  })

  it('sends a link without a code to the login page', async () => {
    const { router } = await arrive('')

    expect(fetchMock.mock.calls.some(([url]) => url === '/api/v1/auth/handoff')).toBe(false)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'), {
      timeout: 10000,
    })
    expect(router.currentRoute.value.query.handoff).toBe('invalid')
  })
})
