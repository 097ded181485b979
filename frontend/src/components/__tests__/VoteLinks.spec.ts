import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import VoteLinks from '@/components/VoteLinks.vue'

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', name: 'home', component: { template: '<div />' } },
    { path: '/cycle/:id', name: 'cycle', component: { template: '<div />' } },
  ],
})

describe('VoteLinks', () => {
  it('draws each shown link as a button, primary or in a new tab where asked', async () => {
    const wrapper = mount(VoteLinks, {
      props: {
        links: [
          { key: 'back', label: '返回', to: { name: 'home' } },
          {
            key: 'cycle',
            label: '管理',
            to: { name: 'cycle', params: { id: 3 } },
            testid: 'go-cycle',
            primary: true,
            newTab: true,
          },
          { key: 'hidden', label: '隐藏', to: { name: 'home' }, show: false },
        ],
      },
      global: { plugins: [router] },
    })
    await router.isReady()
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.text())).toEqual(['返回', '管理'])
    expect(links[0]!.classes()).toEqual(expect.arrayContaining(['el-button']))
    expect(links[0]!.classes()).not.toContain('el-button--primary')
    expect(links[0]!.attributes('target')).toBeUndefined()
    const cycle = wrapper.get('a[data-testid=go-cycle]')
    expect(cycle.attributes('href')).toBe('/cycle/3')
    expect(cycle.classes()).toContain('el-button--primary')
    expect(cycle.attributes('target')).toBe('_blank')
  })
})
