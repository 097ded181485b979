import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import AccountView from '@/views/portal/account/index.vue'
import { evaluationChoices, markShares } from '@/views/voting/rate/useRate'

const anonymous: Session = {
  user: null,
  congress: {
    id: 7,
    name: '白沙乡人大主席团',
    slug: 'baisha',
    level: 'township',
    division_code: '1',
  },
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}

const LINE = {
  rank: 1,
  category: '医疗卫生',
  unit: '社会事务办',
  outcome: '设备已安装。',
  percent: 100,
  completed: true,
  funds_planned: '180.00',
  funds_allocated: '180.00',
  funds_spent: '172.50',
}

function account(evaluated: boolean) {
  return {
    congress: '白沙乡人大主席团',
    year: 2026,
    title: '白沙乡2026年民生实事项目人大代表票决',
    evaluated,
    public_rating_open: !evaluated,
    funds_planned: '180.00',
    funds_allocated: '180.00',
    funds_spent: '172.50',
    rated: [],
    lines: [
      {
        ...LINE,
        candidate_id: 11,
        name: '卫生院设备更新',
        target: '更新设备6台。',
        result: evaluated ? 'basic' : null,
        counts: evaluated ? { satisfied: 4, basic: 3, unsatisfied: 1, abstain: 0 } : null,
        rate: evaluated ? '87.50' : null,
        public: { satisfied: 2, basic: 0, unsatisfied: 1 },
      },
    ],
  }
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let evaluated = false
let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  evaluated = false
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/auth/session') return json(200, anonymous)
    if (url === '/api/v1/public/voting/accounts/2026') return json(200, account(evaluated))
    if (url === '/api/v1/public/voting/accounts/2026/ratings' && init?.method === 'POST') {
      return json(201, { rated: 1 })
    }
    return json(404, { code: 'account_unknown', detail: '该年度明白账尚未公布。' })
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => vi.unstubAllGlobals())

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(AccountView, {
    global: { plugins: [pinia, router, i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

describe('the deputy’s satisfaction ballot', () => {
  it('is ready only when every project has a mark', () => {
    const projects = [{ id: 1 }, { id: 2 }]
    expect(evaluationChoices(projects, { '1': 'satisfied', '2': '' })).toBeNull()
    expect(evaluationChoices(projects, { '1': 'satisfied', '2': 'abstain' })).toEqual({
      '1': 'satisfied',
      '2': 'abstain',
    })
  })
})

describe('the deputy’s result page', () => {
  it('gives each mark’s share of the valid marks, rounded half-up as the server does', () => {
    // 29 of 32 is 90.625 %: "90.63", as rules.rate_percent rounds it.
    const shares = markShares({ satisfied: 29, basic: 2, unsatisfied: 1, abstain: 0 })
    expect(shares.map((s) => [s.mark, s.count, s.rate])).toEqual([
      ['satisfied', 29, '90.63'],
      ['basic', 2, '6.25'],
      ['unsatisfied', 1, '3.13'],
      ['abstain', 0, '0.00'],
    ])
    expect(markShares({ satisfied: 0, basic: 0, unsatisfied: 0, abstain: 0 })[0]?.rate).toBeNull()
  })
})

describe('the public account', () => {
  it('needs no login; before the evaluation closes it shows money and the public rating only', async () => {
    const wrapper = await mountAt('/portal/account/2026')
    expect(wrapper.get('[data-testid=account-money-1]').text()).toContain('172.50')
    expect(wrapper.find('[data-testid=account-result-1]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=account-not-evaluated]').exists()).toBe(true)
    expect(wrapper.get('[data-testid=account-public-1]').text()).toContain('满意 2')
    wrapper.unmount()
  })

  it('sends the public’s marks apart from the deputies and thanks them', async () => {
    const wrapper = await mountAt('/portal/account/2026')
    await wrapper.get('[data-testid=account-rate-11] input[value=basic]').setValue(true)
    await wrapper.get('[data-testid=account-rate] form').trigger('submit')
    await flushPromises()
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/ratings'))
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ marks: { '11': 'basic' } })
    await vi.waitFor(() => expect(wrapper.find('[data-testid=account-thanks]').exists()).toBe(true))
    wrapper.unmount()
  })

  it('shows the deputies’ result once closed', async () => {
    evaluated = true
    const wrapper = await mountAt('/portal/account/2026')
    expect(wrapper.get('[data-testid=account-result-1]').text()).toBe('基本满意')
    expect(wrapper.get('[data-testid=account-counts-1]').text()).toContain('满意率 87.50%')
    expect(wrapper.find('[data-testid=account-rate]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says when the year has no account yet', async () => {
    const wrapper = await mountAt('/portal/account/2025')
    expect(wrapper.get('[data-testid=account-error]').text()).toContain('尚未公布')
    wrapper.unmount()
  })
})
