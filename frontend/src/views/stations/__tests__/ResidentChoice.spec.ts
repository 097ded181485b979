import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'

import ChoiceSelect from '@/components/ChoiceSelect.vue'
import { applyLocale, i18n } from '@/plugins/i18n'
import ResidentChoice from '@/views/stations/detail/ResidentChoice.vue'

beforeEach(() => applyLocale('zh-CN'))

function mountChoice(add: (id: number) => Promise<boolean>, busy = false) {
  return mount(ResidentChoice, {
    props: { label: '从名册选', options: [{ value: 4, label: '张三' }], busy, add },
    attrs: { 'data-testid': 'station-resident-local' },
    slots: { default: () => h('input', { 'data-testid': 'search' }) },
    global: { plugins: [ElementPlus, i18n] },
  })
}

describe('ResidentChoice', () => {
  it('puts the slot before the list, which carries the test id and the label', () => {
    const wrapper = mountChoice(vi.fn())
    expect(wrapper.get('.choice').element.firstElementChild?.getAttribute('data-testid')).toBe('search')
    expect(wrapper.find('[data-testid=station-resident-local]').exists()).toBe(true)
    expect(wrapper.find('input[aria-label="从名册选"]').exists()).toBe(true)
  })

  it('stations the deputy chosen and clears the choice once that worked', async () => {
    const add = vi.fn().mockResolvedValue(true)
    const wrapper = mountChoice(add)
    const button = wrapper.get('button')
    expect(button.attributes('disabled')).toBeDefined()
    wrapper.findComponent(ChoiceSelect).vm.$emit('update:modelValue', 4)
    await flushPromises()
    expect(button.attributes('disabled')).toBeUndefined()
    await button.trigger('click')
    await flushPromises()
    expect(add).toHaveBeenCalledWith(4)
    expect(button.attributes('disabled')).toBeDefined()
  })

  it('keeps the choice when stationing failed, and waits while busy', async () => {
    const wrapper = mountChoice(vi.fn().mockResolvedValue(false))
    wrapper.findComponent(ChoiceSelect).vm.$emit('update:modelValue', 4)
    await flushPromises()
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('button').attributes('disabled')).toBeUndefined()
    await wrapper.setProps({ busy: true })
    expect(wrapper.get('button').attributes('disabled')).toBeDefined()
  })
})
