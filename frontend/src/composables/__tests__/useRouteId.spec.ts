import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, type ComputedRef } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { routeNumber, useRouteId } from '../useRouteId'

describe('routeNumber', () => {
  it('reads a number, the first of repeated values, and 0 for none', () => {
    expect(routeNumber('12')).toBe(12)
    expect(routeNumber(['7', '8'])).toBe(7)
    expect(routeNumber(undefined)).toBe(0)
    expect(routeNumber('x')).toBe(0)
  })
})

describe('useRouteId', () => {
  it("follows the route's parameter", async () => {
    const Page = defineComponent({
      setup() {
        ids = { id: useRouteId(), round: useRouteId('round') }
        return () => h('div')
      },
    })
    let ids!: { id: ComputedRef<number>; round: ComputedRef<number> }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/cycles/:id/rounds/:round', component: Page }],
    })
    await router.push('/cycles/3/rounds/9')
    mount(Page, { global: { plugins: [router] } })
    expect(ids.id.value).toBe(3)
    expect(ids.round.value).toBe(9)
    await router.push('/cycles/4/rounds/9')
    expect(ids.id.value).toBe(4)
  })
})
