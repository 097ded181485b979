import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'

import ErrorAlert from '@/components/ErrorAlert.vue'

const global = { plugins: [ElementPlus], stubs: { transition: false } }

describe('ErrorAlert', () => {
  it("shows a notice with its type's icon, or without one when `icon` is false", () => {
    const shown = mount(ErrorAlert, { props: { type: 'success', message: '已保存。' }, global })
    expect(shown.get('.el-alert').classes()).toContain('el-alert--success')
    expect(shown.find('.el-alert__icon').exists()).toBe(true)

    const plain = mount(ErrorAlert, { props: { type: 'info', message: '已撤回。', icon: false }, global })
    expect(plain.get('.el-alert').classes()).toContain('el-alert--info')
    expect(plain.text()).toContain('已撤回。')
    expect(plain.find('.el-alert__icon').exists()).toBe(false)
  })

  it('shows its default slot as the details under the message, and no details without one', () => {
    const detailed = mount(ErrorAlert, {
      props: { message: '记录有误。' },
      slots: { default: () => h('ul', [h('li', '第 3 条被改动')]) },
      global,
    })
    expect(detailed.get('.el-alert__description li').text()).toBe('第 3 条被改动')
    const bare = mount(ErrorAlert, { props: { message: '记录有误。' }, global })
    expect(bare.find('.el-alert__description').exists()).toBe(false)
  })
})
