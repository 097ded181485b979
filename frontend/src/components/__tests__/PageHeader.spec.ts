import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

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
})
