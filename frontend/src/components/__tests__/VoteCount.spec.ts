import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import VoteCount from '@/components/VoteCount.vue'

describe('VoteCount', () => {
  it('labels a count from 0 to 9999, named by its label unless told otherwise', async () => {
    const wrapper = mount(VoteCount, {
      props: { modelValue: 3, label: '赞成', testid: 'count-yes' },
      global: { plugins: [ElementPlus] },
    })
    expect(wrapper.get('label > span').text()).toBe('赞成')
    const input = wrapper.get('[data-testid=count-yes] input')
    expect(input.attributes('aria-label')).toBe('赞成')
    expect(input.attributes('aria-valuemin')).toBe('0')
    expect(input.attributes('aria-valuemax')).toBe('9999')
    await input.setValue('7')
    await input.trigger('change')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([7])
    await wrapper.setProps({ ariaLabel: '甲 赞成' })
    expect(input.attributes('aria-label')).toBe('甲 赞成')
  })
})
