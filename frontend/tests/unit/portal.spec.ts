import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import AnnouncementView from '@/views/portal/announcement/index.vue'
import SubmitView from '@/views/portal/submit/index.vue'
import TrackView from '@/views/portal/track/index.vue'

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
const CALL = {
  id: 1,
  year: 2027,
  title: '柳塘镇关于征集2027年民生实事项目建议的公告',
  body: '欢迎全镇群众提出建议。',
  opens_on: '2026-11-17',
  closes_on: '2027-01-26',
  published_at: '2026-11-17T00:00:00Z',
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let submitStatus = 201
let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  submitStatus = 201
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/v1/auth/session') return json(200, anonymous)
    if (url === '/api/v1/public/voting/call') return json(200, CALL)
    if (url === '/api/v1/public/voting/proposals') {
      return submitStatus === 201
        ? json(201, { tracking_code: 'AB12CD34' })
        : json(429, { code: 'throttled', detail: '请求已被限流。 预计 3000 秒后可用。' })
    }
    if (url === '/api/v1/public/voting/proposals/AB12CD34') {
      return json(200, {
        tracking_code: 'AB12CD34',
        title: '路灯安装',
        status: 'rejected',
        status_label: '未列入',
        detail: '属于经营性项目。',
        year: 2027,
      })
    }
    if (url === '/api/v1/public/voting/announcements/2027') {
      return json(200, {
        congress: '柳塘镇人大主席团',
        cycle_title: '柳塘镇2027年民生实事项目人大代表票决',
        date: '2027-01-30',
        ballot_form: 'per_candidate',
        adopted: [
          { rank: 2, name: '步道建设', yes: 8, no: 0, abstain: 3, round_number: 1 },
          { rank: 1, name: '路灯安装', yes: 11, no: 0, abstain: 0, round_number: 1 },
        ],
        rounds: [{ number: 1, kind: 'main', entitled: 12, present: 11, ballots: 11 }],
      })
    }
    return json(404, { code: 'not_found', detail: '查询码不存在。' })
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

async function fillAndSend(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) {
  await wrapper.get('[data-testid=portal-title]').setValue('路灯安装')
  await wrapper.get('[data-testid=portal-category]').setValue('公共设施')
  await wrapper.get('[data-testid=portal-description]').setValue('安装路灯。')
  await wrapper.get('[data-testid=portal-name]').setValue('王秀英')
  await wrapper.get('[data-testid=portal-phone]').setValue('13912345678')
  await wrapper.get('[data-testid=portal-form]').trigger('submit')
  await flushPromises()
}

describe('the public portal', () => {
  it('needs no login and shows the call, then the tracking code', async () => {
    const { wrapper, router } = await mountAt('/portal', SubmitView)
    expect(router.currentRoute.value.name).toBe('portal')
    expect(wrapper.get('[data-testid=portal-call-title]').text()).toContain('柳塘镇关于征集')
    await fillAndSend(wrapper)
    await vi.waitFor(() => expect(wrapper.get('[data-testid=portal-tracking-code]').text()).toBe('AB12CD34'))
    wrapper.unmount()
  })

  it('says plainly when this connection has sent too many', async () => {
    submitStatus = 429
    const { wrapper } = await mountAt('/portal', SubmitView)
    await fillAndSend(wrapper)
    await vi.waitFor(() => expect(wrapper.get('[data-testid=portal-submit-error]').text()).toContain('过于频繁'))
    expect(wrapper.find('[data-testid=portal-tracking-code]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('looks a code up and shows where it stands', async () => {
    const { wrapper } = await mountAt('/portal/track/AB12CD34', TrackView)
    expect(wrapper.get('[data-testid=portal-track-status]').text()).toBe('未列入')
    expect(wrapper.get('[data-testid=portal-track-detail]').text()).toContain('经营性项目')
    wrapper.unmount()
  })

  it('lists the adopted projects in rank order', async () => {
    const { wrapper } = await mountAt('/portal/announcements/2027', AnnouncementView)
    const items = wrapper.findAll('[data-testid=portal-announcement-adopted] li')
    expect(items.map((li) => li.find('.notice-name').text())).toEqual(['路灯安装', '步道建设'])
    expect(items[0]?.text()).toContain('赞成 11 · 反对 0 · 弃权 0')
    wrapper.unmount()
  })
})
