import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import RouteButton from '@/components/RouteButton.vue'

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', name: 'home', component: { template: '<div />' } },
    { path: '/projects/:id/report', name: 'report', component: { template: '<div />' } },
  ],
})

describe('RouteButton', () => {
  it('draws a link as a button, primary where asked, with its test id and the classes given', async () => {
    const wrapper = mount(RouteButton, {
      props: {
        link: {
          label: '填报进度',
          to: { name: 'report', params: { id: 4 } },
          primary: true,
          testid: 'report',
        },
      },
      attrs: { class: 'report-link' },
      global: { plugins: [router] },
    })
    await router.isReady()
    const link = wrapper.get('a[data-testid=report]')
    expect(link.attributes('href')).toBe('/projects/4/report')
    expect(link.classes()).toEqual(['el-button', 'el-button--primary', 'report-link'])
    expect(link.attributes('target')).toBeUndefined()
    expect(link.text()).toBe('填报进度')
  })

  it('is a plain button without a test id unless asked, and opens a new tab where asked', async () => {
    const wrapper = mount(RouteButton, {
      props: { link: { label: '大屏', to: { name: 'home' }, newTab: true } },
      global: { plugins: [router] },
    })
    await router.isReady()
    const link = wrapper.get('a')
    expect(link.classes()).toContain('el-button')
    expect(link.classes()).not.toContain('el-button--primary')
    expect(link.attributes('data-testid')).toBeUndefined()
    expect(link.attributes('target')).toBe('_blank')
  })
})
