import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import InlineForm from '@/components/InlineForm.vue'

import { uiPlugins } from './mounting'

describe('InlineForm', () => {
  it('puts its inputs before the button that submits them', async () => {
    const wrapper = mount(InlineForm, {
      props: { submitLabel: '添加节点', busy: false },
      attrs: { 'data-testid': 'milestone-form' },
      slots: { default: () => h('input', { 'aria-label': '节点名称' }) },
      global: { plugins: uiPlugins() },
    })
    const form = wrapper.get('form[data-testid=milestone-form]')
    expect(form.find('input[aria-label=节点名称]').exists()).toBe(true)
    const button = form.get('button')
    expect(button.attributes('type')).toBe('submit')
    expect(button.text()).toBe('添加节点')
    await form.trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)
  })

  it('loads while its call runs, and is compact when asked', () => {
    const wrapper = mount(InlineForm, {
      props: { submitLabel: '销号', busy: true, size: 'small' },
      global: { plugins: uiPlugins() },
    })
    const button = wrapper.get('button')
    expect(button.classes()).toContain('is-loading')
    expect(button.classes()).toContain('el-button--small')
  })
})
