import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'

import ChoiceChecks from '@/components/ChoiceChecks.vue'

describe('ChoiceChecks', () => {
  it('ticks the values in the model and adds the one clicked', async () => {
    const wrapper = mount(ChoiceChecks<string>, {
      props: {
        options: [
          { value: 'staff', label: '工作人员' },
          { value: 'chair', label: '主任' },
        ],
        modelValue: ['staff'],
        'onUpdate:modelValue': (value: string[]) => wrapper.setProps({ modelValue: value }),
      },
      attrs: { 'data-testid': 'roles' },
      global: { plugins: [ElementPlus] },
    })
    const boxes = wrapper.findAll('[data-testid=roles] label.el-checkbox')
    expect(boxes.map((box) => box.text())).toEqual(['工作人员', '主任'])
    expect(boxes[0]?.classes()).toContain('is-checked')
    await boxes[1]?.get('input').setValue(true)
    expect(wrapper.props('modelValue')).toEqual(['staff', 'chair'])
  })
})
