import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'

import { usePolling } from '../usePolling'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('usePolling', () => {
  it('runs at once when mounted, again every interval after each run, and stops when unmounted', async () => {
    const tick = vi.fn(async () => {})
    const wrapper = mount(
      defineComponent({
        setup() {
          usePolling(tick, 1000)
          return () => h('div')
        },
      }),
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(tick).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(tick).toHaveBeenCalledTimes(2)
    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(5000)
    expect(tick).toHaveBeenCalledTimes(2)
  })
})
