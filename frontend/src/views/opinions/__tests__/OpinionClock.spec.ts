import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'
import OpinionClock from '@/views/opinions/OpinionClock.vue'

beforeEach(() => applyLocale('zh-CN'))

describe('OpinionClock', () => {
  it('shows a running clock as a tag of its kind, and nothing once it has stopped', async () => {
    const wrapper = mount(OpinionClock, {
      props: { opinion: { clock: 'overdue', days_left: -3 } },
      attrs: { 'data-testid': 'clock' },
      global: { plugins: [ElementPlus, i18n] },
    })
    const tag = wrapper.get('[data-testid=clock]')
    expect(tag.classes()).toContain('el-tag--danger')
    expect(tag.text()).not.toBe('')
    await wrapper.setProps({ opinion: { clock: 'stopped', days_left: null } })
    expect(wrapper.find('[data-testid=clock]').exists()).toBe(false)
  })
})
