import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { ApiError } from '@/api/http'
import { getEvaluation, getEvaluationResults, type Evaluation, type EvaluationResults } from '@/api/voting'

import { useEvaluationRead } from '../useEvaluationRead'

vi.mock('@/api/voting', async (original) => ({
  ...(await original<typeof import('@/api/voting')>()),
  getEvaluation: vi.fn(),
  getEvaluationResults: vi.fn(),
}))

const evaluationIn = (state: string) => ({ cycle_id: 5, round: { id: 9, state } }) as unknown as Evaluation
const RESULTS = { projects: [] } as unknown as EvaluationResults

async function mounted() {
  let read!: ReturnType<typeof useEvaluationRead>
  const Page = defineComponent({
    setup() {
      read = useEvaluationRead()
      return () => h('div')
    },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/evaluations/:id', component: Page }],
  })
  await router.push('/evaluations/5')
  mount(Page, { global: { plugins: [router] } })
  await flushPromises()
  return read
}

describe('useEvaluationRead', () => {
  it('reads the results once the round has closed, and only once', async () => {
    vi.mocked(getEvaluation).mockResolvedValue(evaluationIn('open'))
    vi.mocked(getEvaluationResults).mockResolvedValue(RESULTS)
    const read = await mounted()
    await read.load()
    expect(getEvaluation).toHaveBeenCalledWith(5)
    expect(read.results.value).toBeNull()
    vi.mocked(getEvaluation).mockResolvedValue(evaluationIn('closed'))
    await read.load()
    await read.load()
    expect(read.results.value).toEqual(RESULTS)
    expect(getEvaluationResults).toHaveBeenCalledOnce()
  })

  it('keeps the last good evaluation and the failure until a read succeeds', async () => {
    vi.mocked(getEvaluation).mockResolvedValue(evaluationIn('open'))
    const read = await mounted()
    await read.load()
    vi.mocked(getEvaluation).mockRejectedValue(new ApiError(503, 'database_unavailable', 'down'))
    await read.load()
    expect(read.error.value).toBe('down')
    expect(read.evaluation.value?.cycle_id).toBe(5)
    vi.mocked(getEvaluation).mockResolvedValue(evaluationIn('open'))
    await read.load()
    expect(read.error.value).toBe('')
  })
})
