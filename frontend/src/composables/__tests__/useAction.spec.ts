import { ElMessage } from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'

import { ApiError } from '@/api/http'

import { useAction } from '../useAction'

describe('useAction', () => {
  it('is busy while it runs and gives its notice on success', async () => {
    const action = useAction()
    let busyInside = false
    const ok = await action.run(async () => {
      busyInside = action.busy.value
    }, 'saved')
    expect(ok).toBe(true)
    expect(busyInside).toBe(true)
    expect(action.busy.value).toBe(false)
    expect(action.notice.value).toBe('saved')
  })

  it("keeps a refusal's message and the server's per-field messages, cleared at the next run", async () => {
    const action = useAction()
    const refused = new ApiError(400, 'invalid', 'refused', { name: ['required'] })
    expect(
      await action.run(async () => {
        throw refused
      }),
    ).toBe(false)
    expect(action.error.value).toBe('refused')
    expect(action.fields.value).toEqual({ name: ['required'] })
    await action.run(async () => {})
    expect(action.error.value).toBe('')
    expect(action.fields.value).toEqual({})
  })

  it('clears its failure, messages and notice when reset', async () => {
    const action = useAction()
    await action.run(async () => {
      throw new ApiError(400, 'invalid', 'refused', { name: ['required'] })
    })
    action.notice.value = 'saved'
    action.reset()
    expect(action.error.value).toBe('')
    expect(action.fields.value).toEqual({})
    expect(action.notice.value).toBe('')
  })

  it("writes to the page's own error line and busy flag when lent them", async () => {
    const error = ref('an earlier failure')
    const busy = ref(false)
    const first = useAction((failure) => (failure as Error).message, { error, busy })
    const second = useAction(undefined, { busy })
    let sharedBusy = false
    await second.run(async () => {
      sharedBusy = busy.value
    })
    expect(sharedBusy).toBe(true)
    await first.run(async () => {
      throw new Error('down')
    })
    expect(first.error).toBe(error)
    expect(error.value).toBe('down')
    expect(second.error.value).toBe('')
  })

  it('pops the failure up as a message when asked to, and nothing on success', async () => {
    const popped = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }))
    const action = useAction(undefined, { toast: true })
    await action.run(async () => {})
    expect(popped).not.toHaveBeenCalled()
    await action.run(async () => {
      throw new ApiError(409, 'invalid', 'taken')
    })
    expect(popped).toHaveBeenCalledWith('taken')
    expect(action.error.value).toBe('taken')
  })
})
