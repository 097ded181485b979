import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { useRouteResources } from '../useRouteResources'

describe('useRouteResources', () => {
  it("gives each read the route's id and reads again for another", async () => {
    const asked: string[] = []
    const read = (what: string) => async (id: number) => {
      asked.push(`${what} ${id}`)
      return `${what} of ${id}`
    }
    let view!: ReturnType<typeof useRouteResources<{ cycle: string; rounds: string }>>
    const Page = defineComponent({
      setup() {
        view = useRouteResources({ cycle: read('cycle'), rounds: read('rounds') }, { cycle: '', rounds: '' })
        return () => h('div')
      },
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/cycles/:id', component: Page }] })
    await router.push('/cycles/3')
    mount(Page, { global: { plugins: [router] } })
    await flushPromises()
    expect(view.id.value).toBe(3)
    expect(view.parts.cycle.value).toBe('cycle of 3')
    expect(view.parts.rounds.value).toBe('rounds of 3')
    await router.push('/cycles/4')
    await view.load()
    expect(view.parts.cycle.value).toBe('cycle of 4')
    expect(asked).toEqual(['cycle 3', 'rounds 3', 'cycle 4', 'rounds 4'])
  })
})
