import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'

import LabelledTextarea from '@/components/LabelledTextarea.vue'

import { uiPlugins } from './mounting'

describe('LabelledTextarea', () => {
  it('ties its label to the textarea, binds it, and hands the textarea its attributes', async () => {
    const wrapper = mount(LabelledTextarea, {
      props: { modelValue: '', label: '评价说明', id: 'rate-comment' },
      attrs: { rows: 2, maxlength: '1000', 'data-testid': 'rate-comment' },
      global: { plugins: uiPlugins() },
    })
    await flushPromises()
    expect(wrapper.get('label').text()).toBe('评价说明')
    expect(wrapper.get('label').attributes('for')).toBe('rate-comment')
    const text = wrapper.get('textarea')
    expect(text.attributes()).toMatchObject({ id: 'rate-comment', rows: '2', maxlength: '1000' })
    expect(text.attributes('data-testid')).toBe('rate-comment')
    await text.setValue('很及时')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['很及时'])
  })
})
