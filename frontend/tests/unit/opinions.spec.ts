import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { accessRuleFor, canAccess } from '@/config/menu'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import { clockTagType } from '@/views/opinions/useOpinionLabels'
import SubmitView from '@/views/portal/opinion/submit/index.vue'
import TrackView from '@/views/portal/opinion/track/index.vue'

const anonymous: Session = {
  user: null,
  congress: {
    id: 5,
    name: '柳塘镇人大主席团',
    slug: 'liutang',
    level: 'township',
    division_code: '369902102',
  },
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}

const ANSWERED = {
  tracking_code: 'AB12CD34',
  content: '东桥护栏缺失。',
  category: 'transport',
  channel: 'qr_code',
  station: '柳塘镇人大代表之家',
  status: 'replied',
  status_label: '已答复',
  received_on: '2026-11-20',
  handled_by: '柳塘镇村建办',
  escalated_to: '东湖区人大常委会',
  upstream_status: 'replied',
  where: '',
  due_on: '2027-02-20',
  answer: '15日前完成安装。',
  answered_by: '东湖区人大常委会 东湖区交通运输局',
  answered_on: '2026-11-25',
  rating: '',
  can_rate: true,
  decline_reason: '',
  timeline: [
    { at: '2026-11-20T02:00:00Z', status: 'received', status_label: '已登记', note: '' },
    {
      at: '2026-11-21T02:00:00Z',
      status: 'escalated',
      status_label: '已上报上级',
      note: '已上报东湖区人大常委会办理',
    },
  ],
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>
let sent: Record<string, unknown> | null
let refuse = false

beforeEach(() => {
  applyLocale('zh-CN')
  sent = null
  refuse = false
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/auth/session') return json(200, anonymous)
    if (url === '/api/v1/public/opinions/stations/7') {
      return json(200, { id: 7, name: '柳塘镇人大代表之家', address: '柳塘村' })
    }
    if (url === '/api/v1/public/opinions' && refuse) {
      return json(400, {
        code: 'station_unknown',
        detail: '联络站不存在。',
        fields: { station: ['联络站不存在。'] },
      })
    }
    if (url === '/api/v1/public/opinions') {
      sent = JSON.parse(String(init?.body)) as Record<string, unknown>
      return json(201, { tracking_code: 'AB12CD34' })
    }
    if (url === '/api/v1/public/opinions/AB12CD34') return json(200, ANSWERED)
    if (url === '/api/v1/public/opinions/AB12CD34/rating') {
      return json(200, {
        ...ANSWERED,
        status: 'closed',
        status_label: '已办结',
        can_rate: false,
        rating: 'satisfied',
      })
    }
    return json(404, { code: 'tracking_unknown', detail: '查询码不存在。' })
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => vi.unstubAllGlobals())

async function mountAt(path: string, view: object) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(view, {
    global: { plugins: [pinia, router, i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router }
}

describe('the opinion portal', () => {
  it('opened from a station QR code names the station and sends it along', async () => {
    const { wrapper, router } = await mountAt('/portal/opinions/new?station=7', SubmitView)
    expect(router.currentRoute.value.name).toBe('portal-opinion-new')
    expect(wrapper.get('[data-testid=portal-opinion-station]').text()).toContain('柳塘镇人大代表之家')
    await wrapper.get('[data-testid=portal-opinion-content]').setValue('东桥护栏缺失。')
    await wrapper.get('[data-testid=portal-opinion-name]').setValue('刘桂兰')
    await wrapper.get('[data-testid=portal-opinion-form]').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid=portal-opinion-code]').text()).toBe('AB12CD34'))
    expect(sent).toMatchObject({ station: 7, content: '东桥护栏缺失。', citizen_name: '刘桂兰' })
    wrapper.unmount()
  })

  it('shows the reasons of a refusal by field', async () => {
    const { wrapper } = await mountAt('/portal/opinions/new', SubmitView)
    await wrapper.get('[data-testid=portal-opinion-content]').setValue('东桥护栏缺失。')
    await wrapper.get('[data-testid=portal-opinion-name]').setValue('刘桂兰')
    await wrapper.get('[data-testid=portal-opinion-phone]').setValue('13912345678')
    refuse = true
    await wrapper.get('[data-testid=portal-opinion-form]').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid=portal-opinion-error]').text()).toContain('联络站不存在'))
    expect(wrapper.find('[data-testid=portal-opinion-code]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=portal-opinion-station]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the answer from above and takes the rating', async () => {
    const { wrapper } = await mountAt('/portal/opinions/track/AB12CD34', TrackView)
    expect(wrapper.get('[data-testid=portal-opinion-status]').text()).toBe('已答复')
    expect(wrapper.get('[data-testid=portal-opinion-answered-by]').text()).toContain('东湖区人大常委会')
    expect(wrapper.get('[data-testid=portal-opinion-timeline]').text()).toContain('已上报东湖区人大常委会办理')
    await wrapper.get('[data-testid=portal-opinion-rate-satisfied] input').setValue(true)
    await wrapper.get('[data-testid=portal-opinion-rate-submit]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid=portal-opinion-status]').text()).toBe('已办结'))
    expect(wrapper.find('[data-testid=portal-opinion-rate]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says an unknown code is unknown', async () => {
    const { wrapper } = await mountAt('/portal/opinions/track/ZZZZ9999', TrackView)
    expect(wrapper.get('[data-testid=portal-opinion-track-error]').text()).toBe('查询码不存在。')
    wrapper.unmount()
  })
})

describe('the opinion console', () => {
  it('is for staff and units, not deputies', () => {
    const context = (roles: string[]) => ({
      roles,
      level: 'township' as const,
      platformOperator: false,
    })
    for (const route of ['opinions', 'opinions-detail']) {
      const rule = accessRuleFor(route)!
      expect(canAccess(rule, context(['staff']))).toBe(true)
      expect(canAccess(rule, context(['unit']))).toBe(true)
      expect(canAccess(rule, context(['deputy']))).toBe(false)
    }
  })

  it('colours the clock by how late it is', () => {
    expect(clockTagType('overdue')).toBe('danger')
    expect(clockTagType('due_soon')).toBe('warning')
    expect(clockTagType('running')).toBe('success')
    expect(clockTagType('stopped')).toBe('info')
  })
})
