import { describe, expect, it } from 'vitest'

import { myPage, page } from '../page'

describe('page', () => {
  it('loads the named folder’s index.vue lazily and keeps the title and other meta', async () => {
    const route = page('/wall', 'wall', 'wall', 'dashboard.wall.short', { public: true })
    expect(route).toMatchObject({
      path: '/wall',
      name: 'wall',
      meta: { titleKey: 'dashboard.wall.short', public: true },
    })
    const load = (route as { component: () => Promise<{ name?: string; __name?: string }> }).component
    expect(typeof load).toBe('function')
    expect(await load()).toBeTruthy()
  })

  it('fails at once for a view that is not there', () => {
    expect(() => page('x', 'x', 'no/such/view', 'x.title')).toThrow('src/views/no/such/view/index.vue')
  })

  it('names a deputy’s own page and finds its view from the part after me/', () => {
    expect(myPage('record', 'activities.menu.myRecord')).toMatchObject({
      path: 'me/record',
      name: 'me-record',
      meta: { titleKey: 'activities.menu.myRecord' },
    })
  })
})
