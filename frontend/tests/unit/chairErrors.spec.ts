import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { ApiError } from '@/api/http'
import { getCycle, issuePaperBallot, listRounds, openRound, paperIssueList, tallyState, type Cycle } from '@/api/voting'
import { applyLocale, i18n } from '@/plugins/i18n'
import { usePaperBallots } from '@/views/voting/chair/usePaperBallots'
import { useVotingChair } from '@/views/voting/chair/useVotingChair'

vi.mock('@/api/voting', async (original) => ({
  ...(await original<typeof import('@/api/voting')>()),
  getCycle: vi.fn(),
  listRounds: vi.fn(),
  openRound: vi.fn(),
  paperIssueList: vi.fn(),
  tallyState: vi.fn(),
  tallyAgreement: vi.fn(),
  issuePaperBallot: vi.fn(),
}))

const CYCLE = { id: 7, phase: 'vote', entitled_count: 13, present_count: 5 } as unknown as Cycle

async function mountWith<T>(use: () => T): Promise<{ state: T; unmount: () => void }> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/voting/cycles/:id/chair', component: { template: '<div />' } }],
  })
  void router.push('/voting/cycles/7/chair')
  await router.isReady()
  // A plain holder: a ref would unwrap the composable's refs.
  const captured: { state?: T } = {}
  const Host = defineComponent({
    setup() {
      captured.state = use()
      return () => h('div')
    },
  })
  const wrapper = mount(Host, { global: { plugins: [router, i18n, ElementPlus] } })
  await flushPromises()
  return { state: captured.state as T, unmount: () => wrapper.unmount() }
}

beforeEach(() => {
  applyLocale('zh-CN')
  vi.mocked(getCycle).mockResolvedValue(CYCLE)
  vi.mocked(listRounds).mockResolvedValue([])
})

afterEach(() => vi.clearAllMocks())

describe("the chair's console", () => {
  it('drops a refusal once the roll call or a paper ballot has changed the hall', async () => {
    const refusal = '出席代表不足法定人数，不能开始表决。'
    vi.mocked(openRound).mockRejectedValue(new ApiError(409, 'quorum_not_met', refusal))
    const { state, unmount } = await mountWith(useVotingChair)

    await state.start()
    expect(state.actionError.value).toBe(refusal)

    await state.changed()
    expect(state.actionError.value).toBe('')
    unmount()
  })

  it("clears the paper ballots' error when a later refresh succeeds", async () => {
    vi.mocked(paperIssueList).mockResolvedValue([])
    vi.mocked(tallyState).mockRejectedValueOnce(new ApiError(503, 'database_unavailable', '服务暂不可用'))
    const changed = vi.fn()
    const { state, unmount } = await mountWith(() => usePaperBallots(ref(3), changed))
    expect(state.error.value).toBe('服务暂不可用')

    vi.mocked(tallyState).mockResolvedValue({ complete: false } as never)
    await state.refresh()
    expect(state.error.value).toBe('')

    vi.mocked(issuePaperBallot).mockResolvedValue({} as never)
    await state.issue(21)
    expect(changed).toHaveBeenCalledOnce()
    unmount()
  })
})
