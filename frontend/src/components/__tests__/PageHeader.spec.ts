import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import PageHeader from '@/components/PageHeader.vue'

describe('PageHeader', () => {
  it("is the page's h1, with its test id, and the page's controls after it", () => {
    const wrapper = mount(PageHeader, {
      props: { title: '联络站', titleTestid: 'stations-title' },
      slots: { default: () => h('button', { 'data-testid': 'station-create-open' }, '新建') },
    })
    expect(wrapper.classes()).toContain('page-toolbar')
    const title = wrapper.get('h1')
    expect(title.classes()).toContain('page-title')
    expect(title.attributes('data-testid')).toBe('stations-title')
    expect(title.text()).toBe('联络站')
    expect(wrapper.get('h1 + [data-testid=station-create-open]').text()).toBe('新建')
  })

  it('gives the title no test id unless asked, and shows nothing before it has loaded', () => {
    const wrapper = mount(PageHeader, { props: { title: undefined } })
    expect(wrapper.get('h1').attributes('data-testid')).toBeUndefined()
    expect(wrapper.get('h1').text()).toBe('')
  })

  it('draws its `actions` after the controls in the slot, each shown one doing its click', async () => {
    const create = vi.fn()
    const wrapper = mount(PageHeader, {
      props: {
        title: '实施阶段',
        actions: [
          { label: '新建', type: 'primary', class: 'stages-create', testid: 'stage-create-open', onClick: create },
          { label: '导出', testid: 'export', show: false },
        ],
      },
      slots: { default: () => h('select', { 'data-testid': 'stages-cycle' }) },
      global: { plugins: [ElementPlus] },
    })
    const button = wrapper.get('[data-testid=stages-cycle] + [data-testid=stage-create-open]')
    expect(button.text()).toBe('新建')
    expect(button.classes()).toEqual(expect.arrayContaining(['el-button--primary', 'stages-create']))
    expect(wrapper.find('[data-testid=export]').exists()).toBe(false)
    await button.trigger('click')
    expect(create).toHaveBeenCalledOnce()
  })

  it('draws its `link` as a button right after the title, before the controls in the slot', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/implementation', name: 'implementation', component: { render: () => null } }],
    })
    const wrapper = mount(PageHeader, {
      props: {
        title: '年中评估',
        link: { label: '返回', to: { name: 'implementation' }, testid: 'back', class: 'midyear-back' },
      },
      slots: { default: () => h('select', { 'data-testid': 'cycle' }) },
      global: { plugins: [ElementPlus, router] },
    })
    await router.isReady()
    const link = wrapper.get('h1 + a[data-testid=back]')
    expect(link.classes()).toEqual(expect.arrayContaining(['el-button', 'midyear-back']))
    expect(link.attributes('href')).toBe('/implementation')
    expect(link.text()).toBe('返回')
    expect(wrapper.find('a[data-testid=back] + [data-testid=cycle]').exists()).toBe(true)
  })

  it('draws no link unless given one', () => {
    expect(
      mount(PageHeader, { props: { title: '联络站' } })
        .find('a')
        .exists(),
    ).toBe(false)
  })
})
