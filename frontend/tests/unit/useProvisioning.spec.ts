import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'

import { getProvisioningJob, provisionCongress } from '@/api/congresses'
import { ApiError } from '@/api/http'
import type { CongressProvisionIn, ProvisioningJob } from '@/api/types'
import { useProvisioning } from '@/views/congresses/list/useProvisioning'

vi.mock('@/api/congresses', () => ({
  provisionCongress: vi.fn(),
  getProvisioningJob: vi.fn(),
  listCongresses: vi.fn(),
}))

const provision = vi.mocked(provisionCongress)
const getJob = vi.mocked(getProvisioningJob)

const SPEC: CongressProvisionIn = {
  name: '青石镇人大主席团',
  slug: 'qingshi',
  level: 'township',
  parent_id: 2,
  division_code: '369902101',
  admin_username: '',
  admin_display_name: '',
  admin_password: '',
}

function job(state: ProvisioningJob['state'], progress: number, step = ''): ProvisioningJob {
  return {
    id: 7,
    state,
    step,
    progress,
    error_code: state === 'failed' ? 'internal_error' : '',
    error: state === 'failed' ? '开通失败，请联系平台运维。' : '',
    congress: state === 'succeeded' ? 12 : null,
    slug: 'qingshi',
    name: '青石镇人大主席团',
    created_at: '2026-11-26T10:00:00Z',
    finished_at: null,
  }
}

function run() {
  const scope = effectScope()
  const provisioning = scope.run(() => useProvisioning({ intervalMs: 1000 }))!
  return { scope, provisioning }
}

beforeEach(() => {
  vi.useFakeTimers()
  provision.mockReset()
  getJob.mockReset()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useProvisioning', () => {
  it('polls every second and stops once the job has succeeded', async () => {
    provision.mockResolvedValueOnce(job('queued', 0))
    getJob
      .mockResolvedValueOnce(job('running', 20, 'template'))
      .mockResolvedValueOnce(job('running', 60, 'schema'))
      .mockResolvedValueOnce(job('succeeded', 100, 'done'))
    const { provisioning: p } = run()

    await expect(p.start(SPEC)).resolves.toBe(true)
    expect(provision).toHaveBeenCalledWith(SPEC)
    expect(p.polling.value).toBe(true)
    expect(getJob).not.toHaveBeenCalled()

    await vi.advanceTimersByTimeAsync(1000)
    expect(getJob).toHaveBeenCalledTimes(1)
    expect(getJob).toHaveBeenLastCalledWith(7)
    expect(p.job.value?.progress).toBe(20)

    await vi.advanceTimersByTimeAsync(1000)
    expect(p.job.value?.step).toBe('schema')

    await vi.advanceTimersByTimeAsync(1000)
    expect(getJob).toHaveBeenCalledTimes(3)
    expect(p.succeeded.value).toBe(true)
    expect(p.finished.value).toBe(true)
    expect(p.polling.value).toBe(false)

    await vi.advanceTimersByTimeAsync(10_000)
    expect(getJob).toHaveBeenCalledTimes(3)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops on failure and keeps the job error to show', async () => {
    provision.mockResolvedValueOnce(job('queued', 0))
    getJob.mockResolvedValueOnce(job('failed', 20, 'template'))
    const { provisioning: p } = run()

    await p.start(SPEC)
    await vi.advanceTimersByTimeAsync(1000)

    expect(p.failed.value).toBe(true)
    expect(p.polling.value).toBe(false)
    expect(p.job.value?.error).toBe('开通失败，请联系平台运维。')
    await vi.advanceTimersByTimeAsync(5000)
    expect(getJob).toHaveBeenCalledTimes(1)
  })

  it('does not poll at all when the job is already final in the first answer', async () => {
    provision.mockResolvedValueOnce(job('succeeded', 100, 'done'))
    const { provisioning: p } = run()

    await p.start(SPEC)
    await vi.advanceTimersByTimeAsync(5000)

    expect(getJob).not.toHaveBeenCalled()
    expect(p.polling.value).toBe(false)
  })

  it('shows a refusal of the input at once, with per-field messages, and never polls', async () => {
    provision.mockRejectedValueOnce(
      new ApiError(400, 'division_code_mismatch', '行政区划代码与上级人大不符。', {
        division_code: ['行政区划代码与上级人大不符。'],
      }),
    )
    const { provisioning: p } = run()

    await expect(p.start(SPEC)).resolves.toBe(false)
    expect(p.error.value).toBe('行政区划代码与上级人大不符。')
    expect(p.fieldErrors.value).toEqual({ division_code: ['行政区划代码与上级人大不符。'] })
    expect(p.job.value).toBeNull()
    await vi.advanceTimersByTimeAsync(5000)
    expect(getJob).not.toHaveBeenCalled()
  })

  it('rides out a passing network error but gives up after repeated ones', async () => {
    provision.mockResolvedValueOnce(job('queued', 0))
    const offline = new ApiError(0, 'network_error', '无法连接服务器')
    getJob
      .mockRejectedValueOnce(offline)
      .mockResolvedValueOnce(job('running', 20, 'template'))
      .mockRejectedValue(offline)
    const { provisioning: p } = run()

    await p.start(SPEC)
    await vi.advanceTimersByTimeAsync(1000)
    expect(p.polling.value).toBe(true)
    expect(p.error.value).toBe('')
    await vi.advanceTimersByTimeAsync(1000)
    expect(p.job.value?.state).toBe('running')

    await vi.advanceTimersByTimeAsync(3000)
    expect(getJob).toHaveBeenCalledTimes(5)
    expect(p.polling.value).toBe(false)
    expect(p.error.value).toBe('无法连接服务器')
    await vi.advanceTimersByTimeAsync(5000)
    expect(getJob).toHaveBeenCalledTimes(5)
  })

  it('stops polling when its component goes away', async () => {
    provision.mockResolvedValueOnce(job('queued', 0))
    getJob.mockResolvedValue(job('running', 20, 'template'))
    const { scope, provisioning: p } = run()

    await p.start(SPEC)
    await vi.advanceTimersByTimeAsync(2000)
    expect(getJob).toHaveBeenCalledTimes(2)

    scope.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(getJob).toHaveBeenCalledTimes(2)
    expect(vi.getTimerCount()).toBe(0)
  })
})
