import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import { ApiError } from '@/api/http'
import {
  addProposal,
  advanceCycle,
  castBallot,
  getCycle,
  listGovernance,
  listProposals,
  screenProposal,
  listCandidates,
  listRounds,
  openVoting,
  publishCall,
  type Cycle,
  type Round,
} from '@/api/voting'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useSessionStore } from '@/stores/session'
import BallotPage from '@/views/voting/ballot/index.vue'
import { confirmAct } from '@/views/voting/confirm'
import CyclePage from '@/views/voting/cycle/index.vue'

vi.mock('@/api/voting', async (original) => ({
  ...(await original<typeof import('@/api/voting')>()),
  getCycle: vi.fn(),
  listCandidates: vi.fn(),
  listRounds: vi.fn(),
  openVoting: vi.fn(),
  castBallot: vi.fn(),
  signIn: vi.fn(),
  listProposals: vi.fn(),
  listGovernance: vi.fn(),
  advanceCycle: vi.fn(),
  screenProposal: vi.fn(),
  publishCall: vi.fn(),
  addProposal: vi.fn(),
}))
vi.mock('@/views/voting/confirm', () => ({ confirmAct: vi.fn() }))

const CYCLE: Cycle = {
  id: 7,
  year: 2027,
  title: '青石镇2027年民生实事项目人大代表票决',
  phase: 'deliberate',
  seats: 10,
  rules: {
    seats: 10,
    list_kind: 'competitive',
    min_surplus: 3,
    ballot_form: 'per_candidate',
    thresholds: [{ numerator: 1, denominator: 2, comparison: 'more_than', base: 'entitled' }],
    rank_only: false,
    quorum: { numerator: 2, denominator: 3, comparison: 'at_least' },
    shortfall: 'accept_fewer',
  },
  channel: 'electronic',
  rules_fixed_at: null,
  candidate_count: 12,
  present_count: 0,
  rules_sources: [],
  entitled_count: 13,
  has_call: true,
}

const OPEN_ROUND: Round = {
  id: 3,
  number: 1,
  kind: 'main',
  seats: 1,
  state: 'open',
  phase: 'vote',
  ballot_form: 'per_candidate',
  candidates: [
    { id: 11, sequence: 1, name: '运动场改造' },
    { id: 12, sequence: 2, name: '发热门诊扩建' },
  ],
  ballots_cast: 0,
  i_voted: false,
  opened_at: '2027-01-10T09:00:00Z',
  result: null,
}

function setUp(role: 'staff' | 'deputy', path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().set({
    user: {
      id: 5,
      username: `qingshi-${role}`,
      display_name: role,
      is_platform_operator: false,
      must_change_password: false,
    },
    congress: {
      id: 4,
      name: '青石镇人大主席团',
      slug: 'qingshi',
      level: 'township',
      division_code: '369902101',
    },
    roles: [role],
    memberships: [],
    idle_timeout_seconds: 1800,
  })
  const blank = { template: '<div />' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/voting', name: 'voting', component: blank },
      { path: '/voting/cycles/:id', name: 'voting-cycle', component: CyclePage },
      { path: '/voting/cycles/:id/chair', name: 'voting-chair', component: blank },
      { path: '/voting/cycles/:id/ballot', name: 'voting-ballot', component: BallotPage },
      { path: '/voting/cycles/:id/screen', name: 'voting-screen', component: blank },
      { path: '/voting/cycles/:id/deliberation', name: 'voting-deliberation', component: blank },
    ],
  })
  void router.push(path)
  return { pinia, router }
}

beforeEach(() => {
  applyLocale('zh-CN')
  window.localStorage.clear()
  // jsdom lays nothing out, so the form's automatic label width is NaN: not this test's concern.
  const warn = console.warn.bind(console)
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('[ElForm] unexpected width')) warn(...args)
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the cycle page', () => {
  it('shows why the vote cannot open when the 差额 is missing', async () => {
    const { pinia, router } = setUp('staff', '/voting/cycles/7')
    await router.isReady()
    vi.mocked(getCycle).mockResolvedValue(CYCLE)
    vi.mocked(listCandidates).mockResolvedValue([])
    vi.mocked(listProposals).mockResolvedValue([])
    vi.mocked(listGovernance).mockResolvedValue([])
    vi.mocked(confirmAct).mockResolvedValue(true)
    const detail = '候选项目须多于拟产生项目数（差额）：需要至少 13 个，现有 12 个。'
    vi.mocked(openVoting).mockRejectedValue(new ApiError(400, 'surplus_missing', detail))
    const wrapper = mount(CyclePage, { global: { plugins: [pinia, router, i18n, ElementPlus] } })
    await flushPromises()

    expect(wrapper.get('[data-testid=voting-surplus]').text()).toContain('需要 13 个')
    expect(wrapper.find('[data-testid=candidate-form]').exists()).toBe(false)
    await wrapper.get('[data-testid=voting-open-voting]').trigger('click')
    await flushPromises()

    expect(openVoting).toHaveBeenCalledWith(7)
    expect(wrapper.get('[data-testid=voting-open-error]').text()).toContain(detail)
    wrapper.unmount()
  })
})

describe('the proposal desk', () => {
  const PROPOSAL = {
    id: 31,
    source: 'citizen' as const,
    title: '柳塘村主干道路灯安装',
    category: '公共设施',
    description: '安装路灯60盏。',
    location: '柳塘村',
    submitter_name: '王秀英',
    submitter_phone: '139****5678',
    tracking_code: '2Q4EQEJY',
    origin_year: 2027,
    status: 'received' as const,
    merged_into: null,
    screening_reason: '',
    exclusion: '' as const,
    submitted_at: '2026-11-20T08:00:00Z',
  }

  async function mountDesk() {
    const { pinia, router } = setUp('staff', '/voting/cycles/7')
    await router.isReady()
    vi.mocked(getCycle).mockResolvedValue({ ...CYCLE, phase: 'shortlist' })
    vi.mocked(listCandidates).mockResolvedValue([])
    vi.mocked(listProposals).mockResolvedValue([PROPOSAL])
    vi.mocked(listGovernance).mockResolvedValue([])
    vi.mocked(confirmAct).mockResolvedValue(true)
    const wrapper = mount(CyclePage, {
      attachTo: document.body,
      global: { plugins: [pinia, router, i18n, ElementPlus] },
    })
    await flushPromises()
    return wrapper
  }

  it('lists proposals with the phone masked and shows why the next phase is refused', async () => {
    const detail = '还有 1 条建议未完成初定。'
    vi.mocked(advanceCycle).mockRejectedValue(new ApiError(400, 'proposals_unscreened', detail))
    const wrapper = await mountDesk()

    expect(wrapper.get('[data-testid=proposal-list]').text()).toContain('139****5678')
    await wrapper.get('[data-testid=voting-advance]').trigger('click')
    await flushPromises()

    expect(advanceCycle).toHaveBeenCalledWith(7)
    expect(wrapper.get('[data-testid=voting-advance-error]').text()).toContain(detail)
    wrapper.unmount()
  })

  it('will not send a refusal without a reason', async () => {
    const wrapper = await mountDesk()
    await wrapper.get('[data-testid=proposal-reject]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid=reject-confirm]')?.click()
    await flushPromises()

    expect(screenProposal).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid=reject-error]')?.textContent).toContain('请填写不予列入的理由')
    wrapper.unmount()
  })
})

describe('the ballot page', () => {
  async function mountBallot(rounds: Round[]) {
    const { pinia, router } = setUp('deputy', '/voting/cycles/7/ballot')
    await router.isReady()
    vi.mocked(getCycle).mockResolvedValue({ ...CYCLE, phase: 'vote' })
    vi.mocked(listRounds).mockResolvedValue(rounds)
    const wrapper = mount(BallotPage, { global: { plugins: [pinia, router, i18n, ElementPlus] } })
    await flushPromises()
    return wrapper
  }

  it('says so and waits when no round is open', async () => {
    const wrapper = await mountBallot([])
    expect(wrapper.find('[data-testid=ballot-no-round]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=ballot-form]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('names each choice group, needs every choice, then shows the receipt once', async () => {
    vi.mocked(confirmAct).mockResolvedValue(true)
    vi.mocked(castBallot).mockResolvedValue({ receipt: 'R-123456789abcdef' })
    const wrapper = await mountBallot([OPEN_ROUND])
    const groups = wrapper.findAll('[role=radiogroup]')
    expect(groups.map((g) => g.attributes('aria-label'))).toEqual(['对“运动场改造”的表决', '对“发热门诊扩建”的表决'])
    expect(wrapper.get('[data-testid=ballot-submit]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid=ballot-unanswered]').text()).toContain('2')

    await groups[0]!.findAll('input[type=radio]')[0]!.setValue(true)
    await groups[1]!.findAll('input[type=radio]')[2]!.setValue(true)
    expect(wrapper.get('[data-testid=ballot-submit]').attributes('disabled')).toBeUndefined()

    vi.mocked(listRounds).mockResolvedValue([{ ...OPEN_ROUND, i_voted: true, ballots_cast: 1 }])
    await wrapper.get('[data-testid=ballot-form]').trigger('submit')
    await flushPromises()
    expect(castBallot).toHaveBeenCalledWith(3, { '11': 'yes', '12': 'abstain' })
    expect(wrapper.get('[data-testid=ballot-receipt]').text()).toBe('R-123456789abcdef')
    expect(wrapper.find('[data-testid=ballot-form]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('tells a deputy who already voted, without the receipt', async () => {
    const wrapper = await mountBallot([{ ...OPEN_ROUND, i_voted: true }])
    expect(wrapper.find('[data-testid=ballot-already-voted]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=ballot-receipt]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=receipt-check]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('the 征集 forms on the proposal desk', () => {
  const CALL = {
    id: 2,
    year: 2027,
    title: '关于征集2027年民生实事项目建议的公告',
    body: '欢迎提出建议。',
    opens_on: '2026-11-01',
    closes_on: '2026-11-30',
    published_at: '2026-11-01T08:00:00Z',
  }
  const RECORDED = {
    id: 40,
    source: 'village' as const,
    title: '南岙村文化礼堂修缮',
    category: '文化体育',
    description: '修缮屋面和舞台。',
    location: '南岙村',
    submitter_name: '南岙村村委会',
    submitter_phone: '',
    tracking_code: 'K7M2PQ9X',
    origin_year: 2027,
    status: 'received' as const,
    merged_into: null,
    screening_reason: '',
    exclusion: '' as const,
    submitted_at: '2026-11-21T08:00:00Z',
  }

  /** Element Plus shows a form item's error 100 ms after it is set. */
  const errorShown = async () => {
    await new Promise((resolve) => setTimeout(resolve, 150))
    await flushPromises()
  }

  beforeEach(() => {
    vi.mocked(publishCall).mockReset()
    vi.mocked(addProposal).mockReset()
  })

  async function mountSolicit(hasCall: boolean) {
    const { pinia, router } = setUp('staff', '/voting/cycles/7')
    await router.isReady()
    vi.mocked(getCycle).mockResolvedValue({ ...CYCLE, phase: 'solicit', has_call: hasCall })
    vi.mocked(listCandidates).mockResolvedValue([])
    vi.mocked(listProposals).mockReset().mockResolvedValue([])
    vi.mocked(listGovernance).mockResolvedValue([])
    const wrapper = mount(CyclePage, {
      attachTo: document.body,
      global: { plugins: [pinia, router, i18n, ElementPlus] },
    })
    await flushPromises()
    return wrapper
  }

  /** Types into the input or textarea carrying the test id (or inside the element carrying it). */
  async function fill(wrapper: Awaited<ReturnType<typeof mountSolicit>>, id: string, value: string) {
    const found = wrapper.get(`[data-testid=${id}]`)
    const field = ['INPUT', 'TEXTAREA'].includes(found.element.tagName) ? found : found.get('input, textarea')
    await field.setValue(value)
  }

  /** Types a day into the Element Plus date picker named `label`, as a keyboard user does. */
  async function pickDay(wrapper: Awaited<ReturnType<typeof mountSolicit>>, label: string, day: string) {
    await wrapper.get(`input[aria-label="${label}"]`).setValue(day)
  }

  it('publishes the call with the title, text and dates, then hides the form', async () => {
    vi.mocked(publishCall).mockResolvedValue(CALL)
    const wrapper = await mountSolicit(false)
    expect(wrapper.find('[data-testid=call-form]').exists()).toBe(true)
    await fill(wrapper, 'call-title', `  ${CALL.title} `)
    await fill(wrapper, 'call-body', CALL.body)
    await pickDay(wrapper, '征集开始日期', CALL.opens_on)
    await pickDay(wrapper, '征集截止日期', CALL.closes_on)
    await wrapper.get('[data-testid=call-form]').trigger('submit')
    await flushPromises()

    expect(publishCall).toHaveBeenCalledWith(7, {
      title: CALL.title,
      body: CALL.body,
      opens_on: '2026-11-01',
      closes_on: '2026-11-30',
    })
    expect(wrapper.find('[data-testid=call-form]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=call-published]').text()).toContain(CALL.title)
    wrapper.unmount()
  })

  it("shows the API's detail and field message when the call is refused", async () => {
    const detail = '征集截止日期须晚于开始日期。'
    vi.mocked(publishCall).mockRejectedValue(
      new ApiError(400, 'invalid', detail, { closes_on: ['截止日期早于开始日期'] }),
    )
    const wrapper = await mountSolicit(false)
    await fill(wrapper, 'call-title', CALL.title)
    await fill(wrapper, 'call-body', CALL.body)
    await pickDay(wrapper, '征集开始日期', '2026-11-30')
    await pickDay(wrapper, '征集截止日期', '2026-11-30')
    await wrapper.get('[data-testid=call-form]').trigger('submit')
    await flushPromises()

    await errorShown()

    expect(publishCall).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid=call-error]').text()).toContain(detail)
    expect(wrapper.get('[data-testid=call-form]').text()).toContain('截止日期早于开始日期')
    expect(wrapper.find('[data-testid=call-form]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('does not take a closing day before the opening day', async () => {
    const wrapper = await mountSolicit(false)
    await fill(wrapper, 'call-title', CALL.title)
    await fill(wrapper, 'call-body', CALL.body)
    await pickDay(wrapper, '征集开始日期', '2026-11-30')
    await pickDay(wrapper, '征集截止日期', '2026-11-01')
    await wrapper.get('[data-testid=call-form]').trigger('submit')
    await flushPromises()

    expect(publishCall).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('offers no call form once the cycle has its call', async () => {
    const wrapper = await mountSolicit(true)
    expect(wrapper.find('[data-testid=call-form]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=call-published]').text()).toContain('本年度征集公告已发布')
    wrapper.unmount()
  })

  it('records a proposal from a village and refreshes the list', async () => {
    vi.mocked(addProposal).mockResolvedValue(RECORDED)
    const wrapper = await mountSolicit(true)
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    expect(options.map((o) => o.textContent?.trim())).toEqual(['人大代表', '政府部门', '村（社区）'])
    vi.mocked(listProposals).mockResolvedValue([RECORDED])
    options[2]!.click()
    await flushPromises()
    await fill(wrapper, 'proposal-title', RECORDED.title)
    await fill(wrapper, 'proposal-category', RECORDED.category)
    await fill(wrapper, 'proposal-description', RECORDED.description)
    await fill(wrapper, 'proposal-location', RECORDED.location)
    await fill(wrapper, 'proposal-cost', '35.5')
    await fill(wrapper, 'proposal-submitter', RECORDED.submitter_name)
    await wrapper.get('[data-testid=proposal-form]').trigger('submit')
    await flushPromises()

    expect(addProposal).toHaveBeenCalledWith(7, {
      origin: 'village',
      title: RECORDED.title,
      category: RECORDED.category,
      description: RECORDED.description,
      location: RECORDED.location,
      estimated_cost: '35.5',
      submitter_name: RECORDED.submitter_name,
      submitter_phone: '',
    })
    expect(listProposals).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid=proposal-list]').text()).toContain(RECORDED.title)
    wrapper.unmount()
  })

  it("shows the API's detail and field message when a proposal is refused", async () => {
    const detail = '征集已截止。'
    vi.mocked(addProposal).mockRejectedValue(
      new ApiError(400, 'call_not_open', detail, { submitter_phone: ['手机号码格式不正确'] }),
    )
    const wrapper = await mountSolicit(true)
    await fill(wrapper, 'proposal-title', RECORDED.title)
    await fill(wrapper, 'proposal-category', RECORDED.category)
    await fill(wrapper, 'proposal-description', RECORDED.description)
    await fill(wrapper, 'proposal-submitter', '李明')
    await fill(wrapper, 'proposal-phone-input', '123')
    await wrapper.get('[data-testid=proposal-form]').trigger('submit')
    await flushPromises()
    await errorShown()

    expect(addProposal).toHaveBeenCalledWith(
      7,
      expect.objectContaining({ origin: 'deputy', submitter_phone: '123', estimated_cost: null }),
    )
    expect(wrapper.get('[data-testid=proposal-error]').text()).toContain(detail)
    expect(wrapper.get('[data-testid=proposal-form]').text()).toContain('手机号码格式不正确')
    expect(listProposals).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('offers neither form outside 征集', async () => {
    const { pinia, router } = setUp('staff', '/voting/cycles/7')
    await router.isReady()
    vi.mocked(getCycle).mockResolvedValue({ ...CYCLE, phase: 'shortlist' })
    vi.mocked(listProposals).mockResolvedValue([])
    const wrapper = mount(CyclePage, { global: { plugins: [pinia, router, i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.find('[data-testid=call-form]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=proposal-form]').exists()).toBe(false)
    wrapper.unmount()
  })
})
