import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import VoteNote from '@/components/VoteNote.vue'

describe('VoteNote', () => {
  it('names its textarea, binds it, and sends the form', async () => {
    const wrapper = mount(VoteNote, {
      props: {
        modelValue: '',
        label: '回复张三',
        rows: 2,
        busy: false,
        submitLabel: '回复',
        textTestid: 'note-text',
        submitTestid: 'note-submit',
      },
      attrs: { 'data-testid': 'note-form' },
      global: { plugins: [ElementPlus] },
    })
    const text = wrapper.get('textarea[data-testid=note-text]')
    expect(text.attributes('aria-label')).toBe('回复张三')
    expect(text.attributes('maxlength')).toBe('5000')
    await text.setValue('好的')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['好的'])
    expect(wrapper.get('button[data-testid=note-submit]').text()).toBe('回复')
    await wrapper.get('form[data-testid=note-form]').trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)
  })
})
