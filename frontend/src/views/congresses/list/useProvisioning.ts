import { computed, getCurrentScope, onScopeDispose, ref } from 'vue'

import { getProvisioningJob, provisionCongress } from '@/api/congresses'
import { ApiError, errorMessage, type FieldErrors } from '@/api/http'
import type { CongressProvisionIn, ProvisioningJob, ProvisioningState } from '@/api/types'

export const FINAL_STATES: readonly ProvisioningState[] = ['succeeded', 'failed']
export const POLL_INTERVAL_MS = 1000
/** Polling gives up after this many failed look-ups in a row. */
export const MAX_POLL_FAILURES = 3

export function isFinalState(state: ProvisioningState | undefined): boolean {
  return state !== undefined && FINAL_STATES.includes(state)
}

/**
 * Start provisioning a congress and follow its job until it succeeds or fails: a refusal of the
 * input comes back at once (detail + per-field messages); after that the job is polled every
 * `intervalMs` and polling stops on a final state, on repeated errors, or when the component
 * using it goes away.
 */
export function useProvisioning(options: { intervalMs?: number } = {}) {
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS
  const job = ref<ProvisioningJob | null>(null)
  const submitting = ref(false)
  const polling = ref(false)
  const error = ref('')
  const fieldErrors = ref<FieldErrors>({})
  let timer: ReturnType<typeof setTimeout> | null = null
  let failures = 0
  let generation = 0

  const finished = computed(() => isFinalState(job.value?.state))
  const succeeded = computed(() => job.value?.state === 'succeeded')
  const failed = computed(() => job.value?.state === 'failed')

  function stop() {
    if (timer !== null) clearTimeout(timer)
    timer = null
    polling.value = false
  }

  function reset() {
    stop()
    generation++
    job.value = null
    error.value = ''
    fieldErrors.value = {}
    failures = 0
  }

  function schedule() {
    if (!job.value || isFinalState(job.value.state)) {
      stop()
      return
    }
    polling.value = true
    timer = setTimeout(poll, intervalMs)
  }

  async function poll() {
    timer = null
    const current = job.value
    if (!current) return stop()
    const mine = generation
    try {
      const next = await getProvisioningJob(current.id)
      if (mine !== generation) return
      job.value = next
      failures = 0
    } catch (failure) {
      if (mine !== generation) return
      failures++
      if (failures >= MAX_POLL_FAILURES || (failure instanceof ApiError && failure.isAuthFailure)) {
        error.value = errorMessage(failure)
        stop()
        return
      }
    }
    schedule()
  }

  async function start(spec: CongressProvisionIn): Promise<boolean> {
    reset()
    const mine = generation
    submitting.value = true
    try {
      const created = await provisionCongress(spec)
      if (mine !== generation) return false
      job.value = created
      schedule()
      return true
    } catch (failure) {
      if (mine !== generation) return false
      error.value = errorMessage(failure)
      if (failure instanceof ApiError) fieldErrors.value = failure.fields
      return false
    } finally {
      submitting.value = false
    }
  }

  if (getCurrentScope()) onScopeDispose(reset)

  return {
    job,
    submitting,
    polling,
    error,
    fieldErrors,
    finished,
    succeeded,
    failed,
    start,
    stop,
    reset,
  }
}
