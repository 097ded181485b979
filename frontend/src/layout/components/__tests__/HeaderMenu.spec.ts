import { mount } from '@vue/test-utils'
import { Switch } from '@element-plus/icons-vue'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import HeaderMenu from '@/layout/components/HeaderMenu.vue'

function mountMenu(props: Record<string, unknown>, attrs: Record<string, string> = { 'aria-label': '切换' }) {
  return mount(HeaderMenu, {
    props: { icon: Switch, ...props },
    attrs: { 'data-testid': 'tenant-switcher', ...attrs },
    slots: {
      default: () => h('li', { 'data-testid': 'menu-item' }, '东湖'),
      after: () => h('i', { 'data-testid': 'menu-after' }),
    },
    global: { plugins: [ElementPlus] },
  })
}

describe('HeaderMenu', () => {
  it('puts its test id and aria label on the button, with the label and what follows it', () => {
    const wrapper = mountMenu({ label: '切换单位' })
    const button = wrapper.get('[data-testid=tenant-switcher]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('aria-label')).toBe('切换')
    expect(button.get('.header-menu__label').text()).toBe('切换单位')
    expect(button.find('[data-testid=menu-after]').exists()).toBe(true)
  })

  it('shows only the icon when compact', () => {
    const wrapper = mountMenu({ label: '切换单位', compact: true })
    const button = wrapper.get('[data-testid=tenant-switcher]')
    expect(button.find('.header-menu__label').exists()).toBe(false)
    expect(button.find('[data-testid=menu-after]').exists()).toBe(false)
    expect(button.find('.el-icon').exists()).toBe(true)
  })

  it('is named by its label when compact, unless an aria label is given', () => {
    const named = (props: Record<string, unknown>, attrs?: Record<string, string>) =>
      mountMenu(props, attrs).get('[data-testid=tenant-switcher]').attributes('aria-label')
    expect(named({ label: '切换单位', compact: true }, {})).toBe('切换单位')
    expect(named({ label: '切换单位' }, {})).toBeUndefined()
    expect(named({ label: '切换单位', compact: true })).toBe('切换')
  })

  it("passes the dropdown's command on", async () => {
    const wrapper = mountMenu({ label: '切换单位' })
    wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 7)
    expect(wrapper.emitted('command')).toEqual([[7]])
  })
})
