import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import InlineInput from '@/components/InlineInput.vue'

describe('InlineInput', () => {
  it('shows its label as the placeholder, names the input by it, and binds what is typed', async () => {
    const wrapper = mount(InlineInput, {
      props: { label: '整改原因', modelValue: '', maxlength: '200' },
      attrs: { 'data-testid': 'reason', clearable: true },
      global: { plugins: [ElementPlus] },
    })
    const input = wrapper.get('input[data-testid=reason]')
    expect(input.attributes('placeholder')).toBe('整改原因')
    expect(input.attributes('aria-label')).toBe('整改原因')
    expect(input.attributes('maxlength')).toBe('200')
    await input.setValue('台账不全')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['台账不全'])
  })

  it('takes a textarea, and an empty model as an empty field', () => {
    const wrapper = mount(InlineInput, {
      props: { label: '决定意见', modelValue: null, type: 'textarea', rows: 2 },
      global: { plugins: [ElementPlus] },
    })
    const area = wrapper.get('textarea')
    expect(area.attributes('aria-label')).toBe('决定意见')
    expect((area.element as HTMLTextAreaElement).value).toBe('')
  })
})
