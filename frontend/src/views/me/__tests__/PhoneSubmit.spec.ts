import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import PhoneSubmit from '@/views/me/PhoneSubmit.vue'

describe('PhoneSubmit', () => {
  it('shows the call error above a submitting button that loads while the call runs', () => {
    const wrapper = mount(PhoneSubmit, {
      props: {
        label: '提交',
        call: { busy: true, error: '出错了' },
        testid: 'send',
        errorTestid: 'send-error',
      },
      global: { plugins: [ElementPlus] },
    })
    expect(wrapper.get('[data-testid=send-error]').text()).toContain('出错了')
    const button = wrapper.get('[data-testid=send]')
    expect(button.attributes('type')).toBe('submit')
    expect(button.classes()).toEqual(expect.arrayContaining(['phone-submit', 'is-loading']))
    expect(button.text()).toBe('提交')
  })

  it('shows no error when there is none', () => {
    const wrapper = mount(PhoneSubmit, {
      props: { label: '提交', call: { busy: false, error: '' }, testid: 'send', errorTestid: 'e' },
      global: { plugins: [ElementPlus] },
    })
    expect(wrapper.find('[data-testid=e]').exists()).toBe(false)
  })
})
