import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import ReceiptCheck from '../ReceiptCheck.vue'

const testids = {
  form: 'receipt-check',
  input: 'receipt-input',
  submit: 'receipt-check-submit',
  result: 'receipt-result',
}
const texts = {
  title: '核对回执',
  label: '回执码',
  submitLabel: '核对',
  counted: '您的选票已计入。',
  notCounted: '未找到该回执。',
}

describe('ReceiptCheck', () => {
  it('labels the code input, binds it, and checks only once a code is typed', async () => {
    const wrapper = mount(ReceiptCheck, {
      props: { ...texts, testids, modelValue: '', checking: false, result: null },
      global: { plugins: [ElementPlus] },
    })
    const input = wrapper.get('input[data-testid=receipt-input]')
    expect(wrapper.get('label').attributes('for')).toBe('receipt-input')
    expect(wrapper.get('label').text()).toBe('回执码')
    const submit = () => wrapper.get('button[data-testid=receipt-check-submit]')
    expect(submit().classes()).toContain('is-disabled')

    await input.setValue('AB12-CD34')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['AB12-CD34'])
    await wrapper.setProps({ modelValue: 'AB12-CD34' })
    expect(submit().classes()).not.toContain('is-disabled')
    await wrapper.get('form[data-testid=receipt-check]').trigger('submit')
    expect(wrapper.emitted('check')).toHaveLength(1)
  })

  it('says whether the ballot was counted, and shows a failed check as an alert', async () => {
    const wrapper = mount(ReceiptCheck, {
      props: { ...texts, testids, modelValue: 'X', checking: false, result: true },
      global: { plugins: [ElementPlus] },
    })
    expect(wrapper.get('[data-testid=receipt-result]').text()).toBe('您的选票已计入。')
    await wrapper.setProps({ result: false, error: '网络错误' })
    expect(wrapper.get('[data-testid=receipt-result]').text()).toBe('未找到该回执。')
    expect(wrapper.get('[role=alert]').text()).toBe('网络错误')
  })
})
