import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'

import RouteButton from '@/components/RouteButton.vue'
import VoteLinks from '@/components/VoteLinks.vue'

import { stubRouter } from './mounting'

const router = stubRouter({ home: '/', cycle: '/cycle/:id' })

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

describe('RouteButton', () => {
  it('draws a link as a button, primary where asked, with its test id and the classes given', async () => {
    const wrapper = mount(RouteButton, {
      props: {
        link: {
          label: '填报进度',
          to: { name: 'cycle', params: { id: 4 } },
          primary: true,
          testid: 'report',
        },
      },
      attrs: { class: 'report-link' },
      global: { plugins: [router] },
    })
    await router.isReady()
    const link = wrapper.get('a[data-testid=report]')
    expect(link.attributes('href')).toBe('/cycle/4')
    expect(link.classes()).toEqual(['el-button', 'el-button--primary', 'report-link'])
    expect(link.attributes('target')).toBeUndefined()
    expect(link.text()).toBe('填报进度')
  })

  it('is a plain button without a test id unless asked, small or in a new tab where asked', async () => {
    const wrapper = mount(RouteButton, {
      props: { link: { label: '大屏', to: { name: 'home' }, newTab: true, small: true } },
      global: { plugins: [router] },
    })
    await router.isReady()
    const link = wrapper.get('a')
    expect(link.classes()).toContain('el-button')
    expect(link.classes()).not.toContain('el-button--primary')
    expect(link.classes()).toContain('el-button--small')
    expect(link.attributes('data-testid')).toBeUndefined()
    expect(link.attributes('target')).toBe('_blank')
  })
})
